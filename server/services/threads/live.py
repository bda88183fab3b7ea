"""What a reply announces to live subscribers: its event, with the rows they render."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import events
from server.domain import Visibility
from server.models import Member, Post, Thread


def reply_event(
    post: Post, author: Member | None, *, visibility: Visibility, thread_hidden: bool
) -> events.Event:
    """A new reply's event: ids and what subscribers check, with the rows they render."""
    return events.Event(
        events.replies_channel(post.thread_id),
        {
            "thread_id": post.thread_id,
            "post_id": post.id,
            "visibility": visibility,
            "thread_hidden": thread_hidden,
        },
        rows={"post": post, "author": author},
    )


async def load_event_rows(session: AsyncSession, event: events.Event) -> events.Event:
    """A reply's event received from another process, with the rows `reply` attaches.

    Loaded once for all of this process's subscribers. The thread's visibility and hiding
    are read now, so each subscriber's check is against what holds now. Other events, and
    a post that is gone, come back as they were (subscribers then look up what they need).
    """
    post_id = event.data.get("post_id")
    if not isinstance(post_id, int):
        return event
    row = (
        await session.execute(
            sa.select(Post, Member, Thread.visibility, Thread.hidden_at)
            .join(Thread, Thread.id == Post.thread_id)
            .join(Member, Member.id == Post.author_id)
            .where(Post.id == post_id)
        )
    ).first()
    if row is None:
        return event
    post, author, visibility, thread_hidden_at = row
    return reply_event(
        post, author, visibility=visibility, thread_hidden=thread_hidden_at is not None
    )
