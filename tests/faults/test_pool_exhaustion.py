"""No free database connection: every kind of request says UNAVAILABLE, and says no more.

The served forum gets a pool of two connections (MOIN_DB_POOL_SIZE=1 and as many again
of overflow) that gives up after half a second. Two replies waiting on a thread's row
lock, which the test holds from its own connection, take both connections.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import sqlalchemy as sa
import websockets

from server.models import Thread
from tests.factories import gid, make_member, make_thread
from tests.faults.client import THREADS, errors_of, first_answer, session_cookie
from tests.faults.cluster import ForumProcess

pytestmark = pytest.mark.postgres

REPLY = """
mutation($input: ReplyInput!) { reply(input: $input) { post { id } errors { message } } }
"""
POOL_WORDS = ("QueuePool", "overflow", "timed out", "sqlalchemy", "Traceback")


@asynccontextmanager
async def thread_locked(db, thread_id: int) -> AsyncIterator[None]:
    """Hold the thread's row lock, as a long write would: replies to it wait."""
    async with db.write() as session:
        await session.execute(sa.select(Thread.id).where(Thread.id == thread_id).with_for_update())
        yield


@asynccontextmanager
async def pool_exhausted(forum: ForumProcess, db, thread, cookie: str) -> AsyncIterator[None]:
    """Both of the forum's connections held by replies waiting on the thread's lock."""
    async with httpx.AsyncClient(base_url=forum.base_url, timeout=15) as http:
        async with thread_locked(db, thread.id):
            waiting = [
                asyncio.create_task(
                    http.post(
                        "/graphql",
                        json={
                            "query": REPLY,
                            "variables": {
                                "input": {"threadId": gid("Thread", thread.id), "body": f"w{n}"}
                            },
                        },
                        headers={"Cookie": cookie},
                    )
                )
                for n in range(2)
            ]
            await wait_for_lock_waiters(db, 2)
            yield
        # The lock is released: the two replies go through.
        for response in await asyncio.gather(*waiting):
            assert response.status_code == 200, response.text
            assert response.json()["data"]["reply"]["post"] is not None


async def wait_for_lock_waiters(db, count: int) -> None:
    async with asyncio.timeout(10):
        while True:
            async with db.read() as session:
                waiting = await session.scalar(
                    sa.text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                )
            if waiting == count:
                return
            await asyncio.sleep(0.05)


def assert_unavailable(response: httpx.Response) -> dict:
    assert response.status_code == 503, response.text
    assert response.headers.get("Retry-After", "").isdigit()
    body = response.json()
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAVAILABLE"]
    assert not any(word.lower() in response.text.lower() for word in POOL_WORDS)
    return body


@pytest.fixture
async def setting(fault_db, fault_settings, forum):
    member = await make_member(fault_db)
    thread = await make_thread(fault_db, author=member)
    cookie = await session_cookie(fault_db, fault_settings, member)
    server = forum(db_pool_size="1", db_pool_timeout_seconds="0.5")
    return server, member, thread, cookie


async def test_a_signed_in_request_without_a_free_connection_is_unavailable_not_500(
    fault_db, setting
):
    server, _member, thread, cookie = setting

    async with (
        pool_exhausted(server, fault_db, thread, cookie),
        httpx.AsyncClient(base_url=server.base_url, timeout=10) as http,
    ):
        # Building the request's context looks the session up: no connection for it.
        response = await http.post("/graphql", json={"query": THREADS}, headers={"Cookie": cookie})

    assert_unavailable(response)
    assert "Exception in ASGI application" not in server.log()
    assert "database unavailable" in server.log()


async def test_a_visitor_query_without_a_free_connection_is_unavailable(fault_db, setting):
    server, _member, thread, cookie = setting

    async with (
        pool_exhausted(server, fault_db, thread, cookie),
        httpx.AsyncClient(base_url=server.base_url, timeout=10) as http,
    ):
        response = await http.post("/graphql", json={"query": THREADS})

    assert_unavailable(response)


async def test_a_subscription_without_a_free_connection_is_unavailable_and_masked(
    fault_db, setting
):
    server, _member, thread, cookie = setting

    async with pool_exhausted(server, fault_db, thread, cookie):
        message = await first_answer(server, thread.id, cookie=None)

    assert [e["extensions"]["code"] for e in errors_of(message)] == ["UNAVAILABLE"]
    assert not any(word.lower() in json.dumps(message).lower() for word in POOL_WORDS)


async def test_a_signed_in_socket_without_a_free_connection_closes_as_try_again_later(
    fault_db, setting
):
    server, _member, thread, cookie = setting

    async with pool_exhausted(server, fault_db, thread, cookie):
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            await first_answer(server, thread.id, cookie=cookie)

    # 1013: "try again later", the WebSocket close code for a passing server condition.
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1013
    assert closed.value.rcvd.reason.startswith("UNAVAILABLE")
    assert not any(word.lower() in closed.value.rcvd.reason.lower() for word in POOL_WORDS)
