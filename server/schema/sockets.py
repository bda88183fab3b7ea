"""Lookups that many open sockets make at the same moment, batched and bounded.

A thousand browsers subscribe to a busy thread within a second or two, and when an
event arrives all of its receivers recheck who is signed in at once. One query per
socket would ask the pool for a thousand connections together: requests would time
out waiting for one. Here the lookups made in the same turn of the event loop share
one query, and at most LOOKUP_CONNECTIONS of them run at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from strawberry.dataloader import DataLoader

from server.auth import sessions
from server.config import Settings
from server.db import Database
from server.models import Thread, record_columns
from server.services.viewer import Viewer

# The pool's connections that socket lookups may hold at once; the rest serve requests.
LOOKUP_CONNECTIONS = 2


class SocketLookups:
    """The process's batched lookups for sockets (their results are never cached)."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._settings = settings
        self._slots = asyncio.Semaphore(LOOKUP_CONNECTIONS)
        # Thread rows (see loaders.py), for the subscribe-time check.
        self.thread_by_id: DataLoader[int, Any] = DataLoader(self._threads, cache=False)
        self.viewer_by_cookie: DataLoader[str | None, Viewer] = DataLoader(
            self._viewers, cache=False
        )

    async def _threads(self, ids: Sequence[int]) -> list[Any]:
        stmt = sa.select(*record_columns(Thread)).where(Thread.id.in_(set(ids)))
        async with self._slots, self._db.read() as session:
            rows = (await session.execute(stmt)).all()
        found = {row.id: row for row in rows}
        return [found.get(thread_id) for thread_id in ids]

    async def _viewers(self, cookies: Sequence[str | None]) -> list[Viewer]:
        async with self._slots:
            return await sessions.viewers_for_cookies(self._db, self._settings, cookies)
