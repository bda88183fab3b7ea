"""Joining the network and meeting: applications, invitations, events and who attends them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.domain import ApplicationStatus, EventFormat, OrganisationType, Visibility
from server.models.base import Base, UTCDateTime, domain_enum, utcnow


class MembershipApplication(Base):
    """An organisation's application to join, as its contact sent it, and the decision."""

    __tablename__ = "membership_applications"
    __table_args__ = (Index("ix_membership_applications_submitted", "submitted_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_name: Mapped[str] = mapped_column(String(200))
    organisation_type: Mapped[OrganisationType] = mapped_column(domain_enum(OrganisationType, 40))
    country: Mapped[str] = mapped_column(String(2))
    website: Mapped[str | None] = mapped_column(String(300))
    contact_name: Mapped[str] = mapped_column(String(120))
    contact_email: Mapped[str] = mapped_column(String(320))
    motivation: Mapped[str] = mapped_column(Text)
    status: Mapped[ApplicationStatus] = mapped_column(
        domain_enum(ApplicationStatus, 10), default=ApplicationStatus.PENDING, index=True
    )
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    decision_reason: Mapped[str | None] = mapped_column(String(500))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    # A visitor's retry-safety: the client's key and a hash of what it sent with it.
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    fingerprint: Mapped[str | None] = mapped_column(String(64))


class Invitation(Base):
    """An invitation by e-mail to join an organisation: the link carries only its id.

    `lead` marks the invitation that approving an application sends its contact: whoever
    accepts it becomes the organisation's lead contact.
    """

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(320))
    lead: Mapped[bool] = mapped_column(default=False)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL")
    )


class Event(Base):
    """A workshop, masterclass, peer exchange or webinar; times are stored in UTC."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_starts", "starts_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    description_html: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    time_zone: Mapped[str] = mapped_column(String(64))
    format: Mapped[EventFormat] = mapped_column(domain_enum(EventFormat, 20))
    location: Mapped[str | None] = mapped_column(String(300))
    join_url: Mapped[str | None] = mapped_column(String(500))
    pillars_mask: Mapped[int] = mapped_column(Integer)
    visibility: Mapped[Visibility] = mapped_column(domain_enum(Visibility, 20))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # iCalendar's SEQUENCE: one more at every change a calendar must pick up.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    attendee_count: Mapped[int] = mapped_column(Integer, default=0)


class EventAttendance(Base):
    """A member who said they attend an event."""

    __tablename__ = "event_attendance"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
