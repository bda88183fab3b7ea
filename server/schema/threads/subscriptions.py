"""Live updates of threads: new replies in a thread, and new threads."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from server import events
from server.ids import row_id
from server.models.records import ThreadRecord
from server.schema import live
from server.schema.context import Context
from server.schema.threads.types import Post, Thread, ThreadFilter, live_filter
from server.services import threads
from server.services.errors import NotFound
from server.services.viewer import (
    Viewer,
    can_read,
    hears_live_updates,
    post_shown_to,
    thread_shown_to,
)

Info = strawberry.Info[Context, None]


async def _reply_to_deliver(ctx: Context, viewer: Viewer, event: events.Event) -> Post | None:
    """The event's reply if `viewer` may read it (now), else None.

    The rows are loaded once for all the event's subscribers, and what they are sent
    is executed once per viewer (see server.schema.live).
    """
    share = live.share_of(event, ctx.db)
    if event.data.get("thread_hidden"):
        # Shown to moderators and the thread's author only, which takes the thread's row.
        thread = await share.loaders.thread_by_id.load(event.data["thread_id"])
        if thread is None or not thread_shown_to(viewer, thread):
            return None
    elif not can_read(viewer, event.data["visibility"]):
        return None
    row = await share.loaders.post_by_id.load(event.data["post_id"])
    if row is None or not post_shown_to(viewer, row):
        return None
    return share.delivery(ctx, viewer, lambda: Post.from_row(row))


async def _thread_to_deliver(
    ctx: Context, viewer: Viewer, event: events.Event, flt: threads.ThreadFilter
) -> Thread | None:
    """The event's new thread if `viewer` may read it and it matches the filter."""
    share = live.share_of(event, ctx.db)
    row = await share.loaders.thread_by_id.load(event.data["thread_id"])
    if row is None or not thread_shown_to(viewer, row) or not threads.matches(row, flt):
        return None
    return share.delivery(ctx, viewer, lambda: Thread.from_row(row))


async def readable_thread(ctx: Context, thread_id: strawberry.ID) -> ThreadRecord:
    """The thread a subscriber asks for; NotFound if it does not exist or they may not read it."""
    thread_row_id = row_id(thread_id, "Thread")
    thread = (
        await ctx.sockets.thread_by_id.load(thread_row_id) if thread_row_id is not None else None
    )
    if thread is None or not thread_shown_to(ctx.viewer, thread):
        raise NotFound("There is no thread with this ID.")
    return thread


@strawberry.type
class ThreadSubscriptions:
    @strawberry.subscription(description="New replies in one thread, as they are posted.")
    async def reply_added(self, info: Info, thread_id: strawberry.ID) -> AsyncGenerator[Post, None]:
        ctx = info.context
        thread = await readable_thread(ctx, thread_id)
        async with ctx.broadcaster.subscribe(events.replies_channel(thread.id)) as queue:
            while True:
                event = await queue.get()
                viewer = await ctx.recheck_viewer()
                post = (
                    await _reply_to_deliver(ctx, viewer, event)
                    if hears_live_updates(viewer)
                    else None
                )
                if post is None:
                    # Banned, or the thread is no longer readable by this subscriber: stop.
                    return
                yield post

    @strawberry.subscription(
        description="New threads matching the filter (search is ignored here)."
    )
    async def thread_started(
        self, info: Info, filter: ThreadFilter | None = None
    ) -> AsyncGenerator[Thread, None]:
        ctx = info.context
        flt = await live_filter(ctx, filter)
        async with ctx.broadcaster.subscribe(events.THREADS_CHANNEL) as queue:
            while True:
                event = await queue.get()
                viewer = await ctx.recheck_viewer()
                if not hears_live_updates(viewer):
                    return
                thread = await _thread_to_deliver(ctx, viewer, event, flt)
                if thread is not None:
                    yield thread
