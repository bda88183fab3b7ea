"""The engagement migration goes up and down on both dialects and keeps the rows it finds."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa

from server import migrate
from server.db import Database
from tests.test_migrations import ROWS, _counts, empty_url  # noqa: F401  (the fixture)

ENGAGEMENT, BEFORE = "engagement_0001", "20261202_network"


async def test_the_engagement_migration_keeps_rows_up_and_down(empty_url):  # noqa: F811
    await asyncio.to_thread(migrate.upgrade, empty_url, BEFORE)
    db = Database.from_url(empty_url)
    try:
        async with db.write() as session:
            for statement in ROWS:
                await session.execute(sa.text(statement))
        await asyncio.to_thread(migrate.upgrade, empty_url, ENGAGEMENT)
        async with db.write() as session:
            await session.execute(
                sa.text(
                    "INSERT INTO follows (member_id, kind, key, created_at) "
                    "VALUES (1, 'THREAD', '1', '2026-01-01 00:00:00')"
                )
            )
            await session.execute(
                sa.text(
                    "INSERT INTO notifications (member_id, reason, text, event_key, thread_id, "
                    "created_at) VALUES (1, 'REPLY', 't', 'post:1', 1, '2026-01-01 00:00:00')"
                )
            )
        await asyncio.to_thread(migrate.downgrade, empty_url, BEFORE)
        assert await _counts(empty_url) == (1, 1, 1)
        await asyncio.to_thread(migrate.upgrade, empty_url, ENGAGEMENT)
        async with db.read() as session:
            assert await session.scalar(sa.text("SELECT count(*) FROM follows")) == 0
    finally:
        await db.dispose()
