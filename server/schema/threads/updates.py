"""Live changes to threads: edits, accepted answers, status, hiding and counts.

A write records which thread changed and how (`services.threads.record_update`); each
receiver reads the thread and the post concerned as they are after the commit, through
the event's shared loaders, and gets them only if it may read them now.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from server import domain, events
from server.ids import to_global_id
from server.schema import live
from server.schema.context import Context
from server.schema.enums import ThreadChange
from server.schema.threads.subscriptions import readable_thread
from server.schema.threads.types import Post, Thread, ThreadFilter, live_filter
from server.services import threads
from server.services.viewer import (
    Viewer,
    hears_live_updates,
    post_shown_to,
    thread_shown_to,
)

Info = strawberry.Info[Context, None]


@strawberry.type(description="A change to a thread, with the thread as it is now.")
class ThreadUpdate:
    change: ThreadChange = strawberry.field(description="What changed.")
    thread: Thread = strawberry.field(
        description="The thread after the change: status, counts, accepted reply."
    )
    post_id: strawberry.ID | None = strawberry.field(
        description="The global ID of the post the change concerns (the reply added, the "
        "post edited, hidden or shown, the reply accepted); null for a change of status."
    )
    post: Post | None = strawberry.field(
        description="That post as it is now; null when there is none or it is hidden from "
        "you (then remove the post with `postId` from what you show)."
    )


class _Skip:
    """An event this receiver is not sent, though it may still read the thread."""


_SKIP = _Skip()


async def _update_to_deliver(
    ctx: Context,
    viewer: Viewer,
    event: events.Event,
    flt: threads.ThreadFilter | None,
) -> ThreadUpdate | _Skip | None:
    """The event's update for `viewer`; None when the viewer may no longer read the
    thread, `_SKIP` when the thread does not match `flt`."""
    share = live.share_of(event, ctx.db)
    thread = await share.loaders.thread_by_id.load(event.data["thread_id"])
    if thread is None or not thread_shown_to(viewer, thread):
        return None
    if flt is not None and not threads.matches(thread, flt):
        return _SKIP
    post_id = event.data.get("post_id")
    post = await share.loaders.post_by_id.load(post_id) if isinstance(post_id, int) else None
    shown = post if post is not None and post_shown_to(viewer, post) else None
    change = domain.ThreadChange(event.data["change"])
    return share.delivery(
        ctx,
        viewer,
        lambda: ThreadUpdate(
            change=change,
            thread=Thread.from_row(thread),
            post_id=strawberry.ID(to_global_id("Post", post_id))
            if isinstance(post_id, int)
            else None,
            post=Post.from_row(shown) if shown is not None else None,
        ),
        # The post is there or not by who asks: its author sees it while hidden.
        variant=shown is not None,
    )


@strawberry.type
class ThreadUpdateSubscriptions:
    @strawberry.subscription(
        description="Changes to one thread as they happen: replies (counts), edits, the "
        "accepted answer, closing and reopening, posts hidden and shown. Ends when the "
        "thread is no longer readable by you."
    )
    async def thread_updated(
        self, info: Info, thread_id: strawberry.ID
    ) -> AsyncGenerator[ThreadUpdate, None]:
        ctx = info.context
        thread = await readable_thread(ctx, thread_id)
        async with ctx.broadcaster.subscribe(events.updates_channel(thread.id)) as queue:
            while True:
                event = await queue.get()
                viewer = await ctx.recheck_viewer()
                if not hears_live_updates(viewer):
                    return
                update = await _update_to_deliver(ctx, viewer, event, None)
                if update is None:
                    return
                if not isinstance(update, _Skip):
                    yield update

    @strawberry.subscription(
        description="Changes to any thread you may read that matches the filter (search is "
        "ignored here), as `threadUpdated` gives them: for lists that keep their counts live."
    )
    async def threads_updated(
        self, info: Info, filter: ThreadFilter | None = None
    ) -> AsyncGenerator[ThreadUpdate, None]:
        ctx = info.context
        flt = await live_filter(ctx, filter)
        async with ctx.broadcaster.subscribe(events.THREAD_UPDATES_CHANNEL) as queue:
            while True:
                event = await queue.get()
                viewer = await ctx.recheck_viewer()
                if not hears_live_updates(viewer):
                    return
                update = await _update_to_deliver(ctx, viewer, event, flt)
                if update is not None and not isinstance(update, _Skip):
                    yield update
