"""Schemathesis fuzzes the GraphQL API of a running forum, as a visitor and as a member
(SECURITY.md: "Fuzzing the schema … zero 5xx, zero INTERNAL, in CI").

The forum runs as `moin-forum serve` in a process of its own, on SQLite and on a fresh
PostgreSQL database, filled with the demo network. Each run is seeded and time-boxed
(SECONDS_PER_RUN, twice per database: about 2 minutes each). A run fails on any 5xx, any
INTERNAL error, or any answer that shows a traceback, SQL, a driver or a server path
(tests/fuzz/checks.py), and the test fails too if the server logged an internal error.

These tests take minutes: `pytest -m "not fuzz"` leaves them out locally; CI runs them.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from server import migrate
from server.auth import sessions
from server.config import load_settings
from server.db import Database
from server.demo.loader import load_demo
from server.models import Member
from server.schema import build_schema
from tests.conftest import TEST_SECRET
from tests.conftest import _drop_postgres_database as drop_postgres_database
from tests.conftest import _postgres_database as postgres_database
from tests.faults.cluster import ForumProcess

pytestmark = pytest.mark.fuzz

ROOT = Path(__file__).resolve().parents[2]
SECONDS_PER_RUN = 55
SEEDS = {"visitor": 1501, "member": 1502}
# Schemathesis's `not_a_server_error` counts every GraphQL error with a path (FORBIDDEN,
# BAD_USER_INPUT…) as the server's; `positive_data_acceptance` every refusal of a query
# the schema allows (`first: 486`). Both are the forum's answers: its own checks replace
# them (no 5xx, no INTERNAL, no insides shown).
# Schemathesis fuzzes each root field of Query and Mutation as an operation of its own.
_SERVED = build_schema()._schema  # a strawberry Schema's graphql-core schema
ROOT_FIELDS = sum(
    len(t.fields) for t in (_SERVED.query_type, _SERVED.mutation_type) if t is not None
)
EXCLUDED_CHECKS = "not_a_server_error,positive_data_acceptance"
# Neither the fuzzer's address nor its volume are a visitor's: budgets would answer
# RATE_LIMITED to most of what it sends.
UNBUDGETED = {
    "visitor_previews_per_minute": "1000000000",
    "visitor_searches_per_minute": "1000000000",
    "visitor_search_counts_per_minute": "1000000000",
    "response_cache_seconds": "0",
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def demo_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh database with the demo network: a file for SQLite, a new PostgreSQL one."""
    postgres = request.param == "postgres"
    url = await postgres_database() if postgres else f"sqlite+aiosqlite:///{tmp_path / 'f.db'}"
    try:
        await asyncio.to_thread(migrate.upgrade, url)
        db = Database.from_url(url)
        try:
            await load_demo(db)
        finally:
            await db.dispose()
        yield url
    finally:
        if postgres:
            await drop_postgres_database(url)


async def member_cookie(url: str) -> str:
    """A session cookie of a demo member of an organisation (one who may write)."""
    settings = load_settings(database_url=url, secret_key=TEST_SECRET)
    db = Database.from_url(url)
    try:
        async with db.read() as session:
            member_id = await session.scalar(
                sa.select(Member.id)
                .where(Member.organisation_id.is_not(None), Member.role == "MEMBER")
                .order_by(Member.id)
                .limit(1)
            )
        assert member_id is not None
        name, value = await sessions.issue_session_cookie(db, member_id, settings)
    finally:
        await db.dispose()
    return f"{name}={value}"


def fuzz(base_url: str, role: str, *headers: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = [
        str(Path(sys.executable).parent / "st"),
        "run",
        f"{base_url}/graphql",
        "--max-time", str(SECONDS_PER_RUN),
        "--seed", str(SEEDS[role]),
        "--workers", "1",
        "--exclude-checks", EXCLUDED_CHECKS,
        "--generation-database", "none",
        "--no-color",
        *(option for header in headers for option in ("-H", header)),
    ]  # fmt: skip
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.fuzz.checks", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        argv,
        cwd=cwd,  # schemathesis keeps its state in the working directory
        env=env,
        capture_output=True,
        text=True,
        timeout=SECONDS_PER_RUN + 180,
        check=False,
    )


async def test_fuzzing_as_a_visitor_and_a_member_finds_no_5xx_no_internal_and_no_insides(
    demo_database: str, tmp_path: Path
):
    cookie = await member_cookie(demo_database)
    forum = ForumProcess(demo_database, tmp_path / "forum.log", **UNBUDGETED)
    try:
        runs = {
            "visitor": await asyncio.to_thread(fuzz, forum.base_url, "visitor", cwd=tmp_path),
            "member": await asyncio.to_thread(
                fuzz, forum.base_url, "member", f"Cookie: {cookie}", cwd=tmp_path
            ),
        }
    finally:
        forum.stop()
    for role, run in runs.items():
        assert run.returncode == 0, f"as a {role}:\n{run.stdout[-6000:]}\n{run.stderr[-2000:]}"
        assert " passed" in run.stdout, run.stdout[-2000:]
        # Every query and mutation of the served schema was fuzzed, new ones included.
        selected = re.search(r"Selected: (\d+)/(\d+)", run.stdout)
        tested = re.search(r"Tested: (\d+)", run.stdout)
        assert selected is not None and tested is not None, run.stdout[-2000:]
        assert tested.group(1) == selected.group(2) == str(ROOT_FIELDS), run.stdout[-2000:]
    log = (tmp_path / "forum.log").read_text(errors="replace")
    for trouble in ("internal error", "Exception in worker task", "was never retrieved"):
        assert trouble not in log, log[-6000:]
