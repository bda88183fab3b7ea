"""Run every scenario against a real forum server and the baseline; write the results.

    python -m bench.run                      # the full run against moin_bench (see README)
    python -m bench.run --smoke --generate --database-url .../moin_bench_smoke --out /tmp/r

Writes <out>/<date>.json, <out>/<date>.md and the charts <out>/<date>-*.png.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import asyncpg

from bench import loadgen, queries, report
from bench.generate import DEFAULT_DATABASE_URL, asyncpg_dsn, generate, sqlalchemy_url
from bench.servers import (
    DATA_DIR,
    ServerProcess,
    baseline_server,
    forum_server,
    free_port,
    load_average,
    process_cpu_seconds,
    worker_process,
)

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = Path(__file__).resolve().parent / "results"
S2_FILTER = {
    "pillars": ["RISKS_AND_REWARDS", "ASSESSMENT"],
    "organisationTypes": ["PUBLIC_BANK", "SPACE_AGENCY"],
}
S5_SEARCH = "climate finance"
ALL_SCENARIOS = ("S1", "S1M", "S2", "S3", "S4", "S5", "S10", "S6", "S7", "S7M", "S8", "S9")
# The reads, in the order they run; S1M is S1 with a member's session cookie (never cached).
READ_SCENARIOS = ("S1", "S1M", "S2", "S3", "S4", "S5")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


@dataclass
class Options:
    database_url: str
    scale: float
    generate: bool
    duration: float
    warmup: float
    rate: float
    connections: int
    rounds: int
    members: int
    subscribers: int
    s7_replies: int
    drain: float
    out: Path
    scenarios: tuple[str, ...]
    seed: int
    drop_after: bool
    wait_quiet: float
    settle_timeout: float
    profile: bool = False
    uncached_pass: bool = True
    forum_env: dict[str, str] | None = None
    light_rate: float = 5.0
    s7_across: bool = False
    # S8: writes per arm (with followers and without), spread over the rounds.
    s8_writes: int = 200
    # S8 once more with MOIN_WORKER=off and a `moin-forum worker`, joined through this Redis.
    s8_worker_redis: str | None = None


PROFILES: dict[str, Any] = {}


class ProfileWindow:
    """py-spy on the forum while the block runs, when --profile is given."""

    def __init__(self, opts: Options, server: ServerProcess, name: str) -> None:
        self.enabled = opts.profile and name not in PROFILES
        self.server = server
        self.name = name

    def __enter__(self) -> ProfileWindow:
        if self.enabled:
            from bench.profile import Profiler

            self.profiler = Profiler(self.server.pid, DATA_DIR / "profiles" / f"{self.name}.txt")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.enabled:
            PROFILES[self.name] = self.profiler.stop()
            log(f"{self.name}: profile {PROFILES[self.name].get('self_by_package_pct')}")


# --- the database's facts -------------------------------------------------------------


async def read_facts(dsn: str, members: int, subscribers: int = 0) -> dict[str, Any]:
    conn = await asyncpg.connect(dsn)
    try:
        counts = {
            t: await conn.fetchval(f"SELECT count(*) FROM {t}")
            for t in ("organisations", "members", "threads", "posts")
        }
        counts["public_threads"] = await conn.fetchval(
            "SELECT count(*) FROM threads WHERE visibility = 'PUBLIC'"
        )
        busiest = await conn.fetchrow(
            "SELECT id, title, reply_count FROM threads WHERE visibility = 'PUBLIC' "
            "ORDER BY reply_count DESC, id DESC LIMIT 1"
        )
        writer_ids = [
            r["id"]
            for r in await conn.fetch(
                "SELECT id FROM members WHERE role = 'MEMBER' AND organisation_id IS NOT NULL "
                "ORDER BY id LIMIT $1",
                members,
            )
        ]
        # Replies go where the activity is: the top of the public feed.
        s6_threads = [
            r["id"]
            for r in await conn.fetch(
                "SELECT id FROM threads WHERE visibility = 'PUBLIC' AND status <> 'CLOSED' "
                "ORDER BY last_activity_at DESC, id DESC LIMIT 16"
            )
        ]
        s7_thread = await conn.fetchval(
            "SELECT id FROM threads WHERE visibility = 'PUBLIC' AND status = 'OPEN' "
            "AND NOT (id = ANY($1::int[])) ORDER BY reply_count, created_at DESC LIMIT 1",
            s6_threads,
        )
        # S7M: distinct signed-in members, not banned, of every role (the web client's
        # visibility classes: members, researchers, moderators).
        subscriber_ids = [
            r["id"]
            for r in await conn.fetch(
                "SELECT id FROM members WHERE banned_at IS NULL ORDER BY id LIMIT $1",
                subscribers,
            )
        ]
        version = await conn.fetchval("SHOW server_version")
        settings = {
            r["name"]: r["setting"] + (r["unit"] or "")
            for r in await conn.fetch(
                "SELECT name, setting, unit FROM pg_settings WHERE name IN "
                "('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', "
                "'synchronous_commit')"
            )
        }
    finally:
        await conn.close()
    return {
        "counts": counts,
        "busiest": dict(busiest),
        "writers": writer_ids,
        "subscriber_members": subscriber_ids,
        "s6_threads": s6_threads,
        "s7_thread": s7_thread,
        "postgres": version,
        "postgres_settings": settings,
    }


async def issue_cookies(
    database_url: str, secret: str, member_ids: list[int]
) -> list[tuple[str, str]]:
    from server.auth.sessions import issue_session_cookie
    from server.config import load_settings
    from server.db import Database

    settings = load_settings(database_url=database_url, secret_key=secret)
    db = Database.from_url(database_url)
    try:
        return [await issue_session_cookie(db, member_id, settings) for member_id in member_ids]
    finally:
        await db.dispose()


# --- requests -------------------------------------------------------------------------


@dataclass(frozen=True)
class GetRequest:
    """A GET of `path` (with its query string), good when it answers `ok_status`."""

    path: str
    ok_status: int = 200


async def issue_partner_key(database_url: str, name: str, origins: tuple[str, ...] = ()) -> str:
    """A partner key with the largest rate budget a key may have (the bench measures speed,
    not limits), for `origins`."""
    from server.db import Database
    from server.services import partners

    db = Database.from_url(database_url)
    try:
        async with db.write() as session:
            _partner, key = await partners.create_partner(
                session,
                name=name,
                origins=origins,
                rate_limit_per_minute=partners.MAX_RATE_LIMIT,
            )
        return key
    finally:
        await db.dispose()


# S10: the widget's feed (web/embed/feed.js) as the widget asks for it, with S1's page size.
S10_FIRST = 20


def widget_feed_path(key: str) -> str:
    """The widget's first request: a persisted GET (APQ: the document's SHA-256) with `key`."""
    from server.persisted import sha256_of

    documents = json.loads((ROOT / "web" / "graphql" / "documents.json").read_text())
    digest = sha256_of(documents["EmbedFeed"])
    params = {
        "operationName": "EmbedFeed",
        "variables": json.dumps({"filter": {}, "first": S10_FIRST}, separators=(",", ":")),
        "extensions": json.dumps(
            {"persistedQuery": {"version": 1, "sha256Hash": digest}}, separators=(",", ":")
        ),
        "key": key,
    }
    return "/graphql?" + urlencode(params)


def measure_persisted_gets(
    forum: ServerProcess, database_url: str, s1_body: bytes, opts: Options
) -> dict[str, Any]:
    """S10: the widget's persisted GET, its 304 revalidation, and S1's cached POST, in
    alternating rounds so that the machine's load falls on all three alike."""

    def new_path() -> str:
        # A key of its own for each measurement: at the largest budget a key may have
        # (100,000 a minute), a 15-second run of thousands of requests a second would
        # spend one key's whole budget and measure its 429s.
        name = f"bench-widget-{secrets.token_hex(4)}"
        return widget_feed_path(asyncio.run(issue_partner_key(database_url, name)))

    path = new_path()
    with urllib.request.urlopen(f"{forum.base_url}{path}", timeout=60) as response:
        etag = response.headers["ETag"]
        cache_control = response.headers["Cache-Control"]
        answer = json.loads(response.read())
    if answer.get("errors") or not etag:
        raise RuntimeError(f"S10: the widget's GET failed: {answer} (ETag {etag!r})")
    conditional = {"If-None-Match": etag}
    runs: dict[str, list[loadgen.Result]] = {"S1": [], "S10": [], "S10/304": []}
    if opts.warmup > 0:
        throughput(forum, b"", opts, duration=opts.warmup, get=GetRequest(path))
    for r in range(opts.rounds):
        for name, status, headers in (
            ("S1", 0, None),
            ("S10", 200, None),
            ("S10/304", 304, conditional),
        ):
            settle(forum)
            body = s1_body if not status else b""
            get = GetRequest(new_path(), ok_status=status) if status else None
            with ProfileWindow(opts, forum, name.replace("/", "-")):
                runs[name].append(throughput(forum, body, opts, headers=headers, get=get))
            result = runs[name][-1]
            log(f"{name}: {result.rps:.0f} req/s, errors {result.errors} (round {r + 1})")
    settle(forum)
    lat = latency(forum, b"", opts, get=GetRequest(new_path()))
    merged = {name: merge(results) for name, results in runs.items()}
    s1_rps = merged["S1"].rps
    entry = scenario_entry(
        merged["S10"],
        lat,
        None,
        {
            "rounds_rps": [round(r.rps, 1) for r in runs["S10"]],
            "cache_control": cache_control,
            "first": S10_FIRST,
            "s1_side_by_side_rps": round(s1_rps, 1),
            # Its CPU per request too: rates on a shared machine move with the load.
            "s1_side_by_side": merged["S1"].summary(),
            "not_modified_rps": round(merged["S10/304"].rps, 1),
            "not_modified_errors": merged["S10/304"].errors,
            "not_modified": merged["S10/304"].summary(),
            "ratio_to_s1": round(merged["S10"].rps / s1_rps, 3) if s1_rps else None,
            "not_modified_ratio_to_s1": round(merged["S10/304"].rps / s1_rps, 3)
            if s1_rps
            else None,
        },
    )
    log(
        f"S10: {entry['rps']} req/s ({entry['ratio_to_s1']} x S1's cached POST), "
        f"304s {entry['not_modified_rps']} req/s ({entry['not_modified_ratio_to_s1']} x S1)"
    )
    return entry


def gql_body(query: str, operation: str, variables: dict[str, Any]) -> bytes:
    return json.dumps(
        {"query": query, "operationName": operation, "variables": variables}, separators=(",", ":")
    ).encode()


def post_json(server: ServerProcess, body: bytes, headers: dict[str, str] | None = None) -> Any:
    import urllib.request

    request = urllib.request.Request(
        f"{server.base_url}/graphql",
        data=body,
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def deep_cursor(server: ServerProcess, depth: int) -> tuple[str | None, int]:
    """The cursor after `depth` threads of the feed, paging with first: 100."""
    after = None
    seen = 0
    while seen < depth:
        first = min(100, depth - seen)
        data = post_json(
            server, gql_body(queries.FEED_CURSOR, "FeedCursor", {"first": first, "after": after})
        )
        info = data["data"]["threads"]["pageInfo"]
        after = info["endCursor"]
        seen += first
        if not info["hasNextPage"]:
            break
    return after, seen


SETTLE_TIMEOUT = 20.0


def settle(server: ServerProcess, timeout: float | None = None) -> None:
    """Wait until the server answers a trivial query quickly twice: the last load has drained."""
    body = gql_body("query Ping { __typename }", "Ping", {})
    time.sleep(0.3)
    deadline = time.monotonic() + (SETTLE_TIMEOUT if timeout is None else timeout)
    quick = 0
    while time.monotonic() < deadline and quick < 2:
        started = time.perf_counter()
        try:
            post_json(server, body)
        except urllib.error.HTTPError:
            pass  # an answer all the same (the baseline refuses operations it does not serve)
        except OSError:
            quick = 0
            time.sleep(0.3)
            continue
        quick = quick + 1 if time.perf_counter() - started < 0.1 else 0
        time.sleep(0.1)


# --- measurements ---------------------------------------------------------------------


async def _backend_cpu(dsn: str) -> dict[int, float]:
    conn = await asyncpg.connect(dsn)
    try:
        pids = [
            r["pid"]
            for r in await conn.fetch(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()"
            )
        ]
    finally:
        await conn.close()
    return {pid: process_cpu_seconds(pid) for pid in pids}


class CpuMeter:
    """CPU time the server process and the database's backends spend during a measurement.

    On a machine that other work shares, CPU per request stays comparable where
    requests per second do not. PostgreSQL's share is best-effort: backends that
    exit during the measurement are not counted.
    """

    dsn: str | None = None

    def __init__(self, server: ServerProcess) -> None:
        self.server = server

    def __enter__(self) -> CpuMeter:
        self.load = load_average()
        self.pg0 = asyncio.run(_backend_cpu(self.dsn)) if self.dsn else {}
        self.cpu0 = self.server.cpu_seconds()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.cpu1 = self.server.cpu_seconds()
        self.pg1 = asyncio.run(_backend_cpu(self.dsn)) if self.dsn else {}

    def apply(self, result: loadgen.Result) -> loadgen.Result:
        n = max(1, result.requests)
        pg = sum(cpu - self.pg0.get(pid, 0.0) for pid, cpu in self.pg1.items())
        result.extra.update(
            {
                "server_cpu_ms_per_request": round((self.cpu1 - self.cpu0) * 1000 / n, 3),
                "server_cpu_utilisation": round(
                    (self.cpu1 - self.cpu0) / max(result.duration_s, 1e-9), 3
                ),
                "postgres_cpu_ms_per_request": round(pg * 1000 / n, 3),
                "loadavg_before": self.load,
            }
        )
        return result


def throughput(
    server: ServerProcess,
    body: bytes,
    opts: Options,
    duration: float | None = None,
    headers: dict[str, str] | None = None,
    get: GetRequest | None = None,
) -> loadgen.Result:
    """Closed-loop requests per second of POSTing `body` to /graphql (or of `get`)."""
    duration = opts.duration if duration is None else duration
    path, method, ok_status = "/graphql", "POST", 200
    if get is not None:
        path, method, ok_status = get.path, "GET", get.ok_status
    with CpuMeter(server) as meter:
        if loadgen.have_wrk():
            result = loadgen.wrk_closed_loop(
                f"{server.base_url}{path}",
                body,
                connections=opts.connections,
                duration=duration,
                headers=headers,
                method=method,
                ok_status=ok_status,
            )
        else:
            request = loadgen.http_request(HOST, server.port, path, body, headers, method)
            result = asyncio.run(
                loadgen.closed_loop(
                    HOST,
                    server.port,
                    lambda _n, _c: request,
                    connections=opts.connections,
                    duration=duration,
                    ok_status=ok_status,
                )
            )
    return meter.apply(result)


def latency(
    server: ServerProcess,
    body: bytes,
    opts: Options,
    rate: float | None = None,
    headers: dict[str, str] | None = None,
    get: GetRequest | None = None,
) -> loadgen.Result:
    """Open-loop latency at `rate` of POSTing `body` to /graphql (or of `get`)."""
    if get is not None:
        request = loadgen.http_request(HOST, server.port, get.path, b"", headers, "GET")
    else:
        request = loadgen.http_request(HOST, server.port, "/graphql", body, headers)
    with CpuMeter(server) as meter:
        result = asyncio.run(
            loadgen.open_loop(
                HOST,
                server.port,
                lambda _n, _c: request,
                rate=rate or opts.rate,
                duration=opts.duration,
                drain=opts.drain,
            )
        )
    return meter.apply(result)


def light_latency(
    server: ServerProcess, body: bytes, opts: Options, headers: dict[str, str] | None = None
) -> dict[str, Any] | None:
    """Latency at a rate far below capacity: what one request costs, without queueing."""
    if opts.light_rate <= 0:
        return None
    settle(server)
    summary = latency(server, body, opts, rate=opts.light_rate, headers=headers).summary()
    summary["rate"] = opts.light_rate
    return summary


def merge(results: list[loadgen.Result]) -> loadgen.Result:
    merged = loadgen.Result(
        mode=results[0].mode,
        duration_s=sum(r.duration_s for r in results),
        generator=results[0].generator,
    )
    for r in results:
        merged.requests += r.requests
        merged.errors += r.errors
        merged.latencies_ms.extend(r.latencies_ms)
        merged.error_samples.extend(r.error_samples)
    keys = set().union(*(r.extra for r in results))
    for key in keys:
        values = [r.extra[key] for r in results if key in r.extra]
        summed = key in ("shed", "unanswered")
        merged.extra[key] = sum(values) if summed else round(sum(values) / len(values), 3)
    tables = [r.percentiles_ms for r in results if r.percentiles_ms is not None]
    if len(tables) == len(results):
        # wrk's histograms cannot be merged here: the rounds' percentiles are averaged.
        merged.percentiles_ms = {k: sum(t[k] for t in tables) / len(tables) for k in tables[0]}
    return merged


def scenario_entry(
    tp: loadgen.Result,
    lat: loadgen.Result,
    sql: int | float | None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    lat_summary = lat.summary()
    overload = int(lat.extra.get("shed", 0) + lat.extra.get("unanswered", 0))
    entry = {
        "rps": round(tp.rps, 1),
        "p50_ms": lat_summary["p50_ms"],
        "p95_ms": lat_summary["p95_ms"],
        "p99_ms": lat_summary["p99_ms"],
        "errors": tp.errors + lat.errors,
        # Of those: requests the open loop shed or gave up on because the server was
        # beyond its capacity at the fixed rate; the rest were answered wrongly or failed.
        "overload_errors": overload,
        "response_errors": tp.errors + lat.errors - overload,
        "sql_statements": sql,
        "throughput": tp.summary(),
        "latency": lat_summary,
    }
    entry.update(extra or {})
    return entry


def measure_read(
    name: str,
    server: ServerProcess,
    body: bytes,
    opts: Options,
    sql: int | None,
    baseline: tuple[ServerProcess, bytes] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    if opts.warmup > 0:
        log(f"{name}: warm-up")
        throughput(server, body, opts, duration=opts.warmup, headers=headers)
        if baseline:
            throughput(baseline[0], baseline[1], opts, duration=opts.warmup)
    ours_tp, ours_lat, base_tp, base_lat = [], [], [], []
    for r in range(opts.rounds):
        settle(server)
        with ProfileWindow(opts, server, name):
            ours_tp.append(throughput(server, body, opts, headers=headers))
        log(
            f"{name}: ours {ours_tp[-1].rps:.0f} req/s, errors {ours_tp[-1].errors} (round {r + 1})"
        )
        if baseline:
            settle(baseline[0])
            base_tp.append(throughput(baseline[0], baseline[1], opts))
            log(f"{name}: baseline {base_tp[-1].rps:.0f} req/s (round {r + 1})")
    for r in range(opts.rounds):
        settle(server)
        ours_lat.append(latency(server, body, opts, headers=headers))
        s = ours_lat[-1].summary()
        log(
            f"{name}: ours at {opts.rate:g}/s p50 {s['p50_ms']} p99 {s['p99_ms']} ms"
            f" (round {r + 1})"
        )
        if baseline:
            settle(baseline[0])
            base_lat.append(latency(baseline[0], baseline[1], opts))
            s = base_lat[-1].summary()
            log(f"{name}: baseline at {opts.rate:g}/s p50 {s['p50_ms']} p99 {s['p99_ms']} ms")
    ours = scenario_entry(
        merge(ours_tp),
        merge(ours_lat),
        sql,
        {
            "rounds_rps": [round(r.rps, 1) for r in ours_tp],
            "light_load": light_latency(server, body, opts, headers),
        },
    )
    base = None
    if baseline:
        base = scenario_entry(
            merge(base_tp),
            merge(base_lat),
            2 if name == "S4" else 1,
            {
                "rounds_rps": [round(r.rps, 1) for r in base_tp],
                "light_load": light_latency(baseline[0], baseline[1], opts),
            },
        )
    if ours["light_load"]:
        log(
            f"{name}: ours at {opts.light_rate:g}/s p50 {ours['light_load']['p50_ms']} "
            f"p99 {ours['light_load']['p99_ms']} ms"
        )
    return ours, base


def read_scenarios(
    forum: ServerProcess,
    base: ServerProcess,
    requests: dict[str, bytes],
    baseline_requests: dict[str, bytes],
    sql_of: dict[str, Any],
    opts: Options,
    extras: dict[str, dict[str, Any]],
    member_cookie: tuple[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """S1-S5 against one forum server (S1 and S4 alternating with the baseline); S1M, S1
    as a signed-in member, when a member's cookie is given."""
    out: dict[str, dict[str, Any]] = {"scenarios": {}, "baseline": {}, "ratios": {}}
    for name in READ_SCENARIOS:
        if name not in opts.scenarios or (name == "S1M" and member_cookie is None):
            continue
        baseline = (base, baseline_requests[name]) if name in baseline_requests else None
        headers = None
        if name == "S1M" and member_cookie is not None:
            headers = {
                "Origin": forum.base_url,
                "Cookie": f"{member_cookie[0]}={member_cookie[1]}",
            }
        try:
            ours, theirs = measure_read(
                name,
                forum,
                requests["S1" if name == "S1M" else name],
                opts,
                sql_of.get(name),
                baseline,
                headers,
            )
        except Exception as exc:  # one failed scenario must not lose the others
            log(f"{name} failed: {exc!r}")
            out["scenarios"][name] = {"failed": repr(exc), "errors": None}
            settle(forum)
            continue
        ours.update(extras.get(name, {}))
        ours["server_rss_after_mb"] = forum.memory_mb()["rss_mb"]
        out["scenarios"][name] = ours
        if theirs is not None:
            out["baseline"][name] = theirs
            out["ratios"][name] = round(ours["rps"] / theirs["rps"], 3) if theirs["rps"] else None
        settle(forum)
    return out


def measure_writes(
    server: ServerProcess,
    facts: dict[str, Any],
    cookies: list[tuple[str, str]],
    thread_gids: list[str],
    opts: Options,
    dsn: str,
    sql: int | None,
) -> dict[str, Any]:
    run_tag = secrets.token_hex(4)
    rng = random.Random(7)
    targets = [rng.randrange(len(thread_gids)) for _ in range(200_000)]
    acked: dict[str, str] = {}  # token -> post global id
    origin = server.base_url

    def make(n: int, member: int) -> bytes:
        token = f"s6-{run_tag}-{n}"
        body = gql_body(
            queries.REPLY,
            "Reply",
            {
                "input": {
                    "threadId": thread_gids[targets[n % len(targets)]],
                    "body": f"Benchmark reply {token}. We tried a **mission-oriented** procurement "
                    "route for this and the public investment bank shared the risk; "
                    "the evaluation framework is attached to our report.",
                }
            },
        )
        cookie = cookies[member % len(cookies)]
        return loadgen.http_request(
            HOST,
            server.port,
            "/graphql",
            body,
            {"Origin": origin, "Cookie": f"{cookie[0]}={cookie[1]}"},
        )

    offset = 0

    def on_response(n: int, status: int, body: bytes) -> None:
        if loadgen.is_error(status, body):
            return
        post = json.loads(body)["data"]["reply"]["post"]
        acked[f"s6-{run_tag}-{n}"] = post["id"]

    async def snapshot() -> int:
        conn = await asyncpg.connect(dsn)
        try:
            return int(await conn.fetchval("SELECT coalesce(max(id), 0) FROM posts"))
        finally:
            await conn.close()

    before = asyncio.run(snapshot())
    if opts.warmup > 0:
        log("S6: warm-up")
        asyncio.run(
            loadgen.closed_loop(
                HOST,
                server.port,
                lambda n, c: make(n, c),
                connections=len(cookies),
                duration=opts.warmup,
                on_response=on_response,
            )
        )
    offset = 1_000_000

    def make_tp(n: int, c: int) -> bytes:
        return make(n + offset, c)

    def on_tp(n: int, status: int, body: bytes) -> None:
        on_response(n + offset, status, body)

    settle(server)
    with ProfileWindow(opts, server, "S6"), CpuMeter(server) as meter:
        tp = asyncio.run(
            loadgen.closed_loop(
                HOST,
                server.port,
                make_tp,
                connections=len(cookies),
                duration=opts.duration,
                on_response=on_tp,
            )
        )
    meter.apply(tp)
    log(f"S6: {tp.rps:.0f} replies/s with {len(cookies)} members, errors {tp.errors}")
    settle(server)

    def make_lat(n: int, _c: int) -> bytes:
        return make(n + 2 * offset, n)

    def on_lat(n: int, status: int, body: bytes) -> None:
        on_response(n + 2 * offset, status, body)

    with CpuMeter(server) as meter:
        lat = asyncio.run(
            loadgen.open_loop(
                HOST,
                server.port,
                make_lat,
                rate=opts.rate,
                duration=opts.duration,
                on_response=on_lat,
                drain=opts.drain,
            )
        )
    meter.apply(lat)
    s = lat.summary()
    log(f"S6: at {opts.rate:g}/s p50 {s['p50_ms']} p99 {s['p99_ms']} ms, errors {lat.errors}")
    settle(server)
    light = None
    if opts.light_rate > 0:

        def make_light(n: int, _c: int) -> bytes:
            return make(n + 3 * offset, n)

        def on_light(n: int, status: int, body: bytes) -> None:
            on_response(n + 3 * offset, status, body)

        with CpuMeter(server) as meter:
            light_result = asyncio.run(
                loadgen.open_loop(
                    HOST,
                    server.port,
                    make_light,
                    rate=opts.light_rate,
                    duration=opts.duration,
                    on_response=on_light,
                    drain=opts.drain,
                )
            )
        light = meter.apply(light_result).summary()
        light["rate"] = opts.light_rate
        log(f"S6: at {opts.light_rate:g}/s p50 {light['p50_ms']} p99 {light['p99_ms']} ms")
        settle(server)
    verification = asyncio.run(verify_writes(dsn, before, run_tag, acked, facts["s6_threads"]))
    log(f"S6: verification {verification}")
    return scenario_entry(
        tp,
        lat,
        sql,
        {
            "members": len(cookies),
            "threads": len(thread_gids),
            "verification": verification,
            "light_load": light,
        },
    )


async def verify_writes(
    dsn: str, before: int, run_tag: str, acked: dict[str, str], thread_ids: list[int]
) -> dict[str, Any]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT substring(body FROM $1) AS token, count(*) AS n FROM posts "
            "WHERE id > $2 AND body LIKE $3 GROUP BY 1",
            f"s6-{run_tag}-[0-9]+",
            before,
            f"Benchmark reply s6-{run_tag}-%",
        )
        stored = {r["token"]: r["n"] for r in rows}
        bad_counters = await conn.fetch(
            """
            SELECT t.id FROM threads t
            JOIN LATERAL (
              SELECT count(*) FILTER (WHERE p.position > 0) AS replies,
                     count(*) FILTER (WHERE p.position > 0 AND p.is_expert) AS expert,
                     max(p.position) AS last_position, max(p.created_at) AS last_at
              FROM posts p WHERE p.thread_id = t.id) a ON true
            WHERE t.id = ANY($1::int[])
              AND (t.reply_count <> a.replies OR t.expert_reply_count <> a.expert
                   OR t.reply_count <> a.last_position OR t.last_activity_at <> a.last_at)
            """,
            thread_ids,
        )
        # Replies of those threads posted during the run whose created_at is earlier than
        # the reply before them: position order and time order disagree.
        out_of_order = await conn.fetchval(
            """
            SELECT count(*) FROM (
              SELECT p.id, p.created_at,
                     lag(p.created_at) OVER (PARTITION BY p.thread_id ORDER BY p.position) AS prev
              FROM posts p WHERE p.thread_id = ANY($1::int[])) s
            WHERE s.id > $2 AND s.created_at < s.prev
            """,
            thread_ids,
            before,
        )
    finally:
        await conn.close()
    lost = [t for t in acked if t not in stored]
    duplicated = {t: n for t, n in stored.items() if n > 1}
    unacknowledged = [t for t in stored if t not in acked]
    return {
        "acknowledged": len(acked),
        "stored": sum(stored.values()),
        "distinct_post_ids_acknowledged": len(set(acked.values())),
        "lost": len(lost),
        "duplicated": sum(n - 1 for n in duplicated.values()),
        # Written although the client saw an error or gave up (not lost, not duplicated).
        "stored_without_acknowledgement": len(unacknowledged),
        "counters_consistent": not bad_counters,
        "threads_with_bad_counters": [r["id"] for r in bad_counters],
        "replies_out_of_time_order": int(out_of_order),
    }


# --- the run --------------------------------------------------------------------------


def environment(facts: dict[str, Any]) -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    packages: dict[str, str | None] = {}
    for name in (
        "strawberry-graphql",
        "graphql-core",
        "starlette",
        "uvicorn",
        "sqlalchemy",
        "asyncpg",
        "websockets",
    ):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
        check=False,
    ).stdout.strip()
    wrk = None
    if loadgen.have_wrk():
        wrk = (
            subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
            .stdout.splitlines()[0]
            .split(" [")[0]
        )
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "postgres": facts["postgres"],
        "postgres_settings": facts["postgres_settings"],
        "packages": packages,
        "commit": commit,
        "wrk": wrk,
    }


def forum_cache_seconds(url: str, secret: str) -> float | None:
    """The forum's default anonymous response cache lifetime (None if it has none)."""
    from server.config import load_settings

    settings = load_settings(database_url=url, secret_key=secret)
    value = getattr(settings, "response_cache_seconds", None)
    return None if value is None else float(value)


def sql_operations(bodies: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        name: {"body": body, "signed_in": name.startswith(("S6", "S1M"))}
        for name, body in bodies.items()
    }


def measure_s8(
    forum: ServerProcess,
    workers: list[ServerProcess],
    url: str,
    secret: str,
    dsn: str,
    setup: dict[str, Any],
    cookie: tuple[str, str],
    opts: Options,
) -> dict[str, Any]:
    """S8 against `forum` (its work done by its embedded worker, or by `workers`): the
    writer's latency and CPU per write (the forum, the workers and PostgreSQL, until the
    fan-outs are done), then notificationAdded to the followers."""
    from bench import engagement
    from server.ids import to_global_id

    def cpu() -> dict[int, float]:
        processes = [pid for p in (forum, *workers) for pid in p.pids()]
        return {pid: process_cpu_seconds(pid) for pid in processes} | asyncio.run(_backend_cpu(dsn))

    settle(forum)
    load = load_average()
    writer = engagement.measure_writer(
        forum.port,
        cookie,
        setup,
        writes=opts.s8_writes,
        rounds=opts.rounds,
        cpu=cpu,
        drain=lambda: engagement.wait_drained(dsn),
    )
    writer["loadavg_before"] = load
    log(f"S8 writer: {writer['arms']} (load average {load:.2f})")
    settle(forum)
    n = min(opts.subscribers, len(setup["followers"]))
    follower_cookies = asyncio.run(issue_cookies(url, secret, setup["followers"][:n]))
    load = load_average()
    profiled = "S8" if not workers else "S8-separate-worker"
    spent: list[float] = []

    @contextlib.contextmanager
    def replying() -> Iterator[None]:
        # The forum's (and its workers') CPU while the replies fan out, comparable between
        # runs on a shared machine where latencies are not; and its profile. The
        # subscribers' connecting is in neither.
        before = sum(p.cpu_seconds() for p in (forum, *workers))
        with ProfileWindow(opts, forum, profiled):
            yield
            time.sleep(1.0)  # the last reply's deliveries
        spent.append(sum(p.cpu_seconds() for p in (forum, *workers)) - before)

    deliveries = engagement.measure_deliveries(
        forum.port,
        cookie,
        to_global_id("Thread", setup["followed_thread"]),
        follower_cookies,
        replies=opts.s7_replies,
        replying=replying,
    )
    if spent and deliveries["replies"]:
        deliveries["server_cpu_ms_per_event"] = round(spent[0] * 1000 / deliveries["replies"], 1)
    deliveries["loadavg_before"] = load
    log(
        f"S8 deliveries: p50 {deliveries['delivery_p50_ms']} p99 "
        f"{deliveries['delivery_p99_ms']} ms, {deliveries['delivered']}/"
        f"{deliveries['expected_deliveries']}, errors {deliveries['errors']}"
    )
    return {
        "setup": {k: v for k, v in setup.items() if k != "followers"},
        "writer": writer,
        "deliveries": deliveries,
        "errors": writer["errors"] + deliveries["errors"],
    }


def separate_worker_s8(
    forum: ServerProcess,
    url: str,
    secret: str,
    dsn: str,
    setup: dict[str, Any],
    cookie: tuple[str, str],
    opts: Options,
) -> dict[str, Any]:
    """S8 as a deployment with several processes runs it: a forum with MOIN_WORKER=off and a
    `moin-forum worker`, joined through Redis. The forum under test is stopped meanwhile
    (its embedded worker would take jobs too) and started again after."""
    assert opts.s8_worker_redis is not None
    env = {
        **(opts.forum_env or {}),
        "MOIN_REDIS_URL": opts.s8_worker_redis,
        "MOIN_REDIS_PREFIX": f"bench-s8-{secrets.token_hex(4)}",
    }
    log_dir = DATA_DIR / "logs"
    separate = forum_server(
        url, secret, free_port(), log_dir, name="forum-s8", extra_env={**env, "MOIN_WORKER": "off"}
    )
    worker = worker_process(url, secret, log_dir, name="worker-s8", extra_env=env)
    forum.stop()
    try:
        separate.start()
        worker.start()
        log(f"S8 with a separate worker process: forum {separate.base_url}, worker {worker.pid}")
        return measure_s8(separate, [worker], url, secret, dsn, setup, cookie, opts)
    except Exception as exc:  # one failed scenario must not lose the others
        log(f"S8 with a separate worker failed: {exc!r}")
        return {"failed": repr(exc), "errors": None}
    finally:
        worker.stop()
        separate.stop()
        forum.start()


def engagement_scenarios(
    forum: ServerProcess,
    url: str,
    secret: str,
    dsn: str,
    facts: dict[str, Any],
    cookie: tuple[str, str],
    opts: Options,
) -> dict[str, Any]:
    """S8 (the notification fan-out: the writer with and without followers, and
    notificationAdded to the followers) and S9 (the notification list); see bench/engagement.py."""
    from bench import engagement
    from bench.sqlcount import count_statements

    out: dict[str, Any] = {}
    setup = asyncio.run(engagement.prepare(dsn, facts["writers"][0]))
    shown_setup = {k: v for k, v in setup.items() if k != "followers"}
    log(f"S8/S9 setup: {shown_setup}")
    if "S8" in opts.scenarios:
        try:
            out["S8"] = measure_s8(forum, [], url, secret, dsn, setup, cookie, opts)
        except Exception as exc:  # one failed scenario must not lose the others
            log(f"S8 failed: {exc!r}")
            out["S8"] = {"failed": repr(exc), "errors": None}
        settle(forum)
    if "S9" in opts.scenarios:
        try:
            member = asyncio.run(engagement.member_with_notifications(dsn))
            if member is None:
                raise RuntimeError("no member has 20 notifications (S8 makes them)")
            [member_cookie] = asyncio.run(issue_cookies(url, secret, [member]))
            with CpuMeter(forum) as meter:
                measured = engagement.measure_list(
                    forum.port, member_cookie, rate=opts.rate, duration=opts.duration
                )
            latency = meter.apply(measured).summary()
            counted = count_statements(
                url, secret, engagement.list_operations(), cookie=member_cookie
            )
            # The session lookup every signed-in request makes is not the list's.
            listed = {
                key.split("/")[1]: len([q for q in v["sql"] if "auth_sessions" not in q])
                for key, v in counted.items()
            }
            out["S9"] = {
                **latency,
                "sql_statements": listed.get("20"),
                "sql_statements_by_page_size": listed,
                "sql_errors": {k: v["errors"] for k, v in counted.items() if v.get("errors")},
            }
            log(f"S9: p50 {latency['p50_ms']} p99 {latency['p99_ms']} ms, SQL {listed}")
        except Exception as exc:  # one failed scenario must not lose the others
            log(f"S9 failed: {exc!r}")
            out["S9"] = {"failed": repr(exc), "errors": None}
    if "S8" in opts.scenarios and opts.s8_worker_redis and "failed" not in out.get("S8", {}):
        out["S8"]["separate_worker"] = separate_worker_s8(
            forum, url, secret, dsn, setup, cookie, opts
        )
    return out


def run(opts: Options) -> dict[str, Any]:
    from server.ids import row_id, to_global_id

    url = sqlalchemy_url(opts.database_url)
    dsn = asyncpg_dsn(opts.database_url)
    CpuMeter.dsn = dsn
    global SETTLE_TIMEOUT
    SETTLE_TIMEOUT = opts.settle_timeout
    load_at_start = load_average()
    generated = None
    if opts.generate:
        log(f"generating scale {opts.scale} into {dsn.rsplit('/', 1)[1]}")
        generated = generate(url, scale=opts.scale, seed=opts.seed, recreate=True)
    facts = asyncio.run(read_facts(dsn, opts.members, opts.subscribers))
    # Read now, not at the end: the commit is the code the servers run.
    environment_at_start = environment(facts)
    log(f"database: {facts['counts']}")
    secret = secrets.token_urlsafe(48)
    cookies = asyncio.run(issue_cookies(url, secret, facts["writers"]))
    log_dir = DATA_DIR / "logs"
    forum = forum_server(url, secret, free_port(), log_dir, extra_env=opts.forum_env)
    base = baseline_server(url, free_port(), log_dir)
    results: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "scale": {
            "scale": opts.scale if opts.generate else _scale_of(facts["counts"]),
            **facts["counts"],
            "busiest_thread_replies": facts["busiest"]["reply_count"],
        },
        "load": {
            "connections": opts.connections,
            "rate": opts.rate,
            "duration_s": opts.duration,
            "warmup_s": opts.warmup,
            "rounds": opts.rounds,
            "s6_members": len(cookies),
            "subscribers": opts.subscribers,
            "throughput_generator": "wrk (closed loop, 1 thread)"
            if loadgen.have_wrk()
            else "python asyncio (closed loop)",
            "latency_generator": "python asyncio (open loop, scheduled)",
        },
        "scenarios": {},
        "baseline": {},
        "ratios": {},
    }
    if generated:
        results["generation"] = generated
    try:
        forum.start()
        base.start()
        results["server_rss_at_start_mb"] = forum.memory_mb()["rss_mb"]
        log(f"forum on {forum.base_url} (pid {forum.pid}), baseline on {base.base_url}")

        # Setup: the busiest thread, a deep cursor, the writers' threads.
        busiest = post_json(forum, gql_body(queries.BUSIEST_THREAD, "Busiest", {}))
        busiest_node = busiest["data"]["threads"]["nodes"][0]
        busiest_id = row_id(busiest_node["id"], "Thread")
        if busiest_id != facts["busiest"]["id"]:
            log(
                f"note: the forum's busiest thread is {busiest_id}, the database says "
                f"{facts['busiest']['id']}; using the forum's"
            )
        depth = max(100, round(facts["counts"]["public_threads"] * 0.5 / 100) * 100)
        depth = min(depth, 50_000)
        cursor, reached = None, 0
        if "S3" in opts.scenarios:
            started = time.perf_counter()
            cursor, reached = deep_cursor(forum, depth)
            log(f"S3 cursor {reached} threads deep, found in {time.perf_counter() - started:.1f}s")
        s6_gids = [to_global_id("Thread", t) for t in facts["s6_threads"]]
        s7_gid = to_global_id("Thread", facts["s7_thread"])

        bodies: dict[str, dict[str, Any]] = {
            "S1": {"first": 20},
            "S2": {"first": 20, "filter": S2_FILTER},
            "S3": {"first": 20, "after": cursor},
            "S5": {"first": 20, "filter": {"search": S5_SEARCH}},
        }
        requests = {name: gql_body(queries.FEED, "Feed", v) for name, v in bodies.items()}
        requests["S4"] = gql_body(
            queries.THREAD_PAGE, "ThreadPage", {"id": busiest_node["id"], "first": 50}
        )
        baseline_requests = {
            "S1": requests["S1"],
            "S4": gql_body(
                queries.THREAD_PAGE,
                "ThreadPage",
                {"id": busiest_node["id"], "first": 50, "dbId": busiest_id},
            ),
        }

        # SQL statements per operation, in-process, at two page sizes.
        log("counting SQL statements in-process")
        ops: dict[str, dict[str, Any]] = {}
        for name, variables in bodies.items():
            for first in (5, 50):
                ops[f"{name}/{first}"] = {
                    "query": queries.FEED,
                    "operationName": "Feed",
                    "variables": {**variables, "first": first},
                }
        for first in (5, 50):
            ops[f"S1M/{first}"] = {**ops[f"S1/{first}"]}
            ops[f"S4/{first}"] = {
                "query": queries.THREAD_PAGE,
                "operationName": "ThreadPage",
                "variables": {"id": busiest_node["id"], "first": first},
            }
        ops["S6"] = {
            "query": queries.REPLY,
            "operationName": "Reply",
            "variables": {
                "input": {"threadId": s6_gids[0], "body": "Counting statements: one reply."}
            },
        }
        from bench.sqlcount import count_statements

        counted = count_statements(
            url,
            secret,
            sql_operations(ops),
            cookie=cookies[0],
            live={
                "thread_id": s7_gid,
                "reply_body": {
                    "query": queries.REPLY,
                    "operationName": "Reply",
                    "variables": {
                        "input": {"threadId": s7_gid, "body": "Counting statements: live."}
                    },
                },
            },
        )
        by_page: dict[str, dict[str, int]] = {}
        for key, value in counted.items():
            if "/" in key:
                scenario, size = key.split("/")
                by_page.setdefault(scenario, {})[size] = value["statements"]
        sql_of = {name: sizes["50"] for name, sizes in by_page.items()}
        sql_of["S6"] = counted["S6"]["statements"]
        results["sql"] = {
            "method": "in-process app, SQLAlchemy before_cursor_execute (BEGIN/COMMIT not counted)",
            "by_page_size": by_page,
            "independent_of_page_size": all(len(set(v.values())) == 1 for v in by_page.values()),
            "statements": {k: v["sql"] for k, v in counted.items()},
            "errors": {k: v.get("errors") for k, v in counted.items() if v.get("errors")},
            "S7": {k: v for k, v in counted["S7"].items() if k != "sql"},
        }
        log(
            f"SQL statements: {by_page}, S6 {sql_of['S6']}, S7 {counted['S7']['statements']}"
            " per subscriber per event"
        )

        reads = read_scenarios(
            forum,
            base,
            requests,
            baseline_requests,
            sql_of,
            opts,
            {"S2": {"filter": S2_FILTER}, "S3": {"depth": reached}, "S5": {"search": S5_SEARCH}},
            # A member's answer is never cached: S1M runs once, in the cache-off pass if any.
            member_cookie=None if opts.uncached_pass else cookies[0],
        )
        results["scenarios"].update(reads["scenarios"])
        results["baseline"].update(reads["baseline"])
        results["ratios"].update(reads["ratios"])

        if "S10" in opts.scenarios:
            try:
                results["scenarios"]["S10"] = measure_persisted_gets(
                    forum, url, requests["S1"], opts
                )
            except Exception as exc:  # one failed scenario must not lose the others
                log(f"S10 failed: {exc!r}")
                results["scenarios"]["S10"] = {"failed": repr(exc), "errors": None}
            settle(forum)

        if "S6" in opts.scenarios:
            try:
                results["scenarios"]["S6"] = measure_writes(
                    forum, facts, cookies, s6_gids, opts, dsn, sql_of["S6"]
                )
                results["scenarios"]["S6"]["server_rss_after_mb"] = forum.memory_mb()["rss_mb"]
            except Exception as exc:  # one failed scenario must not lose the others
                log(f"S6 failed: {exc!r}")
                results["scenarios"]["S6"] = {"failed": repr(exc), "errors": None}
            settle(forum)

        if "S7" in opts.scenarios:
            from bench.live import run_live

            log(f"S7: {opts.subscribers} subscribers on one thread")
            try:
                with ProfileWindow(opts, forum, "S7"):
                    live = run_live(
                        HOST,
                        forum.port,
                        thread_id=s7_gid,
                        cookie=cookies[0],
                        subscribers=opts.subscribers,
                        replies=opts.s7_replies,
                        settle=1.0 if opts.subscribers < 100 else 2.0,
                        drain=3.0 if opts.subscribers < 100 else 5.0,
                    )
                live["sql_statements"] = counted["S7"]["statements"]
                live["sql_statements_per_event_all_subscribers"] = counted["S7"][
                    "statements_reply_and_1_subscriber"
                ] + counted["S7"]["statements"] * (opts.subscribers - 1)
                live["server_rss_after_mb"] = forum.memory_mb()["rss_mb"]
                results["scenarios"]["S7"] = live
                log(
                    f"S7: delivery p50 {live['delivery_p50_ms']} p99 "
                    f"{live['delivery_p99_ms']} ms, delivered {live['delivered']}/"
                    f"{live['expected_deliveries']}, errors {live['errors']}"
                )
            except Exception as exc:  # one failed scenario must not lose the others
                log(f"S7 failed: {exc!r}")
                results["scenarios"]["S7"] = {"failed": repr(exc), "errors": None}
            if opts.s7_across:
                results["scenarios"]["S7"]["across_processes"] = live_across(
                    forum, url, secret, log_dir, s7_gid, cookies[0], opts
                )

        if "S7M" in opts.scenarios:
            results["scenarios"]["S7M"] = live_signed_in(
                forum, url, secret, facts, s7_gid, cookies[0], opts
            )

        if "S8" in opts.scenarios or "S9" in opts.scenarios:
            results["scenarios"].update(
                engagement_scenarios(forum, url, secret, dsn, facts, cookies[0], opts)
            )

        time.sleep(1)
        memory = forum.memory_mb()
        results["server_rss_mb"] = memory["rss_mb"]
        results["server_peak_rss_mb"] = memory["peak_rss_mb"]
        results["baseline_rss_mb"] = base.memory_mb()["rss_mb"]

        if opts.uncached_pass and any(n in opts.scenarios for n in READ_SCENARIOS):
            # The same reads with the anonymous response cache off: what a request costs
            # when it misses (signed-in members, partners with keys, right after a write).
            forum.stop()
            uncached = forum_server(
                url,
                secret,
                free_port(),
                log_dir,
                name="forum-uncached",
                extra_env={"MOIN_RESPONSE_CACHE_SECONDS": "0"},
            )
            uncached.start()
            log(f"uncached pass: forum with MOIN_RESPONSE_CACHE_SECONDS=0 on {uncached.base_url}")
            try:
                reads = read_scenarios(
                    uncached,
                    base,
                    requests,
                    baseline_requests,
                    sql_of,
                    opts,
                    {"S3": {"depth": reached}},
                    member_cookie=cookies[0],
                )
            finally:
                uncached.stop()
            results["uncached"] = {"response_cache_seconds": 0, **reads}
    finally:
        stopping = time.perf_counter()
        forum.stop()
        base.stop()
        log(f"servers stopped in {time.perf_counter() - stopping:.1f}s")
    results["environment"] = {**environment_at_start, "loadavg_at_start": load_at_start}
    results["environment"]["loadavg_at_end"] = load_average()
    configured = (opts.forum_env or {}).get("MOIN_RESPONSE_CACHE_SECONDS")
    results["environment"]["forum_response_cache_seconds"] = (
        float(configured) if configured is not None else forum_cache_seconds(url, secret)
    )
    results["environment"]["forum_env"] = opts.forum_env or {}
    results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["targets"] = report.evaluate_targets(results)
    if "uncached" in results:
        results["targets_uncached"] = report.evaluate_uncached_targets(results)
    results["targets_cache_off"] = report.evaluate_cache_off_targets(results)
    if PROFILES:
        results["profiles"] = PROFILES
    return results


def _scale_of(counts: dict[str, int]) -> float:
    return round(counts["posts"] / 1_000_000, 4)


def write_results(results: dict[str, Any], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stem = results["date"]
    charts = report.draw_charts(results, out, stem)
    results["charts"] = charts
    json_path = out / f"{stem}.json"
    report.write_json(results, json_path)
    report.write_markdown(results, out / f"{stem}.md", charts)
    return json_path


async def drop_database(dsn: str) -> None:
    target = dsn.rsplit("/", 1)[1].split("?")[0]
    admin = await asyncpg.connect(dsn.rsplit("/", 1)[0] + "/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    finally:
        await admin.close()


def parse(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("MOIN_BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument(
        "--generate",
        action="store_true",
        help="(re)create the database and generate the network first",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=None,
        help="with --generate: fraction of the default size (default 1.0)",
    )
    parser.add_argument(
        "--duration", type=float, default=None, help="seconds per measurement (default 15)"
    )
    parser.add_argument("--warmup", type=float, default=None, help="seconds of warm-up (default 3)")
    parser.add_argument(
        "--rate",
        type=float,
        default=None,
        help="open-loop request rate for latency (default 100/s; smoke 10/s)",
    )
    parser.add_argument(
        "--light-rate",
        type=float,
        default=None,
        help="also measure latency at this low rate, far below capacity "
        "(default 5/s; 0 turns it off; off in smoke mode)",
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=32,
        help="closed-loop connections for throughput (default 32)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="alternating rounds of S1/S4 against the baseline (default 2)",
    )
    parser.add_argument(
        "--subscribers", type=int, default=None, help="S7 subscribers (default 1000)"
    )
    parser.add_argument("--s7-replies", type=int, default=None, help="S7 replies (default 20)")
    parser.add_argument(
        "--s8-writes",
        type=int,
        default=None,
        help="S8 writes per arm, with followers and without (default 200)",
    )
    parser.add_argument(
        "--s8-worker-redis",
        default=None,
        metavar="REDIS_URL",
        help="S8 once more as a deployment with several processes runs it: the forum with "
        "MOIN_WORKER=off and a `moin-forum worker`, joined through this Redis",
    )
    parser.add_argument(
        "--scenarios", default=",".join(ALL_SCENARIOS), help="comma-separated subset, e.g. S1,S4"
    )
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument(
        "--drop-after",
        action="store_true",
        help="drop the database at the end (with --generate, for throwaway runs)",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="first wait up to SECONDS for the 1-minute load average to fall "
        "below 1.0 (the machine is shared)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="attach py-spy to the forum during each scenario's throughput "
        "measurement and summarise where the time goes (skews the figures)",
    )
    parser.add_argument(
        "--uncached-pass",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="after S1-S7, run S1-S5 again against a forum with its response "
        "cache off (default on; off in smoke mode)",
    )
    parser.add_argument(
        "--forum-env",
        action="append",
        default=[],
        metavar="MOIN_X=VALUE",
        help="a setting for the forum under test (repeatable), e.g. "
        "MOIN_RESPONSE_CACHE_SECONDS=0; recorded in the results",
    )
    parser.add_argument(
        "--s7-across",
        action="store_true",
        help="S7 once more with the subscribers on a second forum process "
        "(needs --forum-env MOIN_REDIS_URL=redis://...)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a tiny, quick run for CI: scale 0.002, 2 s measurements, 1 round, 50 subscribers",
    )
    args = parser.parse_args(argv)
    if args.s7_across and not any(e.startswith("MOIN_REDIS_URL=") for e in args.forum_env):
        parser.error("--s7-across needs --forum-env MOIN_REDIS_URL=redis://...")
    smoke = args.smoke

    def pick(value: Any, full: Any, small: Any) -> Any:
        return value if value is not None else (small if smoke else full)

    return Options(
        database_url=args.database_url,
        scale=pick(args.scale, 1.0, 0.002),
        generate=args.generate,
        duration=pick(args.duration, 15.0, 2.0),
        warmup=pick(args.warmup, 3.0, 0.0),
        rate=pick(args.rate, 100.0, 10.0),
        connections=args.connections,
        rounds=pick(args.rounds, 2, 1),
        members=16,
        subscribers=pick(args.subscribers, 1000, 50),
        s7_replies=pick(args.s7_replies, 20, 3),
        drain=15.0 if smoke else 10.0,
        out=args.out,
        scenarios=tuple(s.strip().upper() for s in args.scenarios.split(",") if s.strip()),
        seed=args.seed,
        drop_after=args.drop_after,
        wait_quiet=args.wait_quiet,
        settle_timeout=1.0 if smoke else 60.0,
        profile=args.profile,
        light_rate=pick(args.light_rate, 5.0, 0.0),
        uncached_pass=pick(args.uncached_pass, True, False),
        forum_env=dict(item.split("=", 1) for item in args.forum_env) or None,
        s7_across=args.s7_across,
        s8_writes=pick(args.s8_writes, 200, 8),
        s8_worker_redis=args.s8_worker_redis,
    )


def live_across(
    forum: Any,
    url: str,
    secret: str,
    log_dir: Path,
    thread_id: str,
    cookie: tuple[str, str],
    opts: Options,
) -> dict[str, Any]:
    """S7 with the subscribers on a second forum process: replies reach them through Redis."""
    from bench.live import run_live

    second = forum_server(
        url, secret, free_port(), log_dir, name="forum-2", extra_env=opts.forum_env
    )
    second.start()
    log(f"S7 across processes: {opts.subscribers} subscribers on a second forum process")
    try:
        live = run_live(
            HOST,
            forum.port,
            thread_id=thread_id,
            cookie=cookie,
            subscribers=opts.subscribers,
            replies=opts.s7_replies,
            settle=1.0 if opts.subscribers < 100 else 2.0,
            drain=3.0 if opts.subscribers < 100 else 5.0,
            subscribe_port=second.port,
        )
        live["second_server_rss_after_mb"] = second.memory_mb()["rss_mb"]
        log(
            f"S7 across processes: delivery p50 {live['delivery_p50_ms']} p99 "
            f"{live['delivery_p99_ms']} ms, delivered {live['delivered']}/"
            f"{live['expected_deliveries']}, errors {live['errors']}"
        )
        return live
    except Exception as exc:  # one failed scenario must not lose the others
        log(f"S7 across processes failed: {exc!r}")
        return {"failed": repr(exc), "errors": None}
    finally:
        second.stop()


def live_signed_in(
    forum: ServerProcess,
    url: str,
    secret: str,
    facts: dict[str, Any],
    thread_id: str,
    writer: tuple[str, str],
    opts: Options,
) -> dict[str, Any]:
    """S7M: S7 with every subscriber a distinct signed-in member, subscribed with the web
    client's own document (its per-viewer field `viewerCanAccept` included)."""
    from bench.live import run_live

    members = facts["subscriber_members"]
    if not members:
        return {"failed": "no members to sign in", "errors": None}
    count = min(opts.subscribers, len(members))
    log(f"S7M: signing in {count} distinct members")
    cookies = asyncio.run(issue_cookies(url, secret, members[:count]))
    log(f"S7M: {count} signed-in subscribers on one thread")
    try:
        live = run_live(
            HOST,
            forum.port,
            thread_id=thread_id,
            cookie=writer,
            subscribers=count,
            replies=opts.s7_replies,
            settle=1.0 if count < 100 else 2.0,
            drain=3.0 if count < 100 else 5.0,
            subscriber_cookies=cookies,
            document=queries.REPLY_ADDED_WEB,
        )
    except Exception as exc:  # one failed scenario must not lose the others
        log(f"S7M failed: {exc!r}")
        return {"failed": repr(exc), "errors": None}
    live["server_rss_after_mb"] = forum.memory_mb()["rss_mb"]
    log(
        f"S7M: delivery p50 {live['delivery_p50_ms']} p99 {live['delivery_p99_ms']} ms, "
        f"delivered {live['delivered']}/{live['expected_deliveries']}, errors {live['errors']}"
    )
    return live


def main(argv: list[str] | None = None) -> int:
    opts = parse(argv)
    if opts.wait_quiet > 0:
        deadline = time.monotonic() + opts.wait_quiet
        while load_average() >= 1.0 and time.monotonic() < deadline:
            log(f"waiting for a quiet machine: load average {load_average():.2f}")
            time.sleep(15)
    started = time.perf_counter()
    try:
        results = run(opts)
    finally:
        if opts.drop_after:
            asyncio.run(drop_database(asyncpg_dsn(opts.database_url)))
    results["seconds"] = round(time.perf_counter() - started, 1)
    path = write_results(results, opts.out)
    log(f"results: {path} ({results['seconds']}s)")
    for t in results["targets_cache_off"]:
        mark = {True: "met   ", False: "MISSED", None: "n/a   "}[t["met"]]
        log(f"  cache off: {mark} {t['description']}: {t['value']} (cached {t['cached']})")
    for t in results["targets"]:
        mark = {True: "met   ", False: "MISSED", None: "n/a   "}[t["met"]]
        log(f"  {mark} {t['description']}: {t['value']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
