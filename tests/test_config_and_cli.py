"""Start-up: settings that stop the server with a clear message, and the CLI commands."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from server.config import ConfigError, load_settings


def test_a_missing_secret_key_names_the_variable(monkeypatch):
    monkeypatch.delenv("MOIN_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="MOIN_SECRET_KEY"):
        load_settings()


def test_a_short_secret_key_is_refused():
    with pytest.raises(ConfigError, match="MOIN_SECRET_KEY.*32"):
        load_settings(secret_key="short")


def test_demo_makes_a_throwaway_key():
    assert len(load_settings(demo=True).secret()) >= 32


def test_a_bad_base_url_names_the_variable():
    with pytest.raises(ConfigError, match="MOIN_BASE_URL"):
        load_settings(secret_key="x" * 40, base_url="ftp://nope")


def test_demo_sign_in_needs_demo_and_loopback():
    assert load_settings(demo=True).demo_sign_in_enabled
    assert not load_settings(demo=True, host="0.0.0.0", secret_key="x" * 40).demo_sign_in_enabled
    assert not load_settings(secret_key="x" * 40).demo_sign_in_enabled


def test_the_public_url_defaults_to_where_serve_listens():
    assert load_settings(demo=True, port=9001).public_url == "http://127.0.0.1:9001"
    assert load_settings(demo=True, base_url="https://forum.example/").public_url == (
        "https://forum.example"
    )


def test_a_redis_url_is_checked_and_never_shown():
    with pytest.raises(ConfigError, match="MOIN_REDIS_URL: .*redis://"):
        load_settings(secret_key="x" * 40, redis_url="http://cache:6379")
    with pytest.raises(ConfigError, match="MOIN_REDIS_PREFIX"):
        load_settings(secret_key="x" * 40, redis_prefix="no spaces")
    assert load_settings(secret_key="x" * 40, redis_url="").redis_url is None

    settings = load_settings(secret_key="x" * 40, redis_url="redis://:hunter2@cache:6380/3")

    assert "hunter2" not in repr(settings)


def test_log_lines_name_redis_without_its_password():
    from server.redis_link import describe

    assert describe("redis://forum:hunter2@cache:6380/3") == "cache:6380/3"
    assert describe("rediss://:hunter2@cache") == "cache:6379/0"


def _cli(*args: str, env: dict[str, str], cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        env={**os.environ, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_migrate_then_demo_loads_once_on_sqlite(tmp_path):
    env = {"MOIN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"}
    assert _cli("migrate", env=env, cwd=tmp_path).returncode == 0
    first = _cli("demo", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "organisations" in first.stdout
    second = _cli("demo", env=env, cwd=tmp_path)
    assert second.returncode == 2 and "not loaded twice" in second.stderr


def test_serve_refuses_a_database_behind_the_migrations(tmp_path):
    from server import migrate

    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0001")
    migrate.downgrade(url, "base")
    result = _cli("demo", env={"MOIN_DATABASE_URL": url}, cwd=tmp_path)
    assert result.returncode == 2
    assert "moin-forum migrate" in result.stderr


@pytest.mark.postgres
def test_postgres_serve_refuses_until_migrated_then_demo_loads_once(empty_postgres_url, tmp_path):
    env = {"MOIN_DATABASE_URL": empty_postgres_url, "MOIN_SECRET_KEY": "k" * 40}
    refused = _cli("serve", "--port", "0", env=env, cwd=tmp_path)
    assert refused.returncode == 2 and "moin-forum migrate" in refused.stderr

    assert _cli("migrate", env=env, cwd=tmp_path).returncode == 0
    assert _cli("demo", env=env, cwd=tmp_path).returncode == 0
    again = _cli("demo", env=env, cwd=tmp_path)
    assert again.returncode == 2 and "not loaded twice" in again.stderr


def test_the_command_module_imports_nothing_heavy_for_the_markdown_workers():
    # A spawned Markdown worker imports the `moin-forum` script, hence server.cli: with the
    # database and web layers imported there, each worker held 75 MB instead of 26.
    probe = (
        "import sys, server.cli; "
        "print(sorted(m for m in ('sqlalchemy', 'starlette', 'strawberry', 'alembic', "
        "'pydantic_settings', 'server.db', 'server.config') if m in sys.modules))"
    )

    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()

    assert loaded == "[]"
