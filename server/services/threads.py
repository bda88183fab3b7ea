"""Threads: reading them as the viewer may, and starting, replying, editing, accepting."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, cast

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Bundle

from server import search
from server.db import is_statement_timeout
from server.domain import (
    OrganisationType,
    RoarPillar,
    ThreadKind,
    ThreadOrder,
    ThreadStatus,
    Visibility,
    mask_to_pillars,
    mask_to_types,
    pillars_to_mask,
    types_to_mask,
)
from server.models import Member, Organisation, Post, Thread, ThreadTopic, record_columns
from server.models.base import UTCDateTime, utcnow
from server.services import events, idempotency
from server.services.errors import (
    BadInput,
    FieldError,
    InvalidInput,
    TimedOut,
    UserErrorCode,
)
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.validation import (
    BODY_MAX,
    SEARCH_MAX,
    TITLE_MAX,
    TOPICS_MAX,
    Collector,
    rendered,
)
from server.services.viewer import (
    Viewer,
    can_read,
    can_see_hidden,
    readable_visibilities,
    require_can_accept,
    require_can_edit,
    require_moderator,
    require_writer,
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
    has_expert_reply: bool | None = None
    search: str | None = None


_ORDER_KEYS: dict[ThreadOrder, tuple[Any, type]] = {
    ThreadOrder.LAST_ACTIVITY: (Thread.last_activity_at, datetime),
    ThreadOrder.NEWEST: (Thread.created_at, datetime),
    ThreadOrder.MOST_REPLIES: (Thread.reply_count, int),
}


def _visible(viewer: Viewer) -> sa.ColumnElement[bool]:
    readable = Thread.visibility.in_(readable_visibilities(viewer))
    if can_see_hidden(viewer):
        return readable
    return sa.and_(readable, _not_hidden(Thread.hidden_at, Thread.author_id, viewer))


def thread_shown_to(viewer: Viewer, thread: Any) -> bool:
    """`_visible` for a thread (a row) already loaded: whether `viewer` may see it."""
    return can_read(viewer, thread.visibility) and (
        thread.hidden_at is None or can_see_hidden(viewer, thread.author_id)
    )


def post_visible(viewer: Viewer) -> sa.ColumnElement[bool]:
    """The one rule for posts: hidden ones only for moderators and their author."""
    if can_see_hidden(viewer):
        return sa.true()
    return _not_hidden(Post.hidden_at, Post.author_id, viewer)


def _not_hidden(hidden_at: Any, author_id: Any, viewer: Viewer) -> sa.ColumnElement[bool]:
    if viewer.member_id is None:
        return hidden_at.is_(None)
    return sa.or_(hidden_at.is_(None), author_id == viewer.member_id)


# Pages of threads are only shown: they are read as rows (see models.records).
_THREAD_ROW: Bundle[Any] = Bundle("thread", *record_columns(Thread))


def _filtered(viewer: Viewer, flt: ThreadFilter) -> tuple[sa.Select[Any], str | None]:
    """The select of the threads `viewer` may see that pass `flt` but for its search,
    and the text to search for (None without one)."""
    if flt.topics is not None and len(flt.topics) > TOPICS_MAX:
        raise BadInput(f"`filter.topics` takes at most {TOPICS_MAX} topics.")
    if flt.search is not None and len(flt.search) > SEARCH_MAX:
        raise BadInput(f"`filter.search` takes at most {SEARCH_MAX} characters.")
    stmt = sa.select(_THREAD_ROW).where(_visible(viewer))
    if flt.pillars:
        stmt = stmt.where(Thread.pillars_mask.op("&")(pillars_to_mask(set(flt.pillars))) != 0)
    if flt.organisation_types:
        mask = types_to_mask(set(flt.organisation_types))
        stmt = stmt.where(Thread.organisation_types_mask.op("&")(mask) != 0)
    if flt.kinds:
        stmt = stmt.where(Thread.kind.in_({k.value for k in flt.kinds}))
    if flt.statuses:
        stmt = stmt.where(Thread.status.in_({s.value for s in flt.statuses}))
    if flt.topics:
        topics = {t.strip().lower() for t in flt.topics}
        stmt = stmt.where(
            Thread.id.in_(sa.select(ThreadTopic.thread_id).where(ThreadTopic.topic.in_(topics)))
        )
    if flt.organisation_id is not None:
        stmt = stmt.where(Thread.organisation_id == flt.organisation_id)
    if flt.has_expert_reply is not None:
        stmt = stmt.where(
            Thread.expert_reply_count > 0
            if flt.has_expert_reply
            else Thread.expert_reply_count == 0
        )
    text = flt.search.strip() if flt.search is not None else ""
    return stmt, text or None


@contextmanager
def _search_time_limit() -> Iterator[None]:
    """A search stopped by the statement timeout becomes a TIMEOUT error that says why."""
    try:
        yield
    except DBAPIError as exc:
        if is_statement_timeout(exc):
            raise TimedOut(SEARCH_TOO_SLOW) from exc
        raise


async def list_threads(
    session: AsyncSession,
    viewer: Viewer,
    flt: ThreadFilter,
    order: ThreadOrder,
    *,
    first: int,
    after: str | None = None,
) -> Page[Any]:
    """A page of threads in `order`, as rows.

    With a search, the threads whose title or opening post match come first, then those
    that match in a reply only; each group is in `order`.
    """
    check_first(first)
    stmt, text = _filtered(viewer, flt)
    key, key_type = _ORDER_KEYS[order]
    if text is not None:
        with _search_time_limit():
            return await _search_page(session, stmt, text, order, first=first, after=after)
    if after is not None:
        last_key, last_id = decode_cursor(after, order.value, (key_type, int))
        stmt = stmt.where(_after(key, last_key, last_id))
    rows, has_next = take_page(await _rows(session, stmt, key, first + 1), first)
    keys = {row[0].id: row[1] for row in rows}
    return Page(
        items=[row[0] for row in rows],
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda t: encode_cursor(order.value, (keys[t.id], t.id)),
    )


async def _search_page(
    session: AsyncSession,
    stmt: sa.Select[Any],
    text: str,
    order: ThreadOrder,
    *,
    first: int,
    after: str | None,
) -> Page[Any]:
    # One statement per group, each walking an index in `order` (or collecting its few
    # matches from the GIN index): the reply group is read only when the subject group
    # does not fill the page, and it costs more (a probe of each thread's replies).
    key, key_type = _ORDER_KEYS[order]
    ordering = f"SEARCH_{order.value}"
    group, bound = SUBJECT_MATCH, None
    if after is not None:
        group, last_key, last_id = decode_cursor(after, ordering, (int, key_type, int))
        if group not in (SUBJECT_MATCH, REPLY_MATCH):
            raise BadInput("`after` is not a cursor of this list.")
        bound = _after(key, last_key, last_id)
    rows: list[tuple[int, sa.Row[Any, Any]]] = []
    matches_subject = search.matches_subject(session, text)
    if group == SUBJECT_MATCH:
        subject = stmt.where(matches_subject)
        if bound is not None:
            subject, bound = subject.where(bound), None
        rows += [(SUBJECT_MATCH, row) for row in await _rows(session, subject, key, first + 1)]
    if len(rows) <= first:
        replies = stmt.where(sa.not_(matches_subject), search.matches_reply(session, text))
        if bound is not None:
            replies = replies.where(bound)
        limit = first + 1 - len(rows)
        rows += [(REPLY_MATCH, row) for row in await _rows(session, replies, key, limit)]
    page, has_next = take_page(rows, first)
    keys = {row[0].id: (group, row[1], row[0].id) for group, row in page}
    return Page(
        items=[row[0] for _, row in page],
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda t: encode_cursor(ordering, keys[t.id]),
    )


def _after(key: Any, last_key: Any, last_id: int) -> sa.ColumnElement[bool]:
    """Rows after (key, id) in descending order: the keyset condition of a cursor."""
    bound = sa.literal(last_key, key.type)
    return sa.tuple_(key, Thread.id) < sa.tuple_(bound, sa.literal(last_id))


async def _rows(
    session: AsyncSession, stmt: sa.Select[Any], key: Any, limit: int
) -> list[sa.Row[Any, Any]]:
    ordered = stmt.add_columns(key).order_by(key.desc(), Thread.id.desc()).limit(limit)
    return list((await session.execute(ordered)).all())


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


def matches(thread: Thread, flt: ThreadFilter) -> bool:
    """Whether a thread passes `flt` (the search is not applied): for live updates."""
    if flt.pillars and not thread.pillars_mask & pillars_to_mask(set(flt.pillars)):
        return False
    if flt.organisation_types and not thread.organisation_types_mask & types_to_mask(
        set(flt.organisation_types)
    ):
        return False
    if flt.kinds and thread.kind not in {k.value for k in flt.kinds}:
        return False
    if flt.statuses and thread.status not in {s.value for s in flt.statuses}:
        return False
    if flt.topics and not {t.strip().lower() for t in flt.topics} & set(thread.topics):
        return False
    if flt.organisation_id is not None and thread.organisation_id != flt.organisation_id:
        return False
    return flt.has_expert_reply is None or (thread.expert_reply_count > 0) == flt.has_expert_reply


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
) -> Page[Any]:
    """Replies of a thread the caller already found visible, oldest first, as rows.

    Hidden replies are left out unless the viewer may see them; positions keep their gaps.
    """
    check_first(first)
    stmt = sa.select(*record_columns(Post)).where(
        Post.thread_id == thread_id, Post.position > 0, post_visible(viewer)
    )
    if after is not None:
        (position,) = decode_cursor(after, "REPLIES", (int,))
        stmt = stmt.where(Post.position > position)
    posts, has_next = take_page(
        list((await session.execute(stmt.order_by(Post.position).limit(first + 1))).all()), first
    )
    return Page(
        items=posts,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda p: encode_cursor("REPLIES", (p.position,)),
    )


# --- writes ---------------------------------------------------------------------------


async def count_replies(session: AsyncSession, viewer: Viewer, thread: Any) -> int:
    """How many replies of `thread` (a row) the viewer is shown in its `replies`."""
    if thread.hidden_reply_count == 0:
        return int(thread.reply_count)
    if can_see_hidden(viewer):
        return int(thread.reply_count + thread.hidden_reply_count)
    if viewer.member_id is None:
        return int(thread.reply_count)
    own_hidden = await session.scalar(
        sa.select(sa.func.count()).where(
            Post.thread_id == thread.id,
            Post.position > 0,
            Post.hidden_at.is_not(None),
            Post.author_id == viewer.member_id,
        )
    )
    return int(thread.reply_count + (own_hidden or 0))


async def start_thread(
    session: AsyncSession,
    viewer: Viewer,
    *,
    kind: ThreadKind,
    title: str,
    body: str,
    pillars: Sequence[RoarPillar],
    organisation_types: Sequence[OrganisationType] | None = None,
    topics: Sequence[str] | None = None,
    visibility: Visibility = Visibility.PUBLIC,
    idempotency_key: str | None = None,
    now: datetime | None = None,
) -> Thread:
    """Start a thread with its opening post."""
    author_id = require_writer(viewer)
    check = Collector("input")
    title = check.text("title", title, label="Title", max_length=TITLE_MAX)
    body = check.text("body", body, label="Body", max_length=BODY_MAX)
    if not pillars:
        check.add("pillars", "Choose at least one ROAR pillar.", UserErrorCode.REQUIRED)
    clean_topics = check.topics("topics", topics)
    key = check.idempotency_key("idempotencyKey", idempotency_key)
    check.raise_if_any()

    if key is not None:
        request = {
            "kind": kind.value,
            "title": title,
            "body": body,
            "pillars": sorted(p.value for p in pillars),
            "organisationTypes": sorted(t.value for t in organisation_types or ()),
            "topics": clean_topics,
            "visibility": visibility.value,
        }
        first_id = await idempotency.claim(
            session,
            author_id,
            key,
            "startThread",
            idempotency.fingerprint("startThread", request),
        )
        if first_id is not None:
            return await _thread(session, first_id)

    if organisation_types:
        types_mask = types_to_mask(set(organisation_types))
    else:
        own_type = await session.scalar(
            sa.select(Organisation.type).where(Organisation.id == viewer.organisation_id)
        )
        types_mask = types_to_mask({OrganisationType(own_type)})
    now = now or utcnow()
    thread = Thread(
        kind=kind.value,
        title=title,
        status=ThreadStatus.OPEN.value,
        visibility=visibility.value,
        pillars_mask=pillars_to_mask(set(pillars)),
        organisation_types_mask=types_mask,
        topics=clean_topics,
        author_id=author_id,
        organisation_id=viewer.organisation_id,
        reply_count=0,
        expert_reply_count=0,
        created_at=now,
        last_activity_at=now,
    )
    session.add(thread)
    await session.flush()
    session.add(
        Post(
            thread_id=thread.id,
            position=0,
            author_id=author_id,
            body=body,
            body_html=await rendered("body", body),
            is_expert=False,
            created_at=now,
        )
    )
    session.add_all(ThreadTopic(thread_id=thread.id, topic=t) for t in clean_topics)
    await session.flush()
    await search.index_thread(session, thread.id)
    if key is not None:
        await idempotency.record(session, author_id, key, thread.id)
    events.record(session, events.Event(events.THREADS_CHANNEL, {"thread_id": thread.id}))
    return thread


async def reply(
    session: AsyncSession,
    viewer: Viewer,
    *,
    thread_id: int | None,
    body: str,
    idempotency_key: str | None = None,
    now: datetime | None = None,
) -> Post:
    """Add a reply to a thread that is not closed. `thread_id` None means an unreadable ID.

    The returned post is not attached to the session: it is the row as inserted.
    """
    author_id = require_writer(viewer)
    check = Collector("input")
    body = check.text("body", body, label="Body", max_length=BODY_MAX)
    key = check.idempotency_key("idempotencyKey", idempotency_key)
    if check.errors or thread_id is None:
        # Bad input changes nothing; every problem is named at once, the thread's too.
        if thread_id is None or await get_thread(session, viewer, thread_id) is None:
            check.add("threadId", _NO_THREAD, UserErrorCode.INVALID)
        check.raise_if_any()
    assert thread_id is not None

    if key is not None:
        first_id = await idempotency.claim(
            session,
            author_id,
            key,
            "reply",
            idempotency.fingerprint("reply", {"threadId": thread_id, "body": body}),
        )
        if first_id is not None:
            first = await get_post(session, viewer, first_id)
            if first is None:
                raise InvalidInput([_field_error("threadId", _NO_THREAD)])
            return first

    # Rendered before the thread's row is locked: the lock is held as briefly as can be.
    body_html = await rendered("body", body)
    postgres = session.get_bind().dialect.name == "postgresql"
    if now is None and not postgres:
        now = utcnow()  # SQLite writers hold the lock from BEGIN IMMEDIATE on
    bump_and_add, add = _reply_statements(postgres, clock=now is None)
    # Bound by name; none is a column name, which an UPDATE would take as one to set.
    params = {
        "thread": thread_id,
        "expert_added": 1 if viewer.is_expert else 0,
        "stamp": now,
        "author": author_id,
        "body": body,
        "body_html": body_html,
        "expert": viewer.is_expert,
    }
    row = (await session.execute(bump_and_add, params)).first()
    if row is None:
        if await get_thread(session, viewer, thread_id) is None:
            raise InvalidInput([_field_error("threadId", _NO_THREAD)])
        raise _closed("threadId")
    if add is None:
        post_id, position, created_at, *facts = row
    else:
        position, created_at, *facts = row
        at = {"position": position, "created_at": created_at}
        post_id = (await session.execute(add, {**params, **at})).scalar_one()
    thread = _ThreadFacts(*facts)
    if not thread_shown_to(viewer, thread):
        # What was written is rolled back with the transaction.
        raise InvalidInput([_field_error("threadId", _NO_THREAD)])
    if key is not None:
        await idempotency.record(session, author_id, key, post_id)
    post = Post(
        id=post_id,
        thread_id=thread_id,
        position=position,
        author_id=author_id,
        body=body,
        body_html=body_html,
        is_expert=viewer.is_expert,
        created_at=created_at,
        edited_at=None,
        hidden_at=None,
        hidden_reason=None,
    )
    await search.index_post(session, post)
    # The author is loaded once for all the event's subscribers (see server.schema.live).
    events.record(
        session,
        _reply_event(
            post, None, visibility=thread.visibility, thread_hidden=thread.hidden_at is not None
        ),
    )
    return post


class _ThreadFacts(NamedTuple):
    """What a reply's statement returns of its thread: enough for `thread_shown_to`."""

    visibility: str
    hidden_at: datetime | None
    author_id: int


@functools.cache
def _reply_statements(postgres: bool, *, clock: bool) -> tuple[sa.Executable, sa.Executable | None]:
    """A reply's statements, built once (only their bound values change), so that neither
    building them nor their cache key costs anything per reply.

    The first bumps the thread's counters, taking its row lock, and returns the new
    post's `position` and `created_at`, then `_ThreadFacts`; a closed thread matches no
    row. So concurrent replies get consecutive positions (after the hidden ones too,
    which the counts leave out), and the time (`clock`: the database's, read once the
    lock is held; else the `stamp` given) follows the position. On PostgreSQL the first
    also inserts the post and returns its id before the rest, so the lock is held one
    round trip less; SQLite cannot update inside a WITH, so there the second inserts it.
    """
    threads_, posts = cast(sa.Table, Thread.__table__), cast(sa.Table, Post.__table__)
    stamp = sa.func.clock_timestamp() if clock else sa.bindparam("stamp", type_=UTCDateTime())
    bump = (
        sa.update(threads_)
        .where(
            threads_.c.id == sa.bindparam("thread"),
            threads_.c.status != ThreadStatus.CLOSED.value,
        )
        .values(
            reply_count=threads_.c.reply_count + 1,
            expert_reply_count=threads_.c.expert_reply_count + sa.bindparam("expert_added"),
            last_activity_at=stamp,
        )
        .returning(
            (threads_.c.reply_count + threads_.c.hidden_reply_count).label("position"),
            threads_.c.last_activity_at.label("created_at"),
            *(threads_.c[name] for name in _ThreadFacts._fields),
        )
    )
    # The post's columns and the names their values are bound by.
    given = {
        "thread_id": sa.bindparam("thread", type_=posts.c.thread_id.type),
        "author_id": sa.bindparam("author", type_=posts.c.author_id.type),
        "body": sa.bindparam("body", type_=posts.c.body.type),
        "body_html": sa.bindparam("body_html", type_=posts.c.body_html.type),
        "is_expert": sa.bindparam("expert", type_=posts.c.is_expert.type),
    }
    if not postgres:
        position = sa.bindparam("position", type_=posts.c.position.type)
        created_at = sa.bindparam("created_at", type_=posts.c.created_at.type)
        add = (
            sa.insert(posts)
            .values({**given, "position": position, "created_at": created_at})
            .returning(posts.c.id)
        )
        return bump, add
    bumped = bump.cte("bumped")
    inserted = (
        sa.insert(posts)
        .from_select(
            [*given, "position", "created_at"],
            sa.select(*given.values(), bumped.c.position, bumped.c.created_at),
        )
        .returning(posts.c.id)
        .cte("inserted")
    )
    return sa.select(inserted.c.id, *bumped.c).join_from(inserted, bumped, sa.true()), None


def _reply_event(
    post: Post, author: Member | None, *, visibility: str, thread_hidden: bool
) -> events.Event:
    """A new reply's event: ids and what subscribers check, with the rows they render."""
    return events.Event(
        events.replies_channel(post.thread_id),
        {
            "thread_id": post.thread_id,
            "post_id": post.id,
            "visibility": visibility,
            "thread_hidden": thread_hidden,
        },
        rows={"post": post, "author": author},
    )


async def load_event_rows(session: AsyncSession, event: events.Event) -> events.Event:
    """A reply's event received from another process, with the rows `reply` attaches.

    Loaded once for all of this process's subscribers. The thread's visibility and hiding
    are read now, so each subscriber's check is against what holds now. Other events, and
    a post that is gone, come back as they were (subscribers then look up what they need).
    """
    post_id = event.data.get("post_id")
    if not isinstance(post_id, int):
        return event
    row = (
        await session.execute(
            sa.select(Post, Member, Thread.visibility, Thread.hidden_at)
            .join(Thread, Thread.id == Post.thread_id)
            .join(Member, Member.id == Post.author_id)
            .where(Post.id == post_id)
        )
    ).first()
    if row is None:
        return event
    post, author, visibility, thread_hidden_at = row
    return _reply_event(
        post, author, visibility=visibility, thread_hidden=thread_hidden_at is not None
    )


async def edit_post(
    session: AsyncSession,
    viewer: Viewer,
    *,
    post_id: int | None,
    body: str,
    now: datetime | None = None,
) -> Post:
    """Change a post's body; the author or a moderator may. Keeps when it was edited."""
    require_writer(viewer)
    check = Collector("input")
    body = check.text("body", body, label="Body", max_length=BODY_MAX)
    post = await get_post(session, viewer, post_id) if post_id is not None else None
    if post is None:
        check.add("postId", "There is no post with this ID.", UserErrorCode.INVALID)
    check.raise_if_any()
    assert post is not None
    require_can_edit(viewer, post.author_id)
    thread = await _thread(session, post.thread_id)
    if thread.status == ThreadStatus.CLOSED.value and not viewer.is_moderator:
        raise _closed("postId")
    post.body = body
    post.body_html = await rendered("body", body)
    post.edited_at = now or utcnow()
    await session.flush()
    await search.index_post(session, post)
    return post


async def accept_reply(session: AsyncSession, viewer: Viewer, *, post_id: int | None) -> Thread:
    """Mark a reply as the thread's answer; the thread becomes ANSWERED."""
    require_writer(viewer)
    post = await get_post(session, viewer, post_id) if post_id is not None else None
    if post is None:
        raise InvalidInput([_field_error("postId", "There is no post with this ID.")])
    thread = await _thread(session, post.thread_id)
    require_can_accept(viewer, thread.author_id)
    if post.position == 0:
        raise InvalidInput(
            [_field_error("postId", "The opening post cannot be accepted: choose a reply.")]
        )
    if post.hidden_at is not None:
        raise InvalidInput(
            [_field_error("postId", "This reply is hidden by a moderator: it cannot be accepted.")]
        )
    if thread.status == ThreadStatus.CLOSED.value:
        raise _closed("postId")
    thread.accepted_post_id = post.id
    thread.status = ThreadStatus.ANSWERED.value
    await session.flush()
    return thread


async def set_closed(
    session: AsyncSession, viewer: Viewer, *, thread_id: int | None, closed: bool
) -> Thread:
    """Close a thread (no more replies or edits) or reopen it; moderators only.

    Reopening restores ANSWERED when the thread has an accepted reply, OPEN otherwise.
    """
    require_moderator(viewer)
    thread = await get_thread(session, viewer, thread_id) if thread_id is not None else None
    if thread is None:
        raise InvalidInput([_field_error("threadId", _NO_THREAD)])
    if closed:
        thread.status = ThreadStatus.CLOSED.value
    elif thread.status == ThreadStatus.CLOSED.value:
        answered = thread.accepted_post_id is not None
        thread.status = (ThreadStatus.ANSWERED if answered else ThreadStatus.OPEN).value
    await session.flush()
    return thread


_NO_THREAD = "There is no thread with this ID."


def _field_error(field: str, message: str) -> FieldError:
    return FieldError(("input", field), message, UserErrorCode.INVALID)


def _closed(field: str) -> InvalidInput:
    return InvalidInput(
        [
            FieldError(
                ("input", field),
                "This thread is closed: it takes no new replies or changes.",
                UserErrorCode.CLOSED,
            )
        ]
    )


async def _thread(session: AsyncSession, thread_id: int) -> Thread:
    return (await session.execute(sa.select(Thread).where(Thread.id == thread_id))).scalar_one()
