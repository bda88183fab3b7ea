"""Fixtures for every test: a migrated database per dialect, the app, an HTTP client.

Each database is built once per test session by the real migrations; every test
starts from empty tables.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from server import migrate
from server.app import create_app
from server.config import Settings, load_settings
from server.db import Database
from tests.smtp import SmtpSink
from tests.support import POSTGRES_ADMIN_URL, require_or_skip, serve

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"
BASE_URL = "http://127.0.0.1:8000"
TABLES = [
    "notifications",
    "follows",
    "notification_settings",
    "thread_reads",
    "event_attendance",
    "events",
    "invitations",
    "membership_applications",
    "outbox",
    "used_tokens",
    "webhook_deliveries",
    "webhook_endpoints",
    "partners",
    "idempotency_keys",
    "auth_sessions",
    "thread_topics",
    "posts",
    "threads",
    "members",
    "organisations",
]


# CREATE and DROP DATABASE take seconds when the machine is busy: the forum's own
# statement timeout (5 s) would fail a test session's set-up or tear-down.
ADMIN_STATEMENT_TIMEOUT_MS = 120_000


def _admin() -> Database:
    return Database.from_url(POSTGRES_ADMIN_URL, statement_timeout_ms=ADMIN_STATEMENT_TIMEOUT_MS)


async def _postgres_database() -> str:
    """Create a fresh database for this test session; returns its URL."""
    name = f"moin_test_{secrets.token_hex(4)}"
    admin = _admin()
    try:
        async with admin.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except (OSError, sa.exc.OperationalError, sa.exc.DBAPIError) as exc:
        require_or_skip(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {exc}")
    finally:
        await admin.dispose()
    return make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


async def _drop_postgres_database(url: str) -> None:
    admin = _admin()
    try:
        async with admin.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql(
                f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'
            )
    finally:
        await admin.dispose()


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A database at the latest migration, one per dialect for the whole test session."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("db") / "forum.db"
        url = f"sqlite+aiosqlite:///{path}"
        await asyncio.to_thread(migrate.upgrade, url)
        yield url
        return
    url = await _postgres_database()
    try:
        await asyncio.to_thread(migrate.upgrade, url)
        yield url
    finally:
        await _drop_postgres_database(url)


@pytest.fixture
async def empty_postgres_url() -> AsyncIterator[str]:
    """A new PostgreSQL database with no tables, dropped after the test."""
    url = await _postgres_database()
    try:
        yield url
    finally:
        await _drop_postgres_database(url)


@pytest.fixture(scope="session")
async def session_db(database_url: str) -> AsyncIterator[Database]:
    db = Database.from_url(database_url, pool_size=5)
    yield db
    await db.dispose()


async def _empty(db: Database) -> None:
    async with db.write() as session:
        if db.is_sqlite:
            for table in [*TABLES, "thread_search", "post_search"]:
                await session.execute(sa.text(f"DELETE FROM {table}"))
        else:
            # DELETE, not TRUNCATE: a test leaves a few rows, and TRUNCATE gives each of the
            # tables new files (0.15–0.4 s a test, 10× DELETE's cost) and waits for every
            # lock on them. The identities restart as TRUNCATE … RESTART IDENTITY did.
            await session.execute(sa.text("SET LOCAL statement_timeout = 0"))
            for table in TABLES:
                await session.execute(sa.text(f"DELETE FROM {table}"))
            await session.execute(
                sa.text(
                    "SELECT setval(format('%I.%I', schemaname, sequencename), start_value, false)"
                    " FROM pg_sequences"
                    " WHERE schemaname = current_schema() AND last_value IS NOT NULL"
                )
            )


@pytest.fixture
async def db(session_db: Database) -> AsyncIterator[Database]:
    """The session's database, emptied before each test."""
    await _empty(session_db)
    yield session_db


@pytest.fixture
def settings(database_url: str) -> Settings:
    return load_settings(database_url=database_url, secret_key=TEST_SECRET, base_url=BASE_URL)


@pytest.fixture
def app(settings: Settings, db: Database):  # type: ignore[no-untyped-def]
    return create_app(settings, db)


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    """An HTTP client talking to the app, as a visitor."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as http:
        yield http


@pytest.fixture
async def live_server(app) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    """The app served by uvicorn on a free loopback port, in this event loop: its base URL."""
    async with serve(app) as address:
        yield address


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    """A real SMTP server (aiosmtpd) on a free loopback port that keeps what it accepts."""
    with SmtpSink() as sink:
        yield sink


# How pytest-xdist may hand out tests: `load` (what -n uses) sends them in collection order, so
# browser tests come last in every worker too. loadscope, loadfile and loadgroup sort their units
# by size and worksteal moves tests between workers: others could come after browser tests.
SAFE_DISTRIBUTIONS = ("no", "load")


def pytest_configure(config: pytest.Config) -> None:
    dist = getattr(config.option, "dist", "no")
    if dist not in SAFE_DISTRIBUTIONS:
        raise pytest.UsageError(
            f"--dist {dist}: the browser tests must run last in each worker, which only "
            f"{', '.join(SAFE_DISTRIBUTIONS)} keep (see tests/conftest.py)"
        )


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests by their fixtures
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run browser tests last: Playwright's sync API keeps an event loop running in the
    main thread while its browser is open, and nothing else that runs an event loop in
    that thread (pytest-asyncio's tests, asyncio.run() in Alembic's environment) can run
    beside it. Under pytest-xdist the same holds in each worker: tests are handed out in
    this order (SAFE_DISTRIBUTIONS), so a worker that has started browser tests is given
    no other kind."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
