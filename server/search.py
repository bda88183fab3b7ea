"""Full-text search over threads: PostgreSQL tsvector + GIN, SQLite FTS5.

A thread's document is its title (weighted higher) and the text of every post
that is not hidden. The document is updated in the transaction that writes the
post, and rebuilt when a moderator hides or shows one.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from server.models import Post, Thread

T = TypeVar("T", bound=Any)

_threads = sa.table("threads", sa.column("id"), sa.column("search_vector"))
_fts = sa.table("thread_search", sa.column("rowid"), sa.column("title"), sa.column("body"))
_WORD = re.compile(r"\w+", re.UNICODE)
_LANGUAGE = "english"
# setweight() takes a "char", which a bound string parameter is not.
_WEIGHT_A: ColumnElement[str] = sa.literal_column("'A'")
_WEIGHT_B: ColumnElement[str] = sa.literal_column("'B'")


def _is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _pg_document(title: ColumnElement[str], body: ColumnElement[str]) -> ColumnElement[object]:
    return sa.func.setweight(sa.func.to_tsvector(_LANGUAGE, title), _WEIGHT_A).op("||")(
        sa.func.setweight(sa.func.to_tsvector(_LANGUAGE, body), _WEIGHT_B)
    )


async def index_thread(session: AsyncSession, thread_id: int) -> None:
    """(Re)build a thread's document from its title and all its posts but hidden ones.

    Hidden text is left out for everyone (moderators too): one document per thread
    serves every viewer, and a search must never match on words nobody else may read.
    """
    title = sa.select(Thread.title).where(Thread.id == thread_id).scalar_subquery()
    bodies = (
        (
            sa.select(sa.func.coalesce(sa.func.string_agg(Post.body, sa.literal(" ")), ""))
            if _is_postgres(session)
            else sa.select(sa.func.coalesce(sa.func.group_concat(Post.body, " "), ""))
        )
        .where(Post.thread_id == thread_id, Post.hidden_at.is_(None))
        .scalar_subquery()
    )
    if _is_postgres(session):
        await session.execute(
            sa.update(_threads)
            .where(_threads.c.id == thread_id)
            .values(search_vector=_pg_document(title, bodies))
        )
    else:
        await session.execute(sa.delete(_fts).where(_fts.c.rowid == thread_id))
        await session.execute(
            sa.insert(_fts).from_select(
                ["rowid", "title", "body"], sa.select(sa.literal(thread_id), title, bodies)
            )
        )


async def add_post_text(session: AsyncSession, thread_id: int, body: str) -> None:
    """Append a new post's text to its thread's document (cheaper than a rebuild)."""
    if _is_postgres(session):
        await session.execute(
            sa.update(_threads)
            .where(_threads.c.id == thread_id)
            .values(
                search_vector=sa.func.coalesce(_threads.c.search_vector, sa.cast("", TSVECTOR)).op(
                    "||"
                )(sa.func.setweight(sa.func.to_tsvector(_LANGUAGE, body), _WEIGHT_B))
            )
        )
    else:
        await session.execute(
            sa.update(_fts)
            .where(_fts.c.rowid == thread_id)
            .values(body=_fts.c.body.op("||")(" " + body))
        )


def _fts5_query(text: str) -> str:
    # Every word quoted: the user's text is never read as FTS5 query syntax.
    return " ".join(f'"{word}"' for word in _WORD.findall(text))


def apply(
    session: AsyncSession, stmt: sa.Select[T], text: str
) -> tuple[sa.Select[T], ColumnElement[float]]:
    """Keep the threads of `stmt` matching `text`; returns it and their relevance (higher first)."""
    if _is_postgres(session):
        query = sa.func.websearch_to_tsquery(_LANGUAGE, text)
        vector: ColumnElement[object] = sa.literal_column("threads.search_vector")
        return stmt.where(vector.op("@@")(query)), sa.func.ts_rank(vector, query)
    words = _fts5_query(text)
    if not words:
        return stmt.where(sa.false()), sa.literal(0.0)
    hits = (
        sa.select(
            _fts.c.rowid.label("thread_id"),
            (-sa.func.bm25(sa.literal_column("thread_search"), 10.0, 1.0)).label("rank"),
        )
        .where(sa.literal_column("thread_search").op("MATCH")(words))
        .subquery("search_hits")
    )
    return stmt.join(hits, hits.c.thread_id == Thread.id), hits.c.rank
