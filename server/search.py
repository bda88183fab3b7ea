"""Full-text search over threads: PostgreSQL tsvector + GIN, SQLite FTS5.

A thread has a subject document (its title, weighted higher, and its opening post) and
each reply has a document of its own. A document is written in the transaction that
writes its post, and again when the post is edited, hidden or shown. A reply never
rewrites a document that grows with its thread, so a reply costs the same on a thread
of five posts and on one of five thousand, and no document comes near PostgreSQL's
1 MB limit of a tsvector (a body is at most 50,000 characters).

Hidden text is left out for everyone (moderators too): the documents serve every
viewer, and a search must never match on words nobody else may read.

A thread matches a search when its subject does, or when one of its replies does; how
matching threads are ordered is `server.services.threads.list_threads`'s business.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from server.models import Post, Thread

# PostgreSQL: the subject document is a column of threads, replies' documents a table.
_threads = sa.table("threads", sa.column("id"), sa.column("search_vector"))
_post_documents = sa.table(
    "post_search", sa.column("post_id"), sa.column("thread_id"), sa.column("document")
)
# SQLite: one FTS5 table per kind of document; rowid is the thread's or the post's id.
_fts_subjects = sa.table("thread_search", sa.column("rowid"), sa.column("title"), sa.column("body"))
_fts_replies = sa.table(
    "post_search", sa.column("rowid"), sa.column("body"), sa.column("thread_id")
)
_SUBJECT_DOCUMENT: ColumnElement[object] = sa.literal_column("threads.search_vector")
_FTS_SUBJECTS: ColumnElement[object] = sa.literal_column("thread_search")
_FTS_REPLIES: ColumnElement[object] = sa.literal_column("post_search")
_WORD = re.compile(r"\w+", re.UNICODE)
_LANGUAGE = "english"
# setweight() takes a "char", which a bound string parameter is not.
_WEIGHT_A: ColumnElement[str] = sa.literal_column("'A'")
_WEIGHT_B: ColumnElement[str] = sa.literal_column("'B'")


def _is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _to_tsvector(text: sa.ColumnExpressionArgument[str]) -> ColumnElement[object]:
    return sa.func.to_tsvector(_LANGUAGE, text)


async def index_thread(session: AsyncSession, thread_id: int) -> None:
    """(Re)write a thread's subject document from its title and opening post (unless hidden)."""
    title = sa.select(Thread.title).where(Thread.id == thread_id).scalar_subquery()
    opening = (
        sa.select(Post.body)
        .where(Post.thread_id == thread_id, Post.position == 0, Post.hidden_at.is_(None))
        .scalar_subquery()
    )
    opening_text = sa.func.coalesce(opening, "")
    if _is_postgres(session):
        document = sa.func.setweight(_to_tsvector(title), _WEIGHT_A).op("||")(
            sa.func.setweight(_to_tsvector(opening_text), _WEIGHT_B)
        )
        await session.execute(
            sa.update(_threads).where(_threads.c.id == thread_id).values(search_vector=document)
        )
        return
    await session.execute(sa.delete(_fts_subjects).where(_fts_subjects.c.rowid == thread_id))
    await session.execute(
        sa.insert(_fts_subjects).from_select(
            ["rowid", "title", "body"], sa.select(sa.literal(thread_id), title, opening_text)
        )
    )


async def index_post(session: AsyncSession, post: Post) -> None:
    """(Re)write the document of a post that was just written (flushed), edited, hidden or
    shown; `post` must hold its current `hidden_at`. A hidden reply has no document."""
    if post.position == 0:
        await index_thread(session, post.thread_id)
        return
    if post.hidden_at is not None:
        if _is_postgres(session):
            delete = sa.delete(_post_documents).where(_post_documents.c.post_id == post.id)
        else:
            delete = sa.delete(_fts_replies).where(_fts_replies.c.rowid == post.id)
        await session.execute(delete)
        return
    if _is_postgres(session):
        stmt = postgresql.insert(_post_documents).from_select(
            ["post_id", "thread_id", "document"],
            sa.select(Post.id, Post.thread_id, _to_tsvector(Post.body)).where(Post.id == post.id),
        )
        await session.execute(
            stmt.on_conflict_do_update(
                index_elements=["post_id"], set_={"document": stmt.excluded.document}
            )
        )
        return
    # FTS5 tables have no upsert.
    await session.execute(sa.delete(_fts_replies).where(_fts_replies.c.rowid == post.id))
    await session.execute(
        sa.insert(_fts_replies).from_select(
            ["rowid", "body", "thread_id"],
            sa.select(Post.id, Post.body, Post.thread_id).where(Post.id == post.id),
        )
    )


def _fts5_query(text: str) -> str:
    # Every word quoted: the user's text is never read as FTS5 query syntax.
    return " ".join(f'"{word}"' for word in _WORD.findall(text))


def _query(text: str) -> ColumnElement[object]:
    # A web search: every word, "quoted phrases", -word to exclude, or.
    return sa.func.websearch_to_tsquery(_LANGUAGE, text)


def matches_subject(session: AsyncSession, text: str) -> ColumnElement[bool]:
    """A condition on `threads`: its title and opening post, together, match `text`.

    PostgreSQL reads `text` as a web search (`websearch_to_tsquery`); SQLite looks for
    every word.
    """
    if _is_postgres(session):
        return _SUBJECT_DOCUMENT.op("@@")(_query(text))
    words = _fts5_query(text)
    if not words:
        return sa.false()
    return Thread.id.in_(sa.select(_fts_subjects.c.rowid).where(_FTS_SUBJECTS.op("MATCH")(words)))


def matches_reply(session: AsyncSession, text: str) -> ColumnElement[bool]:
    """A condition on `threads`: at least one of its replies matches `text` (read as by
    `matches_subject`)."""
    if _is_postgres(session):
        # The threads with a matching reply are collected from the GIN index first, always:
        # walking threads and probing each one's replies is quicker when most threads
        # match, but it reads every reply of every thread when none does, and a prepared
        # statement's generic plan (which cannot see the words) would choose it blindly.
        replied = (
            sa.select(_post_documents.c.thread_id)
            .where(_post_documents.c.document.op("@@")(_query(text)))
            .cte("reply_matches")
            .prefix_with("MATERIALIZED")
        )
        return Thread.id.in_(sa.select(replied.c.thread_id))
    words = _fts5_query(text)
    if not words:
        return sa.false()
    return Thread.id.in_(sa.select(_fts_replies.c.thread_id).where(_FTS_REPLIES.op("MATCH")(words)))
