"""Migrations keep the rows they find, up and down, on both dialects."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from server import migrate
from server.db import Database

# The moderation migration and the one before it (renumber here if it moves).
MODERATION, BEFORE = "0003", "0002"
ROWS = [
    "INSERT INTO members (id, display_name, role, created_at) VALUES (1, 'a', 'MEMBER', "
    "'2026-01-01 00:00:00')",
    "INSERT INTO threads (id, kind, title, status, visibility, pillars_mask, "
    "organisation_types_mask, topics, author_id, reply_count, expert_reply_count, created_at, "
    "last_activity_at) VALUES (1, 'CHALLENGE', 't', 'OPEN', 'PUBLIC', 1, 1, '[]', 1, 0, 0, "
    "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
    "INSERT INTO posts (id, thread_id, position, author_id, body, body_html, is_expert, "
    "created_at) VALUES (1, 1, 0, 1, 'b', 'b', false, '2026-01-01 00:00:00')",
]


async def _counts(url: str) -> tuple[int, ...]:
    db = Database.from_url(url)
    try:
        async with db.read() as session:
            counts = []
            for table in ("members", "threads", "posts"):
                counts.append(await session.scalar(sa.text(f"SELECT count(*) FROM {table}")))
            return tuple(counts)
    finally:
        await db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    return request.getfixturevalue("empty_postgres_url")


async def test_the_moderation_migration_keeps_rows_up_and_down(empty_url):
    await asyncio.to_thread(migrate.upgrade, empty_url, BEFORE)
    db = Database.from_url(empty_url)
    try:
        async with db.write() as session:
            for statement in ROWS:
                await session.execute(sa.text(statement))
    finally:
        await db.dispose()

    await asyncio.to_thread(migrate.upgrade, empty_url, MODERATION)
    db = Database.from_url(empty_url)
    try:
        async with db.read() as session:
            hidden = await session.scalar(sa.text("SELECT hidden_reply_count FROM threads"))
    finally:
        await db.dispose()
    await asyncio.to_thread(migrate.downgrade, empty_url, BEFORE)

    assert hidden == 0
    assert await _counts(empty_url) == (1, 1, 1)
