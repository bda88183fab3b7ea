"""Follows, notifications, members' notification settings and read positions.

A follow names its target by a kind and a key (a thread's or organisation's id, a
pillar, an organisation type or a topic as text), so that one unique constraint keeps a
member from following a target twice and one index finds a target's followers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.domain import EmailFrequency, FollowKind, NotificationReason
from server.models.base import Base, UTCDateTime, domain_enum, utcnow

# SQLite makes only an INTEGER PRIMARY KEY an alias of the rowid (autoincrementing).
_ID = BigInteger().with_variant(Integer(), "sqlite")


class Follow(Base):
    """A member follows one thread, pillar, organisation type, topic or organisation."""

    __tablename__ = "follows"
    __table_args__ = (
        UniqueConstraint("member_id", "kind", "key", name="uq_follows_member_target"),
        # A target's followers, for the fan-out.
        Index("ix_follows_target", "kind", "key", "member_id"),
        # A member's follows, newest first.
        Index("ix_follows_member", "member_id", "id"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[FollowKind] = mapped_column(domain_enum(FollowKind, 20))
    # The thread's or organisation's id as text, the pillar, the organisation type, the topic.
    key: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Notification(Base):
    """Something a member is told about; `event_key` names what happened, so that a member
    is told once per event however many of their follows match it."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("member_id", "event_key", name="uq_notifications_member_event"),
        # A member's notifications newest first, and their unread ones.
        Index("ix_notifications_member", "member_id", "id"),
        Index("ix_notifications_member_unread", "member_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    reason: Mapped[NotificationReason] = mapped_column(domain_enum(NotificationReason, 20))
    # What it is about, as plain text, written when it is made.
    text: Mapped[str] = mapped_column(String(500))
    event_key: Mapped[str] = mapped_column(String(100))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    # A link of its own when it is about something other than a thread (an event, say).
    url_path: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class NotificationSettings(Base):
    """A member's choices; a member without a row has the defaults."""

    __tablename__ = "notification_settings"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    email_frequency: Mapped[EmailFrequency] = mapped_column(
        domain_enum(EmailFrequency, 20), default=EmailFrequency.DAILY
    )
    auto_follow: Mapped[bool] = mapped_column(Boolean, default=True)
    # The newest notification a digest has covered: the next digest starts after it.
    digested_through_id: Mapped[int | None] = mapped_column(_ID)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ThreadRead(Base):
    """How far a member has read a thread: its highest post position they were shown."""

    __tablename__ = "thread_reads"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    last_read_position: Mapped[int] = mapped_column(Integer, default=0)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotificationRecord(Protocol):
    """A row of `notifications` (see `Notification`), as lists and loaders read it."""

    id: int
    member_id: int
    reason: NotificationReason
    text: str
    event_key: str
    thread_id: int | None
    post_id: int | None
    actor_id: int | None
    url_path: str | None
    created_at: datetime
    read_at: datetime | None


class FollowRecord(Protocol):
    """A row of `follows` (see `Follow`)."""

    id: int
    member_id: int
    kind: FollowKind
    key: str
    created_at: datetime
