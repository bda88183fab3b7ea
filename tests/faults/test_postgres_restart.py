"""PostgreSQL restarts under write load: no acknowledged write is lost, none is doubled.

Writers post replies and start threads against the forum, in its own process, with an
idempotency key each. PostgreSQL is stopped (once `fast`, once `immediate`, a crash),
left down a second and started again while they write. A writer whose request fails
retries it with the same key until it is acknowledged, as a client should. Then every
acknowledged write must be stored exactly once, each thread's counters must match its
posts, every failure must have been a prompt 503 UNAVAILABLE, and the forum must serve
as before.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
import pytest
import sqlalchemy as sa

from server.domain import MemberRole
from server.ids import row_id
from server.models import IdempotencyKey, Post, Thread
from tests.factories import gid, make_member, make_organisation, make_thread
from tests.faults.client import session_cookie
from tests.faults.cluster import PostgresCluster

pytestmark = pytest.mark.postgres

REPLY = """
mutation($input: ReplyInput!) {
  reply(input: $input) { post { id body thread { replyCount } } errors { code message } }
}
"""
START = """
mutation($input: StartThreadInput!) {
  startThread(input: $input) { thread { id title } errors { code message } }
}
"""
WRITERS = 6
# Acknowledged writes to wait for before the first restart, and after each restart.
ACKS_PER_PHASE = 15
DOWN_SECONDS = 1.0
# A request that takes longer than this has hung: the outage must be answered promptly.
REQUEST_BOUND_SECONDS = 10.0
ATTEMPTS_PER_WRITE = 200


@dataclass
class Outcomes:
    """What the writers saw."""

    acked_replies: dict[str, int] = field(default_factory=dict)  # body -> post id
    acked_threads: dict[str, int] = field(default_factory=dict)  # title -> thread id
    unavailable: int = 0  # 503 UNAVAILABLE answers
    retried_writes: int = 0  # writes acknowledged only after a failed attempt
    wrong: list[str] = field(default_factory=list)  # anything else: the test fails
    slowest_failure: float = 0.0
    # When PostgreSQL last came back up, and UNAVAILABLE answers to requests sent after it.
    back_at: float = 0.0
    unavailable_once_back: int = 0

    @property
    def acks(self) -> int:
        return len(self.acked_replies) + len(self.acked_threads)


def classify(response: httpx.Response, operation: str) -> tuple[str, int | None]:
    """("ack", row id), ("unavailable", None) or ("wrong", None)."""
    try:
        body = response.json()
    except ValueError:
        return "wrong", None
    if response.status_code == 503:
        codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
        retry_after = response.headers.get("Retry-After", "")
        if codes and set(codes) == {"UNAVAILABLE"} and retry_after.isdigit():
            return "unavailable", None
        return "wrong", None
    payload = (body.get("data") or {}).get(operation)
    if response.status_code != 200 or body.get("errors") or not payload or payload["errors"]:
        return "wrong", None
    node = payload["post"] if operation == "reply" else payload["thread"]
    return "ack", row_id(node["id"], "Post" if operation == "reply" else "Thread")


async def write_until_acknowledged(
    http: httpx.AsyncClient, cookie: str, operation: str, variables: dict, outcomes: Outcomes
) -> int:
    """Send one write, retrying with the same idempotency key until it is acknowledged."""
    query = REPLY if operation == "reply" else START
    for attempt in range(ATTEMPTS_PER_WRITE):
        started = time.monotonic()
        try:
            response = await http.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"Cookie": cookie},
            )
        except httpx.TimeoutException:
            outcomes.wrong.append(f"{operation} hung for over {REQUEST_BOUND_SECONDS} s")
            raise
        verdict, result = classify(response, operation)
        if verdict == "ack":
            assert result is not None
            if attempt:
                outcomes.retried_writes += 1
            return result
        if verdict == "wrong":
            outcomes.wrong.append(f"{operation}: HTTP {response.status_code} {response.text}")
            raise AssertionError(outcomes.wrong[-1])
        outcomes.unavailable += 1
        if outcomes.back_at and started > outcomes.back_at:
            outcomes.unavailable_once_back += 1
        outcomes.slowest_failure = max(outcomes.slowest_failure, time.monotonic() - started)
        await asyncio.sleep(0.1)  # a real client honours Retry-After; the test is in a hurry
    raise AssertionError(f"{operation} not acknowledged after {ATTEMPTS_PER_WRITE} attempts")


async def writer(
    number: int,
    base_url: str,
    cookie: str,
    thread_ids: list[int],
    outcomes: Outcomes,
    stop: asyncio.Event,
) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=REQUEST_BOUND_SECONDS) as http:
        n = 0
        while not stop.is_set():
            n += 1
            name = f"w{number}-{n}"
            if n % 5 == 0:
                variables = {
                    "input": {
                        "kind": "DISCUSSION",
                        "title": name,
                        "body": f"Opening {name}",
                        "pillars": ["ASSESSMENT"],
                        "idempotencyKey": name,
                    }
                }
                thread_id = await write_until_acknowledged(
                    http, cookie, "startThread", variables, outcomes
                )
                outcomes.acked_threads[name] = thread_id
            else:
                thread = thread_ids[(number + n) % len(thread_ids)]
                variables = {
                    "input": {
                        "threadId": gid("Thread", thread),
                        "body": name,
                        "idempotencyKey": name,
                    }
                }
                post_id = await write_until_acknowledged(http, cookie, "reply", variables, outcomes)
                outcomes.acked_replies[name] = post_id


async def acks_reach(outcomes: Outcomes, count: int) -> None:
    while outcomes.acks < count:
        if outcomes.wrong:  # a writer met a wrong answer and stopped: fail now
            raise AssertionError(outcomes.wrong[:3])
        await asyncio.sleep(0.02)


async def restart(cluster: PostgresCluster, mode: str, outcomes: Outcomes) -> None:
    outcomes.back_at = 0.0
    await asyncio.to_thread(cluster.stop, mode)
    await asyncio.sleep(DOWN_SECONDS)
    await asyncio.to_thread(cluster.start)
    outcomes.back_at = time.monotonic()


async def test_acknowledged_writes_survive_postgres_restarts_exactly_once(
    cluster, fault_db, fault_settings, forum
):
    server = forum()
    researcher_org = await make_organisation(fault_db)
    members = [
        await make_member(
            fault_db,
            role=MemberRole.RESEARCHER if n % 2 else MemberRole.MEMBER,
            organisation=researcher_org if n % 2 else None,
        )
        for n in range(WRITERS)
    ]
    cookies = [await session_cookie(fault_db, fault_settings, member) for member in members]
    threads = [await make_thread(fault_db, author=members[0], title=f"T{n}") for n in range(3)]
    outcomes = Outcomes()
    stop = asyncio.Event()

    async with asyncio.timeout(45):
        writers = [
            asyncio.create_task(
                writer(n, server.base_url, cookies[n], [t.id for t in threads], outcomes, stop)
            )
            for n in range(WRITERS)
        ]
        try:
            await acks_reach(outcomes, ACKS_PER_PHASE)
            unavailable_before = outcomes.unavailable
            await restart(cluster, "fast", outcomes)
            await acks_reach(outcomes, outcomes.acks + ACKS_PER_PHASE)
            unavailable_after_fast = outcomes.unavailable
            await restart(cluster, "immediate", outcomes)
            await acks_reach(outcomes, outcomes.acks + ACKS_PER_PHASE)
        finally:
            stop.set()
            results = await asyncio.gather(*writers, return_exceptions=True)
    failures = [r for r in results if isinstance(r, BaseException)]
    assert not outcomes.wrong and not failures, (outcomes.wrong, failures, server.log()[-3000:])

    # Both outages were seen by the writers, and answered as UNAVAILABLE only.
    assert unavailable_before == 0
    assert unavailable_after_fast > 0
    assert outcomes.unavailable > unavailable_after_fast
    assert outcomes.retried_writes > 0

    # The test's own pool saw the restarts too: start it afresh.
    await fault_db.engine.dispose()
    async with fault_db.read() as session:
        posts = (await session.execute(sa.select(Post))).scalars().all()
        stored_threads = (await session.execute(sa.select(Thread))).scalars().all()
        keys = (await session.execute(sa.select(IdempotencyKey))).scalars().all()

    # Every acknowledged reply is stored, once, as acknowledged; nothing else was written.
    replies = {p.body: p for p in posts if p.position > 0}
    assert Counter(p.body for p in posts if p.position > 0).most_common(1)[0][1] == 1
    assert {body: post.id for body, post in replies.items()} == outcomes.acked_replies
    titles = Counter(t.title for t in stored_threads)
    assert titles.most_common(1)[0][1] == 1
    assert {t.title: t.id for t in stored_threads if t.title not in {"T0", "T1", "T2"}} == (
        outcomes.acked_threads
    )
    assert len(keys) == outcomes.acks and all(k.result_id is not None for k in keys)

    # Each thread's counters agree with its posts.
    by_thread: dict[int, list[Post]] = {}
    for post in posts:
        by_thread.setdefault(post.thread_id, []).append(post)
    for thread in stored_threads:
        thread_replies = [p for p in by_thread[thread.id] if p.position > 0]
        assert sorted(p.position for p in thread_replies) == list(
            range(1, thread.reply_count + 1)
        ), thread.title
        assert thread.expert_reply_count == sum(p.is_expert for p in thread_replies)
        assert thread.last_activity_at == max(p.created_at for p in by_thread[thread.id])

    # The forum serves as before, and logged the outage as such, with no traceback.
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        ready = await http.get("/readyz")
        listed = await http.post(
            "/graphql", json={"query": "{ threads(first: 50) { nodes { replyCount } } }"}
        )
    assert ready.status_code == 200
    assert listed.status_code == 200 and "errors" not in listed.json()
    assert sum(n["replyCount"] for n in listed.json()["data"]["threads"]["nodes"]) == len(replies)
    log = server.log()
    assert "database unavailable" in log
    assert "Traceback" not in log and "internal error" not in log, log[-3000:]
    print(
        f"{outcomes.acks} writes acknowledged, {outcomes.unavailable} UNAVAILABLE answers, "
        f"({outcomes.unavailable_once_back} once PostgreSQL was back), "
        f"{outcomes.retried_writes} writes retried, slowest failure "
        f"{outcomes.slowest_failure:.2f} s"
    )


@pytest.mark.parametrize("mode", ["fast", "immediate"])
async def test_after_a_quiet_restart_the_first_requests_find_fresh_connections(
    cluster, fault_db, fault_settings, forum, mode
):
    server = forum()
    member = await make_member(fault_db)
    thread = await make_thread(fault_db, author=member)
    cookie = await session_cookie(fault_db, fault_settings, member)

    async with httpx.AsyncClient(base_url=server.base_url, timeout=REQUEST_BOUND_SECONDS) as http:

        async def reply(body: str) -> httpx.Response:
            variables = {"input": {"threadId": gid("Thread", thread.id), "body": body}}
            return await http.post(
                "/graphql",
                json={"query": REPLY, "variables": variables},
                headers={"Cookie": cookie},
            )

        # Several at once, so that the forum's pool holds several connections.
        before = await asyncio.gather(*(reply(f"before {n}") for n in range(4)))
        assert [r.status_code for r in before] == [200] * 4
        # PostgreSQL restarts while nobody writes: every pooled connection is now dead.
        await asyncio.to_thread(cluster.stop, mode)
        await asyncio.to_thread(cluster.start)
        after = await asyncio.gather(*(reply(f"after {n}") for n in range(4)))

    assert [r.status_code for r in after] == [200] * 4, [r.text for r in after]
