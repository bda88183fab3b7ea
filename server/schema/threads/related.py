"""Threads related to a thread, for the context beside it."""

from __future__ import annotations

import strawberry

from server.ids import row_id
from server.schema.context import Context
from server.schema.threads.types import Thread
from server.services import threads
from server.services.threads.related import RELATED_MAX

Info = strawberry.Info[Context, None]


@strawberry.type
class RelatedThreadQueries:
    @strawberry.field(
        description="Threads you may read that share topics or pillars with a thread, the "
        "closest first (a shared topic counts twice a shared pillar), then by latest "
        f"activity. `first` takes 1 to {RELATED_MAX}. Empty when the thread is not there "
        "for you."
    )
    async def related_threads(
        self, info: Info, thread_id: strawberry.ID, first: int = 5
    ) -> list[Thread]:
        thread_row_id = row_id(thread_id, "Thread")
        if thread_row_id is None:
            return []
        ctx = info.context
        rows = await ctx.read(threads.related_threads, ctx.viewer, thread_row_id, first=first)
        return [Thread.from_row(row) for row in rows]
