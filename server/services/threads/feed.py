"""Pages of threads: the orders and their keyset cursors, the feed's one statement with
its authors, the two groups of a search, and how many threads a list has."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine.result import result_tuple
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from server import search
from server.db import is_statement_timeout
from server.domain import ThreadOrder
from server.models import (
    MEMBER_BUNDLE,
    ORGANISATION_BUNDLE,
    Member,
    MemberRecord,
    Organisation,
    OrganisationRecord,
    Thread,
    ThreadRecord,
    record_columns,
)
from server.services.errors import BadInput, TimedOut
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.threads.filters import (
    STATEMENTS_KEPT,
    Shape,
    ThreadFilter,
    conditions,
    filtered,
    shape_and_params,
)
from server.services.viewer import Viewer

# Search results come in two groups: threads whose title or opening post match (the
# thread is about it), then threads that match in a reply only. A cursor holds the group.
SUBJECT_MATCH = 1
REPLY_MATCH = 0
SEARCH_TOO_SLOW = (
    "The search took too long and was stopped. Narrow it: use more specific words, a "
    '"quoted phrase", or filters.'
)


@dataclass(frozen=True)
class _SortKey:
    """An order's sort values (the thread's id follows them as the tie-break) and the types
    a cursor holds them as; all in one direction, so that a keyset bound is one row-value
    comparison."""

    columns: tuple[Any, ...]
    types: tuple[type, ...]
    ascending: bool = False


# The tables' Core columns: the feed's statement is Core (no ORM entities), so SQLAlchemy
# neither sets up ORM loading for it nor needs an ORM compile of it (see `_feed_statement`).
_THREADS = Thread.__table__.c
_MEMBERS = Member.__table__.c
_ORGANISATIONS = Organisation.__table__.c

# 0 for a thread still waiting for an answer, 1 once a reply is accepted.
_ANSWERED = sa.case((_THREADS.accepted_post_id.is_(None), 0), else_=1)

_ORDER_KEYS: dict[ThreadOrder, _SortKey] = {
    ThreadOrder.LAST_ACTIVITY: _SortKey((_THREADS.last_activity_at,), (datetime,)),
    ThreadOrder.NEWEST: _SortKey((_THREADS.created_at,), (datetime,)),
    ThreadOrder.MOST_REPLIES: _SortKey((_THREADS.reply_count,), (int,)),
    # Ascending, ties oldest first: what waits longest for a reply comes first.
    ThreadOrder.FEWEST_REPLIES: _SortKey((_THREADS.reply_count,), (int,), ascending=True),
    ThreadOrder.OLDEST_UNANSWERED: _SortKey(
        (_ANSWERED, _THREADS.created_at), (int, datetime), ascending=True
    ),
}


_THREAD_COLUMNS = tuple(attr.property.columns[0] for attr in record_columns(Thread))
_MEMBER_COLUMNS = tuple(attr.property.columns[0] for attr in record_columns(Member))
_ORGANISATION_COLUMNS = tuple(attr.property.columns[0] for attr in record_columns(Organisation))
# Rows named like the models, as the bundles name them (see models.records).
_THREAD_ROW = result_tuple([attr.key for attr in record_columns(Thread)])
_MEMBER_ROW = result_tuple([attr.key for attr in record_columns(Member)])
_ORGANISATION_ROW = result_tuple([attr.key for attr in record_columns(Organisation)])


@functools.lru_cache(maxsize=STATEMENTS_KEPT)
def _feed_statement(shape: Shape, order: ThreadOrder, after: bool) -> sa.Select[Any]:
    """A page of a thread list with its authors and their organisations, in one statement
    built once per shape, order and whether a cursor bounds it; the rows come as the
    thread's columns, the sort key, the member's and the organisation's columns."""
    key = _ORDER_KEYS[order]
    direction = sa.asc if key.ascending else sa.desc
    stmt = (
        sa.select(*_THREAD_COLUMNS, *key.columns, *_MEMBER_COLUMNS, *_ORGANISATION_COLUMNS)
        .select_from(Thread.__table__)
        .join(Member.__table__, _MEMBERS.id == _THREADS.author_id)
        .outerjoin(Organisation.__table__, _ORGANISATIONS.id == _MEMBERS.organisation_id)
        .where(*conditions(shape))
        .order_by(*(direction(c) for c in key.columns), direction(_THREADS.id))
        .limit(sa.bindparam("limit", type_=sa.Integer))
    )
    if after:
        bounds = [
            sa.bindparam(f"after_{i}", type_=column.type) for i, column in enumerate(key.columns)
        ]
        stmt = stmt.where(_keyset(key, bounds, sa.bindparam("after_id", type_=sa.Integer)))
    return stmt


async def _feed_rows(
    session: AsyncSession,
    shape: Shape,
    params: dict[str, Any],
    order: ThreadOrder,
    limit: int,
    after: tuple[Sequence[Any], int] | None,
    authors: Authors,
) -> list[tuple[ThreadRecord, tuple[Any, ...]]]:
    """Up to `limit` threads of the list, each with its sort key; their authors into
    `authors`. Rows are cut into records (no ORM objects, no bundles)."""
    values = {**params, "limit": limit}
    if after is not None:
        last_key, last_id = after
        values.update({f"after_{i}": value for i, value in enumerate(last_key)}, after_id=last_id)
    stmt = _feed_statement(shape, order, after is not None)
    threads_end = len(_THREAD_COLUMNS)
    key_end = threads_end + len(_ORDER_KEYS[order].columns)
    members_end = key_end + len(_MEMBER_COLUMNS)
    found: list[tuple[ThreadRecord, tuple[Any, ...]]] = []
    for row in await session.execute(stmt, values):
        member = _MEMBER_ROW(row[key_end:members_end])
        organisation = (
            _ORGANISATION_ROW(row[members_end:]) if row[members_end] is not None else None
        )
        authors[member.id] = (member, organisation)
        found.append((_THREAD_ROW(row[:threads_end]), tuple(row[threads_end:key_end])))
    return found


@contextmanager
def _search_time_limit() -> Iterator[None]:
    """A search stopped by the statement timeout becomes a TIMEOUT error that says why."""
    try:
        yield
    except DBAPIError as exc:
        if is_statement_timeout(exc):
            raise TimedOut(SEARCH_TOO_SLOW) from exc
        raise


# Each author of a page's threads, by member id, with their organisation (or None).
Authors = dict[int, tuple[MemberRecord, OrganisationRecord | None]]


async def list_threads(
    session: AsyncSession,
    viewer: Viewer,
    flt: ThreadFilter,
    order: ThreadOrder,
    *,
    first: int,
    after: str | None = None,
) -> Page[ThreadRecord]:
    """A page of threads in `order`, as records.

    With a search, the threads whose title or opening post match come first, then those
    that match in a reply only; each group is in `order`.
    """
    page, _ = await _list_threads(session, viewer, flt, order, first, after, None)
    return page


async def list_threads_with_authors(
    session: AsyncSession,
    viewer: Viewer,
    flt: ThreadFilter,
    order: ThreadOrder,
    *,
    first: int,
    after: str | None = None,
) -> tuple[Page[ThreadRecord], Authors]:
    """`list_threads`, with the threads' authors and their organisations read in the same
    statement (a feed shows each thread with its author: one round trip, not two)."""
    authors: Authors = {}
    page, _ = await _list_threads(session, viewer, flt, order, first, after, authors)
    return page, authors


async def _list_threads(
    session: AsyncSession,
    viewer: Viewer,
    flt: ThreadFilter,
    order: ThreadOrder,
    first: int,
    after: str | None,
    authors: Authors | None,
) -> tuple[Page[ThreadRecord], Authors | None]:
    check_first(first)
    stmt, text = filtered(viewer, flt)
    key = _ORDER_KEYS[order]
    if text is not None:
        with _search_time_limit():
            page = await _search_page(
                session, stmt, text, order, first=first, after=after, authors=authors
            )
            return page, authors
    bound = None
    if after is not None:
        *last_key, last_id = decode_cursor(after, order.value, (*key.types, int))
        bound = (last_key, last_id)
    if authors is not None:
        shape, params = shape_and_params(viewer, flt)
        found = await _feed_rows(session, shape, params, order, first + 1, bound, authors)
    else:
        if bound is not None:
            stmt = stmt.where(_after(key, *bound))
        found = await _rows(session, stmt, key, first + 1)
    rows, has_next = take_page(found, first)
    keys = {thread.id: sort_key for thread, sort_key in rows}
    page = Page(
        items=[thread for thread, _ in rows],
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda t: encode_cursor(order.value, (*keys[t.id], t.id)),
    )
    return page, authors


async def _search_page(
    session: AsyncSession,
    stmt: sa.Select[Any],
    text: str,
    order: ThreadOrder,
    *,
    first: int,
    after: str | None,
    authors: Authors | None = None,
) -> Page[ThreadRecord]:
    # One statement per group, each walking an index in `order` (or collecting its few
    # matches from the GIN index): the reply group is read only when the subject group
    # does not fill the page, and it costs more (a probe of each thread's replies).
    key = _ORDER_KEYS[order]
    ordering = f"SEARCH_{order.value}"
    group, bound = SUBJECT_MATCH, None
    if after is not None:
        group, *last_key, last_id = decode_cursor(after, ordering, (int, *key.types, int))
        if group not in (SUBJECT_MATCH, REPLY_MATCH):
            raise BadInput("`after` is not a cursor of this list.")
        bound = _after(key, last_key, last_id)
    rows: list[tuple[int, tuple[ThreadRecord, tuple[Any, ...]]]] = []
    matches_subject = search.matches_subject(session, text)
    if group == SUBJECT_MATCH:
        subject = stmt.where(matches_subject)
        if bound is not None:
            subject, bound = subject.where(bound), None
        found = await _rows(session, subject, key, first + 1, authors)
        rows += [(SUBJECT_MATCH, row) for row in found]
    if len(rows) <= first:
        replies = stmt.where(sa.not_(matches_subject), search.matches_reply(session, text))
        if bound is not None:
            replies = replies.where(bound)
        limit = first + 1 - len(rows)
        rows += [(REPLY_MATCH, row) for row in await _rows(session, replies, key, limit, authors)]
    page, has_next = take_page(rows, first)
    keys = {thread.id: (group, *sort_key, thread.id) for group, (thread, sort_key) in page}
    return Page(
        items=[thread for _, (thread, _) in page],
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda t: encode_cursor(ordering, keys[t.id]),
    )


def _after(key: _SortKey, last_key: Sequence[Any], last_id: int) -> sa.ColumnElement[bool]:
    """Rows after (key..., id) in the order's direction: the keyset condition of a cursor."""
    pairs = zip(key.columns, last_key, strict=True)
    bounds = [sa.literal(value, column.type) for column, value in pairs]
    return _keyset(key, bounds, sa.literal(last_id))


def _keyset(
    key: _SortKey, bounds: Sequence[sa.ColumnElement[Any]], last_id: sa.ColumnElement[Any]
) -> sa.ColumnElement[bool]:
    row = sa.tuple_(*key.columns, _THREADS.id)
    bound = sa.tuple_(*bounds, last_id)
    return row > bound if key.ascending else row < bound


async def _rows(
    session: AsyncSession,
    stmt: sa.Select[Any],
    key: _SortKey,
    limit: int,
    authors: Authors | None = None,
) -> list[tuple[ThreadRecord, tuple[Any, ...]]]:
    """Up to `limit` threads of `stmt` (which selects THREAD_BUNDLE) in `key`'s order, each
    with its values of `key`; with `authors`, their authors are read too and put there."""
    direction = sa.asc if key.ascending else sa.desc
    ordered = (
        stmt.add_columns(*key.columns)
        .order_by(*(direction(c) for c in key.columns), direction(_THREADS.id))
        .limit(limit)
    )
    if authors is None:
        return [(thread, tuple(sort_key)) for thread, *sort_key in await session.execute(ordered)]
    ordered = (
        ordered.add_columns(MEMBER_BUNDLE, ORGANISATION_BUNDLE)
        .join(Member, Member.id == Thread.author_id)
        .outerjoin(Organisation, Organisation.id == Member.organisation_id)
    )
    found: list[tuple[ThreadRecord, tuple[Any, ...]]] = []
    for thread, *sort_key, member, organisation in await session.execute(ordered):
        # A member without organisation comes with a bundle of NULLs.
        authors[member.id] = (member, organisation if member.organisation_id is not None else None)
        found.append((thread, tuple(sort_key)))
    return found


async def count_threads(session: AsyncSession, viewer: Viewer, flt: ThreadFilter) -> int:
    """How many threads `list_threads` would list, over all its pages."""
    stmt, text = filtered(viewer, flt)
    if text is None:
        total = await session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
        return int(total or 0)
    # The two groups are disjoint: their sizes add up, and neither needs the other's ids.
    subject = search.matches_subject(session, text)
    reply = search.matches_reply(session, text)
    groups = [stmt.where(subject), stmt.where(sa.not_(subject), reply)]
    counts = [
        sa.select(sa.func.count()).select_from(group.subquery()).scalar_subquery()
        for group in groups
    ]
    with _search_time_limit():
        total = await session.scalar(sa.select(counts[0] + counts[1]))
    return int(total or 0)
