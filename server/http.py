"""HTTP middleware: request ids, security headers, the GraphQL body cap and origin checks."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Pages carry no inline script; the embed widget is a script, so no page needs framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)
# GraphiQL (a developer tool) loads its scripts from a CDN and starts them inline.
GRAPHIQL_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; "
    "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data: https:; "
    "connect-src 'self'; frame-ancestors 'self'"
)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class SecurityHeaders:
    """Request id in and out, and the headers every response carries."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = request_id
        is_graphiql = scope["path"] == "/graphql" and scope["method"] == "GET"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Request-Id"] = request_id
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "same-origin"
                headers.setdefault("Content-Security-Policy", GRAPHIQL_CSP if is_graphiql else CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class GraphQLGuard:
    """Before GraphQL parses anything: cap the body, refuse batches, check the origin.

    A cookie-carrying POST from a foreign Origin, or one that is not JSON, is refused,
    so a page on another site cannot act with a member's session (CSRF).
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, site_origin: str) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.site_origin = site_origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/graphql" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is not None and origin.lower() != self.site_origin and "cookie" in headers:
            await _refuse(scope, receive, send, 403, "Cross-origin requests may not use cookies.")
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
        if body.lstrip()[:1] == b"[":
            await _refuse(scope, receive, send, 400, "Batched operations are not accepted.")
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


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    response = JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]},
        status_code=status,
    )
    await response(scope, receive, send)
