"""Threads and their posts.

Counts, last activity and the accepted reply are kept on the thread row and
updated in the same transaction as the post that changes them, so a feed page
needs no aggregate queries. Full-text search storage is owned by
`server.search` (it differs per dialect) and is not mapped here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.domain import ThreadKind, ThreadStatus, Visibility
from server.models.base import Base, UTCDateTime, domain_enum, utcnow


class Thread(Base):
    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_last_activity", "last_activity_at", "id"),
        Index("ix_threads_created", "created_at", "id"),
        Index("ix_threads_reply_count", "reply_count", "id"),
        Index("ix_threads_organisation_activity", "organisation_id", "last_activity_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ThreadKind] = mapped_column(domain_enum(ThreadKind, 20))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[ThreadStatus] = mapped_column(
        domain_enum(ThreadStatus, 20), default=ThreadStatus.OPEN
    )
    visibility: Mapped[Visibility] = mapped_column(
        domain_enum(Visibility, 20), default=Visibility.PUBLIC
    )
    pillars_mask: Mapped[int] = mapped_column(Integer)
    organisation_types_mask: Mapped[int] = mapped_column(Integer)
    # Shown with every thread; `thread_topics` holds the same topics for filtering.
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    # The author's organisation when the thread was started.
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    # Counts of replies everyone can see: a hidden reply leaves them and joins
    # `hidden_reply_count`, so that the feed orders and filters on what it shows.
    reply_count: Mapped[int] = mapped_column(Integer, default=0)
    expert_reply_count: Mapped[int] = mapped_column(Integer, default=0)
    hidden_reply_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    accepted_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", use_alter=True, ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set while its opening post is hidden: then the whole thread is hidden.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ThreadTopic(Base):
    __tablename__ = "thread_topics"
    __table_args__ = (Index("ix_thread_topics_topic", "topic", "thread_id"),)

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(40), primary_key=True)


class Post(Base):
    """A post; position 0 opens its thread, replies count up from 1."""

    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("thread_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    body: Mapped[str] = mapped_column(Text)
    # Rendered and sanitised once, when written: reading never renders.
    body_html: Mapped[str] = mapped_column(Text)
    is_expert: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Hidden by a moderator: shown only to moderators and the post's author.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_reason: Mapped[str | None] = mapped_column(String(500))


class IdempotencyKey(Base):
    """A client's key for a mutation, and what the first request with it created."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("member_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(40))
    # A hash of the request, so that reusing a key for a different request is refused.
    fingerprint: Mapped[str] = mapped_column(String(64))
    result_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
