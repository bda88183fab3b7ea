"""People who sign in, and their sessions."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.domain import MemberRole
from server.models.base import Base, UTCDateTime, domain_enum, utcnow


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (
        UniqueConstraint("oidc_provider", "oidc_subject"),
        Index("ix_members_organisation_name", "organisation_id", "display_name", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    role: Mapped[MemberRole] = mapped_column(domain_enum(MemberRole, 20), default=MemberRole.MEMBER)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    # Who vouches for this person: the OpenID provider's name and subject.
    oidc_provider: Mapped[str | None] = mapped_column(String(80))
    oidc_subject: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Banned by a moderator: cannot sign in or write; their posts stay.
    banned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    banned_reason: Mapped[str | None] = mapped_column(String(500))
    # Speaks for their organisation (the contact whose application made it, or whom an
    # admin named): invites colleagues and edits its profile, as admins do.
    lead_contact: Mapped[bool] = mapped_column(default=False, server_default=sa.false())


class AuthSession(Base):
    """A signed-in browser. The cookie carries a random token; only its hash is kept."""

    __tablename__ = "auth_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
