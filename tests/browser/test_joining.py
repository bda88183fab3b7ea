"""Joining the network in a real browser: a visitor applies, an admin approves in the web
client, the contact's invitation arrives at a real SMTP server (aiosmtpd), and after signing
in through its link (the demo sign-in) the contact writes as a member of the new organisation.
Both databases.

The people of the flow use a 390 px phone and a 1280 px desktop in turn, so that one run
covers both widths (every browser test does): a run per width would cost a second pass of
the slowest flow, on a mail forum of its own under pytest-xdist."""

from __future__ import annotations

import re
import secrets
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.support import (
    DESKTOP,
    MEMBERS_QUERY,
    PHONE,
    Forum,
    Person,
    mail_to,
    new_page,
    session_cookie,
)
from tests.smtp import SmtpSink

pytestmark = pytest.mark.browser


def admin_of(forum: Forum) -> Person:
    data = forum.graphql(MEMBERS_QUERY)
    for organisation in data["organisations"]["nodes"]:
        for member in organisation["members"]["nodes"]:
            if member["role"] == "ADMIN":
                return Person(
                    member["id"], member["displayName"], "ADMIN", organisation["name"], ""
                )
    raise AssertionError("the demo data has no admin")


def test_a_visitor_applies_an_admin_approves_and_the_contact_joins_and_writes(
    browser: Any, mailing_forum: tuple[Forum, SmtpSink]
) -> None:
    forum, sink = mailing_forum
    suffix = secrets.token_hex(3)
    name = f"Agência de Inovação {suffix}"
    email = f"joana.{suffix}@ani.example"

    # A visitor fills in the form; a wrong country comes back next to its field...
    visitor = new_page(browser, forum, viewport=PHONE)
    visitor.goto("/join")
    visitor.wait_for_selector("form.join-form")
    expect(visitor.locator("details.terms")).to_contain_text("Terms of Reference")
    visitor.locator("#join-name").fill(name)
    visitor.locator("#join-type").select_option("RESEARCH_INNOVATION_AGENCY")
    visitor.locator("#join-country").fill("XX")
    visitor.locator("#join-contact").fill("Joana Silva")
    visitor.locator("#join-email").fill(email)
    visitor.locator("#join-motivation").fill("We run mission-oriented calls.")
    visitor.locator("#join-terms").check()
    visitor.get_by_role("button", name="Send the application").click()
    expect(visitor.locator("#join-country-error")).to_contain_text("ISO 3166-1 alpha-2")
    # ...and nothing typed is lost.
    expect(visitor.locator("#join-name")).to_have_value(name)
    expect(visitor.locator("#join-motivation")).to_have_value("We run mission-oriented calls.")
    visitor.locator("#join-country").fill("PT")
    visitor.get_by_role("button", name="Send the application").click()
    expect(
        visitor.get_by_role("heading", name=re.compile("your application has arrived"))
    ).to_be_visible()
    [receipt] = mail_to(sink, email, 1)
    assert name in str(receipt["Subject"])

    # An admin approves it in the web client.
    admin = new_page(browser, forum, session_cookie(forum, admin_of(forum)), viewport=DESKTOP)
    admin.goto("/admin/applications")
    card = admin.locator(".application-card", has_text=name)
    expect(card).to_contain_text(email)
    card.get_by_role("button", name="Approve").click()
    expect(card).to_contain_text("Approved")

    # The contact's invitation arrives; its link signs them in (the demo sign-in here).
    welcome = mail_to(sink, email, 2)[-1]
    text = welcome.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"(http://\S+/auth/invitation/\S+)", text)
    assert link, text
    contact = new_page(browser, forum, viewport=PHONE)
    contact.goto(link.group(1))
    expect(contact.get_by_role("heading", name=f"Join {name}")).to_be_visible()
    contact.locator("input[name=display_name]").fill("Joana Silva")
    contact.get_by_role("button", name="Join").click()
    contact.wait_for_url(re.compile(r"/o/agencia-de-inovacao"))

    # Signed in, they write as a member of the new organisation.
    contact.goto("/new")
    contact.wait_for_selector("form.new-thread-form")
    expect(contact.locator(".lead")).to_contain_text(f"of {name}")
    title = f"Our first question to the network {suffix}"
    contact.get_by_label("Title").fill(title)
    contact.get_by_label("What is it about?").fill("How do peers run mission calls?")
    contact.get_by_label("Routes and directions").check()
    contact.get_by_role("button", name="Start thread").click()
    contact.wait_for_url(re.compile(r"/t/"))
    expect(contact.locator("h1")).to_have_text(title)
    expect(contact.locator("main")).to_contain_text(name)
    # The link worked once.
    again = new_page(browser, forum, viewport=DESKTOP)
    response = again.goto(link.group(1))
    assert response is not None and response.status == 410
