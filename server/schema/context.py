"""The typed context every resolver gets: one per HTTP request or WebSocket."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from server import events
from server.config import Settings
from server.db import Database
from server.pubsub import Broadcaster
from server.schema.budgets import Expense, VisitorBudgets
from server.schema.loaders import Loaders
from server.schema.reads import read
from server.schema.sockets import SocketLookups
from server.services.viewer import Viewer

VIEWER_RECHECK_SECONDS = 5.0
P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class Context:
    """What a resolver may use: who asks, the loaders, and the one way to read or write."""

    request: Request | WebSocket
    response: Response | None
    db: Database
    settings: Settings
    broadcaster: Broadcaster
    viewer: Viewer
    loaders: Loaders
    request_id: str
    sockets: SocketLookups
    budgets: VisitorBudgets
    # The sign-in session's cookie, if any: a socket rechecks whom it signs in.
    session_cookie: str | None = None
    # When the viewer was last checked against the session store (sockets only).
    viewer_checked_at: float = field(default_factory=time.monotonic)

    async def recheck_viewer(self) -> Viewer:
        """For a long-lived socket: who the viewer is now (signed out, role changed).

        Checked at most every VIEWER_RECHECK_SECONDS, so a thousand subscribers do not
        query the session store for every event, and then in one query for all the
        sockets that recheck at the same moment.
        """
        now = time.monotonic()
        if (
            self.viewer.member_id is not None
            and now - self.viewer_checked_at > VIEWER_RECHECK_SECONDS
        ):
            self.viewer = await self.sockets.viewer_by_cookie.load(self.session_cookie)
            self.viewer_checked_at = now
        return self.viewer

    async def spend(self, expense: Expense) -> None:
        """Count an expensive operation against a visitor's address (RateLimited when its
        budget is spent); members and partner keys are not counted."""
        if self.viewer.member_id is None and self.viewer.partner_id is None:
            client = self.request.client
            await self.budgets.spend(expense, client.host if client is not None else None)

    async def spend_address(self, expense: Expense) -> None:
        """Count an operation against the client's address, whoever is signed in."""
        client = self.request.client
        await self.budgets.spend(expense, client.host if client is not None else None)

    async def read(
        self,
        work: Callable[Concatenate[AsyncSession, P], Awaitable[T]],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`work(session, *args, **kwargs)`: one service read (see `server.schema.reads`)."""
        return await read(self.db, work, *args, **kwargs)

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """One write transaction; its events are published once it has committed."""
        async with self.db.write() as session:
            yield session
        committed = events.take(session)
        if committed:
            # The write is done: its events go out even if the client leaves now (see
            # CancelOnDisconnect), or subscribers would miss a stored reply.
            await asyncio.shield(self._publish(committed))

    async def _publish(self, committed: list[events.Event]) -> None:
        for event in committed:
            await self.broadcaster.publish(event)
