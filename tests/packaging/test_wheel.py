"""The forum as users install it: a wheel, in a fresh virtual environment, run in an empty
directory.

The wheel is built once, from exactly what the Dockerfile's build stage copies (so a file the
image would lack is lacking here too), and installed with pip into a new virtual environment.
The commands then run from another empty directory with PYTHONPATH unset, so nothing of the
repository can be imported: `moin-forum migrate`, `moin-forum demo` and `moin-forum serve`, on
SQLite (the default file in the working directory) and on a new PostgreSQL database; then `/`,
the web client's files and a GraphQL query over HTTP.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import TEST_SECRET
from tests.packaging.dockerfile import ROOT, replay_build_context, stages
from tests.support import forum_process, once_per_run

SHIPPED = {"server": "server", "migrations": "server/migrations", "web": "server/web"}

DEMO_FEED = """
query WheelDemoFeed {
  threads(first: 5, orderBy: LAST_ACTIVITY) {
    totalCount
    nodes { title author { displayName organisation { name } } }
  }
  organisations(first: 5) { nodes { name } }
}
"""


def _run(command: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} failed ({result.returncode}):\n"
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout


def _outside_env(**moin: str) -> dict[str, str]:
    """The environment of someone who installed the wheel: no MOIN_ settings but `moin`,
    no PYTHONPATH, no virtual environment active."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("MOIN_") and key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    env.update({f"MOIN_{key.upper()}": value for key, value in moin.items()})
    return env


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The forum's wheel, built once per test run from what the Dockerfile's build stage copies."""

    def build(out: Path) -> None:
        sources = replay_build_context(stages()[0], tmp_path_factory.mktemp("wheel-sources"))
        _run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", out, sources],
            cwd=out,
        )

    [built] = once_per_run(tmp_path_factory, "wheel", build).glob("moin_forum-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """The bin/ folder of a new virtual environment with the wheel (and its dependencies),
    made once per test run."""

    def install(home: Path) -> None:
        _run([sys.executable, "-m", "venv", home / "venv"], cwd=home, env=_outside_env())
        pip = [home / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet", wheel]
        _run(pip, cwd=home, env=_outside_env())

    return once_per_run(tmp_path_factory, "installed", install) / "venv" / "bin"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """MOIN_ settings for the database: none on SQLite (the default file in the working
    directory), a new empty PostgreSQL database otherwise."""
    if request.param == "sqlite":
        yield {}
        return
    yield {"database_url": request.getfixturevalue("empty_postgres_url")}


def test_the_wheel_carries_every_file_of_the_server_the_migrations_and_the_web_client(
    wheel: Path,
):
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"{SHIPPED[folder]}/{path.relative_to(ROOT / folder).as_posix()}"
        for folder in SHIPPED
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert expected - in_wheel == set()
    assert not [name for name in in_wheel if "__pycache__" in name or name.endswith(".pyc")]


def test_the_installed_wheel_migrates_loads_the_demo_and_serves_the_web_client_and_the_api(
    installed: Path, database: dict[str, str], tmp_path: Path
):
    workdir = tmp_path / "empty"
    workdir.mkdir()
    env = _outside_env(log_level="warning", **database)

    # The forum comes from the virtual environment, not from the repository.
    where = _run(
        [installed / "python", "-c", "import server; print(server.__file__)"], cwd=workdir, env=env
    )
    assert Path(where.strip()).is_relative_to(installed.parent), where
    assert not Path(where.strip()).is_relative_to(ROOT), where

    _run([installed / "moin-forum", "migrate"], cwd=workdir, env=env)
    if not database:
        assert (workdir / "moin-forum.db").is_file(), "SQLite's default file is made where it runs"
    loaded = _run([installed / "moin-forum", "demo"], cwd=workdir, env=env)
    assert "Loaded demo content" in loaded, loaded

    serve_env = {**env, "MOIN_SECRET_KEY": TEST_SECRET}
    with (
        forum_process([installed / "moin-forum", "serve"], env=serve_env, cwd=workdir) as forum,
        httpx.Client(base_url=forum.url, timeout=15) as http,
    ):
        shell = http.get("/")
        assert shell.status_code == 200 and shell.headers["content-type"].startswith("text/html")
        assets = re.findall(r'(?:src|href)="/web/([^"]+)"', shell.text)
        assert "app.js" in assets, shell.text
        for asset in assets:
            served = http.get(f"/web/{asset}")
            assert served.status_code == 200, asset
            assert served.content == (ROOT / "web" / asset).read_bytes(), asset
        assert http.get("/web/app.js").headers["content-type"].startswith("text/javascript")

        answer = http.post("/graphql", json={"query": DEMO_FEED})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert "errors" not in body, body
        assert body["data"]["threads"]["totalCount"] > 0
        assert all(t["author"]["organisation"]["name"] for t in body["data"]["threads"]["nodes"])
        assert len(body["data"]["organisations"]["nodes"]) == 5
