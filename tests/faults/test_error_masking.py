"""An unexpected database error reaches the client as a request id, and nothing more.

The error is real: the test locks a table (ACCESS EXCLUSIVE, as a migration would) and
the forum's statement timeout is 300 ms, so its query of that table is cancelled by
PostgreSQL. That is not an outage (retrying would not help), so the client must get
INTERNAL with a request id, while the log gets the detail under the same id.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import sqlalchemy as sa
import websockets

from tests.factories import make_member, make_thread
from tests.faults.client import THREADS, errors_of, first_answer, session_cookie

pytestmark = pytest.mark.postgres

# What PostgreSQL and SQLAlchemy would say: none of it may reach a client.
DETAIL_WORDS = ("statement timeout", "canceling", "auth_sessions", "sqlalche", "asyncpg")


@asynccontextmanager
async def table_locked(db, table: str) -> AsyncIterator[None]:
    async with db.write() as session:
        await session.execute(sa.text(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
        yield


def assert_no_detail(text: str) -> None:
    assert not any(word in text.lower() for word in DETAIL_WORDS), text


@pytest.fixture
async def setting(fault_db, fault_settings, forum):
    member = await make_member(fault_db)
    thread = await make_thread(fault_db, author=member)
    cookie = await session_cookie(fault_db, fault_settings, member)
    server = forum(statement_timeout_ms="300")
    return server, thread, cookie


async def test_a_failing_viewer_lookup_is_a_masked_500_with_the_request_id(fault_db, setting):
    server, _thread, cookie = setting

    async with (
        table_locked(fault_db, "auth_sessions"),
        httpx.AsyncClient(base_url=server.base_url, timeout=10) as http,
    ):
        response = await http.post("/graphql", json={"query": THREADS}, headers={"Cookie": cookie})

    assert response.status_code == 500
    [error] = response.json()["errors"]
    request_id = response.headers["X-Request-Id"]
    assert error["extensions"] == {"code": "INTERNAL", "requestId": request_id}
    assert request_id in error["message"]
    assert_no_detail(response.text)
    log = server.log()
    assert f"internal error (request {request_id})" in log
    assert "statement timeout" in log  # the detail is in the log


async def test_a_failing_subscription_gets_a_masked_error_with_the_request_id(fault_db, setting):
    server, thread, _cookie = setting

    async with table_locked(fault_db, "threads"):
        message = await first_answer(server, thread.id, cookie=None)

    [error] = errors_of(message)
    assert error["extensions"]["code"] == "INTERNAL"
    request_id = error["extensions"]["requestId"]
    assert len(request_id) == 16 and request_id in error["message"]
    assert_no_detail(json.dumps(message))
    assert f"internal error (request {request_id})" in server.log()


async def test_a_socket_whose_viewer_lookup_fails_closes_with_1011_and_the_request_id(
    fault_db, setting
):
    server, thread, cookie = setting

    async with table_locked(fault_db, "auth_sessions"):
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            await first_answer(server, thread.id, cookie=cookie)

    frame = closed.value.rcvd
    assert frame is not None and frame.code == 1011
    assert frame.reason.startswith("INTERNAL: ")
    assert_no_detail(frame.reason)
    request_id = frame.reason.split("request id ")[1].split()[0]
    assert f"internal error (request {request_id})" in server.log()
