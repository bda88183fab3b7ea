"""S8 (the notification fan-out) and S9 (the notification list), against the forum under test.

S8, the writer: a reply in a thread 1,000 members follow against a reply in a thread nobody
follows, and a new thread matching a pillar 2,000 members follow against one matching
nothing followed; one write at a time by one member, the arms alternated in rounds. The
target: each p99 with followers within 20 ms of the p99 without (the fan-out runs in the
worker after the commit, not in the request).

S8, the deliveries: the thread's followers (up to `--subscribers`) signed in and subscribed
to `notificationAdded`; replies to the thread; the time from each reply's response to each
follower's notification (bench.live, as S7). Target: p99 within 500 ms.

S9: `notifications(first: 20)` with thread and actor, for a member with at least 20
notifications: latency at the open-loop rate, and SQL statements at 5 and at 20 (target:
the same, at most 3 besides the session lookup every signed-in request makes).

The follows are written into the database directly (the bench database is the harness's):
the followers are the first members by id other than the writer.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import asyncpg
import numpy as np

from bench import loadgen
from bench.live import run_live
from bench.loadgen import Connection, http_request, is_error

HOST = "127.0.0.1"
THREAD_FOLLOWERS = 1000
PILLAR_FOLLOWERS = 2000
FOLLOWED_PILLAR = "ASSESSMENT"
UNFOLLOWED_PILLAR = "ROUTES_AND_DIRECTIONS"
# The outbox kinds a write's fan-out makes: the notifications, then their e-mail.
WRITE_WORK = ("notifications.fan_out", "notifications.email")

REPLY = """mutation Reply($input: ReplyInput!) {
  reply(input: $input) { post { id } errors { message } } }"""
START = """mutation Start($input: StartThreadInput!) {
  startThread(input: $input) { thread { id } errors { message } } }"""
NOTIFICATION_ADDED = """subscription NotificationAdded {
  notificationAdded { id reason post { id } thread { id } }
}"""
NOTIFICATIONS = """query Notifications($first: Int) {
  notifications(first: $first) {
    nodes { id reason text createdAt readAt thread { id title } actor { id displayName } }
  }
}"""


async def prepare(dsn: str, writer_id: int) -> dict[str, Any]:
    """Two open public threads (one to be followed) and the follows: THREAD_FOLLOWERS of the
    first thread, PILLAR_FOLLOWERS of FOLLOWED_PILLAR; nothing else that new threads by the
    writer could match."""
    conn = await asyncpg.connect(dsn)
    try:
        threads = [
            r["id"]
            for r in await conn.fetch(
                "SELECT id FROM threads WHERE visibility = 'PUBLIC' AND status <> 'CLOSED' "
                "AND hidden_at IS NULL ORDER BY id DESC LIMIT 2"
            )
        ]
        followers = [
            r["id"]
            for r in await conn.fetch(
                "SELECT id FROM members WHERE banned_at IS NULL AND id <> $1 ORDER BY id LIMIT $2",
                writer_id,
                max(THREAD_FOLLOWERS, PILLAR_FOLLOWERS),
            )
        ]
        async with conn.transaction():
            # Only the follows made here: a new thread by the writer matches the pillar
            # followed and nothing else (no type, topic or organisation follows).
            await conn.execute(
                "DELETE FROM follows WHERE kind <> 'THREAD' OR key = ANY($1::text[])",
                [str(t) for t in threads],
            )
            await conn.executemany(
                "INSERT INTO follows (member_id, kind, key, created_at) VALUES ($1, $2, $3, now())",
                [(m, "THREAD", str(threads[0])) for m in followers[:THREAD_FOLLOWERS]]
                + [(m, "PILLAR", FOLLOWED_PILLAR) for m in followers[:PILLAR_FOLLOWERS]],
            )
    finally:
        await conn.close()
    return {
        "followed_thread": threads[0],
        "plain_thread": threads[1],
        "thread_followers": min(THREAD_FOLLOWERS, len(followers)),
        "pillar_followers": min(PILLAR_FOLLOWERS, len(followers)),
        "followers": followers[:THREAD_FOLLOWERS],
    }


async def _write(
    port: int, headers: dict[str, str], body: dict[str, Any]
) -> tuple[float, str | None]:
    """One write on a fresh connection: its time in ms, and its error if any."""
    raw_body = json.dumps(body).encode()
    started = time.perf_counter()
    conn = await Connection.open(HOST, port)
    try:
        status, raw = await asyncio.wait_for(
            conn.send(http_request(HOST, port, "/graphql", raw_body, headers)), 60
        )
    finally:
        conn.close()
    elapsed = (time.perf_counter() - started) * 1000
    if is_error(status, raw):
        return elapsed, f"{status} {raw[:200].decode(errors='replace')}"
    return elapsed, None


def _percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50_ms": None, "p99_ms": None}
    arr = np.array(values)
    return {
        "p50_ms": round(float(np.percentile(arr, 50)), 2),
        "p99_ms": round(float(np.percentile(arr, 99)), 2),
    }


def measure_writer(
    port: int,
    cookie: tuple[str, str],
    setup: dict[str, Any],
    *,
    writes: int,
    rounds: int,
    interval: float = 0.1,
    cpu: Callable[[], dict[int, float]] | None = None,
    drain: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """The writer's latency with and without followers, arms alternated in `rounds`.

    With `cpu` (seconds of CPU so far of each process under test, by pid: a process that
    ends meanwhile is not counted) and `drain` (waits until
    the work the writes queued is done), each arm's block of writes is followed by a
    drain and charged the CPU it took, its fan-out included: CPU per write."""
    from server.ids import to_global_id

    headers = {"Origin": f"http://{HOST}:{port}", "Cookie": f"{cookie[0]}={cookie[1]}"}
    tag = int(time.time())

    def reply(thread_id: int) -> Callable[[int], dict[str, Any]]:
        gid = to_global_id("Thread", thread_id)
        return lambda n: {
            "query": REPLY,
            "operationName": "Reply",
            "variables": {
                "input": {"threadId": gid, "body": f"S8 reply {tag}-{n}: capped returns."}
            },
        }

    def start(pillar: str) -> Callable[[int], dict[str, Any]]:
        return lambda n: {
            "query": START,
            "operationName": "Start",
            "variables": {
                "input": {
                    "kind": "DISCUSSION",
                    "title": f"S8 thread {tag}-{n} on {pillar.lower()}",
                    "body": "How do peers share the upside of risky missions?",
                    "pillars": [pillar],
                    "visibility": "PUBLIC",
                }
            },
        }

    arms = {
        "reply_followed": reply(setup["followed_thread"]),
        "reply_unfollowed": reply(setup["plain_thread"]),
        "thread_followed_pillar": start(FOLLOWED_PILLAR),
        "thread_unfollowed_pillar": start(UNFOLLOWED_PILLAR),
    }
    times: dict[str, list[float]] = {name: [] for name in arms}
    cpu_seconds = dict.fromkeys(arms, 0.0)
    errors: list[str] = []

    async def run() -> None:
        n = 0
        for _round in range(rounds):
            for name, make in arms.items():
                started = await asyncio.to_thread(cpu) if cpu else {}
                for _ in range(max(1, writes // rounds)):
                    n += 1
                    elapsed, error = await _write(port, headers, make(n))
                    if error:
                        errors.append(error)
                    else:
                        times[name].append(elapsed)
                    await asyncio.sleep(interval)
                if drain is not None:
                    await asyncio.to_thread(drain)
                if cpu is not None:
                    ended = await asyncio.to_thread(cpu)
                    cpu_seconds[name] += sum(t - started.get(p, 0.0) for p, t in ended.items())

    asyncio.run(run())
    arms_out: dict[str, dict[str, Any]] = {
        name: {"writes": len(v), **_percentiles(v)} for name, v in times.items()
    }
    if cpu is not None:
        for name, entry in arms_out.items():
            entry["cpu_ms_per_write"] = round(cpu_seconds[name] * 1000 / max(1, entry["writes"]), 2)

    def delta(a: str, b: str) -> float | None:
        x, y = arms_out[a]["p99_ms"], arms_out[b]["p99_ms"]
        return None if x is None or y is None else round(x - y, 2)

    return {
        "arms": arms_out,
        "reply_p99_delta_ms": delta("reply_followed", "reply_unfollowed"),
        "thread_p99_delta_ms": delta("thread_followed_pillar", "thread_unfollowed_pillar"),
        "errors": len(errors),
        "error_samples": errors[:3],
        "interval_s": interval,
        "drained_between_arms": drain is not None,
    }


def measure_deliveries(
    port: int,
    cookie: tuple[str, str],
    thread_gid: str,
    follower_cookies: list[tuple[str, str]],
    *,
    replies: int,
    replying: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> dict[str, Any]:
    """notificationAdded to every follower, timed from each reply's response (bench.live);
    `replying` is entered while the measured replies are sent."""
    return run_live(
        HOST,
        port,
        thread_id=thread_gid,
        cookie=cookie,
        subscribers=len(follower_cookies),
        replies=replies,
        subscriber_cookies=follower_cookies,
        document=NOTIFICATION_ADDED,
        settle=2.0,
        drain=5.0,
        replying=replying,
    )


def wait_drained(dsn: str, timeout: float = 120.0) -> None:
    """Wait until the work S8's writes queued (fan-outs and their e-mail, not the scheduled
    digests) is done, or `timeout` passes."""

    async def wait() -> None:
        conn = await asyncpg.connect(dsn)
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                pending = await conn.fetchval(
                    "SELECT count(*) FROM outbox WHERE state = 'pending' "
                    "AND kind = ANY($1::text[])",
                    list(WRITE_WORK),
                )
                if not pending:
                    return
                await asyncio.sleep(0.05)
        finally:
            await conn.close()

    asyncio.run(wait())


async def member_with_notifications(dsn: str, at_least: int = 20) -> int | None:
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetchval(
            "SELECT member_id FROM notifications GROUP BY member_id HAVING count(*) >= $1 "
            "ORDER BY count(*) DESC LIMIT 1",
            at_least,
        )
    finally:
        await conn.close()


def measure_list(
    port: int, cookie: tuple[str, str], *, rate: float, duration: float
) -> loadgen.Result:
    """notifications(first: 20) with thread and actor at `rate` a second (open loop)."""
    headers = {"Origin": f"http://{HOST}:{port}", "Cookie": f"{cookie[0]}={cookie[1]}"}
    body = json.dumps(
        {"query": NOTIFICATIONS, "operationName": "Notifications", "variables": {"first": 20}}
    ).encode()
    request = http_request(HOST, port, "/graphql", body, headers)
    return asyncio.run(
        loadgen.open_loop(HOST, port, lambda _n, _c: request, rate=rate, duration=duration)
    )


def list_operations() -> dict[str, dict[str, Any]]:
    """The S9 operation at 5 and at 20, for bench.sqlcount (signed in)."""
    return {
        f"S9/{first}": {
            "body": {
                "query": NOTIFICATIONS,
                "operationName": "Notifications",
                "variables": {"first": first},
            },
            "signed_in": True,
        }
        for first in (5, 20)
    }
