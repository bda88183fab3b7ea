"""Helpers shared by the test folders: service checks, GraphQL calls, sign-in."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import httpx
import pytest
from sqlalchemy import event

REQUIRE_SERVICES = os.environ.get("MOIN_REQUIRE_SERVICES") == "1"
POSTGRES_ADMIN_URL = os.environ.get(
    "MOIN_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


def require_or_skip(reason: str) -> NoReturn:
    """Skip for a missing service, or fail when CI demands every service (MOIN_REQUIRE_SERVICES=1)."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing (MOIN_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(reason)


class GraphQLErrors(AssertionError):
    pass


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    errors: bool = False,
) -> dict[str, Any]:
    """POST a GraphQL operation. Fails on any `errors` unless `errors=True` (then returns the body)."""
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    body = response.json()
    if errors:
        return body
    if response.status_code != 200 or body.get("errors"):
        raise GraphQLErrors(f"HTTP {response.status_code}: {body.get('errors')}")
    data: dict[str, Any] = body["data"]
    return data


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors") or []]


@contextmanager
def counted(db: Any) -> Iterator[list[str]]:
    """The SQL statements `db` runs inside the block (SQLite's own BEGIN left out)."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if statement != "BEGIN" and not statement.startswith("BEGIN "):  # SQLite's own BEGIN
            statements.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
