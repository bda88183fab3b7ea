"""Helpers of the browser tests: starting a forum server, signing in, screenshots, axe-core."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

import pytest

from server.demo.network import read_network
from tests.npm import ensure_npm_packages
from tests.smtp import SmtpSink
from tests.support import forum_process

HERE = Path(__file__).resolve().parent


T = TypeVar("T")


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

    def graphql(
        self, query: str, variables: dict[str, Any] | None = None, cookie: str | None = None
    ) -> dict[str, Any]:
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


def _base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOIN_")}
    env["MOIN_LOG_LEVEL"] = "warning"
    return env


def _run_async(work: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end, in a thread of its own: Playwright's sync API keeps an
    event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result(timeout=60)


def _postgres_admin(statement: str) -> None:
    """Run one statement on the admin database."""
    _run_async(_postgres_admin_async(statement))


async def _postgres_admin_async(statement: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_ADMIN_URL)
    connection = await asyncpg.connect(
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        user=url.username or "postgres",
        password=url.password,
        database=url.database or "postgres",
        timeout=5,
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@contextlib.contextmanager
def sqlite_forum(workdir: Path, extra_env: dict[str, str] | None = None) -> Iterator[Forum]:
    env = {**_base_env(), **(extra_env or {})}
    database = f"sqlite+aiosqlite:///{workdir / 'browser.db'}"
    env["MOIN_DATABASE_URL"] = database
    with forum_process(_cli("serve", "--demo"), env=env, cwd=workdir) as served:
        yield Forum(url=served.url, database=database, log=served.log, process=served.process)


@contextlib.contextmanager
def postgres_forum(workdir: Path, extra_env: dict[str, str] | None = None) -> Iterator[Forum]:
    from sqlalchemy.engine import make_url

    name = f"moin_browser_{secrets.token_hex(6)}"
    try:
        _postgres_admin(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # any failure to reach PostgreSQL means "not available"
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {exc!r}")
    database = make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    env = {**_base_env(), **(extra_env or {})}
    env["MOIN_DATABASE_URL"] = database
    try:
        _run_cli(env, workdir, "migrate")
        _run_cli(env, workdir, "demo")
        with forum_process(_cli("serve", "--demo"), env=env, cwd=workdir) as served:
            yield Forum(url=served.url, database=database, log=served.log, process=served.process)
    finally:
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for_background_work(forum: Forum, timeout: float = 300) -> None:
    """Wait until the forum's worker has done every job that is due (the demo data's
    notification fan-out runs after the server starts: some 400 jobs, a minute or more on a
    busy machine), reading its outbox table."""
    deadline = time.monotonic() + timeout
    while (due := _run_async(_due_jobs(forum.database))) > 0:
        if time.monotonic() > deadline:
            raise AssertionError(f"{due} jobs still due after {timeout:.0f} s")
        time.sleep(0.3)


async def _due_jobs(database: str) -> int:
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from server.db import utcnow
    from server.jobs.outbox import OUTBOX, PENDING

    engine = create_async_engine(database)
    try:
        async with engine.connect() as connection:
            due = await connection.scalar(
                sa.select(sa.func.count())
                .select_from(OUTBOX)
                .where(OUTBOX.c.state == PENDING, OUTBOX.c.run_at <= utcnow())
            )
    finally:
        await engine.dispose()
    return int(due or 0)


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


def demo_people(forum: Forum) -> dict[str, Person]:
    """Demo members: 'member', 'other_member' (of another organisation where there is one),
    'researcher', and 'moderator' if there is one."""
    data = forum.graphql(MEMBERS_QUERY)
    # Only the demo's own organisations: a test may have added one (joining the network)
    # whose first member would otherwise be picked by the tests that run after it.
    demo = {entry.record.slug for entry in read_network().organisations}
    everyone = [
        Person(m["id"], m["displayName"], m["role"], org["name"], org["type"])
        for org in data["organisations"]["nodes"]
        if org["slug"] in demo
        for m in org["members"]["nodes"]
    ]
    members = [p for p in everyone if p.role == "MEMBER"]
    researchers = [p for p in everyone if p.role == "RESEARCHER"]
    assert len(members) >= 2 and researchers, "the demo data needs two members and a researcher"
    other = next((p for p in members[1:] if p.organisation != members[0].organisation), members[1])
    found = {"member": members[0], "other_member": other, "researcher": researchers[0]}
    moderators = [p for p in everyone if p.role in ("MODERATOR", "ADMIN")]
    if moderators:
        found["moderator"] = moderators[0]
    return found


def session_cookie(forum: Forum, person: Person) -> str:
    """Sign in through the demo sign-in; returns a Cookie header value."""
    data = f"member_id={urllib.request.quote(person.id)}".encode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(
        f"{forum.url}/auth/demo",
        data=data,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": forum.url},
    )
    try:
        response = opener.open(request, timeout=10)
    except urllib.error.HTTPError as redirect:
        response = redirect
    cookies = response.headers.get_all("Set-Cookie") or []
    assert cookies, f"demo sign-in set no cookie (HTTP {response.status})"
    return "; ".join(c.split(";", 1)[0] for c in cookies)


@dataclass
class PageProblems:
    """Uncaught errors and CSP violations seen in a page."""

    errors: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> Any:
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))

        def on_console(message: Any) -> None:
            text = message.text
            if message.type == "error" and (
                "Content Security Policy" in text or "Refused to" in text
            ):
                self.errors.append(f"CSP: {text}")

        page.on("console", on_console)
        return page


def new_page(
    browser: Any, forum: Forum, cookie: str | None = None, *, viewport: dict[str, int] = DESKTOP
) -> Any:
    """A page in a browser context of its own (a second browser), signed in with `cookie`."""
    context = browser.new_context(base_url=forum.url, viewport=viewport)
    context.set_default_timeout(15_000)
    if cookie:
        context.add_cookies(
            [
                {"name": name, "value": value, "url": forum.url}
                for name, value in (pair.split("=", 1) for pair in cookie.split("; "))
            ]
        )
    return context.new_page()


def mail_to(
    sink: SmtpSink, recipient: str, count: int, timeout: float = 30, *, about: str = ""
) -> list[EmailMessage]:
    """Wait for `count` distinct messages whose To header names `recipient` (an address or
    a display name) and whose Subject contains `about`."""
    deadline = time.monotonic() + timeout
    while True:
        found = [
            m
            for m in sink.by_message_id().values()
            if recipient in str(m["To"]) and about in str(m["Subject"])
        ]
        if len(found) >= count:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(found)} of {count} messages to {recipient} arrived")
        time.sleep(0.2)


def screenshot(page: Any, name: str) -> None:
    """Save the page as it is, named for its width: `<name>-desktop.png` or `-phone.png`
    (every test runs at both widths, so each run saves its own)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    label = "phone" if is_phone(page) else "desktop"
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)


# The width from which the web client shows the feed's filters beside it (style.css:
# `min-width: 62rem`); narrower, they fold behind "Filter (n)" into a sheet.
WIDE_FROM_PX = 62 * 16


def is_phone(page: Any) -> bool:
    """Whether the page is narrower than the wide layout (the filters are in a sheet)."""
    return bool(page.viewport_size and page.viewport_size["width"] < WIDE_FROM_PX)


def open_filters(page: Any) -> Any:
    """The feed's filters and grid, opening their sheet first on a phone; returns the sheet."""
    sheet = page.locator("dialog.filter-sheet")
    if is_phone(page) and not sheet.evaluate("dialog => dialog.open"):
        page.locator("button.sheet-open").click()
        sheet.wait_for(state="visible")
    return sheet


def choose_filter(page: Any, label: str, value: str) -> None:
    """Choose `value` in the feed's select labelled `label` (it applies at once and, on a
    phone, closes the sheet)."""
    open_filters(page).get_by_label(label, exact=True).select_option(value)


def type_filter(page: Any, label: str, text: str) -> None:
    """Type `text` into the feed's field labelled `label` and apply it with Enter."""
    field = open_filters(page).get_by_label(label, exact=True)
    field.fill(text)
    field.press("Enter")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core in the page (its context must bypass the CSP); serious and critical only."""
    reason = ensure_npm_packages(HERE)  # `npm ci` here on first use
    if reason:
        unavailable(reason)
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            const where = (n) => n.target.join(' ') + ' :: ' + n.failureSummary;
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(where)}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def start_thread(
    forum: Forum,
    person: Person,
    *,
    title: str,
    visibility: str = "PUBLIC",
    pillars: tuple[str, ...] = ("ASSESSMENT",),
    topics: tuple[str, ...] = (),
    kind: str = "DISCUSSION",
    body: str = "Started by the browser tests.",
) -> str:
    """Start a thread through the API; returns its global id."""
    data = forum.graphql(
        """mutation Start($input: StartThreadInput!) {
             startThread(input: $input) { thread { id } errors { field message code } }
           }""",
        {
            "input": {
                "kind": kind,
                "title": title,
                "body": body,
                "pillars": list(pillars),
                "topics": list(topics),
                "visibility": visibility,
            }
        },
        cookie=session_cookie(forum, person),
    )
    payload = data["startThread"]
    assert not payload["errors"], payload["errors"]
    return payload["thread"]["id"]


def create_partner_key(forum: Forum, name: str, origins: tuple[str, ...]) -> str:
    """Issue a partner key for `origins` with `moin-forum partners create`; returns the key."""
    env = {**_base_env(), "MOIN_DATABASE_URL": forum.database}
    origin_args = [arg for origin in origins for arg in ("--origin", origin)]
    result = subprocess.run(
        _cli("partners", "create", name, *origin_args),
        env=env,
        cwd=forum.log.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return next(word for word in result.stdout.split() if word.startswith("moin_pk_"))


@dataclass
class StaticSite:
    """Pages of another origin (a partner's site), served from memory with their headers."""

    url: str
    files: dict[str, tuple[str, dict[str, str]]]


@contextlib.contextmanager
def static_site() -> Iterator[StaticSite]:
    """A tiny HTTP server on a free loopback port: another origin than the forum's."""
    import http.server
    import threading

    site = StaticSite(url="", files={})

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = site.files.get(self.path.split("?", 1)[0])
            if found is None:
                self.send_error(404)
                return
            body, headers = found
            data = body.encode()
            self.send_response(200)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def reply_to(forum: Forum, person: Person, thread_id: str, body: str) -> str:
    """Reply to a thread through the API; returns the reply's global id."""
    data = forum.graphql(
        """mutation Reply($input: ReplyInput!) {
             reply(input: $input) { post { id } errors { field message code } }
           }""",
        {"input": {"threadId": thread_id, "body": body}},
        cookie=session_cookie(forum, person),
    )
    payload = data["reply"]
    assert not payload["errors"], payload["errors"]
    return payload["post"]["id"]


def wait_until_cors_allows(forum_url: str, origin: str) -> None:
    """Wait until the forum answers `origin` with CORS: it caches its partners' origins
    for a few seconds (ORIGINS_TTL_SECONDS), so a key just made is not yet known."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        request = urllib.request.Request(
            f"{forum_url}/graphql?query=%7B__typename%7D", headers={"Origin": origin}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            if response.headers.get("Access-Control-Allow-Origin") == origin:
                return
        time.sleep(0.5)
    raise AssertionError(f"the forum never allowed {origin} (CORS)")
