"""The outbox: work to do after a write commits (e-mail, webhooks, fan-out), and spent tokens.

The schema is declared here for the migrations and the metadata; `server.jobs` and
`server.tokens` (base modules, below the models) read and write these tables through
lightweight table clauses of their own, and a test keeps both in step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UTCDateTime, utcnow

# SQLite makes only an INTEGER PRIMARY KEY an alias of the rowid (autoincrementing).
_ID = BigInteger().with_variant(Integer(), "sqlite")


class OutboxJob(Base):
    """One piece of background work, written in the transaction of the write that causes it."""

    __tablename__ = "outbox"
    __table_args__ = (
        # The worker's claim: due pending rows, oldest first. Done and failed rows, which
        # are most of the table until they are pruned, stay out of the index.
        Index(
            "ix_outbox_due",
            "run_at",
            "id",
            postgresql_where=text("state = 'pending'"),
            sqlite_where=text("state = 'pending'"),
        ),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(80))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Given to the handler to put where the receiver can check it (Message-ID, webhook-id):
    # random, so that it never repeats, not even in a database made anew.
    delivery_id: Mapped[str] = mapped_column(String(36), unique=True)
    # Enqueuing work with a key already present is a no-op (kept until the row is pruned).
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    # pending, done or failed.
    state: Mapped[str] = mapped_column(String(10), default="pending")
    # When the row is due; while a worker holds it, when its lease ends.
    run_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The claim that holds the row: a worker finishes only rows it still holds.
    lease_token: Mapped[str | None] = mapped_column(String(36))
    # Which worker process claimed it last (host:pid), for operators.
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(String(1000))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UsedToken(Base):
    """A single-use signed token that has been used (kept until it would have expired)."""

    __tablename__ = "used_tokens"

    token_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
