"""A client that goes away mid-request: its SQL is cancelled, its transaction rolled back.

The reply is made slow for real: the test holds the thread's row lock from its own
connection, so the reply's UPDATE of the thread waits in PostgreSQL. The statement
timeout is a minute, so only a cancellation can end that wait within the test.
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import sqlalchemy as sa

from server.models import Post, Thread
from tests.factories import gid, make_member, make_thread
from tests.faults.client import session_cookie

pytestmark = pytest.mark.postgres

REPLY = """
mutation($input: ReplyInput!) { reply(input: $input) { post { id body } errors { message } } }
"""
# The forum's backends: the test's own connections (this one and `locker`) are left out.
FORUM_BACKENDS = """
SELECT state, wait_event_type, query FROM pg_stat_activity
WHERE datname = current_database() AND backend_type = 'client backend'
  AND pid <> pg_backend_pid() AND pid <> :locker
"""


async def forum_backends(db, locker: int) -> list[sa.Row]:
    async with db.read() as session:
        return list((await session.execute(sa.text(FORUM_BACKENDS), {"locker": locker})).all())


async def wait_until(predicate, timeout: float, what: str) -> None:
    try:
        async with asyncio.timeout(timeout):
            while not await predicate():
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"not within {timeout} s: {what}") from None


async def lock_waiters(db, locker: int) -> int:
    return sum(1 for row in await forum_backends(db, locker) if row.wait_event_type == "Lock")


def raw_post(port: int, cookie: str, payload: dict) -> bytes:
    body = json.dumps(payload).encode()
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"Cookie: {cookie}\r\n\r\n"
    )
    return head.encode() + body


async def test_a_reply_whose_client_leaves_is_cancelled_in_postgres_and_not_stored(
    fault_db, fault_settings, forum
):
    server = forum(statement_timeout_ms="60000")
    member = await make_member(fault_db)
    thread = await make_thread(fault_db, author=member)
    cookie = await session_cookie(fault_db, fault_settings, member)
    reply = {
        "query": REPLY,
        "variables": {
            "input": {"threadId": gid("Thread", thread.id), "body": "Sent", "idempotencyKey": "k1"}
        },
    }

    async with fault_db.write() as locker:
        await locker.execute(sa.select(Thread.id).where(Thread.id == thread.id).with_for_update())
        locker_pid = await locker.scalar(sa.text("SELECT pg_backend_pid()"))
        _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(raw_post(server.port, cookie, reply))
        await writer.drain()
        await wait_until(
            lambda: lock_waiters_is(fault_db, locker_pid, 1),
            10,
            "the reply waits on the thread's lock",
        )

        writer.close()  # the client goes away while its reply waits
        await writer.wait_closed()

        # The lock is still held: only a cancellation ends the wait.
        await wait_until(
            lambda: lock_waiters_is(fault_db, locker_pid, 0),
            5,
            "the reply's statement is cancelled",
        )
        assert not [
            row
            for row in await forum_backends(fault_db, locker_pid)
            if row.state == "idle in transaction"
        ], "the reply's transaction is left open"
    # The lock is released: had the reply only been waiting, it would commit now.
    await asyncio.sleep(0.5)

    async with fault_db.read() as session:
        replies = await session.scalar(
            sa.select(sa.func.count()).select_from(Post).where(Post.position > 0)
        )
        reply_count = await session.scalar(sa.select(Thread.reply_count))
    assert (replies, reply_count) == (0, 0)

    # The idempotency key was rolled back with the rest: a retry with it writes once.
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        retried = await http.post("/graphql", json=reply, headers={"Cookie": cookie})
        again = await http.post("/graphql", json=reply, headers={"Cookie": cookie})
    assert retried.status_code == 200 and retried.json()["data"]["reply"]["post"]["body"] == "Sent"
    assert again.json()["data"]["reply"]["post"] == retried.json()["data"]["reply"]["post"]
    async with fault_db.read() as session:
        assert await session.scalar(sa.select(Thread.reply_count)) == 1
    assert "client went away" in server.log()


async def lock_waiters_is(db, locker: int, count: int) -> bool:
    return await lock_waiters(db, locker) == count


async def test_a_query_sent_with_get_whose_client_leaves_is_cancelled_in_postgres(fault_db, forum):
    server = forum(statement_timeout_ms="60000", response_cache_seconds="0")
    author = await make_member(fault_db)
    await make_thread(fault_db, author=author)
    query = "{threads(first:5){nodes{title}}}"

    async with fault_db.write() as locker:
        # As a migration would: reads of the table wait.
        await locker.execute(sa.text("LOCK TABLE threads IN ACCESS EXCLUSIVE MODE"))
        locker_pid = await locker.scalar(sa.text("SELECT pg_backend_pid()"))
        _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            f"GET /graphql?query={query} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            "Accept: application/json\r\n\r\n".encode()
        )
        await writer.drain()
        await wait_until(
            lambda: lock_waiters_is(fault_db, locker_pid, 1), 10, "the query waits on the lock"
        )

        writer.close()
        await writer.wait_closed()

        await wait_until(
            lambda: lock_waiters_is(fault_db, locker_pid, 0), 5, "the query is cancelled"
        )
    assert "client went away" in server.log()
