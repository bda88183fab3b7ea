"""The practical ceiling: a minimal Starlette + asyncpg endpoint for S1 and S4.

It answers the same POST /graphql requests as the forum for the two operations
`Feed` (S1) and `ThreadPage` (S4), with one hand-written SQL statement per
operation (a thread page needs two), and returns the JSON the forum returns
(the same shape as the GraphQL response data). It parses no GraphQL and checks
nothing: the distance between it and the forum is what strawberry, SQLAlchemy
and the data loaders cost.

    MOIN_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/moin_bench \\
        python -m bench.baseline --port 8081

S4 requests carry the thread's database id as the extra variable `dbId` (the
forum's global IDs are opaque).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.domain import OrganisationType, RoarPillar

# Bit i of a mask is the i-th member of the forum's enum (server/domain.py): read the
# order from there so the baseline cannot drift from what the forum stores.
PILLARS = [pillar.value for pillar in RoarPillar]
ORG_TYPES = [org_type.value for org_type in OrganisationType]

FEED_SQL = """
SELECT t.id, t.title, t.kind, t.pillars_mask, t.organisation_types_mask, t.topics::text AS topics,
       t.reply_count, t.expert_reply_count, t.last_activity_at,
       m.display_name, o.name AS org_name, o.type AS org_type
FROM threads t
JOIN members m ON m.id = t.author_id
LEFT JOIN organisations o ON o.id = m.organisation_id
WHERE t.visibility = 'PUBLIC'
  AND ($2::timestamptz IS NULL OR (t.last_activity_at, t.id) < ($2::timestamptz, $3::int))
ORDER BY t.last_activity_at DESC, t.id DESC
LIMIT $1
"""

THREAD_SQL = """
SELECT t.id, t.title, t.kind, t.reply_count, m.display_name, o.name AS org_name,
       o.type AS org_type
FROM threads t
JOIN members m ON m.id = t.author_id
LEFT JOIN organisations o ON o.id = m.organisation_id
WHERE t.id = $1 AND t.visibility = 'PUBLIC'
"""

REPLIES_SQL = """
SELECT p.id, p.position, p.body_html, p.created_at, p.is_expert,
       m.display_name, o.name AS org_name, o.type AS org_type
FROM posts p
JOIN members m ON m.id = p.author_id
LEFT JOIN organisations o ON o.id = m.organisation_id
WHERE p.thread_id = $1 AND p.position > 0
ORDER BY p.position
LIMIT $2
"""


def global_id(kind: str, pk: int) -> str:
    return base64.b64encode(f"{kind}:{pk}".encode()).decode()


def cursor(*key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def decode_cursor(value: str) -> list[Any]:
    return list(json.loads(base64.urlsafe_b64decode(value.encode())))


def iso(value: datetime) -> str:
    return value.isoformat()


def bits(mask: int, names: list[str]) -> list[str]:
    return [name for i, name in enumerate(names) if mask & (1 << i)]


def author(row: asyncpg.Record) -> dict[str, Any]:
    org = None if row["org_name"] is None else {"name": row["org_name"], "type": row["org_type"]}
    return {"displayName": row["display_name"], "organisation": org}


async def feed(pool: asyncpg.Pool, variables: dict[str, Any]) -> dict[str, Any]:
    first = int(variables.get("first") or 20)
    after_at, after_id = None, None
    if variables.get("after"):
        at, after_id = decode_cursor(variables["after"])
        after_at = datetime.fromisoformat(at)
    rows = await pool.fetch(FEED_SQL, first + 1, after_at, after_id)
    edges = [
        {
            "cursor": cursor(iso(r["last_activity_at"]), r["id"]),
            "node": {
                "id": global_id("Thread", r["id"]),
                "title": r["title"],
                "kind": r["kind"],
                "pillars": bits(r["pillars_mask"], PILLARS),
                "organisationTypes": bits(r["organisation_types_mask"], ORG_TYPES),
                "topics": json.loads(r["topics"]),
                "replyCount": r["reply_count"],
                "expertReplyCount": r["expert_reply_count"],
                "lastActivityAt": iso(r["last_activity_at"]),
                "author": author(r),
            },
        }
        for r in rows[:first]
    ]
    return {
        "threads": {
            "edges": edges,
            "pageInfo": {
                "hasNextPage": len(rows) > first,
                "endCursor": edges[-1]["cursor"] if edges else None,
            },
        }
    }


async def thread_page(pool: asyncpg.Pool, variables: dict[str, Any]) -> dict[str, Any]:
    thread_id = int(variables["dbId"])
    first = int(variables.get("first") or 50)
    async with pool.acquire() as conn:
        thread = await conn.fetchrow(THREAD_SQL, thread_id)
        if thread is None:
            return {"node": None}
        rows = await conn.fetch(REPLIES_SQL, thread_id, first + 1)
    edges = [
        {
            "cursor": cursor(r["position"]),
            "node": {
                "id": global_id("Post", r["id"]),
                "bodyHtml": r["body_html"],
                "createdAt": iso(r["created_at"]),
                "isExpertReply": r["is_expert"],
                "author": author(r),
            },
        }
        for r in rows[:first]
    ]
    return {
        "node": {
            "id": global_id("Thread", thread["id"]),
            "title": thread["title"],
            "kind": thread["kind"],
            "replyCount": thread["reply_count"],
            "author": author(thread),
            "replies": {
                "edges": edges,
                "pageInfo": {
                    "hasNextPage": len(rows) > first,
                    "endCursor": edges[-1]["cursor"] if edges else None,
                },
            },
        }
    }


OPERATIONS = {"Feed": feed, "ThreadPage": thread_page}


async def graphql(request: Request) -> Response:
    payload = await request.json()
    operation = OPERATIONS.get(payload.get("operationName") or "")
    if operation is None:
        return JSONResponse(
            {"errors": [{"message": "the baseline serves Feed and ThreadPage"}]}, status_code=400
        )
    data = await operation(request.app.state.pool, payload.get("variables") or {})
    return JSONResponse({"data": data})


def asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def create_app(database_url: str, pool_size: int = 10) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.pool = await asyncpg.create_pool(
            asyncpg_dsn(database_url), min_size=pool_size, max_size=pool_size
        )
        try:
            yield
        finally:
            await app.state.pool.close()

    return Starlette(routes=[Route("/graphql", graphql, methods=["POST"])], lifespan=lifespan)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description="The baseline endpoint for S1 and S4.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument(
        "--log-level",
        default="info",
        help="uvicorn's log level; `info` logs every request, as `moin-forum "
        "serve` does by default",
    )
    args = parser.parse_args()
    url = os.environ.get("MOIN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/moin_bench")
    # The same uvicorn settings as `moin-forum serve`: one worker, the default loop and
    # HTTP implementation, the access log at `info`.
    uvicorn.run(
        create_app(url),
        host=args.host,
        port=args.port,
        workers=1,
        log_level=args.log_level,
        proxy_headers=False,
    )


if __name__ == "__main__":
    main()
