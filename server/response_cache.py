"""A short-lived cache of anonymous GraphQL answers: partner feeds and visitors' pages.

Requests with no credentials (no cookie, no Authorization) all see the same PUBLIC
data, so the answer to the same request body can be shared for a moment. Any write
in this process clears the cache; writes in other processes are bounded by the TTL
(MOIN_RESPONSE_CACHE_SECONDS, 0 turns the cache off). Only complete answers without
`errors` are kept, and nothing a signed-in member or a partner key receives.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import NamedTuple

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 512
MAX_BODY_BYTES = 256 * 1024


def etag_of(body: bytes) -> str:
    """A strong ETag: the body's SHA-256 (a different body, a different tag)."""
    return '"' + hashlib.sha256(body).hexdigest()[:40] + '"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (or is `*`)."""
    if not if_none_match:
        return False
    tags = {tag.strip() for tag in if_none_match.split(",")}
    return etag in tags or "*" in tags


class Cached(NamedTuple):
    """A kept answer: its body and the body's ETag (made once, when the answer is kept: a
    cached GET revalidated by thousands of widgets would otherwise hash it every time)."""

    body: bytes
    etag: str


class ResponseCache:
    """Bounded LRU of response bodies with a time to live."""

    def __init__(self, ttl_seconds: float, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl = ttl_seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[bytes, tuple[float, Cached]] = OrderedDict()
        # Bumped by every clear(): an answer made across a write is not kept.
        self.generation = 0

    @property
    def enabled(self) -> bool:
        return self.ttl > 0

    def get(self, key: bytes) -> Cached | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        stored_at, cached = entry
        if time.monotonic() - stored_at > self.ttl:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return cached

    def put(self, key: bytes, body: bytes) -> Cached:
        """Keep `body` under `key`; returns what is kept."""
        cached = Cached(body, etag_of(body))
        self._entries[key] = (time.monotonic(), cached)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return cached

    def clear(self) -> None:
        """Something was written: no cached answer may be served any more."""
        self._entries.clear()
        self.generation += 1


@dataclass
class Turn:
    """A request's turn at a missing answer: the answer another request made meanwhile
    (`shared`), or None, and then it makes the answer and `share`s it if it can."""

    shared: Cached | None
    _future: asyncio.Future[Cached | None] | None = None

    def share(self, answer: Cached) -> None:
        """Give the answer made to the requests that waited for it."""
        if self._future is not None and not self._future.done():
            self._future.set_result(answer)


class SingleFlight:
    """One request at a time makes a missing answer: others asking the same meanwhile wait
    for it instead of all making it at once (when an answer expires under load, every
    request in flight would otherwise run the same query together)."""

    def __init__(self) -> None:
        # Answers being made, by key: their result is the answer, or None if not shareable.
        self._in_flight: dict[bytes, asyncio.Future[Cached | None]] = {}

    @asynccontextmanager
    async def turn(self, key: bytes) -> AsyncIterator[Turn]:
        """Wait for the answer being made for `key`, or make it (see Turn)."""
        pending = self._in_flight.get(key)
        if pending is not None:
            # shield: one waiter going away must not cancel the answer for the others.
            shared = await asyncio.shield(pending)
            if shared is not None:
                yield Turn(shared)
                return
            # Not shareable (an error, too big, a write in between): make our own.
        else:
            pending = asyncio.get_running_loop().create_future()
            self._in_flight[key] = pending
        try:
            yield Turn(None, pending)
        finally:
            if self._in_flight.get(key) is pending:
                del self._in_flight[key]
            if not pending.done():
                pending.set_result(None)


class AnonymousResponseCache:
    """Serve credential-less POSTs to /graphql from the cache (runs after GraphQLGuard).

    One request at a time makes a missing answer: others asking the same meanwhile
    wait for it instead of all making it at once (when an answer expires under load,
    every request in flight would otherwise run the same query together).
    """

    def __init__(self, app: ASGIApp, *, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache
        self.flights = SingleFlight()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            not self.cache.enabled
            or scope["type"] != "http"
            or scope["path"] != "/graphql"
            or scope["method"] != "POST"
        ):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if "cookie" in headers or "authorization" in headers:
            await self.app(scope, receive, send)
            return
        message = await receive()  # GraphQLGuard hands over the whole body at once
        body = message.get("body", b"")
        key = hashlib.sha256(body).digest()
        cached = self.cache.get(key)
        if cached is not None:
            await _send_json(send, cached.body, cache_status=b"hit")
            return
        async with self.flights.turn(key) as turn:
            if turn.shared is not None:
                await _send_json(send, turn.shared.body, cache_status=b"shared")
                return
            await self._make(scope, receive, send, message, key, turn)

    async def _make(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        message: Message,
        key: bytes,
        turn: Turn,
    ) -> None:
        generation = self.cache.generation
        start: Message | None = None
        chunks: list[bytes] = []
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return message

        async def capture(out: Message) -> None:
            nonlocal start
            if out["type"] == "http.response.start":
                start = out
                return
            chunks.append(out.get("body", b""))
            if out.get("more_body", False):
                return
            payload = b"".join(chunks)
            assert start is not None
            if (
                start["status"] == 200
                and len(payload) <= MAX_BODY_BYTES
                and b'"errors"' not in payload
                # Not if a write cleared the cache while this answer was being made.
                and self.cache.generation == generation
            ):
                turn.share(self.cache.put(key, payload))
            await send(start)
            await send({"type": "http.response.body", "body": payload})

        await self.app(scope, replay, capture)


async def _send_json(send: Send, body: bytes, *, cache_status: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-cache", cache_status),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
