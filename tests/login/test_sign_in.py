"""Signing in at a real OpenID provider, then writing in the forum with the session."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from server.app import create_app
from server.auth.oidc import FLOW_COOKIE
from server.auth.sessions import COOKIE_NAME
from server.models import AuthSession, Member
from tests.api.test_threads_mutations import START, start_input
from tests.login.conftest import (
    ACME_HTTPS,
    BASE_URL,
    HTTPS_BASE_URL,
    count,
    forum_settings,
    open_browser,
    provider_entries,
)
from tests.login.oidc_provider import complete_login, expected_sub
from tests.support import error_codes, gql

pytestmark = pytest.mark.oidc

VIEWER = "{ viewer { displayName role organisation { slug } } }"


async def sign_in(browser, provider_name: str, login: str, next_path: str | None = None):
    """Start at the forum, sign in at the provider, come back; the forum's last answer."""
    url = f"/auth/login/{provider_name}" + (f"?next={next_path}" if next_path else "")
    start = await browser.get(url)
    assert start.status_code == 302, start.text
    callback = await complete_login(start.headers["location"], login, client=browser)
    assert callback.startswith(
        f"{str(browser.base_url).rstrip('/')}/auth/callback/{provider_name}?"
    )
    return await browser.get(callback)


async def member_row(db, login: str) -> Member:
    async with db.read() as session:
        return (
            await session.execute(
                sa.select(Member).where(Member.oidc_subject == expected_sub(login))
            )
        ).scalar_one()


async def test_a_person_signs_in_through_their_organisations_provider_and_starts_a_thread(
    browser, db, organisations
):
    done = await sign_in(browser, "acme", "alice@acme.example", next_path="/threads/new")

    assert done.status_code == 303
    assert done.headers["location"] == "/threads/new"
    cookie = next(c for c in done.headers.get_list("set-cookie") if c.startswith(COOKIE_NAME))
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert "secure" not in cookie.lower()  # http base URL; https turns it on
    viewer = (await gql(browser, VIEWER))["viewer"]
    assert viewer == {
        "displayName": "Alice",
        "role": "MEMBER",
        "organisation": {"slug": "acme-agency"},
    }
    data = await gql(browser, START, {"input": start_input()})
    assert data["startThread"]["errors"] == []
    assert data["startThread"]["thread"]["author"]["displayName"] == "Alice"
    member = await member_row(db, "alice@acme.example")
    assert (member.oidc_provider, member.email) == ("acme", "alice@acme.example")


async def test_the_authorisation_request_carries_pkce_state_and_nonce(browser, organisations):
    start = await browser.get("/auth/login/acme")

    query = parse_qs(urlsplit(start.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert query["state"][0] and query["nonce"][0]
    assert query["redirect_uri"] == [f"{BASE_URL}/auth/callback/acme"]
    assert query["scope"] == ["openid email profile"]
    flow_cookie = next(c for c in start.headers.get_list("set-cookie") if c.startswith(FLOW_COOKIE))
    assert "path=/auth" in flow_cookie and "httponly" in flow_cookie.lower()
    assert "max-age=600" in flow_cookie.lower()


@pytest.mark.parametrize(
    ("login", "organisation"),
    [
        ("bob.smith@acme.example", "acme-agency"),
        ("carol@city.example", "city-of-x"),
        ("erin@elsewhere.example", None),
        ("unverified-frank@city.example", None),
        ("dave", None),
    ],
)
async def test_the_shared_provider_maps_verified_email_domains_to_organisations(
    browser, db, organisations, login, organisation
):
    done = await sign_in(browser, "shared", login)

    assert done.status_code == 303
    viewer = (await gql(browser, VIEWER))["viewer"]
    assert (viewer["organisation"] or {}).get("slug") == organisation
    body = await gql(browser, START, {"input": start_input()}, errors=True)
    if organisation is None:
        # They can read and follow, not write, and the API says why.
        assert error_codes(body) == ["FORBIDDEN"]
        assert "not attached to a member organisation" in body["errors"][0]["message"]
    else:
        assert body["data"]["startThread"]["errors"] == []


async def test_an_unverified_address_is_not_kept(browser, db, organisations):
    await sign_in(browser, "shared", "unverified-frank@city.example")

    assert (await member_row(db, "unverified-frank@city.example")).email is None


async def test_signing_in_again_finds_the_same_member_and_renews_the_session(
    forum, db, organisations
):
    async with await open_browser(forum) as first:
        await sign_in(first, "shared", "grace@city.example")
        old_cookie = first.cookies[COOKIE_NAME]
        # Signing in again in the same browser (the provider remembers the person).
        again = await sign_in(first, "shared", "grace@city.example")
        assert again.status_code == 303
        assert first.cookies[COOKIE_NAME] != old_cookie

    assert await count(db, Member) == 1
    assert await count(db, AuthSession) == 1  # the old session ended


async def test_an_admin_attaches_a_person_without_organisation_who_can_then_write(
    forum, db, organisations, settings
):
    from server.domain import MemberRole
    from tests.factories import gid, make_member
    from tests.factories import sign_in as session_for

    async with await open_browser(forum) as person:
        await sign_in(person, "shared", "heidi@elsewhere.example")
        refused = await gql(person, START, {"input": start_input()}, errors=True)
        assert error_codes(refused) == ["FORBIDDEN"]

        heidi = await member_row(db, "heidi@elsewhere.example")
        async with await open_browser(forum) as admin_browser:
            admin = await make_member(db, role=MemberRole.ADMIN)
            await session_for(admin_browser, db, settings, admin)
            result = await gql(
                admin_browser,
                """mutation($input: SetMemberOrganisationInput!) {
                     setMemberOrganisation(input: $input) {
                       member { organisation { slug } } errors { message } } }""",
                {
                    "input": {
                        "memberId": gid("Member", heidi.id),
                        "organisationId": gid("Organisation", organisations["city-of-x"].id),
                    }
                },
            )
        assert result["setMemberOrganisation"]["member"]["organisation"]["slug"] == "city-of-x"

        # The change counts from the person's next request.
        allowed = await gql(person, START, {"input": start_input()})
        assert allowed["startThread"]["errors"] == []


async def test_signing_out_ends_the_session(browser, db, organisations):
    await sign_in(browser, "acme", "ivan@acme.example")

    response = await browser.post("/auth/logout", headers={"accept": "application/json"})

    assert response.json() == {"signedIn": False}
    assert await count(db, AuthSession) == 0
    assert (await gql(browser, VIEWER))["viewer"] is None


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
async def test_next_never_leads_off_site(browser, organisations, target):
    done = await sign_in(browser, "acme", "judy@acme.example", next_path=target)

    assert done.status_code == 303
    assert done.headers["location"] == "/"


async def test_the_sign_in_options_list_the_providers(browser, organisations):
    data = await gql(browser, "{ signInOptions { name title loginUrl } }")
    listed = (await browser.get("/auth/providers")).json()

    assert data["signInOptions"] == [
        {"name": "acme", "title": "Acme Agency", "loginUrl": "/auth/login/acme"},
        {"name": "shared", "title": "MOIN network login", "loginUrl": "/auth/login/shared"},
    ]
    assert listed == {"providers": data["signInOptions"]}


async def test_behind_https_both_cookies_are_secure(db, database_url, provider, organisations):
    entries = provider_entries(provider.issuer)
    entries[0].update(client_id=ACME_HTTPS.client_id, client_secret=ACME_HTTPS.client_secret)
    settings = forum_settings(
        database_url, provider.issuer, base_url=HTTPS_BASE_URL, oidc_providers=json.dumps(entries)
    )
    async with await open_browser(create_app(settings, db), HTTPS_BASE_URL) as browser:
        start = await browser.get("/auth/login/acme")
        callback = await complete_login(
            start.headers["location"], "ken@acme.example", client=browser
        )
        done = await browser.get(callback)

    assert parse_qs(urlsplit(start.headers["location"]).query)["redirect_uri"] == [
        f"{HTTPS_BASE_URL}/auth/callback/acme"
    ]
    flow_cookie = start.headers["set-cookie"].lower()
    assert flow_cookie.startswith(FLOW_COOKIE) and "secure" in flow_cookie
    session_cookie = next(
        c for c in done.headers.get_list("set-cookie") if c.startswith(COOKIE_NAME)
    )
    assert "secure" in session_cookie.lower() and "httponly" in session_cookie.lower()
