"""Fixtures for fault tests: a private PostgreSQL server, a migrated database in it, and
the forum served from its own process."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from server import migrate
from server.config import Settings, load_settings
from server.db import Database
from tests.conftest import TEST_SECRET
from tests.faults.cluster import ForumProcess, PostgresCluster, why_no_cluster
from tests.support import require_or_skip


@pytest.fixture(scope="session")
def cluster() -> Iterator[PostgresCluster]:
    """A PostgreSQL server of the fault tests' own (they stop and crash it)."""
    reason = why_no_cluster()
    if reason is not None:
        require_or_skip(f"cannot run a private PostgreSQL server: {reason}")
    server = PostgresCluster()
    try:
        server.start()
        yield server
    finally:
        server.destroy()


@pytest.fixture
async def fault_db_url(cluster: PostgresCluster) -> AsyncIterator[str]:
    """A new database in the private server, at the latest migration."""
    if not (cluster.data / "postmaster.pid").exists():
        cluster.start()  # a test that failed half-way may have left it stopped
    name = f"faults_{secrets.token_hex(4)}"
    admin = Database.from_url(cluster.url())
    try:
        async with admin.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        await admin.dispose()
    url = cluster.url(name)
    await asyncio.to_thread(migrate.upgrade, url)
    yield url


@pytest.fixture
async def fault_db(fault_db_url: str) -> AsyncIterator[Database]:
    """The test's own connection to its database (to set up and to check)."""
    db = Database.from_url(fault_db_url, pool_size=4)
    yield db
    await db.dispose()


@pytest.fixture
def fault_settings(fault_db_url: str) -> Settings:
    """Settings with the served forum's secret, to issue session cookies it accepts."""
    return load_settings(database_url=fault_db_url, secret_key=TEST_SECRET)


@pytest.fixture
def forum(fault_db_url: str, tmp_path: Path) -> Iterator[Callable[..., ForumProcess]]:
    """Start `moin-forum serve` on the test's database: `forum(db_pool_size="1", ...)`."""
    started: list[ForumProcess] = []

    def start(**settings: str) -> ForumProcess:
        process = ForumProcess(fault_db_url, tmp_path / f"forum-{len(started)}.log", **settings)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
