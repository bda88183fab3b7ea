"""The outbox (background work written with the write that causes it) and spent tokens.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.models.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PENDING = sa.text("state = 'pending'")


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(80), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("delivery_id", sa.String(36), nullable=False),
        sa.Column("dedupe_key", sa.String(200)),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("run_at", UTCDateTime(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_token", sa.String(36)),
        sa.Column("claimed_by", sa.String(100)),
        sa.Column("last_error", sa.String(1000)),
        sa.Column("finished_at", UTCDateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("delivery_id", name="uq_outbox_delivery_id"),
        sa.UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
    )
    op.create_index(
        "ix_outbox_due",
        "outbox",
        ["run_at", "id"],
        postgresql_where=PENDING,
        sqlite_where=PENDING,
    )
    op.create_table(
        "used_tokens",
        sa.Column("token_id", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(40), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_id", name="pk_used_tokens"),
    )
    op.create_index("ix_used_tokens_expires_at", "used_tokens", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_used_tokens_expires_at", table_name="used_tokens")
    op.drop_table("used_tokens")
    op.drop_index("ix_outbox_due", table_name="outbox")
    op.drop_table("outbox")
