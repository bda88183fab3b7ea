"""Partner API keys: read PUBLIC content only, never write, per-key rate limits, CORS."""

from __future__ import annotations

import httpx
import pytest

from server.app import create_app
from server.auth.ratelimit import InProcessRateLimiter
from server.config import load_settings
from server.domain import Visibility
from server.models import Thread
from server.services import partners
from tests.api.test_threads_mutations import START, count_rows, start_input
from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import gid, make_member, make_thread, sign_in
from tests.support import error_codes

PARTNER_ORIGIN = "https://partner.example"
THREADS = "{ threads { totalCount nodes { title visibility } } }"
NODE = "query($id: ID!) { node(id: $id) { ... on Thread { title } } }"


async def issue_key(
    db, name="city-portal", origins=(PARTNER_ORIGIN,), rate_limit=None, persisted_only=False
) -> str:
    async with db.write() as session:
        _partner, key = await partners.create_partner(
            session,
            name=name,
            origins=origins,
            rate_limit_per_minute=rate_limit,
            persisted_only=persisted_only,
        )
    return key


def bearer(key: str, **headers: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}", **headers}


async def post(client, query, key, variables=None, **headers):
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers=bearer(key, **headers),
    )


async def test_a_key_reads_public_threads_and_never_members_only_ones(client, db):
    author = await make_member(db)
    await make_thread(db, author=author, title="Open to all")
    hidden = await make_thread(
        db, author=author, title="Members only", visibility=Visibility.MEMBERS
    )
    key = await issue_key(db)

    listed = (await post(client, THREADS, key)).json()["data"]["threads"]
    by_id = (await post(client, NODE, key, {"id": gid("Thread", hidden.id)})).json()["data"]

    assert listed == {"totalCount": 1, "nodes": [{"title": "Open to all", "visibility": "PUBLIC"}]}
    assert by_id == {"node": None}


async def test_a_key_can_never_write_even_with_a_members_cookie(client, db, settings):
    key = await issue_key(db)
    await sign_in(client, db, settings, await make_member(db))  # a member's cookie, too

    body = (await post(client, START, key, {"input": start_input()})).json()

    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert await count_rows(db, Thread) == 0


async def test_a_key_cannot_use_the_admin_mutations(client, db):
    key = await issue_key(db)
    member = await make_member(db)

    body = (
        await post(
            client,
            "mutation($input: GrantRoleInput!) { grantRole(input: $input) { errors { message } } }",
            key,
            {"input": {"memberId": gid("Member", member.id), "role": "ADMIN"}},
        )
    ).json()

    assert error_codes(body) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize(
    "authorization", ["Bearer moin_pk_not-a-real-key", "Bearer ", "Basic dXNlcjpwYXNz", "moin_pk_x"]
)
async def test_a_wrong_key_is_refused_with_401(client, db, authorization):
    response = await client.post(
        "/graphql", json={"query": THREADS}, headers={"authorization": authorization}
    )

    assert response.status_code == 401
    assert error_codes(response.json()) == ["UNAUTHENTICATED"]
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_a_revoked_key_stops_at_once(client, db):
    key = await issue_key(db)
    assert (await post(client, THREADS, key)).status_code == 200

    async with db.write() as session:
        await partners.revoke_partner(session, "city-portal")

    assert (await post(client, THREADS, key)).status_code == 401


async def test_only_the_keys_hash_is_stored(db):
    key = await issue_key(db)

    async with db.read() as session:
        [partner] = await partners.list_partners(session)

    assert partner.key_hash == partners.hash_key(key) != key
    assert key.startswith(partner.key_prefix) and len(partner.key_prefix) < len(key) // 2


async def test_over_its_budget_a_key_gets_429_with_retry_after(client, db):
    key = await issue_key(db, rate_limit=2)
    other = await issue_key(db, name="other-partner")

    answers = [await post(client, THREADS, key) for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 429]
    refused = answers[2]
    assert int(refused.headers["retry-after"]) >= 1
    assert error_codes(refused.json()) == ["RATE_LIMITED"]
    assert refused.json()["errors"][0]["extensions"]["retryAfter"] == int(
        refused.headers["retry-after"]
    )
    # Each key has its own budget.
    assert (await post(client, THREADS, other)).status_code == 200


async def test_keys_without_a_limit_of_their_own_get_the_default(db, database_url):
    settings = load_settings(
        database_url=database_url,
        secret_key=TEST_SECRET,
        base_url=BASE_URL,
        partner_rate_limit_per_minute=1,
    )
    key = await issue_key(db)
    app = create_app(settings, db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as client:
        statuses = [(await post(client, THREADS, key)).status_code for _ in range(2)]

    assert statuses == [200, 429]


async def test_the_limiter_refills_over_the_minute():
    now = [1000.0]
    limiter = InProcessRateLimiter(clock=lambda: now[0])

    assert [(await limiter.hit("k", per_minute=2)).allowed for _ in range(3)] == [True, True, False]
    assert (await limiter.hit("k", per_minute=2)).retry_after == 30
    now[0] += 30
    assert (await limiter.hit("k", per_minute=2)).allowed


# ---------------------------------------------------------------- CORS


async def test_a_partner_origin_gets_a_credential_less_preflight(client, db):
    await issue_key(db)

    response = await client.options(
        "/graphql",
        headers={
            "origin": PARTNER_ORIGIN,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )

    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == PARTNER_ORIGIN
    assert "authorization" in response.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in response.headers


async def test_a_partner_page_reads_with_its_key_and_cors(client, db):
    key = await issue_key(db)

    response = await post(client, THREADS, key, origin=PARTNER_ORIGIN)

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == PARTNER_ORIGIN
    assert "access-control-allow-credentials" not in response.headers
    assert "origin" in response.headers["vary"].lower()


async def test_other_origins_get_no_cors_and_cannot_use_a_key(client, db):
    key = await issue_key(db)
    evil = "https://evil.example"

    preflight = await client.options(
        "/graphql", headers={"origin": evil, "access-control-request-method": "POST"}
    )
    with_key = await post(client, THREADS, key, origin=evil)
    without_key = await client.post("/graphql", json={"query": THREADS}, headers={"origin": evil})

    assert preflight.status_code == 403
    assert with_key.status_code == 403
    for response in (preflight, without_key):
        assert "access-control-allow-origin" not in response.headers
    # The refusal alone is readable by the page that sent the key, so that a widget can
    # say why it shows no feed (tests/api/test_embed.py); it holds no data.
    assert with_key.headers["access-control-allow-origin"] == evil
    assert "data" not in with_key.json()


async def test_a_revoked_partners_origin_loses_cors(client, db, app):
    await issue_key(db)
    async with db.write() as session:
        await partners.revoke_partner(session, "city-portal")
    app.state.partners.forget()

    preflight = await client.options(
        "/graphql", headers={"origin": PARTNER_ORIGIN, "access-control-request-method": "POST"}
    )

    assert preflight.status_code == 403


@pytest.mark.parametrize(
    "origin",
    [
        "partner.example",
        "ftp://partner.example",
        "https://partner.example/path",
        "http://partner.example",
    ],
)
async def test_partner_origins_must_be_origins(db, origin):
    with pytest.raises(partners.PartnerError):
        await issue_key(db, origins=[origin])


async def test_a_second_live_key_for_one_partner_is_refused_until_revoked(db):
    first = await issue_key(db)
    with pytest.raises(partners.PartnerError, match="already has a key"):
        await issue_key(db)
    async with db.write() as session:
        await partners.revoke_partner(session, "city-portal")

    second = await issue_key(db)

    assert second != first


def test_the_partners_migration_goes_down_and_up_again(tmp_path):
    import sqlalchemy as sa

    from server import migrate

    url = f"sqlite+aiosqlite:///{tmp_path / 'partners.db'}"
    migrate.upgrade(url)
    migrate.downgrade(url, "0001")
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'partners.db'}")
    try:
        assert "partners" not in sa.inspect(engine).get_table_names()
        migrate.upgrade(url)
        assert "partners" in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()
