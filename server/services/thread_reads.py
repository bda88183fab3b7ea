"""How far each member has read each thread: what the "new since your last visit" markers
of the feed and of a thread's replies are measured against.

Opening a thread records the position of its newest post (hidden ones included: positions
only grow) together with the time. A reply is new for a member when its position is past
the one recorded and someone else wrote it; a thread never opened has no record, and
nothing in it is marked (the feed shows it as a thread like any other).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import Post, ThreadRead
from server.models.base import utcnow
from server.services import notifications
from server.services.errors import InvalidInput
from server.services.sql import insert_ignoring_conflicts
from server.services.threads.filters import post_visible
from server.services.threads.reading import NO_THREAD, get_thread
from server.services.viewer import Viewer, require_member


@dataclass(frozen=True)
class LastRead:
    """Where a member stopped reading a thread: the newest post's position, and when."""

    position: int
    read_at: datetime


@dataclass(frozen=True)
class Opened:
    """What opening a thread changed: the read position, and the unread notifications left."""

    thread_id: int
    unread_notification_count: int


async def open_thread(
    session: AsyncSession, viewer: Viewer, thread_id: int, *, now: datetime | None = None
) -> Opened:
    """Record that the viewer has read `thread_id` up to its newest post, and mark their
    notifications about it read. A thread that does not exist or that the viewer may not
    read is a field error on `thread_id`, and nothing changes."""
    member_id = require_member(viewer, "keep track of what you read")
    if await get_thread(session, viewer, thread_id) is None:
        raise InvalidInput.of("thread_id", NO_THREAD)
    now = now or utcnow()
    newest = sa.select(sa.func.coalesce(sa.func.max(Post.position), 0)).where(
        Post.thread_id == thread_id
    )
    position = int(await session.scalar(newest) or 0)
    insert = insert_ignoring_conflicts(session, ThreadRead).values(
        member_id=member_id, thread_id=thread_id, last_read_position=position, read_at=now
    )
    await session.execute(
        insert.on_conflict_do_update(
            index_elements=[ThreadRead.member_id, ThreadRead.thread_id],
            set_={"last_read_position": position, "read_at": now},
        )
    )
    unread = await notifications.mark_read(session, viewer, thread_id=thread_id, now=now)
    return Opened(thread_id=thread_id, unread_notification_count=unread)


async def last_reads(
    session: AsyncSession, member_id: int, thread_ids: Sequence[int]
) -> dict[int, LastRead]:
    """The member's last read position in each of `thread_ids` they have opened (one
    statement for a page of threads)."""
    rows = await session.execute(
        sa.select(ThreadRead.thread_id, ThreadRead.last_read_position, ThreadRead.read_at).where(
            ThreadRead.member_id == member_id, ThreadRead.thread_id.in_(set(thread_ids))
        )
    )
    return {thread_id: LastRead(position, read_at) for thread_id, position, read_at in rows}


async def new_reply_counts(
    session: AsyncSession, viewer: Viewer, thread_ids: Sequence[int]
) -> dict[int, int]:
    """How many replies by others the viewer has not seen, in each of `thread_ids` they have
    opened before (threads with none are left out): one statement for a page of threads."""
    if viewer.member_id is None:
        return {}
    rows = await session.execute(
        sa.select(Post.thread_id, sa.func.count())
        .join(
            ThreadRead,
            sa.and_(
                ThreadRead.thread_id == Post.thread_id,
                ThreadRead.member_id == viewer.member_id,
            ),
        )
        .where(
            Post.thread_id.in_(set(thread_ids)),
            Post.position > ThreadRead.last_read_position,
            Post.author_id != viewer.member_id,
            post_visible(viewer),
        )
        .group_by(Post.thread_id)
    )
    return {thread_id: int(count) for thread_id, count in rows}


def is_new(last_read: LastRead | None, viewer: Viewer, position: int, author_id: int) -> bool:
    """Whether a post is new for the viewer: past their last read position in a thread they
    opened before, and written by someone else."""
    return last_read is not None and position > last_read.position and author_id != viewer.member_id
