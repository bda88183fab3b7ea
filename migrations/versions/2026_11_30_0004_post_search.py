"""Search documents per post: a thread's own document holds its title and opening post only.

A reply gets a small document of its own (`post_search`) instead of being appended to
its thread's one: a reply no longer rewrites a document that grows with the thread
(about 7 ms and 70-240 KB of WAL per reply on a 4,500-post thread), and no document can
reach PostgreSQL's 1 MB tsvector limit (a body is at most 50,000 characters).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The formulas of server/search.py as they were when this revision was written.
_PG_THREAD_DOCUMENTS = """
UPDATE threads t
SET search_vector = setweight(to_tsvector('english', t.title), 'A')
    || setweight(to_tsvector('english', coalesce({bodies}, '')), 'B')
"""
# Hidden posts have no place in any document.
_PG_OPENING = (
    "(SELECT p.body FROM posts p "
    "WHERE p.thread_id = t.id AND p.position = 0 AND p.hidden_at IS NULL)"
)
_PG_ALL_BODIES = (
    "(SELECT string_agg(p.body, ' ' ORDER BY p.position) FROM posts p "
    "WHERE p.thread_id = t.id AND p.hidden_at IS NULL)"
)
_SQLITE_THREAD_DOCUMENTS = """
INSERT INTO thread_search (rowid, title, body)
SELECT t.id, t.title, coalesce({bodies}, '') FROM threads t
"""
_SQLITE_OPENING = (
    "(SELECT p.body FROM posts p "
    "WHERE p.thread_id = t.id AND p.position = 0 AND p.hidden_at IS NULL)"
)
_SQLITE_ALL_BODIES = (
    "(SELECT group_concat(body, ' ') FROM (SELECT p.body FROM posts p "
    "WHERE p.thread_id = t.id AND p.hidden_at IS NULL ORDER BY p.position))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Filling the documents of a big forum takes minutes, not the server's 5 s.
        op.execute("SET LOCAL statement_timeout = 0")
        op.create_table(
            "post_search",
            sa.Column("post_id", sa.Integer(), nullable=False),
            sa.Column("thread_id", sa.Integer(), nullable=False),
            sa.Column("document", TSVECTOR(), nullable=False),
            sa.PrimaryKeyConstraint("post_id", name="pk_post_search"),
            sa.ForeignKeyConstraint(
                ["post_id"],
                ["posts.id"],
                name="fk_post_search_post_id_posts",
                ondelete="CASCADE",
            ),
        )
        op.execute(
            "INSERT INTO post_search (post_id, thread_id, document) "
            "SELECT id, thread_id, to_tsvector('english', body) FROM posts "
            "WHERE position > 0 AND hidden_at IS NULL"
        )
        op.execute("CREATE INDEX ix_post_search_document ON post_search USING gin (document)")
        op.create_index("ix_post_search_thread_id", "post_search", ["thread_id"])
        op.execute(_PG_THREAD_DOCUMENTS.format(bodies=_PG_OPENING))
        # The planner chooses between walking threads in list order and probing each, or
        # collecting the matches from the GIN index first, by how common it thinks the
        # words are. A larger sample of lexeme frequencies keeps a rare or misspelt word
        # from being estimated as common (with the default, a word absent from the list
        # of common lexemes was estimated in one post of 200, and a search for it walked
        # every thread).
        op.execute("ALTER TABLE post_search ALTER COLUMN document SET STATISTICS 1000")
        op.execute("ALTER TABLE threads ALTER COLUMN search_vector SET STATISTICS 1000")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE post_search USING fts5("
            "body, thread_id UNINDEXED, tokenize = 'porter unicode61')"
        )
        op.execute(
            "INSERT INTO post_search (rowid, body, thread_id) "
            "SELECT id, body, thread_id FROM posts WHERE position > 0 AND hidden_at IS NULL"
        )
        op.execute("DELETE FROM thread_search")
        op.execute(_SQLITE_THREAD_DOCUMENTS.format(bodies=_SQLITE_OPENING))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SET LOCAL statement_timeout = 0")
        op.execute("ALTER TABLE threads ALTER COLUMN search_vector SET STATISTICS -1")
        op.execute(_PG_THREAD_DOCUMENTS.format(bodies=_PG_ALL_BODIES))
        op.drop_table("post_search")
    else:
        op.execute("DELETE FROM thread_search")
        op.execute(_SQLITE_THREAD_DOCUMENTS.format(bodies=_SQLITE_ALL_BODIES))
        op.execute("DROP TABLE post_search")
