"""Every way signing in can fail ends on a clear error, with no session and nothing created."""

from __future__ import annotations

import socket
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from joserfc.jwk import RSAKey

from server.app import create_app
from server.auth.oidc import FLOW_COOKIE
from server.auth.sessions import COOKIE_NAME
from server.models import AuthSession, Member
from tests.login.conftest import (
    KID,
    claims_of,
    count,
    deny_at_provider,
    forum_settings,
    nothing_was_created,
    open_browser,
    sign,
    start_provider,
)
from tests.login.oidc_provider import complete_login, unsigned_token

pytestmark = pytest.mark.oidc


async def reach_callback(browser, provider_name: str = "acme", login: str = "mallory@acme.example"):
    """Start signing in and pass the provider; the callback URL, not yet opened."""
    start = await browser.get(f"/auth/login/{provider_name}")
    assert start.status_code == 302, start.text
    return await complete_login(start.headers["location"], login, client=browser)


def with_query(url: str, **changes: str | None) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return parts._replace(query=urlencode(query)).geturl()


def assert_refused(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert COOKIE_NAME not in response.headers.get("set-cookie", "")
    if response.headers["content-type"].startswith("application/json"):
        assert response.json()["error"] == code
    else:
        assert "You are not signed in" in response.text
        assert f"Error: {code}" in response.text


# ---------------------------------------------------------------- the person and the browser


async def test_cancelling_at_the_provider_signs_nobody_in(browser, db, organisations):
    start = await browser.get("/auth/login/acme")

    back = await deny_at_provider(start.headers["location"], browser)
    assert parse_qs(urlsplit(back).query)["error"] == ["access_denied"]
    response = await browser.get(back)

    assert_refused(response, 403, "access_denied")
    assert "cancelled at Acme Agency" in response.text
    assert await nothing_was_created(db)


async def test_a_banned_member_is_refused_with_a_page_that_says_why(browser, db, organisations):
    import sqlalchemy as sa

    from server.models.base import utcnow

    callback = await reach_callback(browser, login="mallory@acme.example")
    assert (await browser.get(callback)).status_code == 303
    browser.cookies.delete(COOKIE_NAME)
    async with db.write() as session:
        await session.execute(
            sa.update(Member).values(banned_at=utcnow(), banned_reason="Impersonating a bank")
        )
        await session.execute(sa.delete(AuthSession))

    response = await browser.get(await reach_callback(browser, login="mallory@acme.example"))

    assert_refused(response, 403, "banned")
    assert "suspended by the forum&#x27;s moderators (Impersonating a bank)" in response.text
    assert "Sign in again" not in response.text
    assert await count(db, AuthSession) == 0


@pytest.mark.parametrize("state", ["altered", None])
async def test_a_missing_or_altered_state_is_refused(browser, db, organisations, state):
    callback = await reach_callback(browser)
    changed = with_query(callback, state=None if state is None else "x" + "0" * 30)

    response = await browser.get(changed)

    assert_refused(response, 400, "invalid_state")
    assert await nothing_was_created(db)


async def test_replaying_the_callback_signs_nobody_in_again(browser, db, organisations):
    callback = await reach_callback(browser)
    assert (await browser.get(callback)).status_code == 303
    browser.cookies.delete(COOKIE_NAME)

    replay = await browser.get(callback)

    assert_refused(replay, 400, "invalid_state")
    assert await count(db, AuthSession) == 1


async def test_a_code_is_refused_the_second_time_even_with_the_old_flow_cookie(
    browser, db, organisations
):
    callback = await reach_callback(browser)
    flow = browser.cookies.get(FLOW_COOKIE, path="/auth")
    assert (await browser.get(callback)).status_code == 303
    browser.cookies.delete(COOKIE_NAME)
    browser.cookies.set(FLOW_COOKIE, flow, domain="127.0.0.1", path="/auth")

    replay = await browser.get(callback)

    assert_refused(replay, 400, "code_refused")
    assert await count(db, AuthSession) == 1


async def test_a_victim_who_opens_an_attackers_callback_url_gets_no_session(
    forum, db, organisations
):
    async with await open_browser(forum) as attacker:
        callback = await reach_callback(attacker, login="attacker@acme.example")
    async with await open_browser(forum) as victim:
        await victim.get("/auth/login/acme")  # even with a sign-in of their own under way

        response = await victim.get(callback)

    assert_refused(response, 400, "invalid_state")
    assert await nothing_was_created(db)


async def test_an_answer_from_another_issuer_is_refused(browser, db, organisations):
    callback = await reach_callback(browser)

    response = await browser.get(with_query(callback, iss="https://evil.example"))

    assert_refused(response, 400, "issuer_mismatch")
    assert await nothing_was_created(db)


async def test_an_error_from_the_provider_is_shown(browser, db, organisations):
    callback = await reach_callback(browser)

    response = await browser.get(with_query(callback, code=None, error="server_error"))

    assert_refused(response, 400, "provider_error")
    assert "refused the sign-in (server_error)" in response.text
    assert await nothing_was_created(db)


async def test_an_unknown_provider_is_not_found(browser, db):
    assert_refused(await browser.get("/auth/login/nobody"), 404, "unknown_provider")
    assert_refused(
        await browser.get("/auth/callback/nobody?code=x&state=y"), 404, "unknown_provider"
    )


async def test_programs_get_the_error_as_json(browser, db, organisations):
    callback = await reach_callback(browser)

    response = await browser.get(
        with_query(callback, state="forged"), headers={"accept": "application/json"}
    )

    assert_refused(response, 400, "invalid_state")
    assert "start again" in response.json()["message"]


# ---------------------------------------------------------------- the code and the tokens


async def test_a_wrong_pkce_verifier_is_refused(browser, db, organisations, traffic):
    traffic.token_request = lambda form: {**form, "code_verifier": "x" * 64}
    callback = await reach_callback(browser)

    response = await browser.get(callback)

    assert_refused(response, 400, "code_refused")
    assert await nothing_was_created(db)


FORGERIES = {
    "unaltered (control)": lambda c: c,
    "another audience": lambda c: {**c, "aud": "someone-else", "azp": c["aud"]},
    "expired": lambda c: {**c, "iat": int(time.time()) - 7200, "exp": int(time.time()) - 3600},
    "another issuer": lambda c: {**c, "iss": "https://evil.example"},
    "another nonce": lambda c: {**c, "nonce": "not-the-one-we-sent"},
    "no nonce": lambda c: {k: v for k, v in c.items() if k != "nonce"},
    "no subject": lambda c: {k: v for k, v in c.items() if k != "sub"},
}


@pytest.mark.parametrize("forgery", [*FORGERIES, "signed by another key", "alg none"])
async def test_an_id_token_that_does_not_check_out_is_refused(
    browser, db, organisations, traffic, signing_key, forgery
):
    def swap(body):
        claims = claims_of(body["id_token"])
        if forgery == "signed by another key":
            token = sign(claims, RSAKey.generate_key(2048, parameters={"kid": KID}))
        elif forgery == "alg none":
            token = unsigned_token(claims)
        else:
            token = sign(FORGERIES[forgery](claims), signing_key)
        return {**body, "id_token": token}

    traffic.token_response = swap
    callback = await reach_callback(browser)

    response = await browser.get(callback)

    if forgery == "unaltered (control)":
        assert response.status_code == 303
        assert await count(db, AuthSession) == 1
        return
    assert_refused(response, 401, "invalid_id_token")
    assert await nothing_was_created(db)


async def test_a_token_response_without_an_id_token_is_refused(browser, db, organisations, traffic):
    traffic.token_response = lambda body: {k: v for k, v in body.items() if k != "id_token"}
    callback = await reach_callback(browser)

    assert_refused(await browser.get(callback), 401, "invalid_id_token")
    assert await nothing_was_created(db)


# ---------------------------------------------------------------- the provider's health


@pytest.mark.parametrize("status", [200, 502])
async def test_a_token_endpoint_answering_with_a_gateway_page_is_a_provider_failure(
    browser, db, organisations, traffic, status
):
    import httpx

    traffic.token_response = lambda _body: httpx.Response(status, text="<h1>Bad gateway</h1>")
    callback = await reach_callback(browser)

    assert_refused(await browser.get(callback), 502, "provider_unavailable")
    assert await nothing_was_created(db)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_a_provider_that_cannot_be_reached_gives_a_clear_error(db, database_url):
    settings = forum_settings(database_url, f"http://127.0.0.1:{_closed_port()}")
    async with await open_browser(create_app(settings, db)) as browser:
        response = await browser.get("/auth/login/acme")
        as_json = await browser.get("/auth/login/acme", headers={"accept": "application/json"})

    assert_refused(response, 502, "provider_unavailable")
    assert "cannot be reached just now" in response.text
    assert as_json.json()["error"] == "provider_unavailable"
    assert FLOW_COOKIE not in response.headers.get("set-cookie", "")


async def test_a_provider_that_goes_down_before_the_code_is_exchanged(
    db, database_url, organisations
):
    process = start_provider()
    try:
        settings = forum_settings(database_url, process.issuer)
        app = create_app(settings, db)
        async with await open_browser(app) as browser:
            callback = await reach_callback(browser)
            process.stop()

            response = await browser.get(callback)
    finally:
        process.stop()

    assert_refused(response, 502, "provider_unavailable")
    assert await nothing_was_created(db)


async def test_a_discovery_document_for_another_issuer_is_refused(db, database_url, provider):
    # The provider publishes issuer http://127.0.0.1:PORT; the forum was told localhost.
    settings = forum_settings(database_url, provider.issuer.replace("127.0.0.1", "localhost"))
    async with await open_browser(create_app(settings, db)) as browser:
        response = await browser.get("/auth/login/acme")

    assert_refused(response, 502, "provider_misconfigured")


async def test_nothing_is_half_created_when_the_database_write_fails(
    browser, db, organisations, monkeypatch
):
    from server.auth import sessions

    async def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(sessions, "create_session", broken)
    callback = await reach_callback(browser)

    response = await browser.get(callback)

    # An unexpected failure: a request id to quote, no detail (that is in the log).
    assert response.status_code == 500
    assert response.headers["X-Request-Id"] in response.text
    assert "disk full" not in response.text
    assert await count(db, Member) == 0
