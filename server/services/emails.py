"""Notification e-mail: one message per notification (IMMEDIATELY), or daily and weekly
digests, queued in the outbox for the worker's `mail.send`.

Nothing here sends: each function writes mail to the outbox in the caller's transaction,
with a dedupe key, so a job that runs twice queues nothing twice. Mail goes only to
members with an address who are not banned and chose that frequency; each message links
to a page where the member changes the frequency without signing in, and carries
RFC 8058 one-click unsubscribe headers. Post HTML is sanitised again (`mail.post_html`);
everything else is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import formataddr
from typing import Any, Protocol

import sqlalchemy as sa
from markupsafe import Markup
from sqlalchemy.ext.asyncio import AsyncSession

from server import mail
from server.domain import EmailFrequency, MemberRole
from server.models import Member, Notification, NotificationRecord, NotificationSettings, Post
from server.models.base import utcnow
from server.services import notifications
from server.services.sql import insert_ignoring_conflicts
from server.services.viewer import Viewer, can_see_hidden

# The outbox kinds this module's work runs as (registered in server.background).
EMAIL_IMMEDIATELY = notifications.EMAIL_IMMEDIATELY
DIGEST_DAILY = "notifications.digest.daily"
DIGEST_WEEKLY = "notifications.digest.weekly"
# At most this many notifications are listed in a digest (the rest are counted).
DIGEST_MAX_ITEMS = 50
# Digests are written for this many members per transaction: a worker that dies in the
# middle of a run leaves the members done so far done, and the next run goes on.
DIGEST_BATCH = 50
# A plain-text excerpt of a post in an e-mail.
EXCERPT_CHARS = 1500


class SettingsLinks(Protocol):
    """Makes the signed link of a member's e-mail settings page (`server.links`)."""

    def link(self, member_id: int) -> str: ...


@dataclass(frozen=True)
class MailSite:
    """What a message needs of the forum: its public URL and its signed settings links."""

    base_url: str
    settings_links: SettingsLinks


def _recipients(frequency: EmailFrequency) -> sa.ColumnElement[bool]:
    """Members who are e-mailed at `frequency`: an address, no ban, that choice (a member
    who chose nothing is e-mailed DAILY)."""
    chosen = sa.func.coalesce(NotificationSettings.email_frequency, EmailFrequency.DAILY)
    return sa.and_(Member.email.is_not(None), Member.banned_at.is_(None), chosen == frequency)


def _viewer(member_id: int, role: MemberRole, organisation_id: int | None) -> Viewer:
    return Viewer(member_id=member_id, role=role, organisation_id=organisation_id)


async def send_immediately(session: AsyncSession, site: MailSite, ids: Sequence[int]) -> int:
    """Queue one message per notification of `ids` whose member is e-mailed IMMEDIATELY and
    has not read it yet; returns how many were queued."""
    rows = await session.execute(
        sa.select(Notification, Member, Post.body_html, Post.body, Post.hidden_at)
        .join(Member, Member.id == Notification.member_id)
        .outerjoin(NotificationSettings, NotificationSettings.member_id == Member.id)
        .outerjoin(Post, Post.id == Notification.post_id)
        .where(
            Notification.id.in_(set(ids)),
            Notification.read_at.is_(None),
            _recipients(EmailFrequency.IMMEDIATELY),
        )
    )
    queued = 0
    for notification, member, body_html, body, hidden_at in rows:
        # Hidden since it was made: the notification stays, the post's text is not sent
        # (but to those who see hidden posts).
        shown = hidden_at is None or can_see_hidden(Viewer(member_id=member.id, role=member.role))
        message = _one(
            site,
            member,
            notification,
            body_html=body_html if shown else None,
            body=body if shown else None,
        )
        queued += await mail.queue(session, message, dedupe_key=f"notification:{notification.id}")
    return queued


def _address(member: Member) -> str:
    assert member.email is not None, "only members with an address are e-mailed"
    return formataddr((member.display_name, member.email))


def _footer(site: MailSite, member_id: int, why: str) -> tuple[str, Markup, str]:
    link = site.settings_links.link(member_id)
    text = (
        f"--\n{why} Change how often you get these e-mails, or unsubscribe: {link}\n"
        f"Your notifications: {site.base_url}/notifications\n"
    )
    html = Markup(
        '{} <a href="{}">Change how often you get these e-mails, or unsubscribe</a>. '
        '<a href="{}">Your notifications</a>.'
    ).format(why, link, f"{site.base_url}/notifications")
    return text, html, link


def _one(
    site: MailSite,
    member: Member,
    notification: Notification,
    *,
    body_html: str | None,
    body: str | None,
) -> mail.Mail:
    url = site.base_url + notifications.path_of(notification)
    footer_text, footer_html, unsubscribe = _footer(
        site, member.id, "You get this e-mail for each notification, as it happens."
    )
    excerpt = f"\n\n{body[:EXCERPT_CHARS]}" if body else ""
    text = f"{notification.text}{excerpt}\n\nOpen it in the forum: {url}\n\n{footer_text}"
    post = mail.post_html(body_html, site.base_url) if body_html else Markup("")
    html = mail.html_document(
        title=notification.text,
        body=Markup(
            '<p><strong>{}</strong></p>{}<p><a href="{}">Open it in the forum</a></p>'
        ).format(notification.text, post, url),
        footer=footer_html,
    )
    return mail.Mail(
        to=_address(member),
        subject=notification.text[:200],
        text=text,
        html=html,
        unsubscribe_url=unsubscribe,
    )


async def send_digests(
    session_factory: Any,
    site: MailSite,
    frequency: EmailFrequency,
    *,
    period_start: datetime,
    every: timedelta,
) -> int:
    """Queue the digests of one period for every member e-mailed at `frequency` who has
    unread notifications since their last digest; returns how many were queued.

    `session_factory()` opens a write transaction (`Database.write`): members are done in
    batches, each batch's digests and the members' new "digested through" marks commit
    together, so a run cut short goes on where it stopped and sends nothing twice (each
    digest's dedupe key names the member and the period).
    """
    # A member's first digest covers at most the period before this one.
    oldest = period_start - every
    after_member = 0
    queued = 0
    while True:
        async with session_factory() as session:
            members = await _due_members(session, frequency, oldest, after_member)
            for member, digested_through in members:
                queued += await _digest(
                    session, site, member, digested_through, oldest, period_start, frequency
                )
        if len(members) < DIGEST_BATCH:
            return queued
        after_member = members[-1][0].id


async def _due_members(
    session: AsyncSession, frequency: EmailFrequency, oldest: datetime, after_member: int
) -> list[tuple[Member, int]]:
    """The next batch of members who get a digest at `frequency` and have something new."""
    digested = sa.func.coalesce(NotificationSettings.digested_through_id, 0)
    has_news = (
        sa.exists()
        .where(
            Notification.member_id == Member.id,
            Notification.read_at.is_(None),
            Notification.id > digested,
            Notification.created_at >= oldest,
        )
        .correlate(Member, NotificationSettings)
    )
    rows = await session.execute(
        sa.select(Member, digested)
        .outerjoin(NotificationSettings, NotificationSettings.member_id == Member.id)
        .where(_recipients(frequency), Member.id > after_member, has_news)
        .order_by(Member.id)
        .limit(DIGEST_BATCH)
    )
    return [(member, int(through)) for member, through in rows]


async def _digest(
    session: AsyncSession,
    site: MailSite,
    member: Member,
    digested_through: int,
    oldest: datetime,
    period_start: datetime,
    frequency: EmailFrequency,
) -> int:
    reader = _viewer(member.id, member.role, member.organisation_id)
    # Read first: what is made meanwhile is left for the next digest.
    latest = await notifications.latest_id(session, member.id)
    rows = await notifications.unread_between(
        session,
        reader,
        after_id=digested_through,
        through_id=latest,
        oldest=oldest,
        limit=DIGEST_MAX_ITEMS + 1,
    )
    await _mark_digested(session, member.id, latest)
    if not rows:
        return 0  # all of it hidden since: nothing to tell, and nothing sent
    shown, more = rows[:DIGEST_MAX_ITEMS], len(rows) > DIGEST_MAX_ITEMS
    message = _digest_mail(site, member, shown, more=more, frequency=frequency)
    key = f"digest:{member.id}:{period_start.strftime('%Y-%m-%dT%H:%M')}"
    return int(await mail.queue(session, message, dedupe_key=key))


async def _mark_digested(session: AsyncSession, member_id: int, through_id: int) -> None:
    table = NotificationSettings.__table__
    await session.execute(
        insert_ignoring_conflicts(session, table)
        .values(
            member_id=member_id,
            email_frequency=EmailFrequency.DAILY,
            auto_follow=True,
            digested_through_id=through_id,
            updated_at=utcnow(),
        )
        .on_conflict_do_update(
            index_elements=["member_id"], set_={"digested_through_id": through_id}
        )
    )


def _digest_mail(
    site: MailSite,
    member: Member,
    rows: Sequence[NotificationRecord],
    *,
    more: bool,
    frequency: EmailFrequency,
) -> mail.Mail:
    when = "today" if frequency is EmailFrequency.DAILY else "this week"
    subject = f"MOIN Forum: {len(rows)}{'+' if more else ''} new for you {when}"
    footer_text, footer_html, unsubscribe = _footer(
        site,
        member.id,
        f"You get this digest {'daily' if frequency is EmailFrequency.DAILY else 'weekly'}.",
    )
    lines = [f"- {n.text}\n  {site.base_url}{notifications.path_of(n)}" for n in rows]
    if more:
        lines.append(f"… and more: {site.base_url}/notifications")
    text = "New in the threads and topics you follow:\n\n" + "\n".join(lines) + f"\n\n{footer_text}"
    items = Markup("").join(
        Markup('<li><a href="{}">{}</a></li>').format(
            site.base_url + notifications.path_of(n), n.text
        )
        for n in rows
    )
    if more:
        items += Markup('<li><a href="{}">… and more</a></li>').format(
            f"{site.base_url}/notifications"
        )
    html = mail.html_document(
        title=subject,
        body=Markup("<p>New in the threads and topics you follow:</p><ul>{}</ul>").format(items),
        footer=footer_html,
    )
    return mail.Mail(
        to=_address(member), subject=subject, text=text, html=html, unsubscribe_url=unsubscribe
    )
