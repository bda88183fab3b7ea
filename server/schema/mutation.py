"""Running a mutation: one service call in one transaction, its result shaped for the payload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from server.schema.context import Context
from server.schema.errors import UserError, user_errors
from server.services.errors import InvalidInput

R = TypeVar("R")
N = TypeVar("N")


async def mutate(
    context: Context,
    input: object,
    work: Callable[[AsyncSession], Awaitable[R]],
    shape: Callable[[R], N],
) -> tuple[N | None, list[UserError]]:
    """Run `work` in its own write transaction (committed, then its events published).

    Returns the result shaped by `shape` and no errors; or, when the service refused
    the input (nothing was written), None and the problems named by their paths in
    `input`. Any other failure propagates as a GraphQL error.
    """
    try:
        async with context.write() as session:
            result = await work(session)
    except InvalidInput as error:
        return None, user_errors(error, input)
    return shape(result), []
