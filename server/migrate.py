"""Bringing a database to the latest schema, and telling whether it is there."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncEngine

from server.config import ConfigError
from server.db import Database

ROOT = Path(__file__).resolve().parent.parent


def alembic_config(url: str) -> Config:
    """Alembic's configuration for the database at `url`, with the project's migrations."""
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Run the migrations up to `revision` (blocking; call from a thread in async code)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Run the migrations down to `revision` (blocking; tests use it)."""
    command.downgrade(alembic_config(url), revision)


def head_revision() -> str | None:
    """The latest migration's revision: what the code needs."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database at `engine` is at (None before the first migration)."""
    async with engine.connect() as conn:
        return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())


async def upgrade_async(url: str) -> None:
    """`upgrade` to the head, from async code (in a thread: Alembic's env runs its own loop)."""
    await asyncio.to_thread(upgrade, url)


async def check_schema_current(db: Database) -> None:
    """Refuse to serve a database that is behind the migrations."""
    current = await current_revision(db.engine)
    head = head_revision()
    if current != head:
        raise ConfigError(
            f"The database at MOIN_DATABASE_URL is at migration {current or 'none'}, the code "
            f"needs {head}. Run `moin-forum migrate` first."
        )
