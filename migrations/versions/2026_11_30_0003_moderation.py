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
    # batch_alter_table: SQLite cannot drop columns in place (downgrade), PostgreSQL
    # runs the same statements as plain ALTER TABLE.
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("hidden_at", UTCDateTime()))
        batch.add_column(sa.Column("hidden_reason", sa.String(500)))
    with op.batch_alter_table("threads") as batch:
        batch.add_column(
            sa.Column("hidden_reply_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("hidden_at", UTCDateTime()))
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("banned_at", UTCDateTime()))
        batch.add_column(sa.Column("banned_reason", sa.String(500)))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("banned_reason")
        batch.drop_column("banned_at")
    with op.batch_alter_table("threads") as batch:
        batch.drop_column("hidden_at")
        batch.drop_column("hidden_reply_count")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("hidden_reason")
        batch.drop_column("hidden_at")
