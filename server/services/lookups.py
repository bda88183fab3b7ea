"""Rows by key, for the per-request DataLoaders: one statement for a whole batch of keys.

They read plain rows typed as records (see `server.models.records`), not ORM instances:
nothing read here is changed or flushed, and a row costs a fraction of an instance to
build, which on a page of fifty replies and their authors shows. No viewer rule is
applied here: whoever shows a row applies the rules of `server.services.viewer` first.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import (
    MEMBER_BUNDLE,
    ORGANISATION_BUNDLE,
    Member,
    MemberRecord,
    Organisation,
    OrganisationRecord,
    Post,
    PostRecord,
    Thread,
    ThreadRecord,
    record_columns,
)


# Statements are built once, with the keys as one expanding parameter: building a select
# and computing its cache key cost more CPU than running it (about a millisecond a lookup,
# measured with the S1 feed page on PostgreSQL), and each lookup runs on every page.
@functools.cache
def _by(column: Any) -> sa.Select[Any]:
    """The rows of the model of `column` whose `column` is in the parameter `keys`."""
    model = column.class_
    return sa.select(*record_columns(model)).where(column.in_(sa.bindparam("keys", expanding=True)))


async def _rows(session: AsyncSession, column: Any, keys: Sequence[int]) -> Sequence[sa.Row[Any]]:
    """The rows of the model's columns whose `column` is one of `keys`: records (records.py)."""
    found = await session.execute(_by(column), {"keys": list(set(keys))})
    rows: Sequence[sa.Row[Any]] = found.all()
    return rows


async def organisations_by_id(
    session: AsyncSession, ids: Sequence[int]
) -> dict[int, OrganisationRecord]:
    """The organisations of `ids` that exist, by id."""
    rows = cast(
        "Sequence[OrganisationRecord]",
        await _rows(session, Organisation.id, ids),
    )
    return {row.id: row for row in rows}


async def posts_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, PostRecord]:
    """The posts of `ids` that exist, by id (hidden ones too)."""
    rows = cast("Sequence[PostRecord]", await _rows(session, Post.id, ids))
    return {row.id: row for row in rows}


async def threads_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, ThreadRecord]:
    """The threads of `ids` that exist, by id (whatever their visibility)."""
    rows = cast("Sequence[ThreadRecord]", await _rows(session, Thread.id, ids))
    return {row.id: row for row in rows}


async def opening_posts(session: AsyncSession, thread_ids: Sequence[int]) -> dict[int, PostRecord]:
    """The opening posts of the threads of `thread_ids`, by thread id."""
    rows = cast(
        "Sequence[PostRecord]",
        await session.execute(_OPENING_POSTS, {"keys": list(set(thread_ids))}),
    )
    return {row.thread_id: row for row in rows}


_OPENING_POSTS = _by(Post.thread_id).where(Post.position == 0)

_MEMBERS_WITH_ORGANISATIONS = (
    sa.select(MEMBER_BUNDLE, ORGANISATION_BUNDLE)
    .outerjoin(Organisation, Organisation.id == Member.organisation_id)
    .where(Member.id.in_(sa.bindparam("keys", expanding=True)))
)


async def members_by_id(
    session: AsyncSession, ids: Sequence[int]
) -> dict[int, tuple[MemberRecord, OrganisationRecord | None]]:
    """The members of `ids` that exist, by id, each with their organisation (or None).

    Authors are nearly always shown with their organisation: one statement for both.
    """
    found: dict[int, tuple[MemberRecord, OrganisationRecord | None]] = {}
    rows = await session.execute(_MEMBERS_WITH_ORGANISATIONS, {"keys": list(set(ids))})
    for member, organisation in rows:
        # A member without organisation comes with a bundle of NULLs.
        found[member.id] = (member, organisation if member.organisation_id is not None else None)
    return found


async def participants(session: AsyncSession, thread_ids: Sequence[int]) -> dict[int, list[int]]:
    """The people who wrote in each thread, by thread id, as member ids: the thread's author
    first, then the others by how many posts they wrote, then by who wrote first.

    Hidden posts do not count: a participant is someone whose words everyone can see.
    One grouped statement for the whole batch.
    """
    stmt = (
        sa.select(
            Post.thread_id,
            Post.author_id,
            sa.func.count().label("posts"),
            sa.func.min(Post.position).label("first"),
        )
        .where(Post.thread_id.in_(set(thread_ids)), Post.hidden_at.is_(None))
        .group_by(Post.thread_id, Post.author_id)
    )
    ranked: dict[int, list[tuple[int, int, int, int]]] = {}
    for thread_id, author_id, posts, first in await session.execute(stmt):
        # The opening post's author (position 0) sorts first, then most posts, then earliest.
        ranked.setdefault(thread_id, []).append((0 if first == 0 else 1, -posts, first, author_id))
    return {
        thread_id: [author_id for *_, author_id in sorted(rows)]
        for thread_id, rows in ranked.items()
    }
