"""A member's notifications, live and listed, and their notification settings."""

from __future__ import annotations

import functools
from collections.abc import AsyncGenerator
from datetime import datetime
from types import SimpleNamespace
from typing import Any, cast

import strawberry

from server import events
from server.ids import row_id, to_global_id
from server.models import Notification as NotificationModel
from server.models import NotificationRecord, record_columns
from server.schema import live, viewer_scope
from server.schema.context import Context
from server.schema.enums import EmailFrequency, NotificationReason
from server.schema.errors import UserError
from server.schema.loaders import Loaders
from server.schema.members import Member
from server.schema.mutation import mutate
from server.schema.node import Node
from server.schema.pagination import Connection, connection
from server.schema.threads import Post, Thread
from server.services import notifications
from server.services.viewer import (
    Viewer,
    hears_live_updates,
    post_shown_to,
    require_member,
    thread_shown_to,
)

Info = strawberry.Info[Context, None]
# Where an event keeps the id of the notification that stands for all of its (see _first).
_FIRST = "notification"
# Where an event keeps what every receiver works out alike (see About).
_ABOUT = "notification-about"


@strawberry.type(description="Something a member is told about.")
class Notification(Node):
    reason: NotificationReason = strawberry.field(description="Why the member was notified.")
    text: str = strawberry.field(
        description='What it is about, as plain text, e.g. "Amara Okafor replied to Sharing '
        'upside from green guarantees".'
    )
    created_at: datetime = strawberry.field(description="When it was made.")
    read_at: datetime | None = strawberry.field(description="Null while unread.")
    row: strawberry.Private[NotificationRecord]
    # For a live event's value shared by its receivers: each one's notification by member.
    by_member: strawberry.Private[dict[str, Any] | None] = None

    def id_of(self, viewer: Viewer) -> strawberry.ID:
        """The ID of `viewer`'s notification: this one's, or theirs of a shared value."""
        if self.by_member is None:
            return self.id
        return strawberry.ID(to_global_id("Notification", self.by_member[str(viewer.member_id)]))

    @strawberry.field(description="The thread it is about, if any.")
    async def thread(self, info: Info) -> Thread | None:
        if self.row.thread_id is None:
            return None
        row = await info.context.loaders.thread_by_id.load(self.row.thread_id)
        if row is None or not thread_shown_to(info.context.viewer, row):
            return None
        return Thread.from_row(row)

    @strawberry.field(description="The post it is about, if any.")
    async def post(self, info: Info) -> Post | None:
        if self.row.post_id is None:
            return None
        row = await info.context.loaders.post_by_id.load(self.row.post_id)
        if row is None or not post_shown_to(info.context.viewer, row):
            return None
        return Post.from_row(row)

    @strawberry.field(description="Who caused it, where someone did.")
    async def actor(self, info: Info) -> Member | None:
        if self.row.actor_id is None:
            return None
        row = await info.context.loaders.member_by_id.load(self.row.actor_id)
        return Member.from_row(row) if row is not None else None

    @strawberry.field(
        description="Absolute URL of what it is about in the web client (the post in its "
        "thread, the thread, or the page of an event or membership)."
    )
    def url(self, info: Info) -> str:
        base = info.context.settings.public_url
        return base + notifications.path_of(self.row)

    @classmethod
    def of_event(cls, row: NotificationRecord, by_member: dict[str, Any]) -> Notification:
        """The value every receiver of a live event shares (`row` one of its notifications,
        `by_member` all of them): its per-viewer fields are filled for each receiver."""
        shared = cls.from_row(row)
        shared.by_member = by_member
        return shared

    @classmethod
    def from_row(cls, row: NotificationRecord) -> Notification:
        """The GraphQL notification of a notification's record."""
        return cls(
            id=strawberry.ID(to_global_id("Notification", row.id)),
            reason=row.reason,
            text=row.text,
            created_at=row.created_at,
            read_at=row.read_at,
            row=row,
        )


@strawberry.type(description="How a member wants to hear of their notifications.")
class NotificationSettings:
    email_frequency: EmailFrequency = strawberry.field(
        description="How often notifications are e-mailed (DAILY unless chosen)."
    )
    auto_follow: bool = strawberry.field(
        description="Follow one's own threads and the threads one replies to."
    )

    @classmethod
    def of(cls, settings: notifications.Settings) -> NotificationSettings:
        return cls(email_frequency=settings.email_frequency, auto_follow=settings.auto_follow)


@strawberry.input(description="Settings to change; those left out stay as they are.")
class NotificationSettingsInput:
    email_frequency: EmailFrequency | None = strawberry.field(
        default=None, description="How often to e-mail notifications."
    )
    auto_follow: bool | None = strawberry.field(
        default=None, description="Follow one's own threads and the threads one replies to."
    )


@strawberry.input(description="Which notifications to mark read.")
class MarkNotificationsReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="These notifications (global IDs, up to 100); all of the member's when "
        "omitted.",
    )
    thread_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only the member's notifications about this thread (its global ID): what "
        "opening the thread has shown them.",
    )


@strawberry.type(description="The unread count after marking, or what to fix.")
class MarkNotificationsReadPayload:
    unread_notification_count: int = strawberry.field(
        description="How many of the member's notifications are still unread."
    )
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type(description="The settings as changed, or what to fix.")
class NotificationSettingsPayload:
    settings: NotificationSettings | None = strawberry.field(description="All the settings.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        description="The signed-in member's notifications, newest first. UNAUTHENTICATED "
        "without a session."
    )
    async def notifications(
        self,
        info: Info,
        first: int | None = 20,
        after: str | None = None,
        unread_only: bool | None = False,
    ) -> Connection[Notification]:
        ctx = info.context
        page = await ctx.read(
            notifications.list_notifications,
            ctx.viewer,
            first=20 if first is None else first,
            after=after,
            unread_only=bool(unread_only),
        )
        count = functools.partial(
            notifications.count_notifications, viewer=ctx.viewer, unread_only=bool(unread_only)
        )
        return connection(page, Notification.from_row, count)

    @strawberry.field(
        description="How many of the signed-in member's notifications are unread (0 for visitors)."
    )
    async def unread_notification_count(self, info: Info) -> int:
        return await info.context.read(notifications.unread_count, info.context.viewer)

    @strawberry.field(
        description="The signed-in member's notification settings. UNAUTHENTICATED without a "
        "session."
    )
    async def notification_settings(self, info: Info) -> NotificationSettings:
        settings = await info.context.read(notifications.get_settings, info.context.viewer)
        return NotificationSettings.of(settings)


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Mark notifications read: those named, or all of the member's."
    )
    async def mark_notifications_read(
        self, info: Info, input: MarkNotificationsReadInput
    ) -> MarkNotificationsReadPayload:
        ctx = info.context
        ids = None if input.ids is None else [row_id(i, "Notification") for i in input.ids]
        # An ID that names no thread is one of no row (ids start at 1).
        thread = None if input.thread_id is None else row_id(input.thread_id, "Thread") or 0
        unread, errors = await mutate(
            ctx,
            input,
            lambda session: notifications.mark_read(session, ctx.viewer, ids=ids, thread_id=thread),
            lambda unread: unread,
        )
        if unread is None:
            unread = await ctx.read(notifications.unread_count, ctx.viewer)
        return MarkNotificationsReadPayload(unread_notification_count=unread, errors=errors)

    @strawberry.mutation(description="Change the signed-in member's notification settings.")
    async def update_notification_settings(
        self, info: Info, input: NotificationSettingsInput
    ) -> NotificationSettingsPayload:
        ctx = info.context
        settings, errors = await mutate(
            ctx,
            input,
            lambda session: notifications.update_settings(
                session,
                ctx.viewer,
                email_frequency=input.email_frequency,
                auto_follow=input.auto_follow,
            ),
            NotificationSettings.of,
        )
        return NotificationSettingsPayload(settings=settings, errors=errors)


async def _to_deliver(
    ctx: Context, viewer: Viewer, event: events.Event, member_id: int
) -> Notification | None:
    """The event's notification for `member_id`, if it has one.

    The notifications one event names were made by one statement: alike but for their id
    and member (and unread). One of them is loaded (or comes with the event) for all the
    event's receivers and delivered once per visibility class, each receiver's id filled
    in (`_id`); the authors of its thread and post, who see them even hidden, get theirs
    alone.
    """
    made = event.data.get("notifications")
    if not isinstance(made, dict):
        return None
    notification_id = made.get(str(member_id))
    if not isinstance(notification_id, int):
        return None
    share = live.share_of(event, ctx.db)
    about = event.shared.get(_ABOUT)
    if about is None:
        # Worked out by the first receiver, from the rows the event carries (in the process
        # that made it, or loaded once on its arrival from another); else looked up.
        first = _first(event, made)
        about = _carried(event, first) or await _looked_up(share.loaders, first)
        event.shared[_ABOUT] = about
    if not about:
        return None
    template, authors = about
    own = functools.partial(_own, template, notification_id, member_id)
    if member_id in authors:
        return share.delivery(ctx, viewer, own, personal=True)
    return share.delivery(ctx, viewer, lambda: Notification.of_event(template, made), alone=own)


# An event's notification that stands for all of its, and the authors of its thread and
# post (who see them even hidden): the same for every receiver; () when it is gone.
About = tuple[NotificationRecord, frozenset[int | None]] | tuple[()]


def _carried(event: events.Event, first: int) -> About | None:
    """The event's `About` from the rows it carries, when it carries them all."""
    rows = event.rows
    template = rows.get("notification")
    if template is None or template.id != first:
        return None
    authors: set[int | None] = set()
    for key, name in ((template.thread_id, "thread"), (template.post_id, "post")):
        if key is not None:
            row = rows.get(name)
            if row is None or row.id != key:
                return None
            authors.add(row.author_id)
    return template, frozenset(authors)


async def _looked_up(loaders: Loaders, first: int) -> About:
    """The event's `About`, read through the event's loaders."""
    template = await loaders.notification_by_id.load(first)
    if template is None:
        return ()
    authors: set[int | None] = set()
    if template.thread_id is not None:
        thread = await loaders.thread_by_id.load(template.thread_id)
        authors.add(thread.author_id if thread is not None else None)
    if template.post_id is not None:
        post = await loaders.post_by_id.load(template.post_id)
        authors.add(post.author_id if post is not None else None)
    return template, frozenset(authors)


def _first(event: events.Event, made: dict[str, Any]) -> int:
    """The notification that stands for all of the event's (the same for every receiver)."""
    first = event.shared.get(_FIRST)
    if first is None:
        first = event.shared[_FIRST] = min(n for n in made.values() if isinstance(n, int))
    return cast(int, first)


def _own(template: NotificationRecord, notification_id: int, member_id: int) -> Notification:
    row = {name: getattr(template, name) for name in _RECORD_FIELDS}
    row.update(id=notification_id, member_id=member_id, read_at=None)
    return Notification.from_row(cast(NotificationRecord, SimpleNamespace(**row)))


# A notification record's fields (the template may be a row or the one the fan-out made).
_RECORD_FIELDS = tuple(column.key for column in record_columns(NotificationModel))


@viewer_scope.per_viewer_now("Notification", "id")
def _id(_ctx: Any, viewer: Viewer, parent: Notification) -> strawberry.ID:
    """Each receiver's own notification's ID, where a class's delivery shares one value."""
    return parent.id_of(viewer)


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(
        description="The signed-in member's new notifications, as they are made."
    )
    async def notification_added(self, info: Info) -> AsyncGenerator[Notification, None]:
        ctx = info.context
        member_id = require_member(ctx.viewer, "receive notifications")
        async with ctx.broadcaster.subscribe(notifications.NOTIFICATIONS_CHANNEL) as queue:
            while True:
                event = await queue.get()
                viewer = await ctx.recheck_viewer()
                if viewer.member_id != member_id or not hears_live_updates(viewer):
                    return  # signed out, or banned: the socket hears no more
                notification = await _to_deliver(ctx, viewer, event, member_id)
                if notification is not None:
                    yield notification
