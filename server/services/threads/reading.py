"""Reading threads as the viewer may: the feed and its filters, search, replies, counts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine.result import result_tuple
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from server import search
from server.db import is_statement_timeout
from server.domain import (
    OrganisationType,
    RoarPillar,
    ThreadKind,
    ThreadOrder,
    ThreadStatus,
    mask_to_pillars,
    mask_to_types,
    pillars_to_mask,
    types_to_mask,
)
from server.models import (
    MEMBER_BUNDLE,
    ORGANISATION_BUNDLE,
    THREAD_BUNDLE,
    Member,
    MemberRecord,
    Organisation,
    OrganisationRecord,
    Post,
    PostRecord,
    Thread,
    ThreadRecord,
    ThreadTopic,
    record_columns,
)
from server.services.errors import (
    BadInput,
    TimedOut,
)
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.validation import (
    SEARCH_MAX,
    SLUG_MAX,
    TOPICS_MAX,
)
from server.services.viewer import (
    Viewer,
    can_see_hidden,
    readable_visibilities,
)

# Search results come in two groups: threads whose title or opening post match (the
# thread is about it), then threads that match in a reply only. A cursor holds the group.
SUBJECT_MATCH = 1
REPLY_MATCH = 0
SEARCH_TOO_SLOW = (
    "The search took too long and was stopped. Narrow it: use more specific words, a "
    '"quoted phrase", or filters.'
)


@dataclass(frozen=True)
class ThreadFilter:
    """Which threads to list; every list means "any of these"."""

    pillars: Sequence[RoarPillar] | None = None
    organisation_types: Sequence[OrganisationType] | None = None
    kinds: Sequence[ThreadKind] | None = None
    statuses: Sequence[ThreadStatus] | None = None
    topics: Sequence[str] | None = None
    organisation_id: int | None = None
    # Any of these organisations (the Atom feeds' repeatable `organisation`).
    organisation_ids: Sequence[int] | None = None
    # The organisation by the slug of its address (/o/<slug>): what an embed knows.
    organisation_slug: str | None = None
    has_expert_reply: bool | None = None
    search: str | None = None


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


def _visible(viewer: Viewer) -> sa.ColumnElement[bool]:
    shape, params = _shape_and_params(viewer, _NO_FILTER)

    def bound(name: str, **kw: Any) -> sa.BindParameter[Any]:
        return sa.bindparam(name, params[name], unique=True, **kw)

    return sa.and_(*_build_conditions(shape, bound))


def visible(viewer: Viewer) -> sa.ColumnElement[bool]:
    """The one rule for threads, in SQL: what `viewer` may read, hidden ones aside."""
    return _visible(viewer)


def post_visible(viewer: Viewer) -> sa.ColumnElement[bool]:
    """The one rule for posts: hidden ones only for moderators and their author."""
    if can_see_hidden(viewer):
        return sa.true()
    return _not_hidden(Post.hidden_at, Post.author_id, viewer)


def _not_hidden(
    hidden_at: InstrumentedAttribute[datetime | None],
    author_id: InstrumentedAttribute[int],
    viewer: Viewer,
) -> sa.ColumnElement[bool]:
    if viewer.member_id is None:
        return hidden_at.is_(None)
    return sa.or_(hidden_at.is_(None), author_id == viewer.member_id)


_NO_FILTER = ThreadFilter()

# What a thread list's statement depends on besides values: who reads (a visitor, a member,
# someone who sees hidden threads) and which filters are given. One statement per shape is
# built, once; the values are its bound parameters.
_Shape = tuple[Any, ...]


def _shape_and_params(viewer: Viewer, flt: ThreadFilter) -> tuple[_Shape, dict[str, Any]]:
    """The shape of `flt` for `viewer` and the values of its parameters (limits checked)."""
    if flt.topics is not None and len(flt.topics) > TOPICS_MAX:
        raise BadInput(f"`filter.topics` takes at most {TOPICS_MAX} topics.")
    if flt.search is not None and len(flt.search) > SEARCH_MAX:
        raise BadInput(f"`filter.search` takes at most {SEARCH_MAX} characters.")
    if flt.organisation_slug is not None and len(flt.organisation_slug) > SLUG_MAX:
        raise BadInput(f"`filter.organisationSlug` takes at most {SLUG_MAX} characters.")
    params: dict[str, Any] = {"visibilities": list(readable_visibilities(viewer))}
    sees_hidden = can_see_hidden(viewer)
    if not sees_hidden and viewer.member_id is not None:
        params["viewer_id"] = viewer.member_id
    if flt.pillars:
        params["pillars"] = pillars_to_mask(set(flt.pillars))
    if flt.organisation_types:
        params["types"] = types_to_mask(set(flt.organisation_types))
    if flt.kinds:
        params["kinds"] = sorted(set(flt.kinds), key=lambda k: k.value)
    if flt.statuses:
        params["statuses"] = sorted(set(flt.statuses), key=lambda k: k.value)
    if flt.topics:
        params["topics"] = sorted({t.strip().lower() for t in flt.topics})
    if flt.organisation_id is not None:
        params["organisation_id"] = flt.organisation_id
    if flt.organisation_ids is not None:
        params["organisation_ids"] = sorted(set(flt.organisation_ids))
    if flt.organisation_slug is not None:
        params["slug"] = flt.organisation_slug.strip().lower()
    shape = (sees_hidden, frozenset(params), flt.has_expert_reply)
    return shape, params


@functools.cache
def _conditions(shape: _Shape) -> tuple[sa.ColumnElement[bool], ...]:
    """`_build_conditions` on parameters without values, built once per shape."""
    return _build_conditions(shape, sa.bindparam)


def _build_conditions(
    shape: _Shape, bind: Callable[..., sa.BindParameter[Any]]
) -> tuple[sa.ColumnElement[bool], ...]:
    """The one rule of thread lists, in SQL: what the viewer may read (hidden ones aside)
    and what the filter asks for, as conditions on the parameters `bind` makes, named as
    in `_shape_and_params`."""
    sees_hidden, names, has_expert_reply = shape
    t = _THREADS
    found: list[sa.ColumnElement[bool]] = [t.visibility.in_(bind("visibilities", expanding=True))]
    if not sees_hidden:
        if "viewer_id" in names:
            found.append(sa.or_(t.hidden_at.is_(None), t.author_id == bind("viewer_id")))
        else:
            found.append(t.hidden_at.is_(None))
    if "pillars" in names:
        found.append(t.pillars_mask.op("&")(bind("pillars", type_=sa.Integer)) != 0)
    if "types" in names:
        found.append(t.organisation_types_mask.op("&")(bind("types", type_=sa.Integer)) != 0)
    if "kinds" in names:
        found.append(t.kind.in_(bind("kinds", expanding=True)))
    if "statuses" in names:
        found.append(t.status.in_(bind("statuses", expanding=True)))
    if "topics" in names:
        topics = ThreadTopic.__table__.c
        found.append(
            t.id.in_(
                sa.select(topics.thread_id).where(topics.topic.in_(bind("topics", expanding=True)))
            )
        )
    if "organisation_id" in names:
        found.append(t.organisation_id == bind("organisation_id"))
    if "organisation_ids" in names:
        found.append(t.organisation_id.in_(bind("organisation_ids", expanding=True)))
    if "slug" in names:
        # A subquery, not a lookup first: the page still costs one statement.
        found.append(
            t.organisation_id
            == sa.select(_ORGANISATIONS.id)
            .where(_ORGANISATIONS.slug == bind("slug"))
            .scalar_subquery()
        )
    if has_expert_reply is not None:
        found.append(t.expert_reply_count > 0 if has_expert_reply else t.expert_reply_count == 0)
    return tuple(found)


def _filtered(viewer: Viewer, flt: ThreadFilter) -> tuple[sa.Select[Any], str | None]:
    """The select of the threads `viewer` may see that pass `flt` but for its search,
    and the text to search for (None without one)."""
    shape, params = _shape_and_params(viewer, flt)
    # Pages of threads are only shown: they are read as records (see models.records).
    stmt = sa.select(THREAD_BUNDLE).where(*_conditions(shape)).params(params)
    text = flt.search.strip() if flt.search is not None else ""
    return stmt, text or None


_THREAD_COLUMNS = tuple(attr.property.columns[0] for attr in record_columns(Thread))
_MEMBER_COLUMNS = tuple(attr.property.columns[0] for attr in record_columns(Member))
_ORGANISATION_COLUMNS = tuple(attr.property.columns[0] for attr in record_columns(Organisation))
# Rows named like the models, as the bundles name them (see models.records).
_THREAD_ROW = result_tuple([attr.key for attr in record_columns(Thread)])
_MEMBER_ROW = result_tuple([attr.key for attr in record_columns(Member)])
_ORGANISATION_ROW = result_tuple([attr.key for attr in record_columns(Organisation)])


@functools.cache
def _feed_statement(shape: _Shape, order: ThreadOrder, after: bool) -> sa.Select[Any]:
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
        .where(*_conditions(shape))
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
    shape: _Shape,
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
    stmt, text = _filtered(viewer, flt)
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
        shape, params = _shape_and_params(viewer, flt)
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
    stmt, text = _filtered(viewer, flt)
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


async def thread_counts(
    session: AsyncSession, viewer: Viewer
) -> dict[tuple[RoarPillar, OrganisationType], int]:
    """How many visible threads each (pillar, organisation type) pair has."""
    rows = await session.execute(
        sa.select(Thread.pillars_mask, Thread.organisation_types_mask, sa.func.count())
        .where(_visible(viewer))
        .group_by(Thread.pillars_mask, Thread.organisation_types_mask)
    )
    counts: dict[tuple[RoarPillar, OrganisationType], int] = {}
    for pillars_mask, types_mask, count in rows:
        for pillar in mask_to_pillars(pillars_mask):
            for org_type in mask_to_types(types_mask):
                counts[pillar, org_type] = counts.get((pillar, org_type), 0) + count
    return counts


def _organisation_by_slug(slug: str) -> sa.ScalarSelect[int]:
    """The id of the organisation with this slug, as a subquery (NULL for none)."""
    if len(slug) > SLUG_MAX:
        raise BadInput(f"`filter.organisationSlug` takes at most {SLUG_MAX} characters.")
    return (
        sa.select(Organisation.id)
        .where(Organisation.slug == slug.strip().lower())
        .scalar_subquery()
    )


async def resolve_slug(session: AsyncSession, flt: ThreadFilter) -> ThreadFilter:
    """`flt` with its organisation slug turned into the organisation's id, for `matches`,
    which sees only the thread's row (a slug no organisation has matches no thread)."""
    if flt.organisation_slug is None:
        return flt
    found = await session.scalar(sa.select(_organisation_by_slug(flt.organisation_slug)))
    wanted = {found} if found is not None else set()
    if flt.organisation_ids is not None:
        wanted &= set(flt.organisation_ids)
    return replace(flt, organisation_slug=None, organisation_ids=sorted(wanted))


def matches(thread: ThreadRecord, flt: ThreadFilter) -> bool:
    """Whether a thread passes `flt` (the search is not applied): for live updates.
    An organisation slug must have been resolved first (`resolve_slug`)."""
    if flt.organisation_slug is not None:
        raise ValueError("resolve the filter's organisation slug first (resolve_slug)")
    if flt.pillars and not thread.pillars_mask & pillars_to_mask(set(flt.pillars)):
        return False
    if flt.organisation_types and not thread.organisation_types_mask & types_to_mask(
        set(flt.organisation_types)
    ):
        return False
    if flt.kinds and thread.kind not in flt.kinds:
        return False
    if flt.statuses and thread.status not in flt.statuses:
        return False
    if flt.topics and not {t.strip().lower() for t in flt.topics} & set(thread.topics):
        return False
    if flt.organisation_id is not None and thread.organisation_id != flt.organisation_id:
        return False
    if flt.organisation_ids is not None and thread.organisation_id not in flt.organisation_ids:
        return False
    return flt.has_expert_reply is None or (thread.expert_reply_count > 0) == flt.has_expert_reply


NO_THREAD = "There is no thread with this ID."
NO_POST = "There is no post with this ID."


async def get_thread(session: AsyncSession, viewer: Viewer, thread_id: int) -> Thread | None:
    """The thread, or None when it does not exist or the viewer may not see it."""
    return await session.scalar(sa.select(Thread).where(Thread.id == thread_id, _visible(viewer)))


async def get_post(session: AsyncSession, viewer: Viewer, post_id: int) -> Post | None:
    """The post, or None when it does not exist or it or its thread is hidden from the viewer."""
    return await session.scalar(
        sa.select(Post)
        .join(Thread, Thread.id == Post.thread_id)
        .where(Post.id == post_id, _visible(viewer), post_visible(viewer))
    )


async def list_replies(
    session: AsyncSession,
    thread_id: int,
    *,
    viewer: Viewer,
    first: int,
    after: str | None = None,
) -> Page[PostRecord]:
    """Replies of a thread the caller already found visible, oldest first, as records.

    Hidden replies are left out unless the viewer may see them; positions keep their gaps.
    """
    check_first(first)
    stmt = sa.select(*record_columns(Post)).where(
        Post.thread_id == thread_id, Post.position > 0, post_visible(viewer)
    )
    if after is not None:
        (position,) = decode_cursor(after, "REPLIES", (int,))
        stmt = stmt.where(Post.position > position)
    rows = (await session.execute(stmt.order_by(Post.position).limit(first + 1))).all()
    posts, has_next = take_page(cast("list[PostRecord]", rows), first)
    return Page(
        items=posts,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda p: encode_cursor("REPLIES", (p.position,)),
    )


async def count_replies(session: AsyncSession, viewer: Viewer, thread: ThreadRecord) -> int:
    """How many replies of `thread` the viewer is shown in its `replies` (a query only when
    some are hidden and the viewer may see their own)."""
    if thread.hidden_reply_count == 0:
        return thread.reply_count
    if can_see_hidden(viewer):
        return thread.reply_count + thread.hidden_reply_count
    if viewer.member_id is None:
        return thread.reply_count
    own_hidden = await session.scalar(
        sa.select(sa.func.count()).where(
            Post.thread_id == thread.id,
            Post.position > 0,
            Post.hidden_at.is_not(None),
            Post.author_id == viewer.member_id,
        )
    )
    return int(thread.reply_count + (own_hidden or 0))
