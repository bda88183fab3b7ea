"""Fixtures of the browser tests: a real forum server with demo data, Debian's
Chromium driven by Playwright, signed-in contexts, screenshots and axe-core.

`server_url` starts `moin-forum serve --demo` on a free loopback port, once on
SQLite and once on a fresh PostgreSQL database (`moin_browser_<random>`, built
by `moin-forum migrate` and `moin-forum demo`, dropped afterwards). Without
Chromium or PostgreSQL the tests skip with the reason; with
MOIN_REQUIRE_SERVICES=1 they fail instead.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("MOIN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REQUIRE_SERVICES = os.environ.get("MOIN_REQUIRE_SERVICES") == "1"
POSTGRES_ADMIN_URL = os.environ.get(
    "MOIN_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def unavailable(reason: str) -> None:
    """Skip for a missing service, or fail when MOIN_REQUIRE_SERVICES=1."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing (MOIN_REQUIRE_SERVICES=1): {reason}")
    print(f"skipping browser tests: {reason}", file=sys.stderr)
    pytest.skip(reason)


# ------------------------------------------------------------------ server --


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> list[str]:
    """The `moin-forum` command of the running interpreter's environment."""
    return [sys.executable, "-c", "from server.cli import main; main()", *args]


def _run_cli(env: dict[str, str], cwd: Path, *args: str) -> None:
    result = subprocess.run(
        _cli(*args), env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"moin-forum {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


@dataclass
class Forum:
    """A running forum server."""

    url: str
    database: str
    log: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    def graphql(self, query: str, variables: dict[str, Any] | None = None,
                cookie: str | None = None) -> dict[str, Any]:
        """POST a GraphQL operation; fail on `errors`."""
        headers = {"Content-Type": "application/json", "Origin": self.url}
        if cookie:
            headers["Cookie"] = cookie
        request = urllib.request.Request(
            f"{self.url}/graphql",
            data=json.dumps({"query": query, "variables": variables or {}}).encode(),
            headers=headers,
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=15) as response:
            body = json.loads(response.read())
        assert not body.get("errors"), body["errors"]
        return body["data"]


def _start_server(env: dict[str, str], cwd: Path, database: str) -> Forum:
    port = _free_port()
    log = cwd / f"server-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            _cli("serve", "--demo", "--port", str(port)),
            env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the forum server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return Forum(url=url, database=database, log=log, process=process)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    process.terminate()
    pytest.fail(f"the forum server did not start within 60 s:\n{log.read_text()}")
    raise AssertionError("unreachable")


def _stop_server(forum: Forum) -> None:
    forum.process.terminate()
    try:
        forum.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        forum.process.kill()
        forum.process.wait(timeout=5)


def _base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOIN_")}
    env["MOIN_LOG_LEVEL"] = "warning"
    return env


def _postgres_admin(statement: str) -> None:
    """Run one statement on the admin database (in a thread of its own: Playwright's
    sync API keeps an event loop running in this one)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _postgres_admin_async(statement)).result(timeout=60)


async def _postgres_admin_async(statement: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_ADMIN_URL)
    connection = await asyncpg.connect(
        host=url.host or "127.0.0.1", port=url.port or 5432, user=url.username or "postgres",
        password=url.password, database=url.database or "postgres", timeout=5,
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@contextlib.contextmanager
def _sqlite_forum(workdir: Path) -> Iterator[Forum]:
    env = _base_env()
    database = f"sqlite+aiosqlite:///{workdir / 'browser.db'}"
    env["MOIN_DATABASE_URL"] = database
    forum = _start_server(env, workdir, database)
    try:
        yield forum
    finally:
        _stop_server(forum)


@contextlib.contextmanager
def _postgres_forum(workdir: Path) -> Iterator[Forum]:
    from sqlalchemy.engine import make_url

    name = f"moin_browser_{secrets.token_hex(6)}"
    try:
        _postgres_admin(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # any failure to reach PostgreSQL means "not available"
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {exc!r}")
    database = make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    env = _base_env()
    env["MOIN_DATABASE_URL"] = database
    forum = None
    try:
        _run_cli(env, workdir, "migrate")
        _run_cli(env, workdir, "demo")
        forum = _start_server(env, workdir, database)
        yield forum
    finally:
        if forum is not None:
            _stop_server(forum)
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def forum(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          chromium_available: None) -> Iterator[Forum]:
    """The forum with demo data, on SQLite and on PostgreSQL."""
    workdir = tmp_path_factory.mktemp(f"forum-{request.param}")
    starter = _sqlite_forum if request.param == "sqlite" else _postgres_forum
    with starter(workdir) as running:
        yield running


@pytest.fixture(scope="session")
def server_url(forum: Forum) -> str:
    return forum.url


# ----------------------------------------------------------------- members --


MEMBERS_QUERY = """
query BrowserTestMembers {
  organisations(first: 50) {
    nodes {
      id slug name type country
      members(first: 50) { nodes { id displayName role organisation { type } } }
    }
  }
}
"""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    organisation: str
    organisation_type: str


@pytest.fixture(scope="session")
def people(forum: Forum) -> dict[str, Person]:
    """One demo member of each role: 'member', 'other_member', 'researcher'."""
    data = forum.graphql(MEMBERS_QUERY)
    everyone = [
        Person(m["id"], m["displayName"], m["role"], org["name"], org["type"])
        for org in data["organisations"]["nodes"]
        for m in org["members"]["nodes"]
    ]
    members = [p for p in everyone if p.role == "MEMBER"]
    researchers = [p for p in everyone if p.role == "RESEARCHER"]
    assert len(members) >= 2 and researchers, "the demo data needs two members and a researcher"
    other = next((p for p in members[1:] if p.organisation != members[0].organisation), members[1])
    return {"member": members[0], "other_member": other, "researcher": researchers[0]}


def session_cookie(forum: Forum, person: Person) -> str:
    """Sign in through the demo sign-in; returns a Cookie header value."""
    data = f"member_id={urllib.request.quote(person.id)}".encode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(
        f"{forum.url}/auth/demo", data=data, method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": forum.url},
    )
    try:
        response = opener.open(request, timeout=10)
    except urllib.error.HTTPError as redirect:
        response = redirect
    cookies = response.headers.get_all("Set-Cookie") or []
    assert cookies, f"demo sign-in set no cookie (HTTP {response.status})"
    return "; ".join(c.split(";", 1)[0] for c in cookies)


# ----------------------------------------------------------------- browser --


@pytest.fixture(scope="session")
def chromium_available() -> None:
    if not Path(CHROMIUM).exists():
        unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")


@pytest.fixture(scope="session")
def browser(chromium_available: None) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class PageProblems:
    """Uncaught errors and CSP violations seen in a page."""

    errors: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> Any:
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))

        def on_console(message: Any) -> None:
            text = message.text
            if message.type == "error" and ("Content Security Policy" in text or "Refused to" in text):
                self.errors.append(f"CSP: {text}")

        page.on("console", on_console)
        return page


@pytest.fixture
def open_page(browser: Any, forum: Forum) -> Iterator[Callable[..., Any]]:
    """open_page(as_person=None, bypass_csp=False) -> a new page in its own context."""
    contexts: list[Any] = []
    problems = PageProblems()

    def make(as_person: Person | None = None, *, bypass_csp: bool = False,
             viewport: dict[str, int] = DESKTOP) -> Any:
        context = browser.new_context(base_url=forum.url, viewport=viewport, bypass_csp=bypass_csp)
        contexts.append(context)
        if as_person is not None:
            cookie = session_cookie(forum, as_person)
            context.add_cookies([
                {"name": name, "value": value, "url": forum.url}
                for name, value in (pair.split("=", 1) for pair in cookie.split("; "))
            ])
        context.set_default_timeout(10_000)
        return problems.watch(context.new_page())

    yield make
    for context in contexts:
        context.close()
    assert not problems.errors, "\n".join(problems.errors)


def screenshot(page: Any, name: str) -> None:
    """Save the page at desktop (1280) and phone (390) width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.wait_for_timeout(150)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    if original:
        page.set_viewport_size(original)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core in the page (its context must bypass the CSP); serious and critical only."""
    if not AXE_JS.exists():
        unavailable(f"axe-core is not installed at {AXE_JS} (npm ci in tests/browser)")
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary).slice(0, 5)}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def start_thread(forum: Forum, person: Person, *, title: str, visibility: str = "PUBLIC",
                 pillars: tuple[str, ...] = ("ASSESSMENT",), topics: tuple[str, ...] = (),
                 kind: str = "DISCUSSION", body: str = "Started by the browser tests.") -> str:
    """Start a thread through the API; returns its global id."""
    data = forum.graphql(
        """mutation Start($input: StartThreadInput!) {
             startThread(input: $input) { thread { id } errors { field message code } }
           }""",
        {"input": {"kind": kind, "title": title, "body": body, "pillars": list(pillars),
                   "topics": list(topics), "visibility": visibility}},
        cookie=session_cookie(forum, person),
    )
    payload = data["startThread"]
    assert not payload["errors"], payload["errors"]
    return payload["thread"]["id"]
