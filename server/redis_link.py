"""One process's link to Redis: a message bus shared by the server processes, and its health.

Every process publishes to, and listens on, one Redis channel (`<prefix>:bus`). A message
names its kind ("event", "write", …) and the process that sent it; a process ignores its
own messages, since it has already acted on them locally. Messages are fire-and-forget:
they leave through a bounded outbox, so a request never waits for Redis, and while Redis
is away they are dropped.

Redis going away is a fault the forum survives (SECURITY.md, Faults): the link logs one
warning when Redis stops answering, and one line when it answers again; meanwhile `up` is
False, and users of the link (the rate limiter) fall back to this process alone. The
listener reconnects with an exponential backoff and pings a silent connection, so that a
Redis that vanished without closing the socket is noticed too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.asyncio.connection import parse_url
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.retry import Retry

log = logging.getLogger(__name__)

# Seconds. A command waits this long for Redis before the caller falls back.
CONNECT_TIMEOUT = 2.0
COMMAND_TIMEOUT = 2.0
# A silent subscription is pinged after this long, and given up after as long again.
HEARTBEAT_SECONDS = 5.0
# Reconnection attempts start this far apart and double up to the maximum.
RECONNECT_MIN_SECONDS = 0.1
RECONNECT_MAX_SECONDS = 5.0
# How long start-up waits for a first try to subscribe that neither succeeds nor fails.
START_WAIT_SECONDS = 2.0
# Messages waiting to be published; past this, new ones are dropped (Redis is too slow).
OUTBOX_SIZE = 1000

Handler = Callable[[dict[str, Any]], Awaitable[None]]


class RedisLink:
    """The connection to Redis that a server process shares among its users."""

    def __init__(self, url: str, *, prefix: str) -> None:
        # No retries inside redis-py: a failed command falls back at once, and the
        # listener below does the reconnecting, with its own backoff.
        self.client: Redis = Redis.from_url(
            url,
            socket_connect_timeout=CONNECT_TIMEOUT,
            socket_timeout=COMMAND_TIMEOUT,
            retry=Retry(NoBackoff(), 0),
        )
        self.prefix = prefix
        self.channel = self.key("bus")
        # Where Redis is, for log lines: never the URL itself, which may hold a password.
        self.where = describe(url)
        self.up = False
        self._origin = uuid.uuid4().hex
        self._handlers: dict[str, Handler] = {}
        self._on_connected: list[Callable[[], None]] = []
        self._outbox: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue(OUTBOX_SIZE)
        self._bare_pending: set[str] = set()
        self._outage_logged = False
        self._overflow_logged = False
        self._subscribed = asyncio.Event()
        self._first_try_done = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def key(self, *parts: str) -> str:
        """A Redis key or channel name inside this forum's namespace."""
        return ":".join((self.prefix, *parts))

    def on(self, kind: str, handler: Handler) -> None:
        """Call `handler(body)` for each message of `kind` that another process sends."""
        self._handlers[kind] = handler

    def on_connected(self, callback: Callable[[], None]) -> None:
        """Call `callback` each time the listener (re)subscribes: messages may have been missed."""
        self._on_connected.append(callback)

    # --- health ---------------------------------------------------------------------

    def lost(self, exc: BaseException) -> None:
        """Redis did not answer: say so once, and let users fall back until it returns."""
        self.up = False
        if not self._outage_logged:
            self._outage_logged = True
            log.warning(
                "Redis at %s is unreachable (%s: %.200s): serving from this process alone. "
                "Live updates from other processes, shared rate limits and shared cache "
                "invalidation resume when Redis answers again.",
                self.where,
                type(exc).__name__,
                exc,
            )

    def _regained(self) -> None:
        self.up = True
        if self._outage_logged:
            self._outage_logged = False
            log.info("Redis at %s answers again: processes share updates again", self.where)

    # --- sending --------------------------------------------------------------------

    def publish(self, kind: str, body: dict[str, Any] | None = None) -> None:
        """Send a message to the other processes, without waiting. Never raises.

        Messages with no body (such as "write": something was committed) are coalesced:
        one waiting in the outbox already says the same.
        """
        if not body:
            if kind in self._bare_pending:
                return
            self._bare_pending.add(kind)
        try:
            payload = json.dumps({"origin": self._origin, "kind": kind, "body": body or {}})
        except (TypeError, ValueError):
            log.exception("a %s message could not be serialised; not sent", kind)
            self._bare_pending.discard(kind)
            return
        try:
            self._outbox.put_nowait((kind, payload.encode()))
        except asyncio.QueueFull:
            self._bare_pending.discard(kind)
            # While Redis is away, dropping is expected (and was announced once).
            if self.up and not self._overflow_logged:
                self._overflow_logged = True
                log.warning("Redis is too slow: messages to other processes are dropped")

    async def _send(self) -> None:
        while True:
            kind, payload = await self._outbox.get()
            # Taken out: a later message of this kind says something new again.
            self._bare_pending.discard(kind)
            if self._outbox.empty():
                self._overflow_logged = False
            try:
                await self.client.publish(self.channel, payload)
            except (RedisError, OSError) as exc:
                # Lost, as live updates are while Redis is away; the listener reconnects.
                self.lost(exc)
            finally:
                self._outbox.task_done()

    # --- receiving ------------------------------------------------------------------

    async def _listen(self) -> None:
        delay = RECONNECT_MIN_SECONDS
        while True:
            pubsub = self.client.pubsub()
            try:
                await pubsub.subscribe(self.channel)
                await self._receive(pubsub)
            except (RedisError, OSError) as exc:
                self.lost(exc)
            finally:
                self._first_try_done.set()
                if self._subscribed.is_set():
                    delay = RECONNECT_MIN_SECONDS  # it was working: try again straight away
                self._subscribed.clear()
                with contextlib.suppress(RedisError, OSError):
                    # redis-py leaves PubSub.aclose unannotated.
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX_SECONDS)

    async def _receive(self, pubsub: PubSub) -> None:
        # A ping every HEARTBEAT_SECONDS, busy or not: its answer shows that Redis is
        # there (and ends an outage a failed command declared). Only a wait for the next
        # message that ends in silence after an unanswered ping means Redis is gone: a
        # busy process may read its messages, pong included, late.
        clock = asyncio.get_running_loop().time
        next_ping = clock() + HEARTBEAT_SECONDS
        pong_due: float | None = None
        while True:
            message = await pubsub.get_message(timeout=HEARTBEAT_SECONDS)
            now = clock()
            if message is None:
                if pong_due is not None and now >= pong_due:
                    raise RedisConnectionError("no answer to a ping")
            elif message["type"] == "message":
                pong_due = None  # Redis is talking
                await self._dispatch(message["data"])
            elif message["type"] == "pong":
                pong_due = None
                self._regained()
            elif message["type"] == "subscribe":
                self._regained()
                for callback in self._on_connected:
                    callback()
                self._subscribed.set()
                self._first_try_done.set()
            if pong_due is None and now >= next_ping:
                await pubsub.ping()
                pong_due = next_ping = now + HEARTBEAT_SECONDS

    async def _dispatch(self, payload: bytes) -> None:
        try:
            message = json.loads(payload)
            origin, kind, body = message["origin"], message["kind"], message["body"]
        except (ValueError, TypeError, KeyError):
            log.warning("an unreadable message on %s was ignored", self.channel)
            return
        if origin == self._origin:
            return  # this process acted on it before sending it
        handler = self._handlers.get(kind)
        if handler is None:
            return
        try:
            await handler(body)
        except Exception:  # one bad message must not stop the listener
            log.exception("handling a %s message from another process failed", kind)

    # --- life -----------------------------------------------------------------------

    async def start(self) -> None:
        """Start listening and sending; wait (briefly) for the first try to subscribe.

        Redis being away does not stop start-up: the link keeps trying in the background.
        """
        self._tasks = [
            asyncio.create_task(self._listen(), name="redis-listen"),
            asyncio.create_task(self._send(), name="redis-send"),
        ]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._first_try_done.wait(), START_WAIT_SECONDS)

    async def connected(self) -> None:
        """Return once the listener is subscribed (at once if it is)."""
        await self._subscribed.wait()

    async def close(self) -> None:
        """Send what is waiting (briefly), then stop."""
        if self.up:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._outbox.join(), 1.0)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        await self.client.aclose()


def describe(url: str) -> str:
    """host:port/db of a Redis URL, without user or password."""
    try:
        parts = parse_url(url)
    except ValueError:
        return "MOIN_REDIS_URL"
    if "path" in parts:
        return f"{parts['path']} (db {parts.get('db', 0)})"
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 6379)}/{parts.get('db', 0)}"
