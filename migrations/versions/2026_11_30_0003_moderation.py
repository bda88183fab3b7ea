"""Moderation: hidden posts (and threads, through their opening post) and banned members.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.models.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD/DROP COLUMN: both PostgreSQL and SQLite (3.35+) do them in place, and a
    # batch copy of these tables would trip over the foreign keys pointing at them.
    op.add_column("posts", sa.Column("hidden_at", UTCDateTime()))
    op.add_column("posts", sa.Column("hidden_reason", sa.String(500)))
    op.add_column(
        "threads",
        sa.Column("hidden_reply_count", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column("threads", sa.Column("hidden_at", UTCDateTime()))
    op.add_column("members", sa.Column("banned_at", UTCDateTime()))
    op.add_column("members", sa.Column("banned_reason", sa.String(500)))


def downgrade() -> None:
    for table, column in (
        ("members", "banned_reason"),
        ("members", "banned_at"),
        ("threads", "hidden_at"),
        ("threads", "hidden_reply_count"),
        ("posts", "hidden_reason"),
        ("posts", "hidden_at"),
    ):
        op.drop_column(table, column)
