"""HTTP caching of GraphQL GETs: Cache-Control, a strong ETag, 304 on If-None-Match.

A GET to /graphql without a session cookie (a visitor, or a partner key: both read
PUBLIC content only) is the same answer for everyone who asks the same thing, so it is
`public`: browsers, the partner's CDN and proxies may keep it for `max-age` seconds and
serve it stale while they revalidate. Its ETag is the SHA-256 of the body, so an
unchanged answer costs a 304 and no body. In this process the answer is also kept in the
response cache (cleared by every write), keyed by the request's parameters without the
partner `key` (whoever asks, the answer is the same). A request with a session cookie is
`private, no-store`; an answer with `errors` is `no-store`.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth.apikeys import KEY_PARAM
from server.persisted import SENT_QUERY_STRING
from server.response_cache import (
    MAX_BODY_BYTES,
    ResponseCache,
    SingleFlight,
    Turn,
    etag_matches,
    etag_of,
)

GRAPHQL_PATH = "/graphql"
# What the answer depends on besides the URL: the key (401, rate limits), the session
# cookie (private answers) and the Origin (CORS headers).
VARY = "Authorization, Cookie, Origin"
KEY_PREFIX = f"{KEY_PARAM}=".encode()
PRIVATE = "private, no-store"
NO_STORE = "no-store"


class CacheableGets:
    """Make GETs to /graphql cacheable (see the module's docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        cache: ResponseCache,
        max_age_seconds: int,
        stale_while_revalidate_seconds: int,
    ) -> None:
        self.app = app
        self.cache = cache
        self.flights = SingleFlight()
        self.public = (
            f"public, max-age={max_age_seconds}, "
            f"stale-while-revalidate={stale_while_revalidate_seconds}"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != GRAPHQL_PATH or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if "cookie" in headers:
            await self.app(scope, receive, _with_cache_control(send, PRIVATE))
            return
        query_string: bytes = scope.get("query_string", b"")
        if not any(part.startswith(b"query=") for part in query_string.split(b"&")):
            # GraphiQL's page, or a request strawberry refuses: not an answer to keep.
            await self.app(scope, receive, _with_cache_control(send, NO_STORE))
            return
        # The parameters as the client sent them (a persisted document's hash, not its
        # text: bytes compared, nothing decoded), without the partner key. Kept in their
        # order: `query=A&query=B` and `query=B&query=A` are different requests.
        sent = scope.get("state", {}).get(SENT_QUERY_STRING, query_string)
        shared = b"&".join(p for p in sent.split(b"&") if not p.startswith(KEY_PREFIX))
        key = hashlib.sha256(b"GET\n" + shared).digest()
        if_none_match = headers.get("if-none-match")
        cached = self.cache.get(key) if self.cache.enabled else None
        if cached is not None:
            await self._answer(send, cached, if_none_match, cache_status=b"hit")
            return
        if not self.cache.enabled:
            await self._make(scope, receive, send, key, if_none_match, None)
            return
        async with self.flights.turn(key) as turn:
            if turn.shared is not None:
                await self._answer(send, turn.shared, if_none_match, cache_status=b"shared")
                return
            await self._make(scope, receive, send, key, if_none_match, turn)

    async def _make(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        key: bytes,
        if_none_match: str | None,
        turn: Turn | None,
    ) -> None:
        """Run the request; keep and share a good answer."""
        generation = self.cache.generation
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            assert start is not None
            if start["status"] != 200 or b'"errors"' in body:
                out = MutableHeaders(scope=start)
                out["Cache-Control"] = NO_STORE
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            if (
                self.cache.enabled
                and len(body) <= MAX_BODY_BYTES
                and self.cache.generation == generation
            ):
                self.cache.put(key, body)
                if turn is not None:
                    turn.share(body)
            await self._answer(send, body, if_none_match, cache_status=b"miss", start=start)

        await self.app(scope, receive, capture)

    async def _answer(
        self,
        send: Send,
        body: bytes,
        if_none_match: str | None,
        *,
        cache_status: bytes,
        start: Message | None = None,
    ) -> None:
        etag = etag_of(body)
        headers = [
            (b"cache-control", self.public.encode()),
            (b"etag", etag.encode()),
            (b"vary", VARY.encode()),
            (b"x-cache", cache_status),
        ]
        if etag_matches(if_none_match, etag):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        if start is not None:
            kept = [
                (name, value)
                for name, value in start.get("headers", [])
                if name.lower() not in (b"content-length", b"cache-control", b"etag", b"vary")
            ]
        else:
            kept = [(b"content-type", b"application/json")]
        headers = [*kept, *headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _with_cache_control(send: Send, value: str) -> Send:
    async def send_with(message: Message) -> None:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message)["Cache-Control"] = value
        await send(message)

    return send_with
