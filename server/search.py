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
from dataclasses import dataclass

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
_WORD = re.compile(r"\w+", re.UNICODE)
_LANGUAGE = "english"
# setweight() takes a "char", which a bound string parameter is not.
_WEIGHT_A: ColumnElement[str] = sa.literal_column("'A'")
_WEIGHT_B: ColumnElement[str] = sa.literal_column("'B'")


@dataclass(frozen=True)
class Match:
    """Conditions on `threads` rows for one search text."""

    subject: ColumnElement[bool]
    """The thread's title and opening post, together, match."""
    reply: ColumnElement[bool]
    """At least one of the thread's replies matches."""


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


def match(session: AsyncSession, text: str) -> Match:
    """The conditions under which a thread matches `text`.

    PostgreSQL reads `text` as a web search (`websearch_to_tsquery`: every word, "quoted
    phrases", `-word` to exclude, `or`); SQLite looks for every word.
    """
    if _is_postgres(session):
        query = sa.func.websearch_to_tsquery(_LANGUAGE, text)
        # The threads with a matching reply are collected from the GIN index first, always:
        # walking threads and probing each one's replies is quicker when most threads
        # match, but it reads every reply of every thread when none does, and a prepared
        # statement's generic plan (which cannot see the words) would choose it blindly.
        replied = (
            sa.select(_post_documents.c.thread_id)
            .where(_post_documents.c.document.op("@@")(query))
            .cte("reply_matches")
            .prefix_with("MATERIALIZED")
        )
        return Match(
            subject=sa.literal_column("threads.search_vector").op("@@")(query),
            reply=Thread.id.in_(sa.select(replied.c.thread_id)),
        )
    words = _fts5_query(text)
    if not words:
        return Match(subject=sa.false(), reply=sa.false())
    subjects = sa.select(_fts_subjects.c.rowid).where(
        sa.literal_column("thread_search").op("MATCH")(words)
    )
    replies = sa.select(_fts_replies.c.thread_id).where(
        sa.literal_column("post_search").op("MATCH")(words)
    )
    return Match(subject=Thread.id.in_(subjects), reply=Thread.id.in_(replies))
