"""Members come back, in two real browsers: one member follows a thread, another replies, the
first one's bell and notifications page show it live, the e-mail arrives at a real SMTP
server (aiosmtpd) and its one-click unsubscribe works without a session. Both databases.

The people of the flow use a 390 px phone and a 1280 px desktop in turn, so that one run
covers both widths (every browser test does): a run per width would cost a second pass of
the slowest flow, on a mail forum of its own under pytest-xdist."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.support import (
    DESKTOP,
    PHONE,
    Forum,
    demo_people,
    mail_to,
    new_page,
    reply_to,
    session_cookie,
    start_thread,
    wait_for_background_work,
)
from tests.smtp import SmtpSink

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def patient_expectations() -> Iterator[None]:
    """Wait up to 15 s for what the page should show (Playwright's default is 5 s): these
    tests run with a forum whose worker and database the other test processes share."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


# The thread's own follow button, in its sidebar (its topics have theirs).
THREAD_FOLLOW = '[data-slot="follow"] .follow-button'


def parts(message: Any) -> dict[str, str]:
    """The text parts of a message by content type."""
    return {
        part.get_content_type(): part.get_content()
        for part in message.walk()
        if not part.is_multipart()
    }


def test_two_members_follow_reply_see_it_live_get_the_mail_and_unsubscribe_in_one_click(
    browser: Any, mailing_forum: tuple[Forum, SmtpSink]
) -> None:
    forum, sink = mailing_forum
    people = demo_people(forum)
    follower, writer = people["member"], people["other_member"]
    title = f"Who pays for the pilot phase? {secrets.token_hex(3)}"
    thread_id = start_thread(forum, writer, title=title, pillars=("RISKS_AND_REWARDS",))
    thread_path = f"/t/{quote(thread_id, safe='')}"

    # The follower asks for e-mail at once and starts from nothing unread (once the demo
    # data's own notifications are made).
    wait_for_background_work(forum)
    reader = new_page(browser, forum, session_cookie(forum, follower), viewport=PHONE)
    reader.goto("/notifications")
    reader.wait_for_selector("form.notification-settings")
    reader.get_by_label("At once: one e-mail per notification").check()
    reader.get_by_role("button", name="Save").click()
    expect(reader.locator("form.notification-settings [role=status]")).to_have_text("Saved.")
    mark_all = reader.get_by_role("button", name="Mark all read")
    if mark_all.is_enabled():
        mark_all.click()
    bell = reader.locator("a.bell")
    expect(bell).to_have_attribute("aria-label", "Notifications, none unread")

    # They follow the thread from its sidebar.
    reader.goto(thread_path)
    follow = reader.locator(THREAD_FOLLOW)
    expect(follow).to_have_text("Follow")
    follow.click()
    expect(follow).to_have_attribute("aria-pressed", "true")
    expect(follow).to_have_text("Following")
    # ...and wait on their notifications page.
    reader.goto("/notifications")
    reader.wait_for_selector(".notification-groups")
    expect(bell).to_have_attribute("aria-label", "Notifications, none unread")

    # The other member replies, in a browser of their own.
    replier = new_page(browser, forum, session_cookie(forum, writer), viewport=DESKTOP)
    replier.goto(thread_path)
    replier.locator("#reply-body").fill("Our regional bank paid the **first tranche**.")
    replier.get_by_role("button", name="Post reply").click()
    expect(replier.locator("#reply-body")).to_have_value("")

    # The bell counts it and the notification shows up, without a reload.
    expect(bell).to_have_attribute("aria-label", "Notifications, 1 unread")
    expect(reader.locator(".bell-count")).to_have_text("1")
    arrived = reader.locator(".notification-unread", has_text=f"{writer.name} replied to {title}")
    expect(arrived).to_be_visible()
    expect(reader.get_by_role("heading", name=title)).to_be_visible()

    # The e-mail arrives with a link to the reply and the one-click unsubscribe headers.
    [mail] = mail_to(sink, follower.name, 1, about=title)
    assert mail["Subject"] == f"{writer.name} replied to {title}"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = str(mail["List-Unsubscribe"]).strip("<>")
    assert unsubscribe.startswith(f"{forum.url}/auth/email/")
    text = parts(mail)["text/plain"]
    link = re.search(rf"{re.escape(forum.url)}/t/\S+#post-\S+", text)
    assert link, text
    assert unsubscribe in text

    # Its link opens the reply, and the thread's notifications are read now.
    reader.goto(link.group(0))
    expect(reader.locator("#thread-title")).to_have_text(title)
    expect(reader.locator(".reply-list .post", has_text="first tranche")).to_be_visible()
    expect(bell).to_have_attribute("aria-label", "Notifications, none unread")

    # One click from the mail program, with no session at all, turns e-mail off...
    anyone = new_page(browser, forum, viewport=PHONE)
    answer = anyone.request.post(
        unsubscribe,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 200, answer.text()
    # ...and the footer's link shows it, still without a session.
    anyone.goto(unsubscribe)
    expect(anyone.get_by_label("No e-mail (unsubscribe)")).to_be_checked()
    # The member sees the same in the forum.
    reader.goto("/notifications")
    expect(reader.get_by_label("Never", exact=True)).to_be_checked()
    for page in (reader, replier, anyone):
        page.context.close()


def test_replies_since_the_last_visit_are_marked_on_the_feed_and_in_the_thread(
    browser: Any, mailing_forum: tuple[Forum, SmtpSink]
) -> None:
    forum, _sink = mailing_forum
    people = demo_people(forum)
    reader, writer = people["researcher"], people["other_member"]
    title = f"Which milestones release the next tranche? {secrets.token_hex(3)}"
    thread_id = start_thread(forum, writer, title=title)
    reply_to(forum, writer, thread_id, "Seen on the first visit.")
    thread_path = f"/t/{quote(thread_id, safe='')}"

    # A first visit: nothing is marked new, and it is recorded.
    page = new_page(browser, forum, session_cookie(forum, reader))
    page.goto(thread_path)
    expect(page.locator(".reply-list .post")).to_have_count(1)
    expect(page.locator(THREAD_FOLLOW)).to_be_visible()  # the visit is recorded with it
    expect(page.locator(".new-divider")).to_have_count(0)
    expect(page.locator(".post-marks .badge-new")).to_have_count(0)

    # Two replies come while the reader is elsewhere.
    reply_to(forum, writer, thread_id, "First news since then.")
    reply_to(forum, writer, thread_id, "Second news since then.")

    # The feed says how many are new...
    page.goto("/")
    row = page.locator(f'li[data-thread="{thread_id}"]')
    expect(row.locator(".new-count")).to_contain_text("2 new")
    # ...and the thread divides them off and marks them.
    row.get_by_role("link", name=title).click()
    expect(page.locator("#thread-title")).to_have_text(title)
    divider = page.locator(".reply-list .new-divider")
    expect(divider).to_contain_text("New since your last visit")
    first_new = page.locator(".reply-item-first-new .post")
    expect(first_new).to_contain_text("First news since then.")
    new_posts = page.locator(".reply-list .post", has=page.locator(".badge-new"))
    expect(new_posts).to_have_count(2)
    expect(
        page.locator(".reply-list .post", has_text="Seen on the first visit.")
    ).not_to_contain_text("New")
    expect(page.locator(THREAD_FOLLOW)).to_be_visible()

    # A reply arriving while the thread is open is marked new too.
    expect(page.locator('.live-status[data-state="live"]')).to_be_visible()
    with page.expect_response(
        lambda r: "markThreadRead" in (r.request.post_data or ""), timeout=15_000
    ):
        reply_to(forum, writer, thread_id, "Live news.")
        expect(new_posts).to_have_count(3)
    # (seen, it is recorded read: above, the page told the server so)

    # Back on the feed, the visit has caught up with everything.
    page.goto("/")
    expect(page.locator(f'li[data-thread="{thread_id}"] .thread-card-title')).to_be_visible()
    expect(page.locator(f'li[data-thread="{thread_id}"] .new-count')).to_have_count(0)
    page.context.close()


def test_feeds_of_one_pillar_type_or_topic_and_organisation_pages_have_a_follow_button(
    browser: Any, mailing_forum: tuple[Forum, SmtpSink]
) -> None:
    forum, _sink = mailing_forum
    people = demo_people(forum)
    member = people["moderator"] if "moderator" in people else people["member"]
    organisation = forum.graphql("{ organisations(first: 1) { nodes { slug name } } }")[
        "organisations"
    ]["nodes"][0]
    topic = f"pilots-{secrets.token_hex(3)}"
    page = new_page(browser, forum, session_cookie(forum, member))

    for query, what in (
        ("pillar=ORGANISATIONAL_CAPACITY", "Organisational capacity"),
        ("orgType=SPACE_AGENCY", "Space agency"),
        (f"topic={topic}", f"#{topic}"),
    ):
        page.goto(f"/?{query}")
        offer = page.locator(".feed-follow")
        if what:
            expect(offer).to_contain_text(what)
        button = offer.locator(".follow-button")
        expect(button).to_have_attribute("aria-pressed", "false")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        # Known as followed on the next visit.
        page.reload()
        expect(page.locator(".feed-follow .follow-button")).to_have_text("Following")

    # The whole feed, or one narrowed by two things, offers nothing to follow.
    page.goto("/?pillar=ASSESSMENT&orgType=SPACE_AGENCY")
    page.wait_for_selector(".result-count:not(:has(.loading))")
    expect(page.locator(".feed-follow")).to_be_hidden()

    # An organisation's page has its own.
    page.goto(f"/o/{organisation['slug']}")
    button = page.locator(".org-header .follow-button")
    expect(button).to_have_text("Follow")
    button.click()
    expect(button).to_have_text("Following")

    # All four are on the Following page, each removable.
    page.goto("/following")
    follows = page.locator(".follow-list")
    for text in ("Capacity", "Space agency", topic, organisation["name"]):
        expect(follows).to_contain_text(text)
    item = page.locator(".follow-item", has_text=topic)
    item.get_by_role("button", name="Stop following").click()
    expect(page.locator(".follow-item", has_text=topic)).to_have_count(0)

    # A visitor gets no button.
    visitor = new_page(browser, forum)
    visitor.goto(f"/o/{organisation['slug']}")
    expect(visitor.locator(".org-header h1")).to_have_text(organisation["name"])
    visitor.goto("/?pillar=ASSESSMENT")
    visitor.wait_for_selector(".result-count:not(:has(.loading))")
    expect(visitor.locator(".follow-button")).to_have_count(0)
    for each in (page, visitor):
        each.context.close()


def test_the_topic_chips_of_a_thread_have_a_follow_button_for_members(
    browser: Any, mailing_forum: tuple[Forum, SmtpSink]
) -> None:
    forum, _sink = mailing_forum
    people = demo_people(forum)
    topics = (f"tranches-{secrets.token_hex(3)}", f"milestones-{secrets.token_hex(3)}")
    title = f"Paying by milestone {secrets.token_hex(3)}"
    thread_id = start_thread(forum, people["other_member"], title=title, topics=topics)
    thread_path = f"/t/{quote(thread_id, safe='')}"
    page = new_page(browser, forum, session_cookie(forum, people["member"]))

    page.goto(thread_path)
    chips = page.locator(".topic-follow")
    expect(chips).to_have_count(2)
    first = chips.filter(has_text=f"#{topics[0]}")
    button = first.locator(".follow-button")
    expect(button).to_have_attribute("title", f"Follow #{topics[0]}")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_text("Following")
    # The chip still leads to the feed of the topic; the other topic is not followed.
    expect(first.locator("a.chip-topic")).to_have_attribute("href", f"/?topic={topics[0]}")
    other = chips.filter(has_text=f"#{topics[1]}").locator(".follow-button")
    expect(other).to_have_text("Follow")

    # Known as followed on the next visit, and listed on the Following page.
    page.reload()
    expect(
        page.locator(".topic-follow", has_text=f"#{topics[0]}").locator(".follow-button")
    ).to_have_text("Following")
    page.goto("/following")
    expect(page.locator(".follow-list")).to_contain_text(topics[0])
    expect(page.locator(".follow-list")).not_to_contain_text(topics[1])

    # A visitor sees the chips, without buttons.
    visitor = new_page(browser, forum)
    visitor.goto(thread_path)
    expect(visitor.get_by_role("list", name="Topics").locator("a.chip-topic")).to_have_count(2)
    expect(visitor.locator(".follow-button")).to_have_count(0)
    for each in (page, visitor):
        each.context.close()


def test_the_composer_completes_members_names_after_an_at_sign_by_keyboard(
    browser: Any, mailing_forum: tuple[Forum, SmtpSink]
) -> None:
    forum, _sink = mailing_forum
    people = demo_people(forum)
    writer, named = people["member"], people["researcher"]
    thread_id = start_thread(
        forum, writer, title=f"Who ran a mission audit? {secrets.token_hex(3)}"
    )
    page = new_page(browser, forum, session_cookie(forum, writer))
    page.goto(f"/t/{quote(thread_id, safe='')}")
    composer = page.locator("#reply-body")
    listbox = page.get_by_role("listbox", name="Members to mention")

    composer.press_sequentially(f"Ask @{named.name[:3]}", delay=30)
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option", name=re.compile(re.escape(named.name)))
    expect(option).to_be_visible()
    # The textbox says which option is active, for screen readers.
    expect(composer).to_have_attribute("aria-controls", re.compile(r"mentions-"))
    # Escape closes the list; typing on opens it again.
    composer.press("Escape")
    expect(listbox).to_be_hidden()
    composer.press_sequentially(named.name[3:4], delay=30)
    expect(listbox).to_be_visible()
    for _ in range(10):
        if composer.get_attribute("aria-activedescendant") == option.get_attribute("id"):
            break
        composer.press("ArrowDown")
    composer.press("Enter")
    expect(listbox).to_be_hidden()
    expect(composer).to_have_value(f"Ask @{named.name} ")

    composer.press_sequentially("about it.")
    page.get_by_role("button", name="Post reply").click()
    posted = page.locator(".reply-list .post", has_text="about it.")
    # The rendered post marks (and, for a member of an organisation, links) the name.
    expect(posted.locator(".mention")).to_have_text(f"@{named.name}")
    page.context.close()
