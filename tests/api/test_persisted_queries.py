"""Persisted queries (Apollo APQ) and HTTP caching of GraphQL GETs, over HTTP on both databases."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from server.app import create_app
from server.config import load_settings
from server.persisted import load_documents_file, sha256_of
from server.resources import web_folder
from tests.api.test_auth_partners import PARTNER_ORIGIN, issue_key
from tests.api.test_threads_mutations import START, start_input
from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import gid, make_member, make_thread, sign_in
from tests.support import counted, gql

WEB_DOCUMENTS = load_documents_file(web_folder() / "graphql" / "documents.json")
FEED = WEB_DOCUMENTS["Feed"]
FEED_VARIABLES = {"first": 5, "org": "none", "withOrg": False}
OWN_DOCUMENT = "{ threads(first: 2) { nodes { title } } }"
REPLY = "mutation($i: ReplyInput!) { reply(input: $i) { errors { message } } }"


def persisted(document: str) -> dict[str, object]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256_of(document)}}


def get_params(document: str, variables=None, *, with_text=False, **extra: str) -> dict[str, str]:
    params = {
        "operationName": "Feed" if document == FEED else "",
        "variables": json.dumps(variables if variables is not None else FEED_VARIABLES),
        "extensions": json.dumps(persisted(document)),
        **extra,
    }
    if not params["operationName"]:
        del params["operationName"]
    if with_text:
        params["query"] = document
    return params


async def test_a_web_client_document_runs_by_its_hash_alone_as_a_get(client, db):
    await make_thread(db, author=await make_member(db), title="Persisted")

    answer = await client.get("/graphql", params=get_params(FEED))

    assert answer.status_code == 200
    assert [n["title"] for n in answer.json()["data"]["threads"]["nodes"]] == ["Persisted"]
    assert answer.headers["cache-control"] == "public, max-age=15, stale-while-revalidate=60"
    assert answer.headers["etag"].startswith('"') and len(answer.headers["etag"]) == 42
    assert set(answer.headers["vary"].replace(" ", "").split(",")) >= {
        "Authorization",
        "Cookie",
        "Origin",
    }


async def test_a_matching_if_none_match_gets_304_without_a_body(client, db):
    await make_thread(db, author=await make_member(db))
    first = await client.get("/graphql", params=get_params(FEED))

    again = await client.get(
        "/graphql", params=get_params(FEED), headers={"if-none-match": first.headers["etag"]}
    )
    other = await client.get(
        "/graphql", params=get_params(FEED), headers={"if-none-match": '"something-else"'}
    )

    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["cache-control"].startswith("public")
    assert other.status_code == 200
    assert other.json() == first.json()


async def test_a_write_changes_the_etag(client, db, settings):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    before = await client.get("/graphql", params=get_params(FEED))
    await sign_in(client, db, settings, author)
    await gql(client, REPLY, {"i": {"threadId": gid("Thread", thread.id), "body": "New"}})
    client.cookies.clear()

    after = await client.get(
        "/graphql", params=get_params(FEED), headers={"if-none-match": before.headers["etag"]}
    )

    assert after.status_code == 200
    assert after.headers["etag"] != before.headers["etag"]
    assert after.json()["data"]["threads"]["nodes"][0]["replyCount"] == 1


async def test_a_get_with_a_session_cookie_is_private_and_not_stored(client, db, settings):
    await sign_in(client, db, settings, await make_member(db))

    answer = await client.get("/graphql", params=get_params(FEED))

    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "private, no-store"
    assert "etag" not in answer.headers


async def test_an_unknown_hash_is_not_found_then_registered_with_its_text(client, db):
    not_found = await client.get("/graphql", params=get_params(OWN_DOCUMENT, {}))
    registered = await client.get("/graphql", params=get_params(OWN_DOCUMENT, {}, with_text=True))
    by_hash = await client.get("/graphql", params=get_params(OWN_DOCUMENT, {}))

    assert not_found.status_code == 200
    assert not_found.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    assert not_found.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert not_found.headers["cache-control"] == "no-store"
    assert registered.json() == {"data": {"threads": {"nodes": []}}}
    assert by_hash.json() == registered.json()


async def test_a_hash_that_is_not_the_documents_is_refused(client, db):
    params = get_params(OWN_DOCUMENT, {}, with_text=True)
    params["query"] = "{ threads { totalCount } }"

    answer = await client.get("/graphql", params=params)

    assert answer.status_code == 400
    assert "not the SHA-256 of `query`" in answer.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("extensions", "words"),
    [
        ({"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}}, "`version` 1"),
        ({"persistedQuery": {"version": 1, "sha256Hash": "xyz"}}, "64 lower-case hexadecimal"),
        ({"persistedQuery": "abc"}, "must be an object"),
    ],
)
async def test_a_malformed_persisted_query_says_what_is_wrong(client, db, extensions, words):
    answer = await client.get("/graphql", params={"extensions": json.dumps(extensions)})

    assert answer.status_code == 400
    assert words in answer.json()["errors"][0]["message"]


async def test_a_post_may_name_its_document_by_hash_too(client, db):
    await make_thread(db, author=await make_member(db), title="By POST")

    answer = await client.post(
        "/graphql", json={"variables": FEED_VARIABLES, "extensions": persisted(FEED)}
    )

    assert answer.json()["data"]["threads"]["nodes"][0]["title"] == "By POST"


async def test_a_mutation_by_hash_over_get_is_refused_with_405(client, db):
    params = get_params(WEB_DOCUMENTS["Reply"], {"input": {"threadId": "x", "body": "b"}})

    answer = await client.get("/graphql", params=params)

    assert answer.status_code == 405


async def test_a_key_sent_as_a_get_parameter_reads_with_cors_for_its_origin(client, db):
    await make_thread(db, author=await make_member(db), title="Embedded")
    key = await issue_key(db)

    answer = await client.get(
        "/graphql", params=get_params(FEED, key=key), headers={"origin": PARTNER_ORIGIN}
    )
    wrong = await client.get(
        "/graphql", params=get_params(FEED, key=key + "x"), headers={"origin": PARTNER_ORIGIN}
    )

    assert answer.status_code == 200
    assert answer.json()["data"]["threads"]["nodes"][0]["title"] == "Embedded"
    assert answer.headers["access-control-allow-origin"] == PARTNER_ORIGIN
    assert answer.headers["cache-control"].startswith("public")
    assert wrong.status_code == 401


async def test_a_persisted_only_key_runs_registered_documents_and_nothing_else(client, db):
    await make_thread(db, author=await make_member(db), title="Allowed")
    key = await issue_key(db, persisted_only=True)
    headers = {"authorization": f"Bearer {key}"}

    by_hash = await client.get("/graphql", params=get_params(FEED), headers=headers)
    as_text = await client.post(
        "/graphql", json={"query": FEED, "variables": FEED_VARIABLES}, headers=headers
    )
    own = await client.post("/graphql", json={"query": OWN_DOCUMENT}, headers=headers)
    own_apq = await client.get(
        "/graphql", params=get_params(OWN_DOCUMENT, {}, with_text=True), headers=headers
    )

    assert by_hash.json()["data"]["threads"]["nodes"][0]["title"] == "Allowed"
    assert as_text.json()["data"]["threads"]["nodes"][0]["title"] == "Allowed"
    for refused in (own, own_apq):
        assert refused.status_code == 403
        error = refused.json()["errors"][0]
        assert error["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"
        assert "persisted documents" in error["message"]


async def test_keyless_reads_from_another_sites_pages_have_a_budget(db, settings):
    tight = load_settings(
        database_url=settings.database_url,
        secret_key=TEST_SECRET,
        base_url=BASE_URL,
        keyless_cross_origin_per_minute=2,
    )
    app = create_app(tight, db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as c:
        foreign = {"origin": "https://elsewhere.example"}
        answers = [
            await c.get("/graphql", params=get_params(FEED), headers=foreign) for _ in range(3)
        ]
        own_site = await c.get("/graphql", params=get_params(FEED), headers={"origin": BASE_URL})

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert int(answers[2].headers["retry-after"]) >= 1
    assert "without an API key" in answers[2].json()["errors"][0]["message"]
    assert own_site.status_code == 200


async def test_concurrent_gets_of_one_feed_make_the_answer_once(client, db):
    await make_thread(db, author=await make_member(db), title="Wanted by many partners")
    params = get_params(FEED)

    with counted(db) as statements:
        answers = await asyncio.gather(*(client.get("/graphql", params=params) for _ in range(10)))
    made_once = len(statements)
    # What one request costs: other variables, so not served from the cache.
    with counted(db) as statements:
        await client.get("/graphql", params=get_params(FEED, {**FEED_VARIABLES, "first": 4}))

    assert {a.status_code for a in answers} == {200}
    assert len({a.headers["etag"] for a in answers}) == 1
    assert sorted(a.headers["x-cache"] for a in answers) == ["miss"] + ["shared"] * 9
    assert made_once == len(statements)  # one request's statements, not ten


async def test_the_partner_key_and_its_place_do_not_split_the_cache(client, db):
    key = await issue_key(db)
    first = await client.get("/graphql", params=get_params(FEED))
    keyed = await client.get("/graphql", params={"key": key, **get_params(FEED)})

    assert first.headers["x-cache"] == "miss"
    assert keyed.headers["x-cache"] == "hit"
    assert keyed.headers["etag"] == first.headers["etag"]


# The widget's first request (web/embed/feed.js): its document by hash, with its key.
EMBED_FEED = WEB_DOCUMENTS["EmbedFeed"]


def widget_params(key: str) -> dict[str, str]:
    return {
        "operationName": "EmbedFeed",
        "variables": json.dumps({"filter": {}, "first": 5}),
        "extensions": json.dumps(persisted(EMBED_FEED)),
        "key": key,
    }


async def test_a_cached_get_answered_early_is_never_served_after_a_write(client, db, settings):
    author = await make_member(db)
    await make_thread(db, author=author, title="Older")
    key = await issue_key(db)
    from_partner = {"origin": PARTNER_ORIGIN}
    first = await client.get("/graphql", params=widget_params(key), headers=from_partner)
    revalidated = await client.get(
        "/graphql",
        params=widget_params(key),
        headers={**from_partner, "if-none-match": first.headers["etag"]},
    )
    await sign_in(client, db, settings, author)
    started = await gql(client, START, {"input": start_input(title="Started just now")})
    client.cookies.clear()

    after = await client.get(
        "/graphql",
        params=widget_params(key),
        headers={**from_partner, "if-none-match": first.headers["etag"]},
    )

    assert first.headers["x-cache"] == "miss"
    # Answered from the cache, with what the layers around it add (CORS, security headers).
    assert revalidated.status_code == 304
    assert revalidated.headers["x-cache"] == "hit"
    assert revalidated.headers["access-control-allow-origin"] == PARTNER_ORIGIN
    assert revalidated.headers["x-content-type-options"] == "nosniff"
    assert revalidated.headers["x-request-id"] != first.headers["x-request-id"]
    assert not started["startThread"]["errors"]
    assert after.status_code == 200
    assert after.headers["etag"] != first.headers["etag"]
    titles = [n["title"] for n in after.json()["data"]["threads"]["nodes"]]
    assert titles == ["Started just now", "Older"]


async def test_a_persisted_only_key_gets_no_cached_answer_to_another_document(client, db):
    key = await issue_key(db)
    strict = await issue_key(db, name="strict-portal", persisted_only=True)
    await client.get("/graphql", params=get_params(OWN_DOCUMENT, {}, with_text=True, key=key))
    await client.get("/graphql", params=get_params(OWN_DOCUMENT, {}, key=key))
    cached = await client.get("/graphql", params=get_params(OWN_DOCUMENT, {}, key=key))

    refused = await client.get("/graphql", params=get_params(OWN_DOCUMENT, {}, key=strict))

    assert cached.headers["x-cache"] == "hit"
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"


async def test_cached_gets_spend_the_keys_rate_budget(client, db):
    key = await issue_key(db, rate_limit=2)

    answers = [await client.get("/graphql", params=widget_params(key)) for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[1].headers["x-cache"] == "hit"
    assert answers[2].json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
