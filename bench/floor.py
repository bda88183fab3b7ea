"""What S1 costs at its floor: CPU per request of three apps answering the same feed query.

    python -m bench.floor [--database-url ...] [--requests 300]

All three run in this process behind httpx's ASGI transport, one request at a
time, so the figure is CPU time per request with no network, no concurrency
and no load generator in it:

- `forum`: the forum's own app (`server.app.create_app`) with its anonymous response
  cache off, so that every request makes its answer (`forum, cached answer`: as
  served, where the same request within the cache's lifetime is a cache hit);
- `strawberry floor`: a minimal strawberry schema of the same shape, its one
  resolver running the baseline's single joined SQL through asyncpg and returning
  plain dataclasses (no ORM, no DataLoaders, no middleware): the least any
  strawberry implementation of S1 can cost;
- `baseline`: `bench.baseline`, the Starlette + asyncpg endpoint.

The gap forum -> floor is what the forum's own design costs (ORM, sessions,
loaders, middleware, GC); the gap floor -> baseline is what GraphQL execution in
strawberry and graphql-core costs, which no change inside the resolvers removes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import time
from collections.abc import AsyncIterator
from datetime import datetime
from enum import Enum
from typing import Any

import asyncpg
import httpx
import strawberry
from starlette.applications import Starlette
from starlette.routing import Route
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache

from bench import baseline, queries
from bench.generate import DEFAULT_DATABASE_URL, asyncpg_dsn


@strawberry.enum
class RoarPillar(Enum):
    ROUTES_AND_DIRECTIONS = "ROUTES_AND_DIRECTIONS"
    ORGANISATIONAL_CAPACITY = "ORGANISATIONAL_CAPACITY"
    ASSESSMENT = "ASSESSMENT"
    RISKS_AND_REWARDS = "RISKS_AND_REWARDS"


OrganisationType = strawberry.enum(
    Enum(  # type: ignore[call-overload]  # functional Enum API
        "OrganisationType", {t: t for t in baseline.ORG_TYPES}
    )
)


@strawberry.enum
class ThreadKind(Enum):
    CHALLENGE = "CHALLENGE"
    DISCUSSION = "DISCUSSION"
    CASE_EXAMPLE = "CASE_EXAMPLE"


@strawberry.type
class Organisation:
    name: str
    type: OrganisationType  # type: ignore[valid-type]


@strawberry.type
class Member:
    display_name: str
    organisation: Organisation | None


@strawberry.type
class Thread:
    id: strawberry.ID
    title: str
    kind: ThreadKind
    pillars: list[RoarPillar]
    organisation_types: list[OrganisationType]  # type: ignore[valid-type]
    topics: list[str]
    reply_count: int
    expert_reply_count: int
    last_activity_at: datetime
    author: Member


@strawberry.type
class ThreadEdge:
    cursor: str
    node: Thread


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class ThreadConnection:
    edges: list[ThreadEdge]
    page_info: PageInfo


@strawberry.input
class ThreadFilter:
    search: str | None = None


@strawberry.type
class Query:
    @strawberry.field
    async def threads(
        self,
        info: strawberry.Info,
        first: int = 20,
        after: str | None = None,
        filter: ThreadFilter | None = None,
    ) -> ThreadConnection:
        pool: asyncpg.Pool = info.context["pool"]
        rows = await pool.fetch(baseline.FEED_SQL, first + 1, None, None)
        edges = []
        for r in rows[:first]:
            org = (
                None
                if r["org_name"] is None
                else Organisation(name=r["org_name"], type=OrganisationType[r["org_type"]])
            )
            edges.append(
                ThreadEdge(
                    cursor=baseline.cursor(r["last_activity_at"].isoformat(), r["id"]),
                    node=Thread(
                        id=strawberry.ID(baseline.global_id("Thread", r["id"])),
                        title=r["title"],
                        kind=ThreadKind[r["kind"]],
                        pillars=[
                            RoarPillar[p]
                            for p in baseline.bits(r["pillars_mask"], baseline.PILLARS)
                        ],
                        organisation_types=[
                            OrganisationType[t]
                            for t in baseline.bits(r["organisation_types_mask"], baseline.ORG_TYPES)
                        ],
                        topics=json.loads(r["topics"]),
                        reply_count=r["reply_count"],
                        expert_reply_count=r["expert_reply_count"],
                        last_activity_at=r["last_activity_at"],
                        author=Member(display_name=r["display_name"], organisation=org),
                    ),
                )
            )
        return ThreadConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=len(rows) > first, end_cursor=edges[-1].cursor if edges else None
            ),
        )


def floor_app(database_url: str) -> Starlette:
    schema = strawberry.Schema(
        query=Query,
        extensions=[lambda: ParserCache(maxsize=128), lambda: ValidationCache(maxsize=128)],
    )
    state: dict[str, Any] = {}

    class App(GraphQL):  # type: ignore[type-arg]
        async def get_context(self, request: Any, response: Any) -> dict[str, Any]:  # type: ignore[override]
            return {"pool": state["pool"]}

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        state["pool"] = await asyncpg.create_pool(
            asyncpg_dsn(database_url), min_size=2, max_size=10
        )
        try:
            yield
        finally:
            await state["pool"].close()

    return Starlette(routes=[Route("/graphql", App(schema), methods=["POST"])], lifespan=lifespan)


async def cpu_per_request(app: Starlette, body: dict[str, Any], requests: int) -> float:
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8000"
        ) as client,
    ):
        for _ in range(30):
            response = await client.post("/graphql", json=body)
            assert response.status_code == 200 and "errors" not in response.json(), response.text
        started = time.process_time()
        for _ in range(requests):
            await client.post("/graphql", json=body)
        return (time.process_time() - started) * 1000 / requests


async def _busiest_thread(app: Starlette) -> str:
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8000"
        ) as client,
    ):
        response = await client.post("/graphql", json={"query": queries.BUSIEST_THREAD})
        return str(response.json()["data"]["threads"]["nodes"][0]["id"])


async def measure(database_url: str, requests: int, scenario: str = "S1") -> dict[str, float]:
    from server.app import create_app
    from server.config import Settings, load_settings
    from server.ids import row_id

    def forum(**settings: Any) -> Starlette:
        return create_app(load_settings(database_url=database_url, secret_key="f" * 48, **settings))

    body: dict[str, Any] = {
        "query": queries.FEED,
        "operationName": "Feed",
        "variables": {"first": 20},
    }
    apps: dict[str, Starlette] = {}
    if "response_cache_seconds" in Settings.model_fields:
        apps["forum, cached answer"] = forum()
    uncached: dict[str, Any] = {"response_cache_seconds": 0} if apps else {}
    apps["forum"] = forum(**uncached)
    if "compiled_plans" in Settings.model_fields:
        apps["forum, generic execution"] = forum(**uncached, compiled_plans=False)
    if scenario == "S4":
        thread_id = await _busiest_thread(forum(**uncached))
        body = {
            "query": queries.THREAD_PAGE,
            "operationName": "ThreadPage",
            # The baseline reads the thread's database id (an extra variable it alone reads).
            "variables": {"id": thread_id, "first": 50, "dbId": row_id(thread_id, "Thread")},
        }
    else:
        apps["strawberry floor"] = floor_app(database_url)
    apps["baseline"] = baseline.create_app(database_url)
    # The client's own share (httpx, the ASGI transport) is in every figure alike.
    return {
        name: round(await cpu_per_request(app, body, requests), 2) for name, app in apps.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("MOIN_BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--scenario", choices=["S1", "S4"], default="S1")
    args = parser.parse_args()
    results = asyncio.run(measure(args.database_url, args.requests, args.scenario))
    for name, ms in results.items():
        print(f"{name:>25}: {ms:6.2f} ms CPU per {args.scenario} request (in-process, sequential)")


if __name__ == "__main__":
    main()
