"""Lookups that many open sockets make at the same moment, batched and bounded.

A thousand browsers subscribe to a busy thread within a second or two, and when an
event arrives all of its receivers recheck who is signed in at once. One query per
socket would ask the pool for a thousand connections together: requests would time
out waiting for one. Here the lookups made in the same turn of the event loop share
one query, and at most LOOKUP_CONNECTIONS of them run at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from strawberry.dataloader import DataLoader

from server.db import Database
from server.models import ThreadRecord
from server.schema.reads import read
from server.services import lookups
from server.services.viewer import Viewer

# The pool's connections that socket lookups may hold at once; the rest serve requests.
LOOKUP_CONNECTIONS = 2


class SocketLookups:
    """The process's batched lookups for sockets (their results are never cached)."""

    def __init__(
        self,
        db: Database,
        viewers_for_cookies: Callable[[Sequence[str | None]], Awaitable[list[Viewer]]],
    ) -> None:
        self._db = db
        # Whom session cookies sign in (the sign-in layer knows; the schema does not).
        self._viewers_for_cookies = viewers_for_cookies
        self._slots = asyncio.Semaphore(LOOKUP_CONNECTIONS)
        # Thread records, for the subscribe-time check.
        self.thread_by_id: DataLoader[int, ThreadRecord | None] = DataLoader(
            self._threads, cache=False
        )
        self.viewer_by_cookie: DataLoader[str | None, Viewer] = DataLoader(
            self._viewers, cache=False
        )

    async def _threads(self, ids: Sequence[int]) -> list[ThreadRecord | None]:
        async with self._slots:
            found = await read(self._db, lookups.threads_by_id, ids)
        return [found.get(thread_id) for thread_id in ids]

    async def _viewers(self, cookies: Sequence[str | None]) -> list[Viewer]:
        async with self._slots:
            return await self._viewers_for_cookies(cookies)
