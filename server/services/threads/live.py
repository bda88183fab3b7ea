"""What a reply announces to live subscribers: its event, with the rows they render."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import events
from server.domain import ThreadChange, Visibility
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


def record_update(
    session: AsyncSession, thread_id: int, change: ThreadChange, post_id: int | None = None
) -> None:
    """Announce a change to a thread (after the commit) to the subscribers of that thread
    and to those of every thread's changes. Only ids travel: each receiver reads the
    thread as it is then, through the event's shared loaders."""
    data = {"thread_id": thread_id, "change": change.value, "post_id": post_id}
    for channel in (events.updates_channel(thread_id), events.THREAD_UPDATES_CHANNEL):
        events.record(session, events.Event(channel, dict(data)))


async def load_event_rows(session: AsyncSession, event: events.Event) -> events.Event:
    """A reply's event received from another process, with the rows `reply` attaches.

    Loaded once for all of this process's subscribers. The thread's visibility and hiding
    are read now, so each subscriber's check is against what holds now. Other events, and
    a post that is gone, come back as they were (subscribers then look up what they need).
    """
    post_id = event.data.get("post_id")
    thread_id = event.data.get("thread_id")
    if (
        not isinstance(post_id, int)
        or not isinstance(thread_id, int)
        or event.channel != events.replies_channel(thread_id)
    ):
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
