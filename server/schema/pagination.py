"""Cursor connections, generic over the node type (ThreadConnection, PostConnection, ...)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from server.schema.budgets import Expense
from server.schema.context import Context
from server.services.pagination import Page

N = TypeVar("N")
R = TypeVar("R")

# A service read that counts a whole list, its arguments bound (a functools.partial).
Count = Callable[[AsyncSession], Awaitable[int]]


@strawberry.type(description="Where a page stands in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(
        description="Items come before this page (it was asked for with `after`)."
    )
    start_cursor: str | None = strawberry.field(description="The first item's cursor.")
    end_cursor: str | None = strawberry.field(
        description="The last item's cursor: pass it as `after` for the next page."
    )


@strawberry.type(description="An item of a list, with its cursor.")
class Edge(Generic[N]):
    cursor: str = strawberry.field(description="Pass as `after` to get the items after this one.")
    node: N = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, paged with cursors (keyset: deep pages are cheap).")
class Connection(Generic[N]):
    edges: list[Edge[N]] = strawberry.field(description="The items with their cursors.")
    nodes: list[N] = strawberry.field(description="The items.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")
    count: strawberry.Private[Count]
    # What counting costs a visitor's budget, if anything (a search's count does).
    count_expense: strawberry.Private[Expense | None] = None

    @strawberry.field(description="How many items the whole list has (one extra query).")
    async def total_count(self, info: strawberry.Info[Context, None]) -> int:
        if self.count_expense is not None:
            await info.context.spend(self.count_expense)
        return await info.context.read(self.count)


def connection(
    page: Page[R],
    convert: Callable[[R], N],
    count: Count,
    *,
    count_expense: Expense | None = None,
) -> Connection[N]:
    """Shape a service's page into a connection; `count` is read only if totalCount is asked
    (and then costs a visitor `count_expense`)."""
    cursors = [page.cursor_of(item) for item in page.items]
    nodes = [convert(item) for item in page.items]
    return Connection(
        edges=[Edge(cursor=c, node=n) for c, n in zip(cursors, nodes, strict=True)],
        nodes=nodes,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        ),
        count=count,
        count_expense=count_expense,
    )
