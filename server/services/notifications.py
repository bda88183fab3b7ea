"""A member's notifications: made (`notify`), listed, counted and marked read.

`notify` is the one way to make notifications, for every layer that has news for members
(replies and new threads through `server.services.fanout`, memberships, events). It
skips the actor and banned members, makes at most one notification per member per
event (`event_key`), and records one live event for all of them, published after the
commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from server import events, jobs
from server.domain import EmailFrequency, MemberRole, NotificationReason
from server.ids import to_global_id
from server.models import (
    Member,
    Notification,
    NotificationRecord,
    NotificationSettings,
    Post,
    Thread,
    record_columns,
)
from server.models.base import utcnow
from server.services.errors import InvalidInput, UserErrorCode
from server.services.pagination import Page, newest_first
from server.services.sql import insert_ignoring_conflicts
from server.services.threads.filters import post_visible
from server.services.threads.filters import visible as thread_visible
from server.services.viewer import Viewer, require_member

# The channel of new notifications: one event per batch, naming each recipient's new one.
NOTIFICATIONS_CHANNEL = "notifications"
# The outbox kind that e-mails new notifications to members who want them at once.
EMAIL_IMMEDIATELY = "notifications.email"
TEXT_MAX = 500
MARK_IDS_MAX = 100
NO_NOTIFICATION = "There is no notification of yours with this ID."


@dataclass(frozen=True)
class ReadRule:
    """Who may read what a notification is about: `may_read` decides for a reader by their
    role, and for the members of `authors` (whose own hidden posts they see) by who they
    are too. A rule that read anything else of the reader could not be put in SQL."""

    may_read: Callable[[Viewer], bool]
    authors: frozenset[int] = frozenset()


# A reader of a role who is none of a rule's authors: no member has this id (ids start at 1).
_ANY_MEMBER = 0


def _readers(rule: ReadRule) -> sa.ColumnElement[bool]:
    """`rule` in SQL over the members table: the rule is asked once per role (and per role
    of each author), not once per member, so a thousand candidates are one statement."""
    role, member = Member.__table__.c.role, Member.__table__.c.id

    def roles(member_id: int) -> list[MemberRole]:
        return [r for r in MemberRole if rule.may_read(Viewer(member_id=member_id, role=r))]

    by_role = role.in_(roles(_ANY_MEMBER))
    if not rule.authors:
        return by_role
    authors = sorted(rule.authors)
    return sa.or_(
        sa.and_(member.not_in(authors), by_role),
        *(sa.and_(member == a, role.in_(roles(a))) for a in authors),
    )


async def notify(
    session: AsyncSession,
    recipients: Iterable[int] | sa.Select[Any],
    reason: NotificationReason,
    *,
    text: str,
    event_key: str,
    actor_id: int | None = None,
    thread_id: int | None = None,
    post_id: int | None = None,
    url_path: str | None = None,
    readers: ReadRule | None = None,
    now: datetime | None = None,
    about: Mapping[str, object] | None = None,
) -> dict[int, int]:
    """Notify `recipients` (member ids, or a SELECT of member ids such as a target's
    followers) who may read what it is about (`readers`; everyone when None).

    The actor and banned members are skipped; a member already notified of `event_key` is
    not notified again (whatever the reason then), so a job that runs twice makes nothing
    twice. One INSERT … SELECT however many recipients. Returns the new notifications' ids
    by member id; one live event for all of them is published after the commit (they are
    alike but for their id and member, which live delivery relies on).
    `url_path` links a notification about something other than a thread (`/events/...`).
    `about`: the rows the caller read of what it is about ("thread", "post", "actor"),
    which the event carries, with the first notification, to this process's receivers:
    they render from them instead of querying them again before the first delivery.
    """
    members = Member.__table__
    if not isinstance(recipients, sa.Select):
        recipients = sorted(set(recipients))
        if not recipients:
            return {}
    table = Notification.__table__
    c = table.c
    where: list[sa.ColumnElement[bool]] = [
        members.c.id.in_(recipients),
        members.c.banned_at.is_(None),
    ]
    if actor_id is not None:
        where.append(members.c.id != actor_id)  # never about one's own action
    if readers is not None:
        where.append(_readers(readers))
    values = {
        c.reason: reason,
        c.text: text[:TEXT_MAX],
        c.event_key: event_key,
        c.thread_id: thread_id,
        c.post_id: post_id,
        c.actor_id: actor_id,
        c.url_path: url_path,
        c.created_at: now or utcnow(),
    }
    chosen = sa.select(
        members.c.id, *(sa.literal(value, column.type) for column, value in values.items())
    ).where(*where)
    result = await session.execute(
        insert_ignoring_conflicts(session, table)
        .from_select([c.member_id, *values], chosen)
        .on_conflict_do_nothing(index_elements=["member_id", "event_key"])
        .returning(c.id, c.member_id)
    )
    made = {member_id: notification_id for notification_id, member_id in result}
    if made:
        # Their e-mail (for members who want it at once) is written by the worker.
        await jobs.enqueue(session, EMAIL_IMMEDIATELY, {"ids": sorted(made.values())})
        first_member, first = min(made.items(), key=lambda item: item[1])
        # The first notification as stored (the receivers' template; see `values`).
        template = Notification(
            id=first, member_id=first_member, read_at=None, **{c.key: v for c, v in values.items()}
        )
        events.record(
            session,
            events.Event(
                NOTIFICATIONS_CHANNEL,
                # JSON object keys are text: the same on a wire as in this process.
                {"notifications": {str(m): n for m, n in made.items()}},
                rows={"notification": template, **(about or {})},
            ),
        )
    return made


def _shown(viewer: Viewer, member_id: int) -> Any:
    """The viewer's notifications that are about nothing they may no longer read."""
    return sa.and_(
        Notification.member_id == member_id,
        sa.or_(Notification.thread_id.is_(None), thread_visible(viewer)),
        sa.or_(Notification.post_id.is_(None), post_visible(viewer)),
    )


def _joined(stmt: sa.Select[Any]) -> sa.Select[Any]:
    return stmt.outerjoin(Thread, Thread.id == Notification.thread_id).outerjoin(
        Post, Post.id == Notification.post_id
    )


async def list_notifications(
    session: AsyncSession,
    viewer: Viewer,
    *,
    first: int,
    after: str | None = None,
    unread_only: bool = False,
) -> Page[NotificationRecord]:
    """The viewer's notifications, newest first (one statement)."""
    member_id = require_member(viewer, "see your notifications")
    stmt = _joined(sa.select(*record_columns(Notification))).where(_shown(viewer, member_id))
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    page = await newest_first(
        session, stmt, Notification.id, "NOTIFICATIONS", first=first, after=after
    )
    return cast("Page[NotificationRecord]", page)


async def count_notifications(
    session: AsyncSession, viewer: Viewer, *, unread_only: bool = False
) -> int:
    """How many notifications `list_notifications` would list, over all its pages."""
    member_id = require_member(viewer, "see your notifications")
    stmt = _joined(sa.select(sa.func.count()).select_from(Notification)).where(
        _shown(viewer, member_id)
    )
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    return int(await session.scalar(stmt) or 0)


async def unread_count(session: AsyncSession, viewer: Viewer) -> int:
    """How many of the viewer's notifications are unread; 0 for visitors."""
    if viewer.member_id is None or viewer.banned_reason is not None:
        return 0
    return await count_notifications(session, viewer, unread_only=True)


async def mark_read(
    session: AsyncSession,
    viewer: Viewer,
    *,
    ids: Sequence[int | None] | None = None,
    thread_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Mark the viewer's notifications `ids` read (all of theirs when None; with
    `thread_id`, only those about that thread); returns how many are unread afterwards.
    An id of no notification of theirs (None: not an ID of a notification) is a field
    error and nothing changes."""
    member_id = require_member(viewer, "see your notifications")
    now = now or utcnow()
    mine = sa.and_(Notification.member_id == member_id, Notification.read_at.is_(None))
    if thread_id is not None:
        mine = sa.and_(mine, Notification.thread_id == thread_id)
    if ids is not None:
        if len(ids) > MARK_IDS_MAX:
            raise InvalidInput.of(
                "ids",
                f"Too many IDs: {len(ids)}, the limit is {MARK_IDS_MAX}.",
                UserErrorCode.TOO_LONG,
            )
        wanted = {i for i in ids if i is not None}
        found = set(
            await session.scalars(
                sa.select(Notification.id).where(
                    Notification.id.in_(wanted), Notification.member_id == member_id
                )
            )
        )
        if None in ids or found != wanted:
            raise InvalidInput.of("ids", NO_NOTIFICATION)
        mine = sa.and_(mine, Notification.id.in_(wanted))
    await session.execute(sa.update(Notification).where(mine).values(read_at=now))
    return await unread_count(session, viewer)


@dataclass(frozen=True)
class Settings:
    """A member's notification settings (the defaults when they chose none)."""

    email_frequency: EmailFrequency = EmailFrequency.DAILY
    auto_follow: bool = True


async def get_settings(session: AsyncSession, viewer: Viewer) -> Settings:
    """The viewer's settings; the defaults for members who chose none."""
    member_id = require_member(viewer, "see your notification settings")
    row = (
        await session.execute(
            sa.select(NotificationSettings.email_frequency, NotificationSettings.auto_follow).where(
                NotificationSettings.member_id == member_id
            )
        )
    ).first()
    return Settings(*row) if row is not None else Settings()


async def update_settings(
    session: AsyncSession,
    viewer: Viewer,
    *,
    email_frequency: EmailFrequency | None = None,
    auto_follow: bool | None = None,
) -> Settings:
    """Change what is given of the viewer's settings; returns them all."""
    member_id = require_member(viewer, "change your notification settings")
    return await set_settings(
        session, member_id, email_frequency=email_frequency, auto_follow=auto_follow
    )


async def set_settings(
    session: AsyncSession,
    member_id: int,
    *,
    email_frequency: EmailFrequency | None = None,
    auto_follow: bool | None = None,
) -> Settings:
    """Change a member's settings (for the member, or an unsubscribe link of theirs)."""
    current = await session.get(NotificationSettings, member_id)
    if current is None:
        current = NotificationSettings(
            member_id=member_id,
            email_frequency=EmailFrequency.DAILY,
            auto_follow=True,
            updated_at=utcnow(),
        )
        session.add(current)
    if email_frequency is not None:
        current.email_frequency = email_frequency
    if auto_follow is not None:
        current.auto_follow = auto_follow
    current.updated_at = utcnow()
    await session.flush()
    return Settings(current.email_frequency, current.auto_follow)


async def notifications_by_id(
    session: AsyncSession, ids: Sequence[int]
) -> dict[int, NotificationRecord]:
    """The notifications of `ids` that exist, by id (for loaders: no viewer rule applied)."""
    rows = await session.execute(
        sa.select(*record_columns(Notification)).where(Notification.id.in_(set(ids)))
    )
    return {row.id: cast(NotificationRecord, row) for row in rows}


async def load_event_rows(session: AsyncSession, event: events.Event) -> events.Event:
    """A notifications event received from another process, with the rows `notify`
    attaches (its first notification, the thread, post and actor it is about), loaded in
    one statement for all of this process's receivers. Another kind of event, or one whose
    notifications are gone, comes back as it was (receivers then look up what they need).
    """
    made = event.data.get("notifications")
    if event.channel != NOTIFICATIONS_CHANNEL or not isinstance(made, dict):
        return event
    ids = [n for n in made.values() if isinstance(n, int)]
    if not ids:
        return event
    actor = aliased(Member)
    found = (
        await session.execute(
            sa.select(Notification, Thread, Post, actor)
            .outerjoin(Thread, Thread.id == Notification.thread_id)
            .outerjoin(Post, Post.id == Notification.post_id)
            .outerjoin(actor, actor.id == Notification.actor_id)
            .where(Notification.id == min(ids))
        )
    ).first()
    if found is None:
        return event
    named = zip(("notification", "thread", "post", "actor"), found, strict=True)
    rows = {name: row for name, row in named if row is not None}
    return events.Event(event.channel, event.data, rows=rows)


def path_of(notification: NotificationRecord) -> str:
    """Where a notification leads in the web client: its own page, the post in its thread,
    or the thread."""
    if notification.url_path is not None:
        return notification.url_path
    if notification.thread_id is None:
        return "/notifications"
    path = f"/t/{to_global_id('Thread', notification.thread_id)}"
    if notification.post_id is not None:
        path += f"#post-{to_global_id('Post', notification.post_id)}"
    return path


async def get_notification(
    session: AsyncSession, viewer: Viewer, notification_id: int
) -> NotificationRecord | None:
    """One of the viewer's notifications that they are shown, or None (anyone else's too)."""
    if viewer.member_id is None or viewer.banned_reason is not None:
        return None
    row = (
        await session.execute(
            _joined(sa.select(*record_columns(Notification))).where(
                _shown(viewer, viewer.member_id), Notification.id == notification_id
            )
        )
    ).first()
    return cast(NotificationRecord, row) if row is not None else None


async def latest_id(session: AsyncSession, member_id: int) -> int:
    """The id of the member's newest notification (0 when they have none)."""
    found = await session.scalar(
        sa.select(sa.func.max(Notification.id)).where(Notification.member_id == member_id)
    )
    return int(found or 0)


async def unread_between(
    session: AsyncSession,
    viewer: Viewer,
    *,
    after_id: int,
    through_id: int,
    oldest: datetime,
    limit: int,
) -> list[NotificationRecord]:
    """The viewer's unread notifications with ids in (after_id, through_id] made since
    `oldest`, that they may still read, oldest first: a digest's content."""
    member_id = require_member(viewer, "see your notifications")
    stmt = (
        _joined(sa.select(*record_columns(Notification)))
        .where(
            _shown(viewer, member_id),
            Notification.read_at.is_(None),
            Notification.id > after_id,
            Notification.id <= through_id,
            Notification.created_at >= oldest,
        )
        .order_by(Notification.id)
        .limit(limit)
    )
    return [cast(NotificationRecord, row) for row in await session.execute(stmt)]


async def settings_of(session: AsyncSession, member_id: int) -> Settings | None:
    """A member's settings (for their signed e-mail link); None when there is no member."""
    row = (
        await session.execute(
            sa.select(NotificationSettings.email_frequency, NotificationSettings.auto_follow)
            .select_from(Member)
            .outerjoin(NotificationSettings, NotificationSettings.member_id == Member.id)
            .where(Member.id == member_id)
        )
    ).first()
    if row is None:
        return None
    frequency, auto_follow = row
    return Settings(frequency or EmailFrequency.DAILY, True if auto_follow is None else auto_follow)


async def set_email_frequency(
    session: AsyncSession, member_id: int, frequency: EmailFrequency
) -> bool:
    """Set a member's e-mail frequency from their signed e-mail link (no session: the link
    is the proof); False when there is no such member."""
    if await session.get(Member, member_id) is None:
        return False
    await set_settings(session, member_id, email_frequency=frequency)
    return True
