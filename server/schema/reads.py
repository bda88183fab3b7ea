"""The schema layer's one way to the database: a service read, in a session of its own.

graphql-core resolves sibling fields concurrently, and one AsyncSession cannot serve
two coroutines at once: so every read the schema makes (a resolver's, a DataLoader's,
a connection's count) runs here, in a short autocommit session from the pool
(`Database.read`), and no resolver opens a session any other way. Writes go through
`Context.write`, one transaction per mutation.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from server.db import Database

P = ParamSpec("P")
T = TypeVar("T")


async def read(
    db: Database,
    work: Callable[Concatenate[AsyncSession, P], Awaitable[T]],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """`work(session, *args, **kwargs)`: a service read, in a read session of its own."""
    async with db.read() as session:
        return await work(session, *args, **kwargs)
