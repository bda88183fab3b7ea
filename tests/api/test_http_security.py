"""The HTTP edge of /graphql: SECURITY.md's GraphQL abuse and CSRF lines."""

from __future__ import annotations

import pytest

from tests.factories import make_member, make_thread, sign_in
from tests.support import error_codes, gql

NESTED = "{ threads { nodes { author { organisation { threads { nodes { author { organisation { threads { nodes { author { organisation { name } } } } } } } } } } } } }"


async def test_a_deeply_nested_query_is_rejected_before_any_sql(client, db):
    body = await gql(client, NESTED, errors=True)
    assert body["errors"] and "depth" in body["errors"][0]["message"].lower()


async def test_hundreds_of_aliases_hidden_in_fragments_are_rejected(client, db):
    fragment = (
        "fragment F on Query { " + " ".join(f"a{n}: pillars {{ title }}" for n in range(10)) + " }"
    )
    query = "{ " + " ".join("...F" for _ in range(30)) + " } " + fragment
    body = await gql(client, query, errors=True)
    assert "aliases" in body["errors"][0]["message"]


async def test_nested_connections_beyond_the_node_budget_are_too_complex(client, db):
    query = "{ organisations(first: 50) { nodes { threads(first: 20) { nodes { replies(first: 10) { nodes { id } } } } } } }"
    body = await gql(client, query, errors=True)
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"]
    assert body["data"] is None


async def test_the_budget_counts_variables(client, db):
    query = (
        "query($n: Int) { threads(first: $n) { nodes { replies(first: 100) { nodes { id } } } } }"
    )
    body = await gql(client, query, {"n": 100}, errors=True)
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"]


async def test_a_huge_document_gets_413_before_parsing(client, db):
    response = await client.post(
        "/graphql", json={"query": "{ " + "pillars { title } " * 70_000 + "}"}
    )
    assert response.status_code == 413


async def test_too_many_tokens_are_refused(client, db):
    query = "{ " + "pillars { title } " * 3000 + "}"
    body = await gql(client, query, errors=True)
    assert body["errors"] and "token" in body["errors"][0]["message"].lower()


async def test_a_batch_of_operations_is_refused(client, db):
    response = await client.post("/graphql", json=[{"query": "{ pillars { title } }"}] * 100)
    assert response.status_code == 400


async def test_get_never_runs_a_mutation(client, db, settings):
    member = await make_member(db)
    thread = await make_thread(db, author=member)
    await sign_in(client, db, settings, member)
    mutation = (
        'mutation { reply(input: {threadId: "%s", body: "x"}) { post { id } } }'
        % __import__("tests.factories", fromlist=["gid"]).gid("Thread", thread.id)
    )
    response = await client.get("/graphql", params={"query": mutation})
    assert response.status_code == 405
    data = await gql(client, "{ threads { nodes { replyCount } } }")
    assert data["threads"]["nodes"][0]["replyCount"] == 0


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
async def test_cookie_posts_that_are_not_json_are_refused(client, db, settings, content_type):
    await sign_in(client, db, settings, await make_member(db))
    response = await client.post(
        "/graphql",
        content=b'{"query": "{ viewer { id } }"}',
        headers={"content-type": content_type},
    )
    assert response.status_code == 415


async def test_a_cross_origin_request_with_a_cookie_is_refused(client, db, settings):
    await sign_in(client, db, settings, await make_member(db))
    response = await client.post(
        "/graphql", json={"query": "{ viewer { id } }"}, headers={"origin": "https://evil.example"}
    )
    assert response.status_code == 403


async def test_an_unexpected_error_is_masked_with_a_request_id(client, db, monkeypatch, caplog):
    from server.services import threads

    async def boom(*_args, **_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(threads, "thread_counts", boom)
    response = await client.post("/graphql", json={"query": "{ threadCounts { count } }"})
    body = response.json()
    [error] = body["errors"]
    assert "secret internals" not in response.text
    assert error["extensions"]["code"] == "INTERNAL"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert "secret internals" in caplog.text


async def test_pages_carry_security_headers(client, db):
    response = await client.post("/graphql", json={"query": "{ pillars { title } }"})
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'self'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_health_and_readiness(client, db):
    assert (await client.get("/healthz")).status_code == 200
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}
