"""Migrations keep the rows they find, up and down, on both dialects."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from server import migrate
from server.db import Database
from server.domain import ThreadOrder
from server.services import threads
from server.services.viewer import VISITOR
from tests.factories import make_member, make_reply, make_thread

# The moderation migration and the one before it (renumber here if it moves).
MODERATION, BEFORE = "0003", "0002"
# The migration that gives every reply a search document of its own.
POST_SEARCH = "0004"
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


async def _search(db: Database, text: str) -> list[str]:
    async with db.read() as session:
        page = await threads.list_threads(
            session, VISITOR, threads.ThreadFilter(search=text), ThreadOrder.LAST_ACTIVITY, first=10
        )
    return [t.title for t in page.items]


async def _threads_whose_own_document_has(db: Database, word: str) -> int:
    """Before the post-search migration, a thread's own document held its replies too."""
    async with db.read() as session:
        if db.is_sqlite:
            sql = "SELECT count(*) FROM thread_search WHERE thread_search MATCH :word"
        else:
            sql = "SELECT count(*) FROM threads WHERE search_vector @@ plainto_tsquery(:word)"
        return int(await session.scalar(sa.text(sql), {"word": word}) or 0)


async def test_the_post_search_migration_moves_reply_text_down_and_up_again(empty_url):
    # Content is made at the latest migration (the factories write today's columns), then
    # taken down past the migration and up to it again.
    await asyncio.to_thread(migrate.upgrade, empty_url)
    db = Database.from_url(empty_url)
    try:
        author = await make_member(db)
        thread = await make_thread(db, author=author, title="Harbours", body="Quays.")
        await make_reply(db, thread=thread, author=author, body="Our lighthouse budget.")
        assert await _threads_whose_own_document_has(db, "lighthouse") == 0

        await asyncio.to_thread(migrate.downgrade, empty_url, MODERATION)
        assert await _threads_whose_own_document_has(db, "lighthouse") == 1
        assert await _threads_whose_own_document_has(db, "quays") == 1

        await asyncio.to_thread(migrate.upgrade, empty_url, POST_SEARCH)
        assert await _threads_whose_own_document_has(db, "lighthouse") == 0
        assert await _search(db, "lighthouse") == ["Harbours"]
        assert await _search(db, "quays harbours") == ["Harbours"]
    finally:
        await db.dispose()
