"""The web client in a real browser, against a real forum server."""

from __future__ import annotations

import re
import secrets
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.support import (
    Forum,
    Person,
    axe_violations,
    choose_filter,
    open_filters,
    screenshot,
    session_cookie,
    start_thread,
    type_filter,
)

pytestmark = pytest.mark.browser

REPLY_FORM = "#reply-body"
BODY = "We co-invest in **green** hydrogen."


def thread_path(thread_id: str) -> str:
    from urllib.parse import quote

    return f"/t/{quote(thread_id, safe='')}"


def wait_for_feed(page: Any) -> None:
    page.wait_for_selector(".result-count:not(:has(.loading))")
    page.wait_for_selector(".thread-list:not([aria-busy])", state="attached")


def query_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_a_member_starts_a_challenge_a_researcher_replies_live_and_the_member_accepts_it(
    open_page: Any, people: dict[str, Person]
) -> None:
    member, researcher = people["member"], people["researcher"]
    title = f"How do others share the rewards of risky missions? {secrets.token_hex(3)}"

    # Given a member on the new-thread form
    author = open_page(member)
    author.goto("/new")
    author.wait_for_selector("form.new-thread-form")
    # ...their organisation's type is chosen for them, and each pillar has its description
    own_type = author.locator(f"#nt-orgtypes-{member.organisation_type.lower()}")
    assert own_type.is_checked()
    assert author.locator("#nt-pillars .choice-desc").count() == 4
    # When they send it without a title, the API's error shows next to the title,
    # and nothing typed is lost
    author.get_by_label("What is it about?").fill(BODY)
    author.get_by_label("Risks and rewards").check()
    author.get_by_role("button", name="Start thread").click()
    error = author.locator("#nt-title-error")
    error.wait_for(state="visible")
    assert error.inner_text().strip()
    assert author.locator("#nt-title").get_attribute("aria-invalid") == "true"
    assert (
        author.get_by_label("What is it about?").input_value()
        == "We co-invest in **green** hydrogen."
    )
    assert author.get_by_label("Risks and rewards").is_checked()
    assert author.locator(".preview strong").inner_text() == "green"
    screenshot(author, "new-thread-with-errors")
    # When they add the title and send it
    author.get_by_label("Title").fill(title)
    author.get_by_label("Topics").fill("Public-Finance, hydrogen")
    author.get_by_role("button", name="Start thread").click()
    # Then they are on the thread, which is marked as the challenge
    author.wait_for_url(re.compile(r"/t/"))
    author.wait_for_selector("#thread-title")
    assert author.locator("#thread-title").inner_text() == title
    assert author.locator("#opening-heading").text_content() == "The challenge"
    assert "#public-finance" in author.locator(".thread-header .chips").inner_text()
    author.wait_for_selector('.live-status[data-state="live"]')
    author.wait_for_timeout(300)
    thread_url = author.url

    # When a researcher, in another browser, replies
    expert = open_page(researcher)
    expert.goto(thread_url)
    # Pasted from a word processor: its manual line break (U+000B) becomes a line break.
    expert.locator(REPLY_FORM).fill("Look at **equity stakes**\vin the Finnish case.")
    expert.wait_for_selector(".preview-panel strong")
    expert.get_by_role("button", name="Post reply").click()
    expert.wait_for_selector(".reply-list .post-expert")
    # The reply may arrive live before the reply's own answer clears the form.
    expect(expert.locator(REPLY_FORM)).to_have_value("")

    # Then the member sees it appear live, marked as an expert reply
    live_reply = author.locator(".reply-list .post").filter(has_text="equity stakes")
    live_reply.wait_for()
    assert "Expert reply" in live_reply.locator(".post-marks").text_content()
    assert author.locator("#replies-heading").inner_text() == "1 reply"

    # When the member accepts it
    live_reply.get_by_role("button", name="Accept as answer").click()
    # Then the reply is marked, and the top of the thread links to it
    author.wait_for_selector(".accepted-callout")
    accepted = author.locator(".reply-list .post-accepted")
    assert "Accepted answer" in accepted.text_content()
    link = author.locator(".accepted-callout a")
    assert link.get_attribute("href") == f"#{accepted.get_attribute('id')}"
    assert "Answered" in author.locator(".thread-header .badges").text_content()
    # ... and pinned right under the opening post as well
    pinned = author.locator(".answer-pinned .post-accepted")
    assert "equity stakes" in pinned.inner_text()
    assert pinned.get_by_role("button").count() == 0
    screenshot(author, "thread")

    # And the researcher, reading meanwhile, sees it accepted without reloading
    expert.locator(".reply-list .post-accepted").filter(has_text="equity stakes").wait_for()
    expert.locator(".answer-pinned .post-accepted").wait_for()
    assert "Answered" in expert.locator(".thread-header .badges").text_content()

    # And after a reload, but may not accept
    expert.reload()
    expert.wait_for_selector(".post-accepted")
    assert expert.get_by_role("button", name="Accept as answer").count() == 0


def test_authors_can_edit_their_posts_and_others_cannot(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    member = people["member"]
    thread_id = start_thread(
        forum, member, title=f"An editable thread {secrets.token_hex(3)}", body="First version."
    )
    page = open_page(member)
    page.goto(thread_path(thread_id))
    # Another member reads the thread meanwhile
    other = open_page(people["other_member"])
    other.goto(thread_path(thread_id))
    other.wait_for_selector('.live-status[data-state="live"]')
    opening = page.locator(".opening .post")
    opening.get_by_role("button", name="Edit").click()
    editor = page.get_by_label("Edit the opening post")
    assert editor.input_value() == "First version."
    editor.fill("Second *version*.")
    page.get_by_role("button", name="Save changes").click()
    page.locator(".opening article > .post-body em").wait_for()
    assert "Second version." in opening.locator("> .post-body").inner_text()
    assert "edited" in opening.locator(".post-header").inner_text()

    # The other reader sees the new text without reloading, and may not edit it
    other.locator(".opening article > .post-body em").wait_for()
    assert "Second version." in other.locator(".opening .post > .post-body").inner_text()
    assert "edited" in other.locator(".opening .post-header").inner_text()
    assert other.locator(".opening").get_by_role("button", name="Edit").count() == 0


def test_a_moderator_closes_and_reopens_a_thread(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    if "moderator" not in people:
        pytest.fail("the demo data has no moderator")
    thread_id = start_thread(forum, people["member"], title=f"To close {secrets.token_hex(3)}")
    page = open_page(people["moderator"])
    page.goto(thread_path(thread_id))
    page.locator(REPLY_FORM).wait_for()
    page.get_by_role("button", name="Close thread").click()
    page.get_by_role("button", name="Reopen thread").wait_for()
    assert page.locator(REPLY_FORM).count() == 0
    assert "Closed" in page.locator(".thread-header .badges").text_content()

    member = open_page(people["other_member"])
    member.goto(thread_path(thread_id))
    member.wait_for_selector("#thread-title")
    assert member.locator(REPLY_FORM).count() == 0
    assert member.get_by_role("button", name="Reopen thread").count() == 0

    page.get_by_role("button", name="Reopen thread").click()
    page.locator(REPLY_FORM).wait_for()


def test_a_moderator_hides_a_reply_with_a_reason_and_readers_no_longer_see_it(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    if "moderator" not in people:
        pytest.fail("the demo data has no moderator")
    thread_id = start_thread(forum, people["member"], title=f"To tidy {secrets.token_hex(3)}")
    forum.graphql(
        """mutation($input: ReplyInput!) { reply(input: $input) { errors { message } } }""",
        {"input": {"threadId": thread_id, "body": "Buy cheap watches here"}},
        cookie=session_cookie(forum, people["other_member"]),
    )
    # Given a moderator on the thread
    page = open_page(people["moderator"], bypass_csp=True)
    page.goto(thread_path(thread_id))
    spam = page.locator(".reply-list .post").filter(has_text="cheap watches")
    spam.wait_for()
    # When they hide the reply without a reason, the API's error shows by the field
    spam.get_by_role("button", name="Hide").click()
    reason = page.get_by_label("Reason for hiding")
    assert reason.evaluate("el => el === document.activeElement")
    page.get_by_role("button", name="Hide post").click()
    page.locator(".hide-form .field-error:not([hidden])").wait_for()
    assert reason.get_attribute("aria-invalid") == "true"
    # When they give one
    reason.fill("Advertising")
    page.get_by_role("button", name="Hide post").click()
    # Then the reply stays for them, marked with the reason, and can be shown again
    hidden = page.locator(".reply-list .post-hidden")
    hidden.wait_for()
    assert "Hidden" in hidden.locator(".post-marks").text_content()
    assert "Advertising" in hidden.locator(".hidden-note").inner_text()
    assert hidden.get_by_role("button", name="Unhide").count() == 1
    assert hidden.get_by_role("button", name="Accept as answer").count() == 0
    violations = axe_violations(page)
    assert not violations, violations
    screenshot(page, "thread-hidden-reply")

    # And a member of the network no longer sees it at all
    reader = open_page(people["researcher"])
    reader.goto(thread_path(thread_id))
    reader.wait_for_selector("#thread-title")
    reader.wait_for_selector("#replies-heading")
    assert reader.locator(".reply-list .post").count() == 0
    assert reader.locator("#replies-heading").inner_text() == "0 replies"
    assert "cheap watches" not in reader.locator("main").inner_text()

    # When the moderator shows it again, it is back for everyone
    hidden.get_by_role("button", name="Unhide").click()
    page.locator(".reply-list .post:not(.post-hidden)").filter(has_text="cheap watches").wait_for()
    reader.reload()
    reader.locator(".reply-list .post").filter(has_text="cheap watches").wait_for()


def test_filters_and_search_narrow_the_feed_survive_a_reload_and_go_back(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    token = f"zephyrine{secrets.token_hex(3)}"
    start_thread(
        forum,
        people["member"],
        title=f"Searchable {token} thread",
        pillars=("ORGANISATIONAL_CAPACITY",),
        topics=("capabilities",),
    )
    page = open_page()
    page.goto("/")
    wait_for_feed(page)
    total = page.locator(".thread-card").count()
    assert total > 1

    # A pillar narrows the feed, and the URL says so
    choose_filter(page, "Pillar", "ORGANISATIONAL_CAPACITY")
    page.wait_for_url(re.compile(r"pillar=ORGANISATIONAL_CAPACITY"))
    wait_for_feed(page)
    cards = page.locator(".thread-card")
    assert cards.count() >= 1
    for i in range(cards.count()):
        pillars = " ".join(cards.nth(i).locator(".chip-pillar").all_inner_texts())
        assert "Organisational capacity" in pillars

    # Search narrows it further, and both survive a reload
    page.get_by_label("Search threads").fill(token)
    page.get_by_label("Search threads").press("Enter")
    page.wait_for_url(re.compile(rf"q={token}"))
    wait_for_feed(page)
    assert page.locator(".thread-card").count() == 1
    assert token in page.locator(".thread-card").inner_text()
    assert query_of(page) == {"pillar": ["ORGANISATIONAL_CAPACITY"], "q": [token]}
    page.reload()
    wait_for_feed(page)
    assert page.get_by_label("Pillar").input_value() == "ORGANISATIONAL_CAPACITY"
    assert page.get_by_label("Search threads").input_value() == token
    assert page.locator(".thread-card").count() == 1

    # Back returns to the pillar alone
    page.go_back()
    page.wait_for_url(re.compile(r"pillar=ORGANISATIONAL_CAPACITY$"))
    wait_for_feed(page)
    assert page.get_by_label("Search threads").input_value() == ""
    assert page.locator(".thread-card").count() >= 1

    # Sorting, kind, status, topic and expert filter land in the URL too
    choose_filter(page, "Sort by", "NEWEST")
    page.wait_for_url(re.compile(r"sort=NEWEST"))
    type_filter(page, "Topic", "capabilities")
    page.wait_for_url(re.compile(r"topic=capabilities"))
    wait_for_feed(page)
    assert token in page.locator(".thread-list").inner_text()
    choose_filter(page, "Expert replies", "1")
    page.wait_for_url(re.compile(r"expert=1"))
    wait_for_feed(page)
    assert token not in page.locator(".thread-list").inner_text()

    # A cell of the network grid opens the feed filtered to it
    page.goto("/")
    wait_for_feed(page)
    cell = open_filters(page).locator(".glance-grid td a").filter(has_not_text="0").first
    cell.click()
    page.wait_for_url(re.compile(r"pillar=.*orgType=|orgType=.*pillar="))
    wait_for_feed(page)
    query = query_of(page)
    assert page.locator(".thread-card").count() >= 1
    assert page.get_by_label("Organisation type").input_value() == query["orgType"][0]


def test_the_feed_pages_through_cursors_and_offers_new_threads_live(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    page = open_page()
    page.goto("/?sort=NEWEST")
    wait_for_feed(page)
    first_page = page.locator(".thread-card-title").all_inner_texts()
    assert len(first_page) == 20, "the demo data has more than one page of threads"
    page.get_by_role("button", name="Load more threads").click()
    page.locator(".thread-card").nth(20).wait_for()
    both = page.locator(".thread-card-title").all_inner_texts()
    assert both[:20] == first_page
    assert len(set(both)) == len(both), "a thread came twice"
    # Focus moves to the first thread of the new page
    assert page.evaluate("document.activeElement.textContent") == both[20]

    # A thread started meanwhile is offered, and shown on request
    page.wait_for_timeout(500)  # the subscription is set up
    title = f"Fresh thread {secrets.token_hex(3)}"
    start_thread(forum, people["member"], title=title)
    offer = page.get_by_role("button", name="1 new thread: show")
    offer.wait_for()
    offer.click()
    page.locator(".thread-card-title").first.filter(has_text=title).wait_for()


LIVE_SUBSCRIPTIONS = """async () => {
    const { subscriptions } = await import('/web/lib/ws.js');
    return [...subscriptions.subscriptions.values()].map((s) => s.query.split(/[({]/)[0].trim());
}"""


def test_leaving_a_page_ends_its_live_updates(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    thread_id = start_thread(forum, people["member"], title=f"Live {secrets.token_hex(3)}")
    page = open_page(people["other_member"])
    page.goto(thread_path(thread_id))
    page.wait_for_selector('.live-status[data-state="live"]')
    # The header's bell keeps its own subscription (a signed-in member's notifications) on
    # every page; the rest belong to the page shown.
    assert sorted(page.evaluate(LIVE_SUBSCRIPTIONS)) == [
        "subscription NotificationAdded",
        "subscription ReplyAdded",
        "subscription ThreadUpdated",
    ]

    # Back to the feed through the client: the thread's subscription ends, the feed's starts
    page.get_by_role("link", name="← All threads").click()
    wait_for_feed(page)
    # new threads for the offer, new threads for the grid, changes for the counts
    assert sorted(page.evaluate(LIVE_SUBSCRIPTIONS)) == [
        "subscription NotificationAdded",
        "subscription ThreadStarted",
        "subscription ThreadStarted",
        "subscription ThreadsUpdated",
    ]

    # A page without live updates leaves none running
    page.locator(".site-nav").get_by_role("link", name="Organisations").click()
    page.wait_for_selector(".org-card")
    assert page.evaluate(LIVE_SUBSCRIPTIONS) == ["subscription NotificationAdded"]


def test_the_directory_filters_by_type_country_and_name(open_page: Any) -> None:
    page = open_page()
    page.goto("/organisations")
    page.wait_for_selector(".org-card")
    everyone = page.locator(".org-card").count()
    first_name = page.locator(".org-card-title").first.inner_text()
    first_type = page.locator(".org-card .chip-orgtype").first.inner_text()

    page.get_by_label("Type", exact=True).select_option(label=first_type)
    page.wait_for_url(re.compile(r"type="))
    page.wait_for_selector(".result-count:not(:has(.loading))")
    types = page.locator(".org-card .chip-orgtype").all_inner_texts()
    assert types and set(types) == {first_type}

    page.get_by_label("Type", exact=True).select_option("")
    page.wait_for_url(re.compile(r"/organisations$"))
    countries = [
        o
        for o in page.get_by_label("Country").locator("option").all_inner_texts()
        if o != "All countries"
    ]
    if countries:
        page.get_by_label("Country").select_option(label=countries[0])
        page.wait_for_url(re.compile(r"country=[A-Z]{2}"))
        page.wait_for_selector(".result-count:not(:has(.loading))")
        shown = page.locator(".org-country").all_inner_texts()
        assert shown and set(shown) == {countries[0]}
        page.get_by_label("Country").select_option("")

    page.get_by_label("Search organisations by name").fill(first_name[:6])
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"q="))
    page.wait_for_selector(".result-count:not(:has(.loading))")
    names = page.locator(".org-card-title").all_inner_texts()
    assert first_name in names and len(names) <= everyone
    page.reload()
    page.wait_for_selector(".org-card")
    assert page.get_by_label("Search organisations by name").input_value() == first_name[:6]

    # An organisation's page lists its members and threads
    page.locator(".org-card-title a").filter(has_text=first_name).click()
    page.wait_for_selector(".org-header h1")
    assert page.locator(".org-header h1").inner_text() == first_name
    assert page.locator(".member-list .member").count() >= 1


def test_a_visitor_cannot_see_a_members_thread(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    title = f"Members only: our budget {secrets.token_hex(3)}"
    thread_id = start_thread(forum, people["member"], title=title, visibility="MEMBERS")

    visitor = open_page()
    visitor.goto(thread_path(thread_id))
    visitor.wait_for_selector("h1")
    assert visitor.locator("h1").inner_text() == "Thread not found"
    assert title not in visitor.content()
    assert visitor.get_by_role("link", name="Sign in").count() >= 1
    visitor.goto("/")
    wait_for_feed(visitor)
    assert title not in visitor.locator(".thread-list").inner_text()
    # ...and is invited to sign in to post
    visitor.goto("/new")
    visitor.wait_for_selector("text=Sign in to start a thread")

    member = open_page(people["other_member"])
    member.goto(thread_path(thread_id))
    member.wait_for_selector("#thread-title")
    assert member.locator("#thread-title").inner_text() == title
    assert "Members only" in member.locator(".thread-header .badges").text_content()


def test_keyboard_alone_reaches_the_reply_form(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    thread_id = start_thread(
        forum, people["member"], title=f"Keyboard thread {secrets.token_hex(3)}"
    )
    page = open_page(people["other_member"])
    page.goto("/")
    wait_for_feed(page)

    # The first Tab reaches the skip link, which is visible when focused
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0

    # Tab to the thread's link in the feed and open it with Enter
    for _ in range(200):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if thread_id in href.replace("%3D", "="):
            break
    else:
        pytest.fail("Tab never reached the thread's link")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused link has no visible focus"
    page.keyboard.press("Enter")
    page.wait_for_selector("#thread-title")
    assert page.evaluate("document.activeElement.id") == "thread-title"

    # From the title, Tab reaches the reply form
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "reply-body":
            break
    else:
        pytest.fail("Tab never reached the reply form")
    page.keyboard.type("Typed with the keyboard only.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator(".reply-list .post").filter(has_text="Typed with the keyboard only.").wait_for()


def test_unknown_routes_missing_things_and_api_errors_show_a_friendly_page(open_page: Any) -> None:
    page = open_page()
    page.goto("/no/such/page")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Page not found"
    page.goto("/t/VGhyZWFkOjk5OTk5OTk")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Thread not found"
    page.goto("/o/no-such-organisation")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Organisation not found"

    # The API failing shows a message and a way to try again, never a blank page
    page.route("**/graphql", lambda route: route.fulfill(status=500, body="boom"))
    page.goto("/")
    page.wait_for_selector(".notice-error")
    assert "went wrong" in page.locator(".notice-error").first.inner_text()
    page.unroute("**/graphql")
    page.get_by_role("button", name="Try again").first.click()
    wait_for_feed(page)
    assert page.locator(".thread-card").count() >= 1


def test_titles_and_topics_are_shown_as_text_never_as_html(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    title = f'<img src=x onerror="window.pwned=1"> <b>bold</b> {secrets.token_hex(3)}'
    thread_id = start_thread(
        forum, people["member"], title=title, body="<script>window.pwned=1</script> **fine**"
    )
    page = open_page()
    page.goto(thread_path(thread_id))
    page.wait_for_selector("#thread-title")
    assert page.locator("#thread-title").inner_text() == title
    assert page.locator("#thread-title img, #thread-title b").count() == 0
    assert page.locator(".post-body script").count() == 0
    assert page.evaluate("window.pwned") is None


def test_sign_in_lists_the_providers_and_sign_out_signs_out(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    # The server must offer Query.signInOptions (the demo option under --demo).
    options = forum.graphql("{ signInOptions { name title loginUrl } }")["signInOptions"]
    assert {"name": "demo", "title": "Demo sign-in", "loginUrl": "/auth/demo"} in options
    page = open_page()
    page.goto("/organisations")
    page.get_by_role("link", name="Sign in").click()
    page.wait_for_url(re.compile(r"/signin\?next=%2Forganisations"))
    demo = page.get_by_role("link", name="Demo sign-in")
    assert demo.get_attribute("href") == "/auth/demo?next=%2Forganisations"
    demo.click()
    page.get_by_role("button", name=people["member"].name).click()
    page.wait_for_url(re.compile(r"/organisations$"))
    page.wait_for_selector(".whoami-name")
    assert page.locator(".whoami-name").inner_text() == people["member"].name
    page.locator(".whoami").click()  # the account menu
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_selector("#account >> text=Sign in")
    assert page.locator(".whoami-name").count() == 0
    assert session_cookie  # the demo sign-in helper is the same route the button uses


def test_the_first_page_downloads_no_framework_and_needs_few_round_trips(
    browser: Any, forum: Forum, viewport: dict[str, int]
) -> None:
    """What makes the first page fast, independent of how busy the machine is."""
    context = browser.new_context(base_url=forum.url, viewport=viewport)
    page = context.new_page()
    requests: list[Any] = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto("/")
    page.wait_for_selector(".thread-card")
    page.wait_for_load_state("networkidle")
    scripts = [r for r in requests if r.url.endswith(".js")]
    script_bytes = sum(r.sizes()["responseBodySize"] for r in scripts)
    api_calls = [r for r in requests if r.url.endswith("/graphql")]
    context.close()
    assert all(r.url.startswith(forum.url) for r in requests), "a request left the forum's origin"
    assert script_bytes < 120_000, f"{script_bytes} bytes of script on the first page"
    operations = [re.findall(r"(?:query|mutation) (\w+)", r.post_data or "")[:1] for r in api_calls]
    assert len(api_calls) <= 3, operations
    # The views of other pages are not downloaded for the home page.
    assert not any("/views/thread.js" in r.url for r in scripts)


def test_the_directory_sorts_by_latest_activity_and_groups_every_organisation_by_region(
    open_page: Any, forum: Forum, people: dict[str, Person]
) -> None:
    writer = people["other_member"]
    start_thread(forum, writer, title=f"Fresh activity {secrets.token_hex(3)}")
    page = open_page()
    page.goto("/organisations")
    page.wait_for_selector(".org-card")
    # (by name, the writer's organisation is not the first: the order must change)
    assert page.locator(".org-card-title").first.inner_text() != writer.organisation

    # Sorted by latest activity, the organisation that has just written comes first
    page.get_by_label("Sort by").select_option("LAST_ACTIVITY")
    page.wait_for_url(re.compile(r"sort=LAST_ACTIVITY"))
    page.wait_for_selector(".result-count:not(:has(.loading))")
    expect(page.locator(".org-card-title").first).to_have_text(writer.organisation)
    page.reload()
    page.wait_for_selector(".org-card")
    assert page.get_by_label("Sort by").input_value() == "LAST_ACTIVITY"
    expect(page.locator(".org-card-title").first).to_have_text(writer.organisation)

    # Grouped by region, every organisation that matches is shown, not only the first page
    total = int(page.locator(".result-count").inner_text().split()[0])
    page.get_by_label("Group by region").check()
    page.locator(".region-heading").first.wait_for()
    expect(page.locator(".org-card")).to_have_count(total)
    assert page.get_by_role("button", name="Load more organisations").is_hidden()
    counted = sum(
        int(text.rsplit(" (", 1)[1].rstrip(")"))
        for text in page.locator(".region-heading").all_inner_texts()
    )
    assert counted == total
