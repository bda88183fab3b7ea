"""Requests cancelled at every stage leave every pooled connection clean (SECURITY.md,
"Faults": "no later request sees a broken transaction").

A client that disconnects cancels its request wherever it is: taking a connection,
beginning a transaction, in a statement, committing, rolling back. Each request here is
cancelled after a growing number of turns of the event loop, so that over the sweep every
await of every kind of request is hit; then each of the pool's connections must begin,
write and commit for real, and /readyz must answer every time.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import random
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
import sqlalchemy as sa

from server.app import create_app
from server.db import Database
from server.models import Organisation
from tests.conftest import BASE_URL
from tests.factories import gid, make_member, make_thread, sign_in

POOL_SIZE = 2
FEED = {"query": "{ threads { nodes { id title } totalCount } }"}
SEARCH = {"query": '{ threads(filter: {search: "mission"}) { nodes { id } } }'}
# Points in a request's run where it is cancelled, spread evenly over its turns of the
# event loop (every turn when it takes fewer).
CANCEL_POINTS = 400


def reply(thread_id: int, n: int) -> dict[str, object]:
    return {
        "query": "mutation($i: ReplyInput!) { reply(input: $i) { post { id } } }",
        "variables": {"i": {"threadId": gid("Thread", thread_id), "body": f"Reply {n}"}},
    }


@pytest.fixture
async def small_pool(database_url: str, db: Database) -> AsyncIterator[Database]:
    """A database object of its own with a pool of two, so that connections are reused."""
    pooled = Database.from_url(database_url, pool_size=POOL_SIZE)
    yield pooled
    await pooled.dispose()


async def turns_taken(client: httpx.AsyncClient, send) -> int:
    task = asyncio.create_task(send(client))
    turns = 0
    while not task.done():
        await asyncio.sleep(0)
        turns += 1
    await task
    return turns


async def cancelled_after(client: httpx.AsyncClient, turns: int, send) -> None:
    task = asyncio.create_task(send(client))
    for _ in range(turns):
        await asyncio.sleep(0)
    task.cancel()
    # A request that ended (or failed) before it was cancelled is fine too.
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task


async def test_requests_cancelled_at_every_stage_leave_every_pooled_connection_clean(
    settings, db, small_pool, caplog
):
    member = await make_member(db)
    thread = await make_thread(db, author=member, title="A mission")
    app = create_app(settings.model_copy(update={"response_cache_seconds": 0.0}), small_pool)
    sends = [
        lambda c: c.post("/graphql", json=FEED),
        lambda c: c.post("/graphql", json=SEARCH),
        lambda c: c.post("/graphql", json=reply(thread.id, 0)),
        lambda c: c.get("/readyz"),
    ]
    rng = random.Random(15)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as client:
        await sign_in(client, db, settings, member)
        for send in sends:
            # How many turns the request takes whole, then a cancellation at each point.
            whole = await turns_taken(client, send)
            for turns in range(0, whole + 1, max(1, whole // CANCEL_POINTS)):
                await cancelled_after(client, turns, send)
        # And by time, as a disconnect comes: anywhere in the first 20 ms.
        for _ in range(100):
            task = asyncio.create_task(rng.choice(sends)(client))
            await asyncio.sleep(rng.random() * 0.02)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await asyncio.sleep(0.2)  # cancellations still on their way to the server land

        # Every connection the pool holds, at once: each begins, writes and commits.
        written: list[int] = []

        async def write_on_one_connection(n: int, ready: asyncio.Barrier) -> None:
            async with small_pool.write() as session:
                await session.execute(sa.text("SELECT 1"))
                await ready.wait()  # both connections are out of the pool together
                probe = Organisation(slug=f"probe-{n}", name="Probe", type="PUBLIC_BANK")
                session.add(probe)
                await session.flush()
                written.append(probe.id)

        if small_pool.is_sqlite:
            # One writer at a time on SQLite: each connection in turn.
            for n in range(POOL_SIZE):
                await write_on_one_connection(n, asyncio.Barrier(1))
        else:
            ready = asyncio.Barrier(POOL_SIZE)
            await asyncio.gather(*(write_on_one_connection(n, ready) for n in range(POOL_SIZE)))
        # What they committed is there for everyone (not in a transaction never committed).
        async with db.read() as session:
            found = await session.scalar(
                sa.select(sa.func.count())
                .select_from(sa.text("organisations"))
                .where(sa.text("slug LIKE 'probe-%'"))
            )
        assert found == POOL_SIZE
        readiness = [(await client.get("/readyz")).status_code for _ in range(20)]
        assert readiness == [200] * 20
        for n in range(1, 6):
            answer = await client.post("/graphql", json=reply(thread.id, n))
            assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
    if not small_pool.is_sqlite:
        async with db.read() as session:
            stuck = await session.scalar(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND state LIKE 'idle in transaction%'"
                )
            )
        assert stuck == 0
    # A connection attempt cut short left no future with an unretrieved exception behind
    # (asyncio logs those when they are collected).
    gc.collect()
    await asyncio.sleep(0)
    assert "was never retrieved" not in caplog.text


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
@pytest.mark.parametrize("began", [False, True], ids=["refused", "ran"])
async def test_a_connection_whose_begin_failed_is_not_handed_out_again(
    db, small_pool, monkeypatch, caplog, began
):
    """The campaign's path: a BEGIN that fails without dropping the connection (a statement
    timeout, or a cancel request landing on it). That race cannot be timed in a test, so
    the failure is injected where PostgreSQL would raise it; asyncpg, SQLAlchemy's pool
    and the server are real. Before the fix the next transaction on that connection was a
    SAVEPOINT: refused when BEGIN had not run, a write never committed when it had."""
    failing = True

    async def execute(self, query: str, *args, **kwargs):
        nonlocal failing
        if failing and query.startswith("BEGIN"):
            failing = False
            if began:
                await real_execute(self, query, *args, **kwargs)
            raise asyncpg.exceptions.QueryCanceledError("canceling statement due to user request")
        return await real_execute(self, query, *args, **kwargs)

    async with small_pool.write() as session:  # the pool's first connection is set up
        await session.execute(sa.text("SELECT 1"))
    real_execute = asyncpg.Connection.execute
    monkeypatch.setattr(asyncpg.Connection, "execute", execute)
    caplog.set_level(logging.WARNING, logger="server.db")
    with pytest.raises(sa.exc.DBAPIError, match="user request"):
        async with small_pool.write() as session:
            await session.execute(sa.text("SELECT 1"))
    for n in range(2 * POOL_SIZE):
        async with small_pool.write() as session:
            session.add(Organisation(slug=f"after-{n}", name="After", type="PUBLIC_BANK"))
    async with db.read() as session:
        found = await session.scalar(
            sa.select(sa.func.count()).where(Organisation.slug.like("after-%"))
        )
    assert found == 2 * POOL_SIZE
    assert "a pooled connection was left inside a transaction; it is replaced" in caplog.text
