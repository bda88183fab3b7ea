"""The outbox table as the jobs module reads and writes it: enqueue, claim, finish, prune.

Every function takes the caller's session and never commits: an enqueue belongs to the
write that causes it, and a worker's claim or finish is a short write of its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from server.db import UTCDateTime, utcnow

PENDING, DONE, FAILED = "pending", "done", "failed"
# The schema is declared in server.models.outbox (migrations, metadata); this clause names
# the columns the jobs module uses, so that it needs no model (tests keep both in step).
OUTBOX = sa.table(
    "outbox",
    sa.column("id", sa.BigInteger()),
    sa.column("kind", sa.String()),
    sa.column("payload", sa.JSON()),
    sa.column("delivery_id", sa.String()),
    sa.column("dedupe_key", sa.String()),
    sa.column("state", sa.String()),
    sa.column("run_at", UTCDateTime()),
    sa.column("created_at", UTCDateTime()),
    sa.column("attempts", sa.Integer()),
    sa.column("lease_token", sa.String()),
    sa.column("claimed_by", sa.String()),
    sa.column("last_error", sa.String()),
    sa.column("finished_at", UTCDateTime()),
)
_ENQUEUED = "moin_jobs_enqueued"
MAX_ERROR_LENGTH = 1000


@dataclass(frozen=True)
class Job:
    """A claimed outbox row, as its handler sees it."""

    id: int
    kind: str
    payload: dict[str, Any]
    # Stable across attempts and unique: what the receiver checks to drop a repeat.
    delivery_id: str
    # 1 on the first try.
    attempt: int
    created_at: datetime
    # The claim that holds the row; finishing it needs the same token.
    lease_token: str


async def enqueue(
    session: AsyncSession,
    kind: str,
    payload: dict[str, Any],
    *,
    dedupe_key: str | None = None,
    run_at: datetime | None = None,
) -> bool:
    """Write work to do once `session`'s transaction commits: one INSERT in that transaction.

    If the transaction rolls back, nothing was enqueued. With a `dedupe_key` already in the
    outbox (pending, done or failed, until pruned) this is a no-op. `run_at` delays the
    work. Returns whether a row was added.
    """
    now = utcnow()
    values = {
        "kind": kind,
        "payload": payload,
        "delivery_id": str(uuid.uuid4()),
        "dedupe_key": dedupe_key,
        "state": PENDING,
        "run_at": run_at or now,
        "created_at": now,
        "attempts": 0,
    }
    if dedupe_key is None:
        statement: Any = sa.insert(OUTBOX).values(values)
    else:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(OUTBOX)
            .values(values)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
        )
    result = await session.execute(statement)
    added = bool(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult
    if added:
        session.info[_ENQUEUED] = True
    return added


def enqueued(session: AsyncSession) -> bool:
    """Whether the (committed) transaction of `session` added work to the outbox."""
    return bool(session.info.get(_ENQUEUED))


def _due(now: datetime, kinds: Sequence[str]) -> Any:
    return sa.and_(OUTBOX.c.state == PENDING, OUTBOX.c.run_at <= now, OUTBOX.c.kind.in_(kinds))


async def any_due(session: AsyncSession, kinds: Sequence[str], now: datetime) -> bool:
    """Whether a row of one of `kinds` is due (a read, so idle polls take no write lock)."""
    found = await session.scalar(sa.select(OUTBOX.c.id).where(_due(now, kinds)).limit(1))
    return found is not None


async def claim(
    session: AsyncSession,
    kinds: Sequence[str],
    *,
    now: datetime,
    limit: int,
    lease_until: datetime,
    worker: str,
) -> list[Job]:
    """Take up to `limit` due rows of `kinds` until `lease_until`, oldest first.

    A claimed row's `run_at` becomes the end of its lease: if the worker dies, the row is
    due again then. On PostgreSQL, rows another worker is claiming are skipped (SKIP
    LOCKED); on SQLite the write transaction (BEGIN IMMEDIATE) admits one claimer at a time.
    """
    due = (
        sa.select(OUTBOX.c.id)
        .where(_due(now, kinds))
        .order_by(OUTBOX.c.run_at, OUTBOX.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    token = str(uuid.uuid4())
    result = await session.execute(
        sa.update(OUTBOX)
        .where(OUTBOX.c.id.in_(due))
        .values(
            run_at=lease_until,
            lease_token=token,
            claimed_by=worker,
            attempts=OUTBOX.c.attempts + 1,
        )
        .returning(
            OUTBOX.c.id,
            OUTBOX.c.kind,
            OUTBOX.c.payload,
            OUTBOX.c.delivery_id,
            OUTBOX.c.attempts,
            OUTBOX.c.created_at,
        )
    )
    jobs = [
        Job(row.id, row.kind, row.payload, row.delivery_id, row.attempts, row.created_at, token)
        for row in result
    ]
    return sorted(jobs, key=lambda job: job.id)


def _held(job: Job) -> Any:
    return sa.and_(
        OUTBOX.c.id == job.id, OUTBOX.c.lease_token == job.lease_token, OUTBOX.c.state == PENDING
    )


async def _update_held(session: AsyncSession, job: Job, **values: Any) -> bool:
    result = await session.execute(sa.update(OUTBOX).where(_held(job)).values(**values))
    return bool(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult


async def mark_done(session: AsyncSession, job: Job) -> bool:
    """Record `job` as done, if its claim still holds it; returns whether it did.

    A handler whose work is a database write may call this in that write's transaction:
    then the work and its completion commit together, exactly once.
    """
    return await _update_held(
        session, job, state=DONE, finished_at=utcnow(), lease_token=None, last_error=None
    )


async def reschedule(session: AsyncSession, job: Job, *, run_at: datetime, error: str) -> bool:
    """Let `job` be tried again at `run_at`."""
    return await _update_held(
        session, job, run_at=run_at, lease_token=None, last_error=error[:MAX_ERROR_LENGTH]
    )


async def mark_failed(session: AsyncSession, job: Job, *, error: str) -> bool:
    """Give `job` up for good."""
    return await _update_held(
        session,
        job,
        state=FAILED,
        finished_at=utcnow(),
        lease_token=None,
        last_error=error[:MAX_ERROR_LENGTH],
    )


async def release(session: AsyncSession, jobs: Sequence[Job], *, now: datetime) -> None:
    """Hand claimed rows back untried (a worker stopping): due at once, the attempt uncounted."""
    for job in jobs:
        await _update_held(session, job, run_at=now, lease_token=None, attempts=job.attempt - 1)


async def extend_lease(session: AsyncSession, token: str, *, lease_until: datetime) -> None:
    """Keep holding the rows of a claim that is still being worked through."""
    await session.execute(
        sa.update(OUTBOX)
        .where(OUTBOX.c.lease_token == token, OUTBOX.c.state == PENDING)
        .values(run_at=lease_until)
    )


async def prune(session: AsyncSession, *, finished_before: datetime) -> int:
    """Delete done and failed rows finished before `finished_before`; returns how many."""
    result = await session.execute(
        sa.delete(OUTBOX).where(
            OUTBOX.c.state.in_((DONE, FAILED)), OUTBOX.c.finished_at < finished_before
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult
