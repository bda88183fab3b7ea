"""Every page at 1280 and 390 px, in the light and the dark theme: no serious or critical
accessibility violation (axe-core), a screenshot of each for people to look at, and no
layout shift worth the name while the first pages fill in."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.support import (
    DESKTOP,
    MEMBERS_QUERY,
    PHONE,
    SCREENSHOTS,
    Forum,
    Person,
    axe_violations,
)

pytestmark = pytest.mark.browser

NEEDS_EXPERT = "/?kind=CHALLENGE&status=OPEN&expert=0&sort=OLDEST_UNANSWERED"
# Page name -> (path, who reads it: None for a visitor); "{thread}" and "{organisation}"
# are filled from the demo data.
PAGES: dict[str, tuple[str, str | None]] = {
    "home": ("/", None),
    "home-member": ("/", "member"),
    "needs-expert": (NEEDS_EXPERT, "researcher"),
    "thread": ("/t/{thread}", "moderator"),
    "thread-visitor": ("/t/{thread}", None),
    "new": ("/new", "member"),
    "organisations": ("/organisations", None),
    "organisation": ("/o/{organisation}", None),
    "signin": ("/signin", None),
    "join": ("/join", None),
    "events": ("/events", None),
    "embed": ("/embed", None),
    "event": ("/events/{event}", None),
    "applications": ("/admin/applications", "moderator"),
    "not-found": ("/no/such/page", None),
}
# The layout shift a page may cause while it fills in (Core Web Vitals' "good" is 0.1).
CLS_LIMIT = 0.1

CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__cls += entry.value;
  }
}).observe({ type: 'layout-shift', buffered: true });
"""


@pytest.fixture
def viewport() -> dict[str, int]:
    """One run per page: the per-page checks below go through both widths themselves, or
    parametrise `viewport` of their own."""
    return DESKTOP


def _path(forum: Forum, template: str) -> str:
    if "{thread}" in template:
        answered = forum.graphql(
            """{ threads(filter: {statuses: [ANSWERED], hasExpertReply: true}, first: 1) {
                   nodes { id } } }"""
        )["threads"]["nodes"]
        assert answered, "the demo data has no answered thread with an expert reply"
        return template.replace("{thread}", quote(answered[0]["id"], safe=""))
    if "{event}" in template:
        events = forum.graphql("{ events(first: 1) { nodes { id } } }")["events"]["nodes"]
        assert events, "the demo data has no upcoming public event"
        return template.replace("{event}", quote(events[0]["id"], safe=""))
    if "{organisation}" in template:
        slug = forum.graphql("{ organisations(first: 1) { nodes { slug } } }")["organisations"][
            "nodes"
        ][0]["slug"]
        return template.replace("{organisation}", slug)
    return template


def _reader(people: dict[str, Person], who: str | None) -> Person | None:
    if who is None:
        return None
    return people.get(who, people["member"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_in_both_themes_and_widths_passes_axe_and_is_screenshot(
    open_page: Any, forum: Forum, people: dict[str, Person], name: str, scheme: str
) -> None:
    template, who = PAGES[name]
    page = open_page(_reader(people, who), bypass_csp=True)
    page.emulate_media(color_scheme=scheme)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(_path(forum, template))
        page.wait_for_selector("main h1")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{scheme}-{width}.png"), full_page=True)
        # The header is one line, and nothing is wider than the screen.
        header = page.locator(".site-header-inner").bounding_box()
        assert header is not None and header["height"] < 70, (width, header)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        violations = axe_violations(page)
        assert not violations, (width, violations)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", ["home", "thread", "organisation"])
def test_the_first_pages_fill_in_without_shifting_their_layout(
    browser: Any, forum: Forum, name: str, viewport: dict[str, int]
) -> None:
    # A cold context (nothing cached), as a first visit.
    context = browser.new_context(base_url=forum.url, viewport=viewport, bypass_csp=True)
    try:
        context.add_init_script(CLS_OBSERVER)
        page = context.new_page()
        page.goto(_path(forum, PAGES[name][0]))
        page.wait_for_selector("main h1")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        cls = page.evaluate("window.__cls")
    finally:
        context.close()
    assert cls < CLS_LIMIT, f"cumulative layout shift of {name}: {cls:.3f}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_home_page_lists_the_soonest_upcoming_events(
    open_page: Any, forum: Forum, viewport: dict[str, int]
) -> None:
    soonest = forum.graphql("{ events(upcoming: true, first: 3) { nodes { title timeZone } } }")[
        "events"
    ]["nodes"]
    assert soonest, "the demo data has no upcoming event"
    page = open_page(None, bypass_csp=True)
    page.set_viewport_size(viewport)
    page.goto("/")
    block = page.locator("section.upcoming-events")
    block.locator("li.upcoming-event").first.wait_for()
    items = block.locator("li.upcoming-event")
    assert items.count() == len(soonest)
    for item, event in zip(items.all(), soonest, strict=True):
        assert item.locator("a").inner_text() == event["title"]
        assert f"in {event['timeZone']}" in item.inner_text()
    assert block.get_by_role("link", name="All events").get_attribute("href") == "/events"
    violations = axe_violations(page)
    assert not violations, violations


def _an_admin(forum: Forum) -> Person:
    for org in forum.graphql(MEMBERS_QUERY)["organisations"]["nodes"]:
        for m in org["members"]["nodes"]:
            if m["role"] == "ADMIN":
                return Person(m["id"], m["displayName"], m["role"], org["name"], org["type"])
    raise AssertionError("the demo data has no admin")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_organisation_page_shows_its_profile_and_an_admin_edits_it(
    open_page: Any, forum: Forum, viewport: dict[str, int]
) -> None:
    slug = forum.graphql("{ organisations(first: 1) { nodes { slug } } }")["organisations"][
        "nodes"
    ][0]["slug"]
    profile = forum.graphql(
        "query($s: String!) { organisation(slug: $s) { countryName region"
        " pillarCounts { count } } }",
        {"s": slug},
    )["organisation"]
    visitor = open_page(None, bypass_csp=True, viewport=viewport)
    visitor.goto(f"/o/{slug}")
    visitor.wait_for_selector("main h1")
    if profile["region"]:
        assert visitor.locator(".org-region").inner_text() == profile["region"]
    if any(c["count"] for c in profile["pillarCounts"]):
        visitor.locator(".org-pillars li").first.wait_for()
    assert visitor.locator(".org-edit").count() == 0
    assert not axe_violations(visitor)

    page = open_page(_an_admin(forum), bypass_csp=True, viewport=viewport)
    page.goto(f"/o/{slug}")
    page.get_by_text("Edit profile").click()
    page.get_by_label("Website").fill("not a website")
    page.get_by_role("button", name="Save profile").click()
    error = page.locator('[data-field="org-website"] .field-error')
    error.wait_for()
    assert "website" in error.inner_text().lower() or "http" in error.inner_text().lower()
    assert page.get_by_label("Website").get_attribute("aria-invalid") == "true"
    unchanged = forum.graphql(
        "query($s: String!) { organisation(slug: $s) { website } }", {"s": slug}
    )["organisation"]["website"]
    assert unchanged != "not a website"
    text = f"Edited *in the browser* at {viewport['width']} px."
    page.get_by_label("Description").fill(text)
    page.get_by_label("Website").fill("https://example.org/")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Profile saved.").wait_for()
    # The description is Markdown, shown rendered.
    description = page.locator(".org-description")
    assert description.inner_text() == f"Edited in the browser at {viewport['width']} px."
    assert description.locator("em").inner_text() == "in the browser"
    saved = forum.graphql(
        "query($s: String!) { organisation(slug: $s) { description website } }", {"s": slug}
    )["organisation"]
    assert saved["description"] == text and saved["website"].startswith("https://example.org")
    assert not axe_violations(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_directory_counts_types_and_groups_by_region(
    open_page: Any, forum: Forum, viewport: dict[str, int]
) -> None:
    summary = forum.graphql("{ organisationDirectory { byType { type count } } }")[
        "organisationDirectory"
    ]
    regions = {
        o["region"] or "Other"
        for o in forum.graphql("{ organisations(first: 30) { nodes { region } } }")[
            "organisations"
        ]["nodes"]
    }
    page = open_page(None, bypass_csp=True, viewport=viewport)
    page.goto("/organisations")
    counts = page.locator(".type-counts li")
    counts.first.wait_for()
    assert counts.count() == len(summary["byType"])
    for item, entry in zip(counts.all(), summary["byType"], strict=True):
        assert item.inner_text().endswith(f": {entry['count']}")
    page.locator(".org-card").first.wait_for()
    page.get_by_label("Group by region").check()
    headings = page.locator(".region-heading")
    headings.first.wait_for()
    shown = {text.rsplit(" (", 1)[0] for text in headings.all_inner_texts()}
    assert shown == regions
    assert not axe_violations(page)
