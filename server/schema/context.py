"""The typed context every resolver gets: one per HTTP request or WebSocket."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from server.config import Settings
from server.db import Database
from server.pubsub import Broadcaster
from server.schema.loaders import Loaders
from server.services import events
from server.services.viewer import Viewer


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    db: Database
    settings: Settings
    broadcaster: Broadcaster
    viewer: Viewer
    loaders: Loaders
    request_id: str

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """One write transaction; its events are published once it has committed."""
        async with self.db.write() as session:
            yield session
        for event in events.take(session):
            await self.broadcaster.publish(event)
