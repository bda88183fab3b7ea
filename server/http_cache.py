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

from server.auth.apikeys import KEY_PARAM, PERSISTED_ONLY
from server.persisted import SENT_QUERY_STRING
from server.response_cache import (
    MAX_BODY_BYTES,
    Cached,
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


def cache_key(sent: bytes) -> bytes:
    """The response cache's key for a GET whose query string was `sent`.

    The parameters as the client sent them (a persisted document's hash, not its text:
    bytes compared, nothing decoded), without the partner key. Kept in their order:
    `query=A&query=B` and `query=B&query=A` are different requests.
    """
    shared = b"&".join(p for p in sent.split(b"&") if not p.startswith(KEY_PREFIX))
    return hashlib.sha256(b"GET\n" + shared).digest()


class PublicAnswers:
    """A cacheable GET's answer from its body: public Cache-Control, ETag, Vary, and 304
    when If-None-Match names the ETag. Shared by EarlyHits and CacheableGets."""

    def __init__(
        self, cache: ResponseCache, *, max_age_seconds: int, stale_while_revalidate_seconds: int
    ) -> None:
        self.cache = cache
        self.flights = SingleFlight()
        self.public = (
            f"public, max-age={max_age_seconds}, "
            f"stale-while-revalidate={stale_while_revalidate_seconds}"
        ).encode()

    async def send(
        self,
        send: Send,
        answer: Cached,
        if_none_match: str | None,
        *,
        cache_status: bytes,
        start: Message | None = None,
    ) -> None:
        """Send `answer` (`start`: the response start it was made with, whose other
        headers it keeps)."""
        headers = [
            (b"cache-control", self.public),
            (b"etag", answer.etag.encode()),
            (b"vary", VARY.encode()),
            (b"x-cache", cache_status),
        ]
        if etag_matches(if_none_match, answer.etag):
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
        headers = [*kept, *headers, (b"content-length", str(len(answer.body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})


class EarlyHits:
    """Answer a GET whose answer the cache holds before anything parses its parameters.

    It runs after the partner key's checks (PartnerKeys: the key, its origins, its rate
    budget) and before GraphQLGuard and PersistedQueries, which decode the query string
    and parse `variables` and `extensions` as JSON: for a widget's cached feed that work
    was most of the request. Skipping them is safe because an answer is kept under the
    parameters as sent (`cache_key`) only after they passed those checks, and the checks
    depend on nothing else but the session cookie (then the answer is private: not here)
    and a persisted-only key (then its document must be one of the forum's: the full
    path checks it). A write clears the cache, so no answer from before it is served.
    """

    def __init__(self, app: ASGIApp, *, answers: PublicAnswers) -> None:
        self.app = app
        self.answers = answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != GRAPHQL_PATH
            or scope["method"] != "GET"
            or not self.answers.cache.enabled
            or scope.get("state", {}).get(PERSISTED_ONLY)
        ):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cached = None
        if "cookie" not in headers:
            cached = self.answers.cache.get(cache_key(scope.get("query_string", b"")))
        if cached is None:
            await self.app(scope, receive, send)
            return
        await self.answers.send(send, cached, headers.get("if-none-match"), cache_status=b"hit")


class CacheableGets:
    """Make GETs to /graphql cacheable (see the module's docstring)."""

    def __init__(self, app: ASGIApp, *, answers: PublicAnswers) -> None:
        self.app = app
        self.answers = answers
        self.cache = answers.cache

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
        key = cache_key(scope.get("state", {}).get(SENT_QUERY_STRING, query_string))
        if_none_match = headers.get("if-none-match")
        cached = self.cache.get(key) if self.cache.enabled else None
        if cached is not None:
            await self.answers.send(send, cached, if_none_match, cache_status=b"hit")
            return
        if not self.cache.enabled:
            await self._make(scope, receive, send, key, if_none_match, None)
            return
        async with self.answers.flights.turn(key) as turn:
            if turn.shared is not None:
                await self.answers.send(send, turn.shared, if_none_match, cache_status=b"shared")
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
                answer = self.cache.put(key, body)
                if turn is not None:
                    turn.share(answer)
            else:
                answer = Cached(body, etag_of(body))
            await self.answers.send(send, answer, if_none_match, cache_status=b"miss", start=start)

        await self.app(scope, receive, capture)


def _with_cache_control(send: Send, value: str) -> Send:
    async def send_with(message: Message) -> None:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message)["Cache-Control"] = value
        await send(message)

    return send_with
