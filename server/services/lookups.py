"""Rows by key, for the per-request DataLoaders: one statement for a whole batch of keys.

They read plain rows (see `server.models.records`), not ORM instances: nothing read
here is changed or flushed, and a row costs a fraction of an instance to build, which
on a page of fifty replies and their authors shows. No viewer rule is applied here:
whoever shows a row applies the rules of `server.services.viewer` to it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Bundle

from server.models import Member, Organisation, Post, Thread, record_columns


async def _by_key(
    session: AsyncSession, model: Any, key_column: Any, keys: Sequence[int]
) -> dict[int, Any]:
    stmt = sa.select(*record_columns(model)).where(key_column.in_(set(keys)))
    rows = (await session.execute(stmt)).all()
    return {getattr(row, key_column.key): row for row in rows}


async def organisations_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, Any]:
    """The organisations of `ids` that exist, by id."""
    return await _by_key(session, Organisation, Organisation.id, ids)


async def posts_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, Any]:
    """The posts of `ids` that exist, by id (hidden ones too)."""
    return await _by_key(session, Post, Post.id, ids)


async def threads_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, Any]:
    """The threads of `ids` that exist, by id (whatever their visibility)."""
    return await _by_key(session, Thread, Thread.id, ids)


async def opening_posts(session: AsyncSession, thread_ids: Sequence[int]) -> dict[int, Any]:
    """The opening posts of the threads of `thread_ids`, by thread id."""
    stmt = sa.select(*record_columns(Post)).where(
        Post.thread_id.in_(set(thread_ids)), Post.position == 0
    )
    return {row.thread_id: row for row in (await session.execute(stmt)).all()}


async def members_by_id(
    session: AsyncSession, ids: Sequence[int]
) -> dict[int, tuple[Any, Any | None]]:
    """The members of `ids` that exist, by id, each with their organisation (or None).

    Authors are nearly always shown with their organisation: one statement for both.
    """
    member: Bundle[Any] = Bundle("member", *record_columns(Member))
    organisation: Bundle[Any] = Bundle("organisation", *record_columns(Organisation))
    stmt = (
        sa.select(member, organisation)
        .outerjoin(Organisation, Organisation.id == Member.organisation_id)
        .where(Member.id.in_(set(ids)))
    )
    found = {}
    for member_row, organisation_row in (await session.execute(stmt)).all():
        found[member_row.id] = (
            member_row,
            organisation_row if organisation_row.id is not None else None,
        )
    return found
