"""Helpers shared by the test folders: service checks, servers, run-wide folders, GraphQL calls."""

from __future__ import annotations

import asyncio
import fcntl
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
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


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_file` (made if missing) for the block: one process at a
    time, whether pytest-xdist's workers or test runs of several checkouts."""
    with lock_file.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """The folder `name`, filled by `make(folder)` once for the whole test run: pytest-xdist's
    workers share it; the first to need it makes it while the others wait for it."""
    base = tmp_path_factory.getbasetemp()
    # Each xdist worker has a base folder of its own inside the run's.
    run = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = run / name
    made = run / f"{name}.made"
    with exclusive(run / f"{name}.lock"):
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


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


@dataclass
class ServedForum:
    """A `moin-forum serve` running in a process of its own."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]


@contextmanager
def forum_process(
    command: Sequence[str | os.PathLike[str]],
    *,
    env: Mapping[str, str],
    cwd: Path,
    start_timeout: float = 120,
) -> Iterator[ServedForum]:
    """Run `command` (a `moin-forum serve` without --port) on a free loopback port until
    /healthz answers; stop it afterwards. Its output goes to a log file in `cwd`.

    A start takes seconds, but up to a minute was seen on a machine whose two cores many
    test runs shared: the deadline only bounds how long a broken start takes to report."""
    port = free_port()
    log = cwd / f"server-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port)], env=dict(env), cwd=cwd, stdout=out, stderr=out
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if process.poll() is not None:
                pytest.fail(f"the forum exited with {process.returncode}:\n{log.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the forum did not start within {start_timeout:.0f} s:\n{log.read_text()}"
                )
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        yield ServedForum(url=url, log=log, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


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
