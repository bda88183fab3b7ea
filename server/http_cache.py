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
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth.apikeys import KEY_PARAM
from server.response_cache import MAX_BODY_BYTES, ResponseCache, etag_matches, etag_of

GRAPHQL_PATH = "/graphql"
# What the answer depends on besides the URL: the key (401, rate limits), the session
# cookie (private answers) and the Origin (CORS headers).
VARY = "Authorization, Cookie, Origin"
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
        self.public = (
            f"public, max-age={max_age_seconds}, "
            f"stale-while-revalidate={stale_while_revalidate_seconds}"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != GRAPHQL_PATH or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        params = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if "cookie" in headers:
            await self.app(scope, receive, _with_cache_control(send, PRIVATE))
            return
        if not any(name == "query" for name, _ in params):
            # GraphiQL's page, or a request strawberry refuses: not an answer to keep.
            await self.app(scope, receive, _with_cache_control(send, NO_STORE))
            return
        shared = urlencode(sorted((k, v) for k, v in params if k != KEY_PARAM))
        key = hashlib.sha256(b"GET\n" + shared.encode()).digest()
        if_none_match = headers.get("if-none-match")
        cached = self.cache.get(key) if self.cache.enabled else None
        if cached is not None:
            await self._answer(send, cached, if_none_match, hit=True)
            return
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
            await self._answer(send, body, if_none_match, hit=False, start=start)

        await self.app(scope, receive, capture)

    async def _answer(
        self,
        send: Send,
        body: bytes,
        if_none_match: str | None,
        *,
        hit: bool,
        start: Message | None = None,
    ) -> None:
        etag = etag_of(body)
        headers = [
            (b"cache-control", self.public.encode()),
            (b"etag", etag.encode()),
            (b"vary", VARY.encode()),
            (b"x-cache", b"hit" if hit else b"miss"),
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
