"""Live updates: an in-process broadcaster of committed events to subscribers."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from server.services.events import Event

log = logging.getLogger(__name__)

# A subscriber this far behind is dropping events: it is slow, not the forum.
QUEUE_SIZE = 256


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
