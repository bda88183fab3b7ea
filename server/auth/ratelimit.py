"""Rate limits: a small interface, and the in-process limiter behind it.

The limiter answers one question: may `key` make one more request now, under a
budget of `per_minute` requests a minute? With MOIN_REDIS_URL set, the Redis
limiter keeps the same bucket in Redis, so that every server process spends
from one budget (see ARCHITECTURE.md, "Live updates and scale-out").
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis.exceptions import RedisError

from server.redis_link import RedisLink


@dataclass(frozen=True)
class Decision:
    """Whether a request may go ahead; if not, how many seconds until one may."""

    allowed: bool
    retry_after: int = 0


class RateLimiter(Protocol):
    async def hit(self, key: str, *, per_minute: int, minutes: int = 1) -> Decision:
        """Count one request of `key`; refuse it when the budget is spent.

        The budget is `per_minute` requests every `minutes` minutes (5 an hour: 5, 60).
        """
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

    async def hit(self, key: str, *, per_minute: int, minutes: int = 1) -> Decision:
        capacity = float(per_minute)
        rate = per_minute / (60.0 * minutes)  # tokens a second
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


# The token bucket of InProcessRateLimiter, kept in a Redis hash and updated atomically.
# Redis's clock is the one clock all processes share. A bucket left alone refills in at
# most its period (ARGV[2] seconds), so it expires then: a missing bucket is a full one.
_TOKEN_BUCKET = """
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local rate = capacity / period
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - last) * rate)
local allowed, retry_after = 0, 0
if tokens >= 1 then
  allowed = 1
  tokens = tokens - 1
else
  retry_after = math.max(1, math.ceil((1 - tokens) / rate))
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens),
           'at', string.format('%.17g', now))
redis.call('PEXPIRE', KEYS[1], math.ceil(period * 1000) + 1000)
return {allowed, retry_after}
"""


class RedisRateLimiter:
    """The token bucket of `InProcessRateLimiter`, shared by every process through Redis.

    While Redis is away (`link.up` is False, or a call fails), each process counts its
    own requests with `fallback`, so a key may then make up to its budget per process.
    """

    def __init__(self, link: RedisLink, *, fallback: RateLimiter | None = None) -> None:
        self._link = link
        self._fallback = fallback or InProcessRateLimiter()
        self._script = link.client.register_script(_TOKEN_BUCKET)

    async def hit(self, key: str, *, per_minute: int, minutes: int = 1) -> Decision:
        if self._link.up:
            try:
                allowed, retry_after = await self._script(
                    keys=[self._link.key("ratelimit", key)], args=[per_minute, 60 * minutes]
                )
            except (RedisError, OSError) as exc:
                self._link.lost(exc)
            else:
                return Decision(bool(allowed), int(retry_after))
        return await self._fallback.hit(key, per_minute=per_minute, minutes=minutes)
