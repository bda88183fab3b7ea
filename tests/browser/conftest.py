"""Fixtures of the browser tests: a real forum server with demo data, Debian's
Chromium driven by Playwright, signed-in contexts.

`server_url` starts `moin-forum serve --demo` on a free loopback port, once on
SQLite and once on a fresh PostgreSQL database (`moin_browser_<random>`, built
by `moin-forum migrate` and `moin-forum demo`, dropped afterwards). Without
Chromium or PostgreSQL the tests skip with the reason; with
MOIN_REQUIRE_SERVICES=1 they fail instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    Forum,
    PageProblems,
    Person,
    demo_people,
    postgres_forum,
    session_cookie,
    sqlite_forum,
    unavailable,
)
from tests.smtp import SmtpSink


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def forum(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    chromium_available: None,
) -> Iterator[Forum]:
    """The forum with demo data, on SQLite and on PostgreSQL."""
    workdir = tmp_path_factory.mktemp(f"forum-{request.param}")
    starter = sqlite_forum if request.param == "sqlite" else postgres_forum
    with starter(workdir) as running:
        yield running


@pytest.fixture(scope="session")
def server_url(forum: Forum) -> str:
    return forum.url


@pytest.fixture(scope="session")
def people(forum: Forum) -> dict[str, Person]:
    """Demo members: 'member', 'other_member', 'researcher', and 'moderator' if there is one."""
    return demo_people(forum)


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def mailing_forum(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    chromium_available: None,
) -> Iterator[tuple[Forum, SmtpSink]]:
    """A demo forum of its own that sends e-mail to a real SMTP server (aiosmtpd), on SQLite
    and on PostgreSQL; its worker polls twice a second."""
    with SmtpSink() as sink:
        workdir = tmp_path_factory.mktemp(f"mailing-{request.param}")
        starter = sqlite_forum if request.param == "sqlite" else postgres_forum
        env = {
            "MOIN_SMTP_URL": sink.url,
            "MOIN_MAIL_FROM": "MOIN Forum <forum@moin.example>",
            "MOIN_WORKER_POLL_SECONDS": "0.5",
        }
        with starter(workdir, extra_env=env) as forum:
            yield forum, sink


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


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    """The screen of a test's pages: every browser test runs at 1280 px and at 390 px.

    A test that covers both widths itself (the per-page checks of test_pages.py) overrides
    this fixture; one that parametrises `viewport` directly replaces it."""
    return dict(request.param)


@pytest.fixture
def open_page(browser: Any, forum: Forum, viewport: dict[str, int]) -> Iterator[Callable[..., Any]]:
    """open_page(as_person=None, bypass_csp=False, viewport=<the test's>) -> a new page in
    its own context."""
    contexts: list[Any] = []
    problems = PageProblems()

    def make(
        as_person: Person | None = None,
        *,
        bypass_csp: bool = False,
        viewport: dict[str, int] = viewport,
    ) -> Any:
        context = browser.new_context(base_url=forum.url, viewport=viewport, bypass_csp=bypass_csp)
        contexts.append(context)
        if as_person is not None:
            cookie = session_cookie(forum, as_person)
            context.add_cookies(
                [
                    {"name": name, "value": value, "url": forum.url}
                    for name, value in (pair.split("=", 1) for pair in cookie.split("; "))
                ]
            )
        context.set_default_timeout(10_000)
        return problems.watch(context.new_page())

    yield make
    for context in contexts:
        context.close()
    assert not problems.errors, "\n".join(problems.errors)
