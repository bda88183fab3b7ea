"""The feed widget on a partner's site: a page of another origin, under a strict CSP that
allows only the forum's origin, embeds `<moin-feed>` with the README's two lines.

The widget renders the filtered feed with one request (a persisted GET), shows a thread
started meanwhile through the API, keeps its styles and the page's apart, stops its
socket when removed, and tells a page whose origin the key does not allow why it shows
no feed."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.support import (
    Forum,
    Person,
    StaticSite,
    create_partner_key,
    start_thread,
    static_site,
    wait_until_cors_allows,
)

pytestmark = pytest.mark.browser

PILLAR = "RISKS_AND_REWARDS"
# The partner's own stylesheet: rules that must not reach into the widget, and the
# widget's documented ways in (a custom property, a part).
PARTNER_CSS = """
h3, li, a { color: rgb(255, 0, 0); font-family: serif; }
moin-feed { --moin-feed-accent: rgb(0, 128, 0); }
moin-feed::part(title) { letter-spacing: 3px; }
"""


def partner_page(forum: Forum, key: str, attributes: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner news</title>
<link rel="stylesheet" href="/partner.css">
<script type="module" src="{forum.url}/embed.js"></script>
</head><body><h1>News from the network</h1>
<moin-feed {attributes} key="{key}"></moin-feed>
</body></html>"""


def strict_csp(forum: Forum) -> str:
    socket = "ws://" + urlsplit(forum.url).netloc
    return (
        f"default-src 'none'; script-src {forum.url}; connect-src {forum.url} {socket}; "
        "style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
    )


def serve_partner(site: StaticSite, forum: Forum, key: str, attributes: str) -> str:
    html = {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": strict_csp(forum),
    }
    site.files["/"] = (partner_page(forum, key, attributes), html)
    site.files["/partner.css"] = (PARTNER_CSS, {"Content-Type": "text/css"})
    return site.url + "/"


@pytest.fixture
def partner_site() -> Iterator[StaticSite]:
    with static_site() as site:
        yield site


def items(page: Any) -> list[str]:
    return page.locator("moin-feed").locator("li h3").all_inner_texts()


def test_a_partner_page_embeds_the_live_filtered_feed_under_a_strict_csp(
    open_page: Any, forum: Forum, people: dict[str, Person], partner_site: StaticSite
) -> None:
    key = create_partner_key(forum, f"partner-{secrets.token_hex(4)}", (partner_site.url,))
    wait_until_cors_allows(forum.url, partner_site.url)
    url = serve_partner(partner_site, forum, key, f'pillars="{PILLAR}" limit="5"')
    page = open_page()
    graphql_gets: list[Any] = []
    page.on(
        "request",
        lambda r: graphql_gets.append(r) if r.url.startswith(f"{forum.url}/graphql") else None,
    )
    sockets: list[Any] = []
    sent: list[str] = []

    def on_socket(socket: Any) -> None:
        sockets.append(socket)
        socket.on("framesent", lambda payload: sent.append(str(payload)))

    page.on("websocket", on_socket)

    page.goto(url)
    feed = page.locator("moin-feed")
    feed.locator("li").first.wait_for()

    # One request, a persisted GET: the document's hash, not its text; cacheable.
    assert len(graphql_gets) == 1, [r.url for r in graphql_gets]
    first = graphql_gets[0]
    assert first.method == "GET"
    assert "persistedQuery" in first.url and "query=" not in first.url
    assert "public" in first.response().headers["cache-control"]
    # Every thread shown carries the pillar of the filter.
    shown = feed.locator("li")
    assert 1 <= shown.count() <= 5
    for text in shown.all_inner_texts():
        assert "Risks & rewards" in text, text
    link = feed.locator("li h3 a").first
    assert link.get_attribute("href").startswith(f"{forum.url}/t/")
    # The page's styles stay out, the widget's theme hooks work.
    assert link.evaluate("a => getComputedStyle(a).color") == "rgb(0, 128, 0)"
    assert link.evaluate("a => getComputedStyle(a).fontFamily") != "serif"
    title = feed.locator("li h3").first
    assert title.evaluate("e => getComputedStyle(e).letterSpacing") == "3px"
    assert page.evaluate("() => Object.keys(window).filter(k => /moin|feed/i.test(k))") == []

    # Threads started meanwhile: one outside the filter, then one inside it, which slides in.
    _wait_until(page, lambda: any('"subscribe"' in frame for frame in sent))
    page.wait_for_timeout(500)  # the server starts the subscription after it reads it
    stamp = secrets.token_hex(3)
    start_thread(forum, people["member"], title=f"Elsewhere {stamp}", pillars=("ASSESSMENT",))
    wanted = f"Embedded live {stamp}"
    start_thread(forum, people["member"], title=wanted, pillars=(PILLAR,))
    feed.locator("li h3", has_text=wanted).wait_for()
    assert items(page)[0] == wanted
    assert all("Elsewhere" not in t for t in items(page))
    assert len(items(page)) <= 5
    assert wanted in feed.locator("[role=status]").inner_text()

    # Removed from the page, the element closes its socket.
    live = sockets[-1]
    page.evaluate("() => document.querySelector('moin-feed').remove()")
    page.wait_for_function("() => !document.querySelector('moin-feed')")
    _wait_until(page, live.is_closed)


def _wait_until(page: Any, done: Any, seconds: float = 10) -> None:
    """Wait for `done()` while Playwright delivers the page's events."""
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "waited in vain"
        page.wait_for_timeout(50)


def test_a_page_of_an_origin_the_key_does_not_allow_gets_a_clear_message(
    open_page: Any, forum: Forum, partner_site: StaticSite
) -> None:
    key = create_partner_key(forum, f"elsewhere-{secrets.token_hex(4)}", ("https://other.example",))
    url = serve_partner(partner_site, forum, key, 'limit="3"')
    page = open_page()
    page.goto(url)
    message = page.locator("moin-feed").locator("[role=alert]")
    message.wait_for()
    text = message.inner_text()
    assert "cannot be shown here" in text
    assert "not registered for the origin of this page" in text
    assert partner_site.url in text


def test_the_configurator_previews_the_widget_and_writes_the_snippet(
    open_page: Any, forum: Forum
) -> None:
    page = open_page()
    page.goto("/embed")
    page.get_by_role("heading", name="Embed a live feed").wait_for()
    page.get_by_label("Risks & rewards").check()
    page.get_by_label("Threads shown").fill("3")
    page.get_by_label("Partner key").fill("moin_pk_example")

    snippet = page.locator(".embed-snippet").inner_text()
    assert f'<script type="module" src="{forum.url}/embed.js"></script>' in snippet
    assert f'<moin-feed pillars="{PILLAR}" limit="3" key="moin_pk_example"></moin-feed>' in snippet
    # The preview is the widget itself, with the options chosen (the example key is refused,
    # and the widget says so).
    preview = page.locator(".embed-preview moin-feed")
    assert preview.get_attribute("pillars") == PILLAR
    preview.locator("[role=alert]").wait_for()
    page.get_by_label("Partner key").fill("")
    preview.locator("li").first.wait_for()
    assert 1 <= preview.locator("li").count() <= 3
    page.get_by_role("button", name="Copy the snippet").click()
    # Copied, or (where the page may not write the clipboard) selected to copy by hand.
    page.locator(".embed-layout [role=status]").filter(
        has_text=re.compile(r"Copied|copy the snippet")
    ).wait_for()
