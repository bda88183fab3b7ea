"""Anonymous answers are shared for a moment, and never across a write or a credential."""

from __future__ import annotations

import asyncio

import pytest

from tests.factories import gid, make_member, make_thread, sign_in
from tests.support import counted, gql

FEED = {"query": "{ threads { nodes { title replyCount } } }"}


async def test_a_repeated_anonymous_query_is_served_from_the_cache(client, db):
    await make_thread(db, author=await make_member(db), title="Cached")

    first = await client.post("/graphql", json=FEED)
    second = await client.post("/graphql", json=FEED)

    assert first.headers.get("x-cache") is None
    assert second.headers["x-cache"] == "hit"
    assert second.json() == first.json()
    assert second.headers["x-content-type-options"] == "nosniff"


async def test_a_write_clears_the_cache(client, db, settings):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Before")
    await client.post("/graphql", json=FEED)
    await sign_in(client, db, settings, author)
    await gql(
        client,
        """mutation($i: ReplyInput!) { reply(input: $i) { errors { message } } }""",
        {"i": {"threadId": gid("Thread", thread.id), "body": "New"}},
    )
    client.cookies.clear()

    after = await client.post("/graphql", json=FEED)

    assert after.headers.get("x-cache") is None
    assert after.json()["data"]["threads"]["nodes"][0]["replyCount"] == 1


async def test_members_and_errors_are_never_cached(client, db, settings):
    await sign_in(client, db, settings, await make_member(db))
    await client.post("/graphql", json=FEED)
    assert (await client.post("/graphql", json=FEED)).headers.get("x-cache") is None

    client.cookies.clear()
    bad = {"query": "{ threads(first: 0) { nodes { title } } }"}
    await client.post("/graphql", json=bad)
    assert (await client.post("/graphql", json=bad)).headers.get("x-cache") is None


@pytest.mark.parametrize("ttl", [0.0])
async def test_a_zero_ttl_turns_the_cache_off(db, settings, ttl):
    import httpx

    from server.app import create_app

    app = create_app(settings.model_copy(update={"response_cache_seconds": ttl}), db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        await c.post("/graphql", json=FEED)
        assert (await c.post("/graphql", json=FEED)).headers.get("x-cache") is None


async def test_concurrent_misses_make_the_answer_once(client, db):
    await make_thread(db, author=await make_member(db), title="Wanted by many")

    with counted(db) as statements:
        answers = await asyncio.gather(*(client.post("/graphql", json=FEED) for _ in range(10)))
    made_once = len(statements)
    # What one request costs: a different body, so not served from the cache.
    with counted(db) as statements:
        single = await client.post("/graphql", json={**FEED, "operationName": None})
    assert single.headers.get("x-cache") is None

    assert {a.status_code for a in answers} == {200}
    assert len({a.text for a in answers}) == 1
    assert sorted(a.headers.get("x-cache") or "miss" for a in answers) == ["miss"] + ["shared"] * 9
    assert made_once == len(statements)  # one request's statements, not ten


async def test_a_waiter_makes_its_own_answer_when_the_first_is_not_shareable(client, db):
    bad = {"query": "{ threads(first: 0) { nodes { title } } }"}
    answers = await asyncio.gather(*(client.post("/graphql", json=bad) for _ in range(3)))
    assert all(a.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT" for a in answers)
    assert all(a.headers.get("x-cache") is None for a in answers)
