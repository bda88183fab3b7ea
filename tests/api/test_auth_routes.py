"""The sign-in routes around the providers: demo sign-in, sign-in options, CSRF on mutations."""

from __future__ import annotations

import httpx
import pytest

from server.app import create_app
from server.auth.routes import safe_next
from server.config import load_settings
from server.models import Thread
from tests.api.test_threads_mutations import START, count_rows, start_input
from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import gid, make_member, sign_in
from tests.support import gql

OPTIONS = "{ signInOptions { name title loginUrl } }"


async def client_for(settings, db, base_url=BASE_URL) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(settings, db)), base_url=base_url
    )


async def test_the_demo_sign_in_is_absent_off_loopback_even_with_the_demo_flag(db, database_url):
    settings = load_settings(
        database_url=database_url, secret_key=TEST_SECRET, demo=True, host="0.0.0.0"
    )
    async with await client_for(settings, db) as client:
        page = await client.get("/auth/demo")
        form = await client.post("/auth/demo", data={"member_id": "x"})
        options = await gql(client, OPTIONS)

    assert page.status_code == 404
    assert form.status_code in (404, 405)  # 405: only the web client's GET pages match
    assert options == {"signInOptions": []}


async def test_the_demo_sign_in_is_offered_under_demo_on_loopback(db, database_url):
    settings = load_settings(database_url=database_url, demo=True)
    member = await make_member(db)
    async with await client_for(settings, db, base_url=settings.public_url) as client:
        page = await client.get("/auth/demo")
        options = await gql(client, OPTIONS)
        signed_in = await client.post(
            "/auth/demo", data={"member_id": gid("Member", member.id), "next": "//evil.example"}
        )
        viewer = await gql(client, "{ viewer { displayName } }")

    assert page.status_code == 200
    assert options["signInOptions"] == [
        {"name": "demo", "title": "Demo sign-in", "loginUrl": "/auth/demo"}
    ]
    assert (signed_in.status_code, signed_in.headers["location"]) == (303, "/")
    assert viewer["viewer"]["displayName"] == member.display_name


async def test_with_no_providers_there_is_nothing_to_sign_in_with(client, db):
    assert (await client.get("/auth/providers")).json() == {"providers": []}
    assert await gql(client, OPTIONS) == {"signInOptions": []}
    assert (await client.get("/auth/login/acme")).status_code == 404


async def test_session_cookies_are_secure_when_the_base_url_is_https(db, database_url):
    settings = load_settings(database_url=database_url, demo=True, base_url="https://forum.example")
    member = await make_member(db)
    async with await client_for(settings, db, base_url="https://forum.example") as client:
        response = await client.post("/auth/demo", data={"member_id": gid("Member", member.id)})

    cookie = response.headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "/\\/evil",
        "evil",
        "/ok\r\nx: y",
    ],
)
def test_next_never_leaves_the_site(target):
    assert safe_next(target) == "/"


def test_next_keeps_paths_of_the_site():
    assert safe_next("/threads?pillar=ASSESSMENT#top") == "/threads?pillar=ASSESSMENT#top"


# ---------------------------------------------------------------- CSRF on mutations


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://127.0.0.1:8001"])
async def test_a_cross_origin_mutation_with_a_session_cookie_is_refused(
    client, db, settings, origin
):
    await sign_in(client, db, settings, await make_member(db))

    response = await client.post(
        "/graphql",
        json={"query": START, "variables": {"input": start_input()}},
        headers={"origin": origin},
    )

    assert response.status_code == 403
    assert await count_rows(db, Thread) == 0


@pytest.mark.parametrize("origin", [None, BASE_URL])
async def test_a_same_origin_or_non_browser_mutation_with_a_session_is_accepted(
    client, db, settings, origin
):
    await sign_in(client, db, settings, await make_member(db))
    headers = {"origin": origin} if origin else {}

    response = await client.post(
        "/graphql", json={"query": START, "variables": {"input": start_input()}}, headers=headers
    )

    assert response.status_code == 200
    assert response.json()["data"]["startThread"]["errors"] == []


async def test_a_form_post_cannot_carry_a_mutation(client, db, settings):
    await sign_in(client, db, settings, await make_member(db))

    response = await client.post("/graphql", data={"query": START})

    assert response.status_code == 415
    assert await count_rows(db, Thread) == 0


async def test_get_never_runs_a_sign_in_mutation(client, db, settings):
    from server.domain import MemberRole

    admin = await make_member(db, role=MemberRole.ADMIN)
    target = await make_member(db)
    await sign_in(client, db, settings, admin)
    mutation = 'mutation { grantRole(input: {memberId: "%s", role: ADMIN}) { errors { message } } }'

    response = await client.get("/graphql", params={"query": mutation % gid("Member", target.id)})

    assert response.status_code == 405
    viewer_role = await gql(
        client,
        "query($id: ID!) { node(id: $id) { ... on Member { role } } }",
        {"id": gid("Member", target.id)},
    )
    assert viewer_role["node"]["role"] == "MEMBER"


async def test_a_cross_origin_sign_out_is_refused(client, db, settings):
    await sign_in(client, db, settings, await make_member(db))

    response = await client.post("/auth/logout", headers={"origin": "https://evil.example"})

    assert response.status_code == 403
    assert (await gql(client, "{ viewer { id } }"))["viewer"] is not None


def test_sign_in_codes_stay_out_of_the_access_log(client):
    import logging

    from server.auth.routes import RedactSignInCallbacks

    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/auth/callback/acme?code=SECRET&state=S", "1.1", 303),
        None,
    )
    other = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/threads?code=1", "1.1", 200),
        None,
    )

    assert RedactSignInCallbacks().filter(record) and RedactSignInCallbacks().filter(other)
    assert "SECRET" not in record.getMessage()
    assert "/auth/callback/acme?[redacted]" in record.getMessage()
    assert other.getMessage().endswith('"GET /threads?code=1 HTTP/1.1" 200')
    assert any(
        isinstance(f, RedactSignInCallbacks) for f in logging.getLogger("uvicorn.access").filters
    )
