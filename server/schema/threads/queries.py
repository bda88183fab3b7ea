"""The feed and the network at a glance: thread lists, counts, and the Markdown preview."""

from __future__ import annotations

import functools

import strawberry

from server import domain
from server.schema.budgets import Expense
from server.schema.context import Context
from server.schema.enums import (
    OrganisationType,
    RoarPillar,
    ThreadOrder,
)
from server.schema.pagination import Connection, connection
from server.schema.threads.types import Thread, ThreadFilter
from server.services import threads

Info = strawberry.Info[Context, None]


async def thread_connection(
    context: Context,
    flt: threads.ThreadFilter,
    order: domain.ThreadOrder,
    first: int,
    after: str | None,
) -> Connection[Thread]:
    """A page of the threads `context.viewer` may read (the feed, an organisation's list)."""
    viewer = context.viewer
    searching = bool(flt.search and flt.search.strip())
    if searching:
        await context.spend(Expense.SEARCH)
    page, authors = await context.read(
        threads.list_threads_with_authors, viewer, flt, order, first=first, after=after
    )
    # The cards' authors came with the page: their loaders need not ask again.
    context.loaders.prime_members(authors)
    count = functools.partial(threads.count_threads, viewer=viewer, flt=flt)
    expense = Expense.SEARCH_COUNT if searching else None
    return connection(page, Thread.from_row, count, count_expense=expense)


@strawberry.type(description="How many threads concern one pillar and one organisation type.")
class ThreadCountCell:
    pillar: RoarPillar = strawberry.field(description="The pillar.")
    organisation_type: OrganisationType = strawberry.field(description="The organisation type.")
    count: int = strawberry.field(description="Threads the viewer can see, tagged with both.")


@strawberry.type
class ThreadQueries:
    @strawberry.field(description="Threads the viewer may read, filtered and ordered.")
    async def threads(
        self,
        info: Info,
        filter: ThreadFilter | None = None,
        order_by: ThreadOrder | None = domain.ThreadOrder.LAST_ACTIVITY,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Thread]:
        flt = filter.to_service() if filter else threads.ThreadFilter()
        return await thread_connection(
            info.context,
            flt,
            order_by or domain.ThreadOrder.LAST_ACTIVITY,
            20 if first is None else first,
            after,
        )

    @strawberry.field(
        description="Thread counts per (pillar, organisation type) pair, for the network at a "
        "glance. Pairs with no thread are left out."
    )
    async def thread_counts(self, info: Info) -> list[ThreadCountCell]:
        counts = await info.context.read(threads.thread_counts, info.context.viewer)
        return [
            ThreadCountCell(pillar=pillar, organisation_type=org_type, count=count)
            for (pillar, org_type), count in sorted(
                counts.items(), key=lambda item: (item[0][0].name, item[0][1].name)
            )
        ]

    @strawberry.field(
        description="Render markdown exactly as a post's `bodyHtml` would be (for previews). "
        "Up to 50,000 characters. Markdown a post would refuse as TOO_COMPLEX fails with "
        "BAD_USER_INPUT and a message naming the limit. Visitors spend a budget of their "
        "address (RATE_LIMITED, with retryAfter, when it is spent)."
    )
    async def render_markdown(self, info: Info, markdown: str) -> str:
        await info.context.spend(Expense.PREVIEW)
        return await threads.render_preview(markdown)
