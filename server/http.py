"""HTTP middleware: request ids, security headers, failures, client disconnects, and the
GraphQL request parser (origin checks, the body cap, what a request body must be)."""

from __future__ import annotations

import asyncio
import json
import logging
import random
from typing import Any

from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.db import is_unavailable
from server.querystring import query_pairs
from server.services.errors import Unavailable, internal_error_message

log = logging.getLogger("server.errors")

GRAPHQL_PATH = "/graphql"

# WebSocket close codes (RFC 6455): the server met an unexpected condition; the server is
# in a passing condition and the client should reconnect later ("Try Again Later").
WS_INTERNAL_ERROR = 1011
WS_TRY_AGAIN_LATER = 1013

# Pages carry no inline script; the embed widget is a script, so no page needs framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def new_request_id() -> str:
    """16 hexadecimal digits naming a request in the log and in its errors.

    Not a secret and not a credential (it is sent back to the client), so not from the
    operating system's random source: `uuid4()` read 16 bytes from it on every request,
    which cost more than answering a cached GET.
    """
    return f"{random.getrandbits(64):016x}"


class SecurityHeaders:
    """Request id in and out, and the headers every response carries."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        if scope["type"] == "websocket":
            # A socket's errors quote its id too; the handshake answer carries no headers.
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Request-Id"] = request_id
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "same-origin"
                # GraphiQL's page too: it is served from the forum's own files.
                headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Failures:
    """The last word on a request that failed: never a bare 500 page, never a traceback.

    An exception that escapes the application is answered here, in the shape of a GraphQL
    error: when the database cannot be used just now (down, restarting, no free
    connection) 503 with Retry-After and the code UNAVAILABLE, so that clients retry; any
    other with 500, the code INTERNAL and the request id. A WebSocket is closed with 1013
    (try again later) or 1011 and the same words. The detail goes to the log only.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        started = False
        closed = False

        async def watched_send(message: Message) -> None:
            nonlocal started, closed
            if message["type"] in ("http.response.start", "websocket.accept"):
                started = True
            elif message["type"] == "websocket.close":
                closed = True
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            request_id = scope.get("state", {}).get("request_id", "-")
            unavailable = is_unavailable(exc)
            if unavailable:
                log.warning("database unavailable (request %s): %r", request_id, exc)
            else:
                log.error("internal error (request %s)", request_id, exc_info=exc)
            if scope["type"] == "websocket":
                if not closed:
                    await _close_socket(send, request_id, unavailable=unavailable)
                return
            if started:
                raise  # part of the answer is sent: only closing the connection is left
            await _answer_failure(scope, receive, send, request_id, unavailable=unavailable)


async def _answer_failure(
    scope: Scope, receive: Receive, send: Send, request_id: str, *, unavailable: bool
) -> None:
    headers: dict[str, str] = {}
    if unavailable:
        error = Unavailable()
        status, message, extensions = 503, error.message, {"code": error.code}
        headers["Retry-After"] = str(error.retry_after)
    else:
        status, message = 500, internal_error_message(request_id)
        extensions = {"code": "INTERNAL", "requestId": request_id}
    response: Response
    if scope["path"] == GRAPHQL_PATH:
        body = {"errors": [{"message": message, "extensions": extensions}]}
        response = JSONResponse(body, status_code=status, headers=headers)
    else:
        # A page (sign-in, the web client's files): the same words, as text.
        response = PlainTextResponse(message, status_code=status, headers=headers)
    await response(scope, receive, send)


async def _close_socket(send: Send, request_id: str, *, unavailable: bool) -> None:
    if unavailable:
        error = Unavailable()
        code, reason = WS_TRY_AGAIN_LATER, f"{error.code}: {error.message}"
    else:
        code, reason = WS_INTERNAL_ERROR, f"INTERNAL: {internal_error_message(request_id)}"
    # Before the handshake is accepted, a close refuses it (HTTP 403), which is all the
    # protocol allows; after it, the client gets the code and the reason.
    await send({"type": "websocket.close", "code": code, "reason": reason})


class CancelOnDisconnect:
    """Stop a request's work when its client goes away.

    The ASGI server says that a client left only through `receive()`, which nothing calls
    once the request's body is read: a query would go on holding its connection and a
    write would commit for nobody. So a watcher task waits on `receive()` once the body
    is read, and a disconnect before the response is complete cancels the request's
    task. That cancels its SQL (asyncpg asks PostgreSQL to cancel the statement) and its
    transaction rolls back. A task costs more than most requests' remaining work saves,
    so the watcher starts only for a request still running after WATCH_AFTER_SECONDS.
    """

    WATCH_AFTER_SECONDS = 0.05

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = asyncio.current_task()
        assert request is not None
        body_read = complete = client_left = due = False
        watcher: asyncio.Future[None] | None = None

        async def watch() -> None:
            nonlocal client_left
            message = await receive()
            if message["type"] == "http.disconnect" and not complete:
                client_left = True
                request.cancel()

        def start_watching() -> None:
            nonlocal watcher, due
            due = True
            if body_read and watcher is None:
                watcher = asyncio.ensure_future(watch())

        def note(message: Message) -> Message:
            nonlocal body_read
            if message["type"] == "http.request" and not message.get("more_body"):
                body_read = True
                if due:
                    start_watching()
            return message

        # The first message is read here, so that a request without a body (or with a
        # small one) can be watched even if its handler never reads it.
        first: Message | None = note(await receive())

        async def relayed_receive() -> Message:
            nonlocal first
            if first is not None:
                message, first = first, None
                return message
            if body_read:
                # All that can come next is the disconnect (or the end of the response).
                start_watching()
                assert watcher is not None
                await asyncio.shield(watcher)
                return {"type": "http.disconnect"}
            return note(await receive())

        async def tracked_send(message: Message) -> None:
            nonlocal complete
            if message["type"] == "http.response.body" and not message.get("more_body"):
                complete = True
            await send(message)

        timer = asyncio.get_running_loop().call_later(self.WATCH_AFTER_SECONDS, start_watching)
        try:
            await self.app(scope, relayed_receive, tracked_send)
        except asyncio.CancelledError:
            if not client_left:
                raise  # the server itself is stopping this request
            request_id = scope.get("state", {}).get("request_id", "-")
            log.info("client went away; request %s cancelled", request_id)
        finally:
            timer.cancel()
            if watcher is not None:
                watcher.cancel()
        # This cancellation is handled: only another one (a server shutdown) goes on.
        if client_left and request.uncancel() > 0:
            raise asyncio.CancelledError


class GraphQLGuard:
    """Before GraphQL parses anything: check the origin, cap the body, parse the request.

    A cookie-carrying request (GET or POST) from a foreign origin is refused, so that a
    page on another site can neither act nor read with a member's session (CSRF); so is
    a POST that is not JSON. What is not one GraphQL request (not UTF-8, not JSON, not
    an object, a batch, fields of the wrong type, JSON nested deeper than MAX_JSON_DEPTH)
    is answered 400 with what is wrong (see `request_problem`).
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, site_origin: str) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.site_origin = site_origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != GRAPHQL_PATH:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if "cookie" in headers and self._cross_origin(headers):
            await _refuse(scope, receive, send, 403, "Cross-origin requests may not use cookies.")
            return
        if scope["method"] == "GET":
            problem = query_params_problem(QueryParams(query_pairs(scope)))
            if problem is not None:
                await _refuse(scope, receive, send, 400, problem)
                return
        if scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            await _refuse(scope, receive, send, 415, "GraphQL requests must be application/json.")
            return
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await _refuse(scope, receive, send, 413, self._too_large())
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > self.max_body_bytes:
                await _refuse(scope, receive, send, 413, self._too_large())
                return
        problem = request_problem(bytes(body))
        if problem is not None:
            await _refuse(scope, receive, send, 400, problem)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> str:
        return f"The request body is over the limit of {self.max_body_bytes} bytes."

    def _cross_origin(self, headers: Headers) -> bool:
        """Whether a browser sent this request from a page of another origin.

        The Origin header says so when it is there; a browser that sends no Origin (a GET
        from a script or image tag) still says `Sec-Fetch-Site`. A navigation (a link
        to GraphiQL) is not a page reading the answer.
        """
        origin = headers.get("origin")
        if origin is not None:
            return origin.lower() != self.site_origin
        return (
            headers.get("sec-fetch-site") in ("cross-site", "same-site")
            and headers.get("sec-fetch-mode") != "navigate"
        )


# Deeper than any of the API's inputs needs; a JSON parser recursing without a bound
# would fail (a RecursionError) on a body of 5,000 brackets.
MAX_JSON_DEPTH = 32
_OBJECT_FIELDS = ("variables", "extensions")
_TEXT_FIELDS = ("query", "operationName")


def request_problem(body: bytes) -> str | None:
    """Why a POSTed body is not one GraphQL request (a JSON object), or None."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"The request body is not UTF-8 text (an invalid byte at offset {exc.start})."
    data, problem = parse_json(text, "The request body")
    if problem is not None:
        return problem
    if isinstance(data, list):
        return "Batched operations are not accepted: send one operation per request."
    if not isinstance(data, dict):
        return 'The request body must be a JSON object such as {"query": "…", "variables": {…}}.'
    for name in _TEXT_FIELDS:
        if not isinstance(data.get(name), str | None):
            return f"`{name}` must be a string (or null)."
    for name in _OBJECT_FIELDS:
        if not isinstance(data.get(name), dict | None):
            return f"`{name}` must be a JSON object (or null)."
    return None


def query_params_problem(params: QueryParams) -> str | None:
    """Why the parameters of a GET are not one GraphQL request, or None."""
    for name in _OBJECT_FIELDS:
        raw = params.get(name)
        if raw is None:
            continue
        data, problem = parse_json(raw, f"`{name}`")
        if problem is not None:
            return problem
        if not isinstance(data, dict | None):
            return f"`{name}` must be a JSON object (or null)."
    return None


def parse_json(text: str, what: str) -> tuple[Any, str | None]:
    """`text` parsed, or what is wrong with it ("<what> is not valid JSON …")."""
    too_deep = f"{what} nests JSON deeper than {MAX_JSON_DEPTH} levels."
    try:
        data = json.loads(text)
    except RecursionError:
        return None, too_deep
    except json.JSONDecodeError as exc:
        return None, f"{what} is not valid JSON ({exc})."
    except ValueError:  # a number of thousands of digits, which Python will not convert
        return None, f"{what} holds a number too long to read."
    if _depth_over(data, MAX_JSON_DEPTH):
        return None, too_deep
    return data, None


def _depth_over(value: Any, limit: int) -> bool:
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return False


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    response = JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]},
        status_code=status,
    )
    await response(scope, receive, send)
