"""Follows, notifications, members' notification settings and per-thread read positions.

Revision ID: engagement_0001
Revises: 20261202_network
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.models.base import UTCDateTime

revision = "engagement_0001"
down_revision = "20261202_network"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "follows",
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_follows"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_follows_member_id_members",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("member_id", "kind", "key", name="uq_follows_member_target"),
    )
    op.create_index("ix_follows_target", "follows", ["kind", "key", "member_id"])
    op.create_index("ix_follows_member", "follows", ["member_id", "id"])

    op.create_table(
        "notifications",
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("text", sa.String(500), nullable=False),
        sa.Column("event_key", sa.String(100), nullable=False),
        sa.Column("thread_id", sa.Integer()),
        sa.Column("post_id", sa.Integer()),
        sa.Column("actor_id", sa.Integer()),
        sa.Column("url_path", sa.String(300)),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("read_at", UTCDateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_notifications"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_notifications_member_id_members",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["threads.id"],
            name="fk_notifications_thread_id_threads",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name="fk_notifications_post_id_posts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["members.id"],
            name="fk_notifications_actor_id_members",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("member_id", "event_key", name="uq_notifications_member_event"),
    )
    op.create_index("ix_notifications_member", "notifications", ["member_id", "id"])
    op.create_index("ix_notifications_member_unread", "notifications", ["member_id", "read_at"])

    op.create_table(
        "notification_settings",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("email_frequency", sa.String(20), nullable=False),
        sa.Column("auto_follow", sa.Boolean(), nullable=False),
        sa.Column("digested_through_id", _ID),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name="pk_notification_settings"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_notification_settings_member_id_members",
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "thread_reads",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("last_read_position", sa.Integer(), nullable=False),
        sa.Column("read_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "thread_id", name="pk_thread_reads"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_thread_reads_member_id_members",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["threads.id"],
            name="fk_thread_reads_thread_id_threads",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("thread_reads")
    op.drop_table("notification_settings")
    op.drop_index("ix_notifications_member_unread", table_name="notifications")
    op.drop_index("ix_notifications_member", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index("ix_follows_member", table_name="follows")
    op.drop_index("ix_follows_target", table_name="follows")
    op.drop_table("follows")
