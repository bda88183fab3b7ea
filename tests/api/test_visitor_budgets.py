"""Visitors' addresses have budgets for previews, searches and search counts
(SECURITY.md: "A visitor hammering the expensive operations")."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from server.app import create_app
from server.cli import uvicorn_options
from server.schema.budgets import address_key
from tests.api.test_auth_partners import issue_key, post
from tests.api.test_redis_scaleout import instance, with_redis
from tests.conftest import BASE_URL
from tests.factories import make_member, make_thread, sign_in
from tests.support import REDIS_URL, error_codes, require_redis, serve

PREVIEW = "query Preview($m: String!) { renderMarkdown(markdown: $m) }"
SEARCH = "query Search($q: String) { threads(filter: {search: $q}) { nodes { id } } }"
SEARCH_COUNT = (
    "query Count($q: String) { threads(filter: {search: $q}) { nodes { id } totalCount } }"
)
FEED = "query Feed($n: Int) { threads(first: $n) { nodes { id } totalCount } }"
BUDGET = 3


@pytest.fixture
def budgeted(settings):
    """The test settings with budgets of BUDGET a minute."""
    return settings.model_copy(
        update={
            "visitor_previews_per_minute": BUDGET,
            "visitor_searches_per_minute": BUDGET,
            "visitor_search_counts_per_minute": BUDGET,
            "response_cache_seconds": 0.0,
        }
    )


@asynccontextmanager
async def client_at(app, host: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(host, 40_000))
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        yield http


async def ask(http: httpx.AsyncClient, query: str, variables: dict) -> httpx.Response:
    return await http.post("/graphql", json={"query": query, "variables": variables})


async def test_a_visitor_over_the_preview_budget_is_rate_limited_with_retry_after(db, budgeted):
    app = create_app(budgeted, db)
    async with client_at(app, "203.0.113.7") as http:
        answers = [await ask(http, PREVIEW, {"m": f"*{n}*"}) for n in range(BUDGET + 1)]
    assert [a.status_code for a in answers] == [200] * BUDGET + [429]
    refused = answers[-1]
    retry_after = int(refused.headers["retry-after"])
    assert 1 <= retry_after <= 20  # a token comes back every 60/3 s
    [error] = refused.json()["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": retry_after}
    assert error["message"] == (
        f"Visitors may preview Markdown 3 times a minute from one address; retry in "
        f"{retry_after} s, or sign in."
    )


async def test_searches_and_their_counts_have_budgets_of_their_own(db, budgeted):
    await make_thread(db, author=await make_member(db), title="Procurement outcomes")
    app = create_app(budgeted, db)
    async with client_at(app, "203.0.113.8") as http:
        counted = [await ask(http, SEARCH_COUNT, {"q": f"procurement {n}"}) for n in range(3)]
        assert [a.status_code for a in counted] == [200, 200, 200]
        # The count budget is spent, the search budget is too (one a page).
        over = await ask(http, SEARCH_COUNT, {"q": "outcomes"})
        assert error_codes(over.json()) == ["RATE_LIMITED"]
        assert "search 3 times a minute" in over.json()["errors"][0]["message"]
        # Feeds without a search cost no budget.
        for n in range(10):
            feed = await ask(http, FEED, {"n": n + 1})
            assert feed.status_code == 200 and "errors" not in feed.json()


async def test_a_search_count_over_its_budget_is_refused_while_pages_go_on(db, budgeted):
    app = create_app(budgeted.model_copy(update={"visitor_searches_per_minute": 100}), db)
    async with client_at(app, "203.0.113.9") as http:
        for n in range(BUDGET):
            assert (await ask(http, SEARCH_COUNT, {"q": f"a{n}"})).status_code == 200
        over = await ask(http, SEARCH_COUNT, {"q": "b"})
        page = await ask(http, SEARCH, {"q": "c"})
    assert error_codes(over.json()) == ["RATE_LIMITED"]
    assert "count the results of a search 3 times" in over.json()["errors"][0]["message"]
    assert page.status_code == 200 and page.json()["data"]["threads"]["nodes"] == []


async def test_each_address_has_its_own_budget_and_an_ipv6_network_one(db, budgeted):
    app = create_app(budgeted, db)
    for host in ("198.51.100.1", "198.51.100.2"):
        async with client_at(app, host) as http:
            for n in range(BUDGET):
                assert (await ask(http, PREVIEW, {"m": str(n)})).status_code == 200
    async with client_at(app, "2001:db8:1:2::1") as http:
        for n in range(BUDGET):
            assert (await ask(http, PREVIEW, {"m": str(n)})).status_code == 200
    async with client_at(app, "2001:db8:1:2:ffff::9") as http:  # the same /64
        assert (await ask(http, PREVIEW, {"m": "x"})).status_code == 429
    assert address_key("::ffff:192.0.2.1") == "192.0.2.1"
    assert address_key(None) == "unknown"


async def test_members_and_partner_keys_spend_no_visitor_budget(db, settings, budgeted):
    app = create_app(budgeted, db)
    key = await issue_key(db, rate_limit=100)
    async with client_at(app, "192.0.2.50") as http:
        for n in range(BUDGET + 2):
            answer = await post(http, SEARCH_COUNT, key, {"q": f"p{n}"})
            assert answer.status_code == 200, answer.text
        await sign_in(http, db, settings, await make_member(db))
        for n in range(BUDGET + 2):
            answer = await ask(http, PREVIEW, {"m": f"member {n}"})
            assert answer.status_code == 200 and "errors" not in answer.json()


@pytest.mark.redis
async def test_instances_joined_through_redis_spend_one_budget(db, budgeted, database_url):
    await require_redis()
    shared = with_redis(budgeted, REDIS_URL)
    async with instance(shared, database_url) as a, instance(shared, database_url) as b:
        answers = []
        for n, node in enumerate([a, b, a, b]):
            answers.append(await ask(node.http, PREVIEW, {"m": f"shared {n}"}))
    assert [r.status_code for r in answers] == [200, 200, 200, 429]


async def test_behind_a_trusted_proxy_the_forwarded_address_spends_the_budget(db, budgeted):
    """`serve`'s own uvicorn options: with MOIN_FORWARDED_ALLOW_IPS, X-Forwarded-For counts."""
    settings = budgeted.model_copy(update={"forwarded_allow_ips": "127.0.0.1"})
    app = create_app(settings, db)
    options = uvicorn_options(settings)
    for served_here in ("host", "port", "log_level"):
        del options[served_here]
    async with (
        serve(app, **options) as address,
        httpx.AsyncClient(base_url=f"http://{address}") as http,
    ):

        async def preview(forwarded_for: str) -> int:
            answer = await http.post(
                "/graphql",
                json={"query": PREVIEW, "variables": {"m": "x"}},
                headers={"x-forwarded-for": forwarded_for},
            )
            return answer.status_code

        assert [await preview("192.0.2.10") for _ in range(BUDGET + 1)][-1] == 429
        assert await preview("192.0.2.11") == 200  # another visitor behind the same proxy
