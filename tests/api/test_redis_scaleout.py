"""Several server processes share live updates, rate limits and cache invalidation via Redis.

Two `create_app` instances, each with its own Database object on the one test database,
stand for two processes behind a load balancer. Each is served by uvicorn with its
lifespan and talks to a real Redis; a unique key and channel prefix per test keeps tests
apart. The outage tests run a `redis-server` of their own, to kill and restart it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import secrets
import shutil
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from pydantic import SecretStr
from redis.asyncio import Redis
from redis.exceptions import RedisError
from starlette.applications import Starlette

from server import events, redis_link
from server.app import create_app
from server.config import Settings
from server.db import Database
from server.domain import MemberRole
from server.models import Post, Thread
from server.redis_link import RedisLink
from server.services import moderation
from tests.api.test_auth_partners import issue_key, post
from tests.api.test_subscriptions import (
    REPLY,
    REPLY_ADDED,
    THREAD_STARTED,
    cookie_of,
    next_message,
    registered,
    subscription,
)
from tests.factories import gid, make_member, make_thread, sign_in, viewer_of
from tests.support import (
    REDIS_URL,
    counted,
    free_port,
    gql,
    require_or_skip,
    require_redis,
    serve,
)

pytestmark = pytest.mark.redis

FEED = {"query": "{ threads { nodes { title replyCount } } }"}
THREADS = "{ threads { totalCount } }"


@dataclass
class Instance:
    """One server process: its app, where uvicorn serves it, an HTTP client to it."""

    app: Starlette
    address: str
    http: httpx.AsyncClient

    @property
    def link(self) -> RedisLink:
        link: RedisLink = self.app.state.redis_link
        return link


@asynccontextmanager
async def instance(settings: Settings, database_url: str) -> AsyncIterator[Instance]:
    app = create_app(settings, Database.from_url(database_url, pool_size=2))
    async with (
        serve(app, lifespan="on") as address,
        httpx.AsyncClient(base_url=f"http://{address}") as http,
    ):
        yield Instance(app, address, http)


def with_redis(settings: Settings, url: str) -> Settings:
    """The test settings, joined to Redis at `url` under a prefix of this test's own.

    The response cache keeps answers a minute, so only an invalidation empties it.
    """
    return settings.model_copy(
        update={
            "redis_url": SecretStr(url),
            "redis_prefix": f"moin-test-{secrets.token_hex(6)}",
            "response_cache_seconds": 60.0,
            # No background worker: its polls would count among the statements measured here.
            "worker": "off",
        }
    )


@pytest.fixture
async def shared(settings: Settings) -> Settings:
    await require_redis()
    return with_redis(settings, REDIS_URL)


@pytest.fixture
async def pair(shared: Settings, database_url: str) -> AsyncIterator[tuple[Instance, Instance]]:
    """Two processes joined through the Redis on 127.0.0.1:6379."""
    async with instance(shared, database_url) as a, instance(shared, database_url) as b:
        yield a, b


class OwnRedis:
    """A redis-server of the test's own on a free port, to kill and start again."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *[self.binary, "--port", str(self.port), "--bind", "127.0.0.1"],
            *["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = Redis.from_url(self.url, socket_connect_timeout=1)
        try:
            for _ in range(100):
                try:
                    await client.ping()
                    return
                except (RedisError, OSError):
                    await asyncio.sleep(0.05)
            raise AssertionError(f"redis-server did not start on port {self.port}")
        finally:
            await client.aclose()

    async def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            await self.process.wait()
            self.process = None


@pytest.fixture
async def own_redis(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[OwnRedis]:
    binary = shutil.which("redis-server")
    if binary is None:
        require_or_skip("redis-server is not installed (the outage tests start their own)")
    # Reconnect within half a second of Redis coming back, not five.
    monkeypatch.setattr(redis_link, "RECONNECT_MAX_SECONDS", 0.5)
    server = OwnRedis(binary)
    try:
        yield server
    finally:
        await server.kill()


async def eventually(
    check: Callable[[], Awaitable[Any]], until: Callable[[Any], bool], timeout: float = 5.0
) -> Any:
    """Call `check` until its result satisfies `until`; that result (or fail at `timeout`)."""
    async with asyncio.timeout(timeout):
        while True:
            result = await check()
            if until(result):
                return result
            await asyncio.sleep(0.05)


async def reply(http: httpx.AsyncClient, thread: Thread, body: str) -> None:
    data = await gql(http, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": body}})
    assert data["reply"]["errors"] == []


async def received(socket: Any) -> dict[str, Any]:
    message = await next_message(socket)
    assert message["type"] == "next", message
    reply_added: dict[str, Any] = message["payload"]["data"]["replyAdded"]
    return reply_added


async def both_up(*instances: Instance) -> None:
    async with asyncio.timeout(10):
        for each in instances:
            await each.link.connected()
            while not each.link.up:
                await asyncio.sleep(0.02)


def link_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "server.redis_link" and r.levelno >= logging.WARNING
    ]


# --- live updates ---------------------------------------------------------------------


async def test_a_reply_reaches_subscribers_of_every_instance_once(db, shared, pair):
    author = await make_member(db, name="Ana Writer")
    thread = await make_thread(db, author=author)
    thread_id = {"id": gid("Thread", thread.id)}

    a, b = pair
    await sign_in(a.http, db, shared, author)
    async with (
        subscription(a.address, REPLY_ADDED, thread_id) as on_a,
        subscription(b.address, REPLY_ADDED, thread_id) as on_b,
    ):
        for body in ("one", "two", "three"):
            await reply(a.http, thread, body)
        seen_on_b = [await received(on_b) for _ in range(3)]
        seen_on_a = [(await received(on_a))["body"] for _ in range(3)]
        # B had all three through Redis, so A's own came back to it as well: ignored.
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(on_a.recv(), 0.5)

    assert seen_on_a == ["one", "two", "three"]
    assert seen_on_b == [
        {"body": body, "isExpertReply": False, "author": {"displayName": "Ana Writer"}}
        for body in ("one", "two", "three")
    ]


async def test_an_event_from_another_instance_costs_one_query_for_all_its_subscribers(
    db, shared, pair
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    thread_id = {"id": gid("Thread", thread.id)}

    a, b = pair
    await sign_in(a.http, db, shared, author)
    async with (
        subscription(b.address, REPLY_ADDED, thread_id) as first,
        subscription(b.address, REPLY_ADDED, thread_id) as second,
        subscription(b.address, REPLY_ADDED, thread_id) as third,
    ):
        await registered(b.app, events.replies_channel(thread.id), 3)
        with counted(b.app.state.db) as statements:
            await reply(a.http, thread, "Shared rows")
            bodies = [(await received(s))["body"] for s in (first, second, third)]

    assert bodies == ["Shared rows"] * 3
    assert len(statements) == 1, statements  # the rows, loaded once on receipt


async def test_events_from_another_instance_are_authorised_for_each_receiver(db, shared, pair):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    thread_id = {"id": gid("Thread", thread.id)}

    a, b = pair
    await sign_in(a.http, db, shared, author)
    await sign_in(b.http, db, shared, await make_member(db))
    async with (
        subscription(b.address, REPLY_ADDED, thread_id, cookie=cookie_of(b.http)) as member_socket,
        subscription(b.address, REPLY_ADDED, thread_id) as visitor_socket,
    ):
        async with db.write() as session:
            await session.execute(sa.update(Thread).values(visibility="MEMBERS"))
        await reply(a.http, thread, "For members")
        to_member = await received(member_socket)
        to_visitor = await next_message(visitor_socket)

    assert to_member["body"] == "For members"
    assert to_visitor["type"] == "complete"


async def test_replies_in_a_thread_hidden_meanwhile_do_not_reach_visitors_of_another_instance(
    db, shared, pair
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    moderator = await make_member(db, role=MemberRole.MODERATOR)

    a, b = pair
    await sign_in(a.http, db, shared, author)
    async with subscription(b.address, REPLY_ADDED, {"id": gid("Thread", thread.id)}) as on_b:
        async with db.write() as session:
            opening = await session.scalar(
                sa.select(Post.id).where(Post.thread_id == thread.id, Post.position == 0)
            )
            await moderation.set_hidden(
                session, viewer_of(moderator), post_id=opening, hidden=True, reason="Spam"
            )
        await reply(a.http, thread, "Hidden")  # its author still sees it and replies
        message = await next_message(on_b)

    assert message["type"] == "complete"


async def test_a_thread_started_on_one_instance_reaches_matching_subscribers_on_another(
    db, shared, pair
):
    author = await make_member(db)
    start = """mutation($input: StartThreadInput!) { startThread(input: $input) { errors { message } } }"""

    a, b = pair
    await sign_in(a.http, db, shared, author)
    flt = {"filter": {"pillars": ["ASSESSMENT"]}}
    async with subscription(b.address, THREAD_STARTED, flt) as on_b:
        for title, pillar in [("Other", "RISKS_AND_REWARDS"), ("Evaluating", "ASSESSMENT")]:
            await gql(
                a.http,
                start,
                {
                    "input": {
                        "kind": "DISCUSSION",
                        "title": title,
                        "body": "b",
                        "pillars": [pillar],
                    }
                },
            )
        message = await next_message(on_b)

    assert message["payload"]["data"]["threadStarted"] == {
        "title": "Evaluating",
        "pillars": ["ASSESSMENT"],
    }


# --- rate limits and the response cache -------------------------------------------------


async def test_a_partner_key_spends_one_budget_across_instances(db, shared, pair):
    key = await issue_key(db, rate_limit=2)

    a, b = pair
    started = time.monotonic()
    first = await post(a.http, THREADS, key)
    second = await post(b.http, THREADS, key)
    third = await post(a.http, THREADS, key)
    elapsed = time.monotonic() - started

    assert [r.status_code for r in (first, second, third)] == [200, 200, 429]
    # A token comes back every 30 s; the bucket refills meanwhile (seconds on a busy machine).
    assert 30 - math.ceil(elapsed) <= int(third.headers["retry-after"]) <= 30
    assert third.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


async def test_a_write_on_one_instance_clears_the_cache_of_another(db, shared, pair):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Before")

    a, b = pair
    await b.http.post("/graphql", json=FEED)
    assert (await b.http.post("/graphql", json=FEED)).headers["x-cache"] == "hit"
    await sign_in(a.http, db, shared, author)
    await reply(a.http, thread, "New")

    after = await eventually(
        lambda: b.http.post("/graphql", json=FEED),
        lambda response: response.headers.get("x-cache") != "hit",
    )

    assert after.json()["data"]["threads"]["nodes"] == [{"title": "Before", "replyCount": 1}]


# --- Redis going away -------------------------------------------------------------------


async def test_the_forum_starts_without_redis_and_joins_in_when_it_comes(
    db, settings, database_url, own_redis, caplog
):
    shared = with_redis(settings, own_redis.url)  # nothing listens there yet
    author = await make_member(db)
    thread = await make_thread(db, author=author)

    with caplog.at_level(logging.WARNING, logger="server.redis_link"):
        async with instance(shared, database_url) as a, instance(shared, database_url) as b:
            await sign_in(a.http, db, shared, author)
            await reply(a.http, thread, "Written without Redis")
            feed = await gql(b.http, FEED["query"])
            assert not a.link.up and not b.link.up

            await own_redis.start()
            await both_up(a, b)
            async with subscription(
                b.address, REPLY_ADDED, {"id": gid("Thread", thread.id)}
            ) as on_b:
                await reply(a.http, thread, "Shared again")
                shared_again = await received(on_b)

    assert feed["threads"]["nodes"][0]["replyCount"] == 1
    assert shared_again["body"] == "Shared again"
    warnings = link_warnings(caplog)
    assert len(warnings) == 2, warnings  # one for each instance
    assert all(f"127.0.0.1:{own_redis.port}" in w for w in warnings)


async def test_the_forum_serves_while_redis_is_away_and_shares_again_when_it_returns(
    db, settings, database_url, own_redis, caplog
):
    shared = with_redis(settings, own_redis.url)
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    thread_id = {"id": gid("Thread", thread.id)}
    key = await issue_key(db, rate_limit=2)
    await own_redis.start()

    async with instance(shared, database_url) as a, instance(shared, database_url) as b:
        await sign_in(a.http, db, shared, author)
        async with (
            subscription(a.address, REPLY_ADDED, thread_id) as on_a,
            subscription(b.address, REPLY_ADDED, thread_id) as on_b,
        ):
            await reply(a.http, thread, "Before")
            assert (await received(on_b))["body"] == "Before"
            assert (await received(on_a))["body"] == "Before"

            with caplog.at_level(logging.WARNING, logger="server.redis_link"):
                await own_redis.kill()
                # Reads, writes and this process's live updates go on, many times over.
                for n in range(5):
                    await reply(a.http, thread, f"During {n}")
                    assert (await received(on_a))["body"] == f"During {n}"
                    assert (await gql(a.http, FEED["query"]))["threads"]["nodes"]
                    assert (await gql(b.http, FEED["query"]))["threads"]["nodes"]
                # Rate limits are counted by each process meanwhile.
                on_a_limits = [(await post(a.http, THREADS, key)).status_code for _ in range(3)]
                on_b_limits = [(await post(b.http, THREADS, key)).status_code for _ in range(2)]
                warnings = link_warnings(caplog)

            await own_redis.start()
            await both_up(a, b)
            await reply(a.http, thread, "After")
            after_on_a = await received(on_a)
            # B missed the replies written while Redis was away; the next one reaches it.
            after_on_b = await received(on_b)

    assert len(warnings) == 2, warnings  # one for each instance, not one per request
    assert on_a_limits == [200, 200, 429]
    assert on_b_limits == [200, 200]
    assert after_on_a["body"] == after_on_b["body"] == "After"


async def test_a_redis_that_stops_answering_is_noticed_and_rejoined(
    db, settings, database_url, own_redis, caplog, monkeypatch
):
    # A paused redis-server keeps its sockets open and says nothing: only pings tell.
    monkeypatch.setattr(redis_link, "HEARTBEAT_SECONDS", 0.3)
    shared = with_redis(settings, own_redis.url)
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    key = await issue_key(db, rate_limit=1)
    await own_redis.start()
    assert own_redis.process is not None

    async with instance(shared, database_url) as a, instance(shared, database_url) as b:
        await sign_in(a.http, db, shared, author)
        with caplog.at_level(logging.WARNING, logger="server.redis_link"):
            own_redis.process.send_signal(signal.SIGSTOP)
            try:
                await eventually(
                    lambda: asyncio.sleep(0), lambda _: not a.link.up and not b.link.up
                )
                limits = [(await post(a.http, THREADS, key)).status_code for _ in range(2)]
                await reply(a.http, thread, "While Redis sleeps")
            finally:
                own_redis.process.send_signal(signal.SIGCONT)
            warnings = link_warnings(caplog)

        await both_up(a, b)
        async with subscription(b.address, REPLY_ADDED, {"id": gid("Thread", thread.id)}) as on_b:
            await reply(a.http, thread, "Awake")
            awake = await received(on_b)

    assert len(warnings) == 2, warnings
    assert limits == [200, 429]
    assert awake["body"] == "Awake"
