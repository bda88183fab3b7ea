"""The benchmark harness runs end to end at a tiny scale.

A smoke test, not a benchmark: it generates a 2,000-post network into a fresh
database `moin_bench_<random>`, starts the forum and the baseline, runs every
scenario for two seconds at a low rate, and checks that the results file has
every scenario and no errors. The figures themselves are not judged here.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.support import POSTGRES_ADMIN_URL, REDIS_URL, require_or_skip, require_redis

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("S1", "S1M", "S2", "S3", "S4", "S5", "S10", "S6", "S7", "S7M", "S8", "S9")


def _postgres_problem() -> str | None:
    url = make_url(POSTGRES_ADMIN_URL)
    try:
        with socket.create_connection((url.host or "127.0.0.1", url.port or 5432), timeout=3):
            return None
    except OSError as exc:
        return f"PostgreSQL is not reachable at {url.host}:{url.port}: {exc}"


def test_the_harness_runs_every_scenario_at_a_tiny_scale_without_errors(tmp_path: Path) -> None:
    problem = _postgres_problem()
    if problem is not None:
        print(f"skipping the benchmark smoke test: {problem}")
        require_or_skip(problem)
    asyncio.run(require_redis())  # S8 once more with a worker process joined through Redis
    database = f"moin_bench_{secrets.token_hex(4)}"
    url = make_url(POSTGRES_ADMIN_URL).set(database=database).render_as_string(hide_password=False)
    out = tmp_path / "results"

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.run",
            "--smoke",
            "--generate",
            "--drop-after",
            "--database-url",
            url,
            "--out",
            str(out),
            "--s8-worker-redis",
            REDIS_URL,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=420,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )

    assert proc.returncode == 0, f"{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    [json_path] = out.glob("*.json")
    results = json.loads(json_path.read_text())
    for name in SCENARIOS:
        assert name in results["scenarios"], f"{name} is missing"
        assert results["scenarios"][name]["errors"] == 0, (name, results["scenarios"][name])
    for name in ("S1", "S4"):
        assert results["baseline"][name]["errors"] == 0, results["baseline"][name]
        assert name in results["ratios"]
    verification = results["scenarios"]["S6"]["verification"]
    assert verification["acknowledged"] > 0
    assert verification["lost"] == 0 and verification["duplicated"] == 0, verification
    assert (
        results["scenarios"]["S7"]["delivered"]
        == results["scenarios"]["S7"]["expected_deliveries"]
        > 0
    )
    # Every subscriber a distinct signed-in member, on the web client's document.
    s7m = results["scenarios"]["S7M"]
    assert s7m["signed_in_subscribers"] == s7m["subscribed"] > 1, s7m
    assert s7m["delivered"] == s7m["expected_deliveries"] > 0, s7m
    assert results["scenarios"]["S1M"]["sql_statements"] is not None
    # S8: every arm of the writer wrote; every follower got each reply's notification.
    s8 = results["scenarios"]["S8"]
    assert all(arm["writes"] > 0 for arm in s8["writer"]["arms"].values()), s8["writer"]
    assert s8["deliveries"]["delivered"] == s8["deliveries"]["expected_deliveries"] > 0, s8
    assert all(arm["cpu_ms_per_write"] > 0 for arm in s8["writer"]["arms"].values()), s8
    # And as a deployment with several processes runs it: a worker process, through Redis.
    separate = s8["separate_worker"]
    assert separate["errors"] == 0, separate
    assert separate["deliveries"]["delivered"] == separate["deliveries"]["expected_deliveries"]
    assert results["scenarios"]["S9"]["sql_statements_by_page_size"], results["scenarios"]["S9"]
    assert {t["target"] for t in results["targets"]} >= {"S8 reply p99", "S9 SQL"}
    assert {t["target"] for t in results["targets_cache_off"]} >= {"S1 ratio", "S7M delivery p99"}
    assert results["sql"]["by_page_size"], "SQL statements were not counted"
    assert results["server_rss_mb"] > 0
    assert {t["target"] for t in results["targets"]} >= {"S1 throughput", "S7 delivery p99"}
    stem = json_path.stem
    assert (out / f"{stem}.md").is_file()
    assert (out / f"{stem}-throughput.png").is_file()
    assert (out / f"{stem}-latency.png").is_file()
