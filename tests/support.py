"""Helpers shared by the test folders: service checks, GraphQL calls, sign-in."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Literal, NoReturn

import httpx
import pytest
import uvicorn
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import event

REQUIRE_SERVICES = os.environ.get("MOIN_REQUIRE_SERVICES") == "1"
POSTGRES_ADMIN_URL = os.environ.get(
    "MOIN_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("MOIN_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def require_or_skip(reason: str) -> NoReturn:
    """Skip for a missing service, or fail when CI demands every service (MOIN_REQUIRE_SERVICES=1)."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing (MOIN_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(reason)


async def require_redis(url: str = REDIS_URL) -> None:
    """Skip (or fail under MOIN_REQUIRE_SERVICES=1) unless Redis answers at `url`."""
    client = Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        require_or_skip(f"Redis is not reachable at {url}: {exc}")
    finally:
        await client.aclose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@asynccontextmanager
async def serve(
    app: Any, *, lifespan: Literal["on", "off"] = "off", **options: Any
) -> AsyncIterator[str]:
    """Serve `app` with uvicorn on a free loopback port, in this event loop: its host:port.

    `options` are more of uvicorn's (proxy headers, for one)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = {"log_level": "warning", "ws": "websockets-sansio", **options}
    server = uvicorn.Server(uvicorn.Config(app, lifespan=lifespan, **config))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()  # start-up failed: say why, or at least that it did
            raise RuntimeError("uvicorn stopped before it started serving")
        await asyncio.sleep(0.01)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()


class GraphQLErrors(AssertionError):
    pass


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    errors: bool = False,
) -> dict[str, Any]:
    """POST a GraphQL operation. Fails on any `errors` unless `errors=True` (then returns the body)."""
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    body = response.json()
    if errors:
        return body
    if response.status_code != 200 or body.get("errors"):
        raise GraphQLErrors(f"HTTP {response.status_code}: {body.get('errors')}")
    data: dict[str, Any] = body["data"]
    return data


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors") or []]


@contextmanager
def counted(db: Any) -> Iterator[list[str]]:
    """The SQL statements `db` runs inside the block (SQLite's own BEGIN left out)."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if statement != "BEGIN" and not statement.startswith("BEGIN "):  # SQLite's own BEGIN
            statements.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
