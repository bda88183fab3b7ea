"""Joining through an e-mailed invitation link, signing in at a real OpenID provider.

An application is approved, the contact's invitation arrives at a real SMTP server, and the
contact signs in through its link and writes as a member (and lead contact) of the new
organisation; the lead contact invites a colleague the same way. Used, expired and forged
links get a page that says so and change nothing.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from pydantic import SecretStr

from server.app import create_app
from server.auth.oidc import OpenIDSignIn
from server.background import build_worker
from server.db import utcnow
from server.domain import MemberRole
from server.links import INVITATION, InvitationLinks
from server.models import Member
from tests.api.test_threads_mutations import START, start_input
from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import gid, make_member, sign_in
from tests.login.conftest import open_browser
from tests.login.oidc_provider import complete_login, expected_sub
from tests.network.test_applications import APPLY, DECIDE, application
from tests.support import error_codes, gql

pytestmark = pytest.mark.oidc

INVITE = """
mutation Invite($input: InviteMemberInput!) {
  inviteMember(input: $input) { expiresAt errors { field message code } }
}
"""
ME = "{ viewer { displayName organisation { id slug name } } }"


@pytest.fixture
def forum(oidc_settings, db, traffic, smtp_sink) -> Any:
    settings = oidc_settings.model_copy(
        update={"smtp_url": SecretStr(smtp_sink.url), "mail_from": "forum@moin.example"}
    )
    app = create_app(settings, db, sign_in=OpenIDSignIn(settings, transport=traffic))
    app.state.worker = build_worker(settings, db)
    return app


async def delivered(forum, smtp_sink) -> list[Any]:
    while await forum.state.worker.run_once():
        pass
    return smtp_sink.received


def invitation_link(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    found = re.search(r"(http://127\.0\.0\.1:8000/auth/invitation/\S+)", text)
    assert found, text
    return found.group(1)


async def sign_in_through(browser: httpx.AsyncClient, link: str, login: str) -> httpx.Response:
    """Open an invitation link, pick the shared provider, sign in there; the forum's answer."""
    page = await browser.get(link)
    assert page.status_code == 200, page.text
    login_url = re.search(r'href="(/auth/login/shared\?next=[^"]+)"', page.text)
    assert login_url, page.text
    start = await browser.get(login_url.group(1).replace("&amp;", "&"))
    assert start.status_code == 302, start.text
    callback = await complete_login(start.headers["location"], login, client=browser)
    return await browser.get(callback)


async def approved_contact_link(forum, db, oidc_settings, smtp_sink) -> str:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=forum), base_url=BASE_URL
    ) as staff:
        applied = await gql(staff, APPLY, {"input": application()})
        admin = await make_member(db, role=MemberRole.ADMIN)
        await sign_in(staff, db, oidc_settings, admin)
        decided = await gql(
            staff,
            DECIDE,
            {
                "input": {
                    "applicationId": applied["applyForMembership"]["application"]["id"],
                    "approve": True,
                }
            },
        )
        assert decided["decideMembershipApplication"]["errors"] == []
    received = await delivered(forum, smtp_sink)
    assert received[-1]["To"] == "joana@ani.example"
    return invitation_link(received[-1])


async def test_the_approved_contact_signs_in_through_the_link_and_writes_for_the_new_organisation(
    forum, browser, db, oidc_settings, smtp_sink
):
    link = await approved_contact_link(forum, db, oidc_settings, smtp_sink)

    done = await sign_in_through(browser, link, "joana@ani.example")

    assert done.status_code == 303
    assert done.headers["location"] == "/o/agencia-nacional-de-inovacao"
    me = (await gql(browser, ME))["viewer"]
    assert me["organisation"]["name"] == "Agência Nacional de Inovação"
    started = await gql(browser, START, {"input": start_input()})
    assert started["startThread"]["errors"] == []
    async with db.read() as session:
        member = (
            await session.scalars(
                sa.select(Member).where(Member.oidc_subject == expected_sub("joana@ani.example"))
            )
        ).one()
    assert member.lead_contact is True
    # The link worked once.
    again = await browser.get(link)
    assert again.status_code == 410
    assert "used already" in again.text


async def test_the_lead_contact_invites_a_colleague_who_joins_through_the_link(
    forum, browser, db, oidc_settings, smtp_sink
):
    link = await approved_contact_link(forum, db, oidc_settings, smtp_sink)
    await sign_in_through(browser, link, "joana@ani.example")
    organisation = (await gql(browser, ME))["viewer"]["organisation"]

    invited = await gql(
        browser, INVITE, {"input": {"organisation": organisation["id"], "email": "rui@ani.example"}}
    )

    assert invited["inviteMember"]["errors"] == []
    received = await delivered(forum, smtp_sink)
    assert received[-1]["To"] == "rui@ani.example"
    async with await open_browser(forum) as colleague:
        done = await sign_in_through(colleague, invitation_link(received[-1]), "rui@ani.example")
        assert done.status_code == 303
        assert (await gql(colleague, ME))["viewer"]["organisation"]["slug"] == organisation["slug"]
        # Not a lead contact: a colleague invites no one.
        refused = await gql(
            colleague,
            INVITE,
            {"input": {"organisation": organisation["id"], "email": "x@ani.example"}},
            errors=True,
        )
        assert error_codes(refused) == ["FORBIDDEN"]


async def test_a_member_of_another_organisation_or_a_visitor_cannot_invite(
    forum, db, oidc_settings
):
    other = await make_member(db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=forum), base_url=BASE_URL
    ) as client:
        target = (await make_member(db)).organisation_id
        invite = {"input": {"organisation": gid("Organisation", target), "email": "x@y.example"}}
        as_visitor = await gql(client, INVITE, invite, errors=True)
        await sign_in(client, db, oidc_settings, other)
        as_member = await gql(client, INVITE, invite, errors=True)

    assert error_codes(as_visitor) == ["UNAUTHENTICATED"]
    assert error_codes(as_member) == ["FORBIDDEN"]


async def test_forged_and_expired_links_get_a_clear_page_and_change_nothing(
    forum, browser, db, oidc_settings, smtp_sink
):
    link = await approved_contact_link(forum, db, oidc_settings, smtp_sink)
    token = link.rsplit("/", 1)[1]
    links = InvitationLinks(TEST_SECRET, BASE_URL)
    expired = links._signer.sign(INVITATION, {"invitation": 1}, valid_for=timedelta(seconds=-5))
    forged = InvitationLinks("another-secret-key-that-is-long-enough-000", BASE_URL).link(
        1, utcnow() + timedelta(days=1)
    )

    answers = {
        "forged": await browser.get(forged.replace("http://127.0.0.1:8000", "")),
        "altered": await browser.get(f"/auth/invitation/{token[:-2]}xx"),
        "expired": await browser.get(f"/auth/invitation/{expired}"),
    }

    assert {name: r.status_code for name, r in answers.items()} == {
        "forged": 400,
        "altered": 400,
        "expired": 410,
    }
    assert "expired" in answers["expired"].text
    assert "not valid" in answers["forged"].text
    async with db.read() as session:
        assert await session.scalar(sa.select(sa.func.count()).select_from(Member)) == 1
