"""Retry-safe writes: a client's key maps to what the first request created.

The key row is inserted first, in the write's own transaction. On PostgreSQL a
second request with the same key waits on the unique index until the first
commits (then it returns the first result) or rolls back (then it proceeds);
SQLite writers are already serialised by BEGIN IMMEDIATE.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import IdempotencyKey
from server.services.errors import InvalidInput, UserErrorCode


def fingerprint(operation: str, values: dict[str, Any]) -> str:
    """A hash of an operation and its input, stored with a key: a reused key must match it."""
    raw = json.dumps([operation, values], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


async def claim(
    session: AsyncSession, member_id: int, key: str, operation: str, print_: str
) -> int | None:
    """Claim `key` for this request. Returns the id of the first result if it was used already."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    inserted = await session.execute(
        insert(IdempotencyKey)
        .values(member_id=member_id, key=key, operation=operation, fingerprint=print_)
        .on_conflict_do_nothing(index_elements=["member_id", "key"])
        .returning(IdempotencyKey.id)
    )
    if inserted.scalar_one_or_none() is not None:
        return None
    first = (
        await session.execute(
            sa.select(IdempotencyKey).where(
                IdempotencyKey.member_id == member_id, IdempotencyKey.key == key
            )
        )
    ).scalar_one()
    if first.operation != operation or first.fingerprint != print_ or first.result_id is None:
        raise InvalidInput.of(
            "idempotency_key",
            "This idempotency key was already used for a different request.",
            UserErrorCode.DUPLICATE,
        )
    return first.result_id


async def record(session: AsyncSession, member_id: int, key: str, result_id: int) -> None:
    """Remember what the request that claimed `key` created."""
    await session.execute(
        sa.update(IdempotencyKey)
        .where(IdempotencyKey.member_id == member_id, IdempotencyKey.key == key)
        .values(result_id=result_id)
    )
