"""Live updates: a broadcaster of committed events to subscribers.

`Broadcaster` reaches the subscribers of this process; `RedisBroadcaster` also reaches
those of the other server processes (when MOIN_REDIS_URL is set).
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from server.events import Event
from server.redis_link import RedisLink

log = logging.getLogger(__name__)

# A subscriber this far behind is dropping events: it is slow, not the forum.
QUEUE_SIZE = 256
# The kind of link message that carries an event.
EVENT = "event"


class Broadcaster:
    """Fans events out to the subscribers of their channel, within this process."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[Event]]] = defaultdict(set)

    async def publish(self, event: Event) -> None:
        for queue in list(self._queues.get(event.channel, ())):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                log.warning("a subscriber of %s is too slow; an event was dropped", event.channel)

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[asyncio.Queue[Event]]:
        queue: asyncio.Queue[Event] = asyncio.Queue(QUEUE_SIZE)
        self._queues[channel].add(queue)
        try:
            yield queue
        finally:
            subscribers = self._queues.get(channel)
            if subscribers is not None:
                subscribers.discard(queue)
                if not subscribers:
                    del self._queues[channel]

    def subscriber_count(self, channel: str) -> int:
        return len(self._queues.get(channel, ()))

    async def close(self) -> None:
        self._queues.clear()


class RedisBroadcaster(Broadcaster):
    """The in-process broadcaster, joined to the other server processes through Redis.

    An event is delivered here at once, with its rows, and sent to the other processes
    as its channel and data (ids and small values, never rows). A process ignores its
    own events coming back, so each subscriber gets each event once. A received event is
    handed to `load_rows` once, if anyone here subscribes to its channel, so that its
    subscribers render from shared rows as they do for local events; every subscriber
    still checks that it may read what the event is about.
    """

    def __init__(
        self,
        link: RedisLink,
        *,
        load_rows: Callable[[Event], Awaitable[Event]] | None = None,
    ) -> None:
        super().__init__()
        self._link = link
        self._load_rows = load_rows
        link.on(EVENT, self._receive)

    async def publish(self, event: Event) -> None:
        await super().publish(event)
        self._link.publish(EVENT, {"channel": event.channel, "data": event.data})

    async def _receive(self, body: dict[str, Any]) -> None:
        channel, data = body.get("channel"), body.get("data")
        if not isinstance(channel, str) or not isinstance(data, dict):
            log.warning("an event from another process without channel or data was ignored")
            return
        if self.subscriber_count(channel) == 0:
            return
        event = Event(channel, data)
        if self._load_rows is not None:
            try:
                event = await self._load_rows(event)
            except Exception:
                # Subscribers look the rows up themselves, as without load_rows.
                log.exception("loading the rows of an event from another process failed")
        await super().publish(event)
