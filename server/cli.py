"""The `moin-forum` command: serve, worker, migrate, demo, schema, and the operator's commands."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import sys
from typing import TYPE_CHECKING, Any

# Nothing heavy at the top of this module: the Markdown renderer's worker processes are
# spawned, and a spawned process imports the parent's main script, which is the
# `moin-forum` command, which imports this module. With SQLAlchemy, the settings and
# Alembic imported here each worker held 75 MB instead of 26 (bench, December 2026);
# each command imports what it uses.
if TYPE_CHECKING:
    from server.config import Settings
    from server.db import Database


def _database(settings: Settings) -> Database:
    from server.db import Database

    return Database.from_url(settings.database_url)


async def _prepare_demo(settings: Settings) -> None:
    from server.config import ConfigError
    from server.demo.loader import is_empty, load_demo
    from server.demo.source import DemoDataError

    db = _database(settings)
    try:
        if await is_empty(db):
            counts = await load_demo(db)
            logging.getLogger("server.demo").info("demo content loaded: %s", counts)
    except DemoDataError as exc:
        raise ConfigError(str(exc)) from None
    finally:
        await db.dispose()


async def _check_current(settings: Settings) -> None:
    from server import migrate

    db = _database(settings)
    try:
        await migrate.check_schema_current(db)
    finally:
        await db.dispose()


# Objects a collection of the young generation may find before the next one. Python's
# default, 700, is less than one request or one event's fan-out allocates, so every
# collection found a working set still alive and moved it to the old generation; the
# old generation then filled up within seconds, and its collections, which walk the
# whole heap (a few hundred thousand objects with a thousand sockets open), stalled
# every request and socket for a tenth of a second or more.
YOUNG_GENERATION_OBJECTS = 10_000


def _tune_garbage_collection() -> None:
    """Fewer, cheaper garbage collections in a long-lived server process."""
    # Everything built so far (modules, the schema, SQLAlchemy's metadata) lives as long
    # as the process: keep it out of the cyclic collector's full passes, which otherwise
    # walk it all and pause requests (a full pass took 165 ms before, 13 ms after).
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_OBJECTS, middle, old)


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    from server import migrate
    from server.app import create_app
    from server.config import load_settings

    settings = load_settings(host=args.host, port=args.port, demo=args.demo)
    if settings.is_sqlite:
        # The embedded database is created and brought up to date on start.
        migrate.upgrade(settings.database_url)
    else:
        asyncio.run(_check_current(settings))
    if args.demo:
        asyncio.run(_prepare_demo(settings))
    app = create_app(settings)
    _tune_garbage_collection()
    uvicorn.run(app, **uvicorn_options(settings))


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """How `serve` runs uvicorn."""
    return {
        "host": settings.host,
        "port": settings.port,
        "log_level": settings.log_level,
        # Behind a proxy (MOIN_FORWARDED_ALLOW_IPS), the client address that visitors'
        # budgets are counted by is the one the proxy saw.
        "proxy_headers": settings.forwarded_allow_ips is not None,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
        "ws": "websockets-sansio",
        # Live updates are small JSON messages: compressing each one for each of
        # thousands of sockets costs more CPU (and a zlib state per socket) than it saves.
        "ws_per_message_deflate": False,
    }


def worker_command(_args: argparse.Namespace) -> None:
    from server.background import run_worker
    from server.config import load_settings

    settings = load_settings()
    asyncio.run(_check_current(settings))
    asyncio.run(run_worker(settings))


def migrate_command(_args: argparse.Namespace) -> None:
    from server import migrate
    from server.config import Settings

    settings = Settings()
    migrate.upgrade(settings.database_url)
    print(f"Database is at migration {migrate.head_revision()}.")


def demo_command(args: argparse.Namespace) -> None:
    from pathlib import Path

    from server.config import ConfigError, Settings
    from server.demo.loader import AlreadyLoaded, load_demo
    from server.demo.network import read_network
    from server.demo.source import DemoDataError

    try:
        # Read and checked before the database is touched: bad data writes nothing.
        network = read_network(Path(args.data) if args.data else None)
    except DemoDataError as exc:
        print(f"moin-forum: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    if args.check:
        counts = network.counts()
        print("The demo data is valid: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        return
    settings = Settings()

    async def run() -> dict[str, int]:
        await _check_current(settings)
        db = _database(settings)
        try:
            return await load_demo(db, network)
        finally:
            await db.dispose()

    try:
        counts = asyncio.run(run())
    except AlreadyLoaded as exc:
        raise ConfigError(str(exc)) from None
    print("Loaded demo content: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


def schema_command(_args: argparse.Namespace) -> None:
    from server.schema import build_schema

    print(build_schema().as_str())


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="moin-forum", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="serve the forum over HTTP")
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve_parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve_parser.add_argument(
        "--demo",
        action="store_true",
        help="load demo content into an empty database and offer the demo sign-in (loopback only)",
    )
    serve_parser.set_defaults(run=serve)
    commands.add_parser(
        "worker", help="run background work (e-mail, digests) until SIGTERM; see MOIN_WORKER"
    ).set_defaults(run=worker_command)
    commands.add_parser(
        "migrate", help="bring MOIN_DATABASE_URL to the latest schema"
    ).set_defaults(run=migrate_command)
    demo_parser = commands.add_parser("demo", help="load the demo content into an empty database")
    demo_parser.add_argument(
        "--check",
        action="store_true",
        help="only check the demo data files and list their problems (no database needed)",
    )
    demo_parser.add_argument(
        "--data",
        metavar="FOLDER",
        help="read the demo data from FOLDER instead of the one that ships with the forum",
    )
    demo_parser.set_defaults(run=demo_command)
    commands.add_parser("schema", help="print the served GraphQL schema (SDL)").set_defaults(
        run=schema_command
    )
    from server.auth.commands import add_commands

    add_commands(commands)  # organisations, members and partners: the operator's commands
    from server.auth.application_commands import add_application_commands

    add_application_commands(commands)
    return root


def main(argv: list[str] | None = None) -> None:
    from server.config import ConfigError

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # Alembic announces each of its built-in plugins at INFO when first imported: noise on
    # every command's stderr (and `demo --check` prints only the data's problems there).
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except ConfigError as exc:
        print(f"moin-forum: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
