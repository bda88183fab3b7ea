"""Opening a thread: where the member stopped reading it, for the "new" markers."""

from __future__ import annotations

import strawberry

from server.ids import row_id
from server.schema.context import Context
from server.schema.errors import UserError
from server.schema.mutation import mutate
from server.schema.threads import Thread
from server.services import notifications, thread_reads, threads

Info = strawberry.Info[Context, None]


@strawberry.input(description="The thread a member has opened.")
class MarkThreadReadInput:
    thread_id: strawberry.ID = strawberry.field(description="The thread's global ID.")


@strawberry.type(description="The thread as read now, or what to fix.")
class MarkThreadReadPayload:
    thread: Thread | None = strawberry.field(description="The thread, read up to its newest post.")
    unread_notification_count: int = strawberry.field(
        description="How many of the member's notifications are unread, the thread's marked read."
    )
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type
class ThreadReadMutations:
    @strawberry.mutation(
        description="Record that the signed-in member has read a thread up to its newest post, "
        "and mark their notifications about it read: what opening a thread does. The replies "
        "after the position recorded before are `Post.isNewForViewer` until the next time."
    )
    async def mark_thread_read(
        self, info: Info, input: MarkThreadReadInput
    ) -> MarkThreadReadPayload:
        ctx = info.context
        # An ID that names no thread is one of no row (ids start at 1).
        thread_id = row_id(input.thread_id, "Thread") or 0
        opened, errors = await mutate(
            ctx,
            input,
            lambda session: thread_reads.open_thread(session, ctx.viewer, thread_id),
            lambda opened: opened,
        )
        if opened is None:
            unread = await ctx.read(notifications.unread_count, ctx.viewer)
            return MarkThreadReadPayload(
                thread=None, unread_notification_count=unread, errors=errors
            )
        row = await ctx.read(threads.get_thread, ctx.viewer, opened.thread_id)
        return MarkThreadReadPayload(
            thread=Thread.from_row(row) if row is not None else None,
            unread_notification_count=opened.unread_notification_count,
            errors=[],
        )
