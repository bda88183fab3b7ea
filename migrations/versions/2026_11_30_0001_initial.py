"""The forum's first schema: organisations, members, sessions, threads, posts, search.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.models.base import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("website", sa.String(300)),
        sa.Column("description", sa.Text()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_organisations"),
        sa.UniqueConstraint("slug", name="uq_organisations_slug"),
    )
    op.create_index("ix_organisations_name", "organisations", ["name"])
    op.create_index("ix_organisations_type", "organisations", ["type"])
    op.create_index("ix_organisations_country", "organisations", ["country"])

    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("email", sa.String(320)),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("organisation_id", sa.Integer()),
        sa.Column("oidc_provider", sa.String(80)),
        sa.Column("oidc_subject", sa.String(255)),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_members"),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_members_organisation_id_organisations",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("email", name="uq_members_email"),
        sa.UniqueConstraint("oidc_provider", "oidc_subject", name="uq_members_oidc_provider"),
    )
    op.create_index(
        "ix_members_organisation_name", "members", ["organisation_id", "display_name", "id"]
    )

    op.create_table(
        "auth_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_auth_sessions"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_auth_sessions_member_id_members",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_auth_sessions_member_id", "auth_sessions", ["member_id"])

    op.create_table(
        "threads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("visibility", sa.String(20), nullable=False),
        sa.Column("pillars_mask", sa.Integer(), nullable=False),
        sa.Column("organisation_types_mask", sa.Integer(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer()),
        sa.Column("reply_count", sa.Integer(), nullable=False),
        sa.Column("expert_reply_count", sa.Integer(), nullable=False),
        sa.Column("accepted_post_id", sa.Integer()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_activity_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_threads"),
        sa.ForeignKeyConstraint(["author_id"], ["members.id"], name="fk_threads_author_id_members"),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_threads_organisation_id_organisations",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_threads_last_activity", "threads", ["last_activity_at", "id"])
    op.create_index("ix_threads_created", "threads", ["created_at", "id"])
    op.create_index("ix_threads_reply_count", "threads", ["reply_count", "id"])
    op.create_index(
        "ix_threads_organisation_activity",
        "threads",
        ["organisation_id", "last_activity_at", "id"],
    )
    op.create_index("ix_threads_author_id", "threads", ["author_id"])

    op.create_table(
        "thread_topics",
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("thread_id", "topic", name="pk_thread_topics"),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["threads.id"],
            name="fk_thread_topics_thread_id_threads",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_thread_topics_topic", "thread_topics", ["topic", "thread_id"])

    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("is_expert", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("edited_at", UTCDateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_posts"),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name="fk_posts_thread_id_threads", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["author_id"], ["members.id"], name="fk_posts_author_id_members"),
        sa.UniqueConstraint("thread_id", "position", name="uq_posts_thread_id"),
    )
    op.create_index("ix_posts_author_id", "posts", ["author_id"])
    # The accepted reply points back at posts, so its key comes once both tables exist.
    with op.batch_alter_table("threads") as batch:
        batch.create_foreign_key(
            "fk_threads_accepted_post_id_posts",
            "posts",
            ["accepted_post_id"],
            ["id"],
            ondelete="SET NULL",
        )

    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("operation", sa.String(40), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("result_id", sa.Integer()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_idempotency_keys"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_idempotency_keys_member_id_members",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("member_id", "key", name="uq_idempotency_keys_member_id"),
    )

    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE threads ADD COLUMN search_vector tsvector")
        op.execute("CREATE INDEX ix_threads_search ON threads USING gin (search_vector)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE thread_search USING fts5("
            "title, body, tokenize = 'porter unicode61')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE thread_search")
    op.drop_table("idempotency_keys")
    with op.batch_alter_table("threads") as batch:
        batch.drop_constraint("fk_threads_accepted_post_id_posts", type_="foreignkey")
    op.drop_table("posts")
    op.drop_table("thread_topics")
    op.drop_table("threads")
    op.drop_table("auth_sessions")
    op.drop_table("members")
    op.drop_table("organisations")
