"""Rate limits: a small interface, and the in-process limiter behind it.

The limiter answers one question: may `key` make one more request now, under a
budget of `per_minute` requests a minute? A Redis-backed limiter shared by
several server processes can replace the in-process one behind the same
interface (see ARCHITECTURE.md, "Live updates and scale-out").
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Decision:
    """Whether a request may go ahead; if not, how many seconds until one may."""

    allowed: bool
    retry_after: int = 0


class RateLimiter(Protocol):
    async def hit(self, key: str, *, per_minute: int) -> Decision:
        """Count one request of `key`; refuse it when the budget is spent."""
        ...


class InProcessRateLimiter:
    """A token bucket per key: `per_minute` requests at once, refilled evenly over a minute.

    Only this process's requests count. Memory is bounded: past `max_keys` keys,
    the least recently used bucket is dropped (it was full again, or nearly so).
    """

    def __init__(
        self, *, max_keys: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._max_keys = max_keys
        self._clock = clock
        self._lock = asyncio.Lock()

    async def hit(self, key: str, *, per_minute: int) -> Decision:
        capacity = float(per_minute)
        rate = per_minute / 60.0  # tokens a second
        async with self._lock:
            now = self._clock()
            tokens, last = self._buckets.pop(key, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * rate)
            if tokens >= 1.0:
                decision = Decision(True)
                tokens -= 1.0
            else:
                decision = Decision(False, max(1, math.ceil((1.0 - tokens) / rate)))
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > self._max_keys:
                self._buckets.popitem(last=False)
        return decision
