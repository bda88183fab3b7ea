"""Partner sites that embed public feeds through the API, each with its own key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, String, false
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UTCDateTime, utcnow


class Partner(Base):
    """A partner site's API key. Only the key's hash is kept; the key is shown once."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The key's first characters, so that operators can tell keys apart in `partners list`.
    key_prefix: Mapped[str] = mapped_column(String(16))
    # Browser origins (scheme://host[:port]) that get credential-less CORS.
    origins: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Requests per minute; None means the MOIN_PARTNER_RATE_LIMIT_PER_MINUTE default.
    rate_limit_per_minute: Mapped[int | None] = mapped_column()
    # Only the forum's persisted documents (server.persisted), never a document of its own.
    persisted_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
