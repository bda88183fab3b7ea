"""Writing threads: starting them, replying, editing and accepting replies."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import events, markdown, search
from server.domain import (
    OrganisationType,
    RoarPillar,
    ThreadChange,
    ThreadKind,
    ThreadStatus,
    Visibility,
    pillars_to_mask,
    types_to_mask,
)
from server.models import Organisation, Post, Thread, ThreadTopic
from server.models.base import UTCDateTime, utcnow
from server.services import fanout, follows, idempotency, mentions, webhooks
from server.services.errors import (
    BadInput,
    InvalidInput,
    UserErrorCode,
)
from server.services.threads.live import record_update, reply_event
from server.services.threads.reading import NO_POST, NO_THREAD, get_post, get_thread
from server.services.validation import (
    BODY_MAX,
    TITLE_MAX,
    Collector,
    rendered,
)
from server.services.viewer import (
    Viewer,
    accepts_own_reply,
    require_can_accept,
    require_can_edit,
    require_writer,
    thread_shown_to,
    unacceptable_reason,
)


async def render_preview(text: str) -> str:
    """Markdown rendered exactly as a post's body would be, for previews; as long as a body,
    and refused as a body would be when it would cost too much to render."""
    if len(text) > BODY_MAX:
        raise BadInput(f"`markdown` takes at most {BODY_MAX} characters.")
    try:
        return await markdown.render(text)
    except markdown.MarkdownTooComplex as exc:
        raise BadInput(f"`markdown` {exc.problem}") from None


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
    check = Collector()
    title = check.text("title", title, label="Title", max_length=TITLE_MAX)
    body = check.text("body", body, label="Body", max_length=BODY_MAX)
    if not pillars:
        check.add("pillars", "Choose at least one ROAR pillar.", UserErrorCode.REQUIRED)
    clean_topics = check.topics("topics", topics)
    key = check.idempotency_key("idempotency_key", idempotency_key)
    check.raise_if_any()

    if key is not None:
        request = {
            "kind": kind.value,
            "title": title,
            "body": body,
            "pillars": sorted(p.value for p in pillars),
            "organisation_types": sorted(t.value for t in organisation_types or ()),
            "topics": clean_topics,
            "visibility": visibility.value,
        }
        first_id = await idempotency.claim(
            session,
            author_id,
            key,
            "start_thread",
            idempotency.fingerprint("start_thread", request),
        )
        if first_id is not None:
            return await _thread(session, first_id)

    if organisation_types:
        types_mask = types_to_mask(set(organisation_types))
    else:
        own_type = await session.scalar(
            sa.select(Organisation.type).where(Organisation.id == viewer.organisation_id)
        )
        assert own_type is not None, "a writer's organisation exists (a foreign key)"
        types_mask = types_to_mask({own_type})
    now = now or utcnow()
    thread = Thread(
        kind=kind,
        title=title,
        status=ThreadStatus.OPEN,
        visibility=visibility,
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
    mentioned = await mentions.find(session, body)
    session.add(
        Post(
            thread_id=thread.id,
            position=0,
            author_id=author_id,
            body=body,
            body_html=mentions.link(await rendered("body", body), mentioned),
            is_expert=False,
            created_at=now,
        )
    )
    session.add_all(ThreadTopic(thread_id=thread.id, topic=t) for t in clean_topics)
    await session.flush()
    await search.index_thread(session, thread.id)
    if key is not None:
        await idempotency.record(session, author_id, key, thread.id)
    await follows.auto_follow_thread(session, author_id, thread.id)
    await fanout.queue_thread(session, thread.id, [m.member_id for m in mentioned])
    events.record(session, events.Event(events.THREADS_CHANNEL, {"thread_id": thread.id}))
    await webhooks.announce_thread_started(session, thread)
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
    check = Collector()
    body = check.text("body", body, label="Body", max_length=BODY_MAX)
    key = check.idempotency_key("idempotency_key", idempotency_key)
    if check.errors or thread_id is None:
        # Bad input changes nothing; every problem is named at once, the thread's too.
        if thread_id is None or await get_thread(session, viewer, thread_id) is None:
            check.add("thread_id", NO_THREAD, UserErrorCode.INVALID)
        check.raise_if_any()
    assert thread_id is not None

    if key is not None:
        first_id = await idempotency.claim(
            session,
            author_id,
            key,
            "reply",
            idempotency.fingerprint("reply", {"thread_id": thread_id, "body": body}),
        )
        if first_id is not None:
            first = await get_post(session, viewer, first_id)
            if first is None:
                raise InvalidInput.of("thread_id", NO_THREAD)
            return first

    # Rendered before the thread's row is locked: the lock is held as briefly as can be.
    mentioned = await mentions.find(session, body)
    body_html = mentions.link(await rendered("body", body), mentioned)
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
            raise InvalidInput.of("thread_id", NO_THREAD)
        raise _closed("thread_id")
    if add is None:
        post_id, position, created_at, *facts = row
    else:
        position, created_at, *facts = row
        at = {"position": position, "created_at": created_at}
        post_id = (await session.execute(add, {**params, **at})).scalar_one()
    thread = _ThreadFacts(*facts)
    if not thread_shown_to(viewer, thread):
        # What was written is rolled back with the transaction.
        raise InvalidInput.of("thread_id", NO_THREAD)
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
    await follows.auto_follow_thread(session, author_id, thread_id)
    await fanout.queue_reply(session, post_id, [m.member_id for m in mentioned])
    # The author is loaded once for all the event's subscribers (see server.schema.live).
    events.record(
        session,
        reply_event(
            post, None, visibility=thread.visibility, thread_hidden=thread.hidden_at is not None
        ),
    )
    record_update(session, thread_id, ThreadChange.REPLY_ADDED, post_id)
    await webhooks.announce_reply(session, webhooks.REPLY_ADDED, post)
    return post


class _ThreadFacts(NamedTuple):
    """What a reply's statement returns of its thread: enough for `thread_shown_to`."""

    visibility: Visibility
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
            threads_.c.status != ThreadStatus.CLOSED,
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
    check = Collector()
    body = check.text("body", body, label="Body", max_length=BODY_MAX)
    post = await get_post(session, viewer, post_id) if post_id is not None else None
    if post is None:
        check.add("post_id", NO_POST, UserErrorCode.INVALID)
    check.raise_if_any()
    assert post is not None
    require_can_edit(viewer, post.author_id)
    thread = await _thread(session, post.thread_id)
    if thread.status == ThreadStatus.CLOSED and not viewer.is_moderator:
        raise _closed("post_id")
    mentioned = await mentions.find(session, body)
    post.body = body
    post.body_html = mentions.link(await rendered("body", body), mentioned)
    post.edited_at = now or utcnow()
    await session.flush()
    await search.index_post(session, post)
    record_update(session, post.thread_id, ThreadChange.POST_EDITED, post.id)
    await fanout.queue_mentions(session, post.id, [m.member_id for m in mentioned])
    return post


async def accept_reply(session: AsyncSession, viewer: Viewer, *, post_id: int | None) -> Thread:
    """Mark a reply as the thread's answer; the thread becomes ANSWERED."""
    require_writer(viewer)
    post = await get_post(session, viewer, post_id) if post_id is not None else None
    if post is None:
        raise InvalidInput.of("post_id", NO_POST)
    thread = await _thread(session, post.thread_id)
    require_can_accept(viewer, thread.author_id)
    reason = unacceptable_reason(post)
    if reason is not None:
        raise InvalidInput.of("post_id", reason)
    if accepts_own_reply(viewer, post.author_id):
        raise InvalidInput.of(
            "post_id",
            "You cannot accept your own reply as the answer: accept a reply by someone else.",
        )
    if thread.status == ThreadStatus.CLOSED:
        raise _closed("post_id")
    thread.accepted_post_id = post.id
    thread.status = ThreadStatus.ANSWERED
    await session.flush()
    record_update(session, thread.id, ThreadChange.ANSWER_ACCEPTED, post.id)
    assert viewer.member_id is not None, "require_writer let only members through"
    await fanout.queue_accept(session, thread.id, post.id, viewer.member_id)
    await webhooks.announce_reply(session, webhooks.REPLY_ACCEPTED, post)
    return thread


def _closed(field: str) -> InvalidInput:
    return InvalidInput.of(
        field, "This thread is closed: it takes no new replies or changes.", UserErrorCode.CLOSED
    )


async def _thread(session: AsyncSession, thread_id: int) -> Thread:
    return (await session.execute(sa.select(Thread).where(Thread.id == thread_id))).scalar_one()
