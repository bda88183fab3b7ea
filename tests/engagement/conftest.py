"""A client per member: the engagement tests have several people talking to one app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack

import httpx
import pytest

from server.config import Settings
from server.db import Database
from server.models import Member
from tests.conftest import BASE_URL
from tests.factories import sign_in

SignedIn = Callable[[Member], Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def signed_in(app, db: Database, settings: Settings) -> AsyncIterator[SignedIn]:  # type: ignore[no-untyped-def]
    """`await signed_in(member)`: an HTTP client to the app with the member's session."""
    async with AsyncExitStack() as stack:

        async def client_of(member: Member) -> httpx.AsyncClient:
            client = await stack.enter_async_context(
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL)
            )
            await sign_in(client, db, settings, member)
            return client

        yield client_of
