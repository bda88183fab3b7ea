"""Per-address budgets of visitors on the expensive operations.

A Markdown preview, a full-text search and the count of a search's matches each cost
far more than a page of a feed, and a visitor needs no account to ask for them. So a
visitor's client address may ask for each only so often a minute (SECURITY.md: "A visitor
hammering the expensive operations"); over it the answer is RATE_LIMITED with Retry-After.
The budgets are token buckets of the app's rate limiter (server/auth/ratelimit.py, which
the app hands in: sign-in and the schema know nothing of each other), so with
MOIN_REDIS_URL every server process spends from the same ones. Members are accountable
for what they do and partner keys have a limit of their own: neither is counted here.
"""

from __future__ import annotations

import enum
import ipaddress
from collections.abc import Mapping
from typing import Protocol

from server.services.errors import RateLimited


class Decision(Protocol):
    @property
    def allowed(self) -> bool: ...

    @property
    def retry_after(self) -> int: ...


class Limiter(Protocol):
    """What budgets need of a rate limiter (server.auth.ratelimit.RateLimiter is one)."""

    async def hit(self, key: str, *, per_minute: int, minutes: int = 1) -> Decision: ...


class Expense(enum.Enum):
    """An operation a visitor's address has a budget for."""

    PREVIEW = "preview"  # renderMarkdown
    SEARCH = "search"  # a page of threads(filter: {search})
    SEARCH_COUNT = "search-count"  # the totalCount of such a page
    APPLICATION = "application"  # applyForMembership, by anyone: counted by the hour


_WHAT = {
    Expense.PREVIEW: "preview Markdown",
    Expense.SEARCH: "search",
    Expense.SEARCH_COUNT: "count the results of a search",
    Expense.APPLICATION: "apply to join the network",
}
# Expenses whose budget is per hour rather than per minute (the mapping still says how many).
_HOURLY = {Expense.APPLICATION}


def address_key(host: str | None) -> str:
    """Whose budget a client address spends: the address, or its /64 network for IPv6
    (one subscriber usually holds a whole /64, so single addresses would cost nothing)."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:100]  # not an IP address (a Unix socket's peer, a test transport)
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class VisitorBudgets:
    """How often a minute a visitor's address may ask for each Expense."""

    def __init__(self, limiter: Limiter, per_minute: Mapping[Expense, int]) -> None:
        self.limiter = limiter
        self.per_minute = dict(per_minute)

    async def spend(self, expense: Expense, host: str | None) -> None:
        """Count one `expense` of the visitor at `host`; RateLimited when its budget is spent."""
        per_minute = self.per_minute[expense]
        hourly = expense in _HOURLY
        decision = await self.limiter.hit(
            f"visitor:{expense.value}:{address_key(host)}",
            per_minute=per_minute,
            minutes=60 if hourly else 1,
        )
        if not decision.allowed:
            if hourly:
                raise RateLimited(
                    f"One address may {_WHAT[expense]} {per_minute} times an hour; "
                    f"retry in {decision.retry_after} s.",
                    decision.retry_after,
                )
            raise RateLimited(
                f"Visitors may {_WHAT[expense]} {per_minute} times a minute from one address; "
                f"retry in {decision.retry_after} s, or sign in.",
                decision.retry_after,
            )
