"""Reading one thread or post as the viewer may, a thread's replies, and counts."""

from __future__ import annotations

from typing import cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.domain import (
    OrganisationType,
    RoarPillar,
    mask_to_pillars,
    mask_to_types,
)
from server.models import Post, PostRecord, Thread, ThreadRecord, record_columns
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.threads.filters import post_visible, visible
from server.services.viewer import Viewer, can_see_hidden

NO_THREAD = "There is no thread with this ID."
NO_POST = "There is no post with this ID."


async def get_thread(session: AsyncSession, viewer: Viewer, thread_id: int) -> Thread | None:
    """The thread, or None when it does not exist or the viewer may not see it."""
    return await session.scalar(sa.select(Thread).where(Thread.id == thread_id, visible(viewer)))


async def get_post(session: AsyncSession, viewer: Viewer, post_id: int) -> Post | None:
    """The post, or None when it does not exist or it or its thread is hidden from the viewer."""
    return await session.scalar(
        sa.select(Post)
        .join(Thread, Thread.id == Post.thread_id)
        .where(Post.id == post_id, visible(viewer), post_visible(viewer))
    )


async def list_replies(
    session: AsyncSession,
    thread_id: int,
    *,
    viewer: Viewer,
    first: int,
    after: str | None = None,
) -> Page[PostRecord]:
    """Replies of a thread the caller already found visible, oldest first, as records.

    Hidden replies are left out unless the viewer may see them; positions keep their gaps.
    """
    check_first(first)
    stmt = sa.select(*record_columns(Post)).where(
        Post.thread_id == thread_id, Post.position > 0, post_visible(viewer)
    )
    if after is not None:
        (position,) = decode_cursor(after, "REPLIES", (int,))
        stmt = stmt.where(Post.position > position)
    rows = (await session.execute(stmt.order_by(Post.position).limit(first + 1))).all()
    posts, has_next = take_page(cast("list[PostRecord]", rows), first)
    return Page(
        items=posts,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda p: encode_cursor("REPLIES", (p.position,)),
    )


async def count_replies(session: AsyncSession, viewer: Viewer, thread: ThreadRecord) -> int:
    """How many replies of `thread` the viewer is shown in its `replies` (a query only when
    some are hidden and the viewer may see their own)."""
    if thread.hidden_reply_count == 0:
        return thread.reply_count
    if can_see_hidden(viewer):
        return thread.reply_count + thread.hidden_reply_count
    if viewer.member_id is None:
        return thread.reply_count
    own_hidden = await session.scalar(
        sa.select(sa.func.count()).where(
            Post.thread_id == thread.id,
            Post.position > 0,
            Post.hidden_at.is_not(None),
            Post.author_id == viewer.member_id,
        )
    )
    return int(thread.reply_count + (own_hidden or 0))


async def thread_counts(
    session: AsyncSession, viewer: Viewer
) -> dict[tuple[RoarPillar, OrganisationType], int]:
    """How many visible threads each (pillar, organisation type) pair has."""
    rows = await session.execute(
        sa.select(Thread.pillars_mask, Thread.organisation_types_mask, sa.func.count())
        .where(visible(viewer))
        .group_by(Thread.pillars_mask, Thread.organisation_types_mask)
    )
    counts: dict[tuple[RoarPillar, OrganisationType], int] = {}
    for pillars_mask, types_mask, count in rows:
        for pillar in mask_to_pillars(pillars_mask):
            for org_type in mask_to_types(types_mask):
                counts[pillar, org_type] = counts.get((pillar, org_type), 0) + count
    return counts
