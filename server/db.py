"""One engine factory for both dialects, the two kinds of unit of work, and the UTC timestamp type.

Reads run in short sessions that never commit; every write runs in
`Database.write()`, one transaction committed once at the end. On SQLite a write
transaction begins IMMEDIATE, so two writers queue on the busy timeout instead of
failing when one upgrades a read lock.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import asyncpg
from sqlalchemy import DateTime, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 15_000
_IMMEDIATE = "moin_sqlite_immediate"
# SQLSTATE classes of a server that is going away, starting up or full: connection
# exceptions (08), insufficient resources (53, e.g. too many connections) and operator
# intervention (57P: shutting down, crashed, cannot connect now). Not 57014: a statement
# timeout is the query's fault, not the server's.
_UNAVAILABLE_SQLSTATES = ("08", "53", "57P")


def is_unavailable(exc: BaseException) -> bool:
    """Whether `exc` means the database cannot be used just now (a retry may succeed).

    A connection refused or timed out, no free connection in the pool, a connection the
    server closed, or a server shutting down or starting up.
    """
    if isinstance(exc, PoolTimeout | ConnectionError | OSError | OperationalError):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return isinstance(sqlstate, str) and sqlstate.startswith(_UNAVAILABLE_SQLSTATES)


def is_statement_timeout(exc: BaseException) -> bool:
    """Whether `exc` is PostgreSQL stopping a statement that ran past the statement timeout.

    SQLSTATE 57014 (query_canceled) is also a cancel request's answer ("due to user
    request"): that one is not the statement's fault.
    """
    return (
        isinstance(exc, DBAPIError)
        and getattr(exc.orig, "sqlstate", None) == "57014"
        and "statement timeout" in str(exc.orig)
    )


def create_engine(
    url: str, *, pool_size: int = 10, pool_timeout: float = 5.0, statement_timeout_ms: int = 5000
) -> AsyncEngine:
    """Make the async engine for `url`, configured for its dialect."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        kwargs.update(
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_timeout=pool_timeout,
            # A pathological query ends with an error instead of holding a connection.
            connect_args={
                "server_settings": {
                    "statement_timeout": str(statement_timeout_ms),
                    "idle_in_transaction_session_timeout": "60000",
                },
                "timeout": 5,
            },
        )
    engine = create_async_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    else:

        @event.listens_for(engine.sync_engine, "do_connect")
        def _connect_whole(_dialect: Any, _record: Any, _args: Any, params: Any) -> None:
            params["async_creator_fn"] = connect_whole

    _hand_out_clean_connections(engine)
    return engine


async def connect_whole(*args: Any, **kwargs: Any) -> Any:
    """asyncpg.connect, carried to its end even if the request that asked goes away.

    A request cancelled while its connection is being opened (a client that disconnects)
    would cut asyncpg off between its TCP and TLS steps, which leaves a future failing
    with "unexpected connection_lost() call" that nobody awaits: asyncio logs it as
    "Future exception was never retrieved". So the attempt runs on by itself, and what it
    opens for nobody is closed.
    """
    attempt = asyncio.ensure_future(asyncpg.connect(*args, **kwargs))
    try:
        return await asyncio.shield(attempt)
    except asyncio.CancelledError:
        attempt.add_done_callback(_close_unwanted)
        raise


def _close_unwanted(attempt: asyncio.Future[Any]) -> None:
    if attempt.cancelled() or attempt.exception() is not None:
        return  # nothing was opened (the exception is retrieved: nothing is logged)
    closing = asyncio.ensure_future(attempt.result().close())
    closing.add_done_callback(lambda done: done.cancelled() or done.exception())


def _hand_out_clean_connections(engine: AsyncEngine) -> None:
    """Never hand out a pooled connection that is closed or inside a transaction.

    When PostgreSQL restarts, it closes every connection; asyncpg sees that at once and
    marks the connection closed, but it stays in the pool, and without this the next
    request to take it would fail. A connection still inside a transaction was left
    there by a unit of work that failed as it began one: asyncpg marks its transaction
    as begun before it sends BEGIN and keeps the mark when BEGIN fails (a statement
    timeout or a cancel request landing on it), and SQLAlchemy only rolls back a
    transaction whose BEGIN succeeded. The next transaction on that connection would
    be a SAVEPOINT: refused ("SAVEPOINT can only be used in transaction blocks") when
    BEGIN never ran, and when it did, a write committed only into a transaction nobody
    commits. Such a connection is dropped and another checked out.

    The checks read the drivers' own state, without a round trip (unlike
    `pool_pre_ping`, which costs up to three per checkout); a connection lost without
    the server closing it (a network partition) still fails one request, and that
    failure invalidates the whole pool.
    """

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        driver = record.driver_connection
        if driver is None:
            return
        problem = _unclean(driver)
        if problem is not None:
            if problem != CLOSED:
                log.warning("a pooled connection was %s; it is replaced", problem)
            # The pool drops this connection and checks out another (a new one if need be).
            raise DisconnectionError(problem)


CLOSED = "closed by the server"


def _unclean(driver: Any) -> str | None:
    """Why a pooled driver connection may not be handed out, or None."""
    if hasattr(driver, "is_closed"):  # asyncpg
        if driver.is_closed():
            return CLOSED
        # asyncpg's mark of a transaction it began (private: the only witness of a BEGIN
        # that failed after it was set).
        if driver.is_in_transaction() or getattr(driver, "_top_xact", None) is not None:
            return "left inside a transaction"
    elif getattr(driver, "in_transaction", False):  # aiosqlite
        return "left inside a transaction"
    return None


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get("isolation_level") == "AUTOCOMMIT":
            return
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(_IMMEDIATE) else "BEGIN")


class Database:
    """The engine and its units of work."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        # Called after every committed write with its session, whose `info` says what the
        # write did (the response cache clears itself here; the worker wakes for new jobs).
        self.after_commit: list[Callable[[AsyncSession], None]] = []
        self._sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        # Reads need no transaction: autocommit saves the BEGIN and ROLLBACK round trips.
        self._readers = async_sessionmaker(
            engine.execution_options(isolation_level="AUTOCOMMIT"),
            expire_on_commit=False,
            autoflush=False,
        )

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> Database:
        return cls(create_engine(url, **kwargs))

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A session for reading, in autocommit: each statement sees the latest commits."""
        async with self._readers() as session:
            yield session

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        async with self._sessions() as session:
            if self.is_sqlite:
                await session.connection(execution_options={_IMMEDIATE: True})
            yield session
            # Leaving the block by an exception skips this: closing the session rolls back.
            await session.commit()
        for callback in self.after_commit:
            callback(session)

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")

    async def dispose(self) -> None:
        await self.engine.dispose()


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always timezone-aware UTC in Python, on both databases.

    SQLite keeps no zone, so values are normalised to naive UTC on the way in and
    given their zone back on the way out; the stored text then sorts by time.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)
