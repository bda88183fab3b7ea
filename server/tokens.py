"""Signed tokens for single-purpose links (unsubscribe, invitations) that need no sign-in.

A token carries a purpose (a token made for one purpose is refused for any other), a
small JSON payload and an expiry, signed with MOIN_SECRET_KEY (itsdangerous). It is
readable by whoever holds it, so it must carry ids, never secrets or addresses. A caller
that needs a link to work once spends the token in the transaction of the write the link
causes: a second use is refused, and a write that rolls back leaves the token unspent.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from server.db import UTCDateTime, utcnow

# Declared in server.models.outbox (migrations, metadata); tests keep both in step.
USED_TOKENS = sa.table(
    "used_tokens",
    sa.column("token_id", sa.String()),
    sa.column("purpose", sa.String()),
    sa.column("expires_at", UTCDateTime()),
)


class TokenError(Exception):
    """A link that cannot be used: forged or for another purpose, expired, or used."""

    def __init__(self, reason: Literal["invalid", "expired", "used"]) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Token:
    """A token that checked out: its payload and identity."""

    purpose: str
    data: dict[str, Any]
    token_id: str
    expires_at: datetime


class Signer:
    """Makes and reads tokens with the forum's secret key."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def _serializer(self, purpose: str) -> URLSafeSerializer:
        return URLSafeSerializer(self._secret, salt=f"moin-forum.token.{purpose}")

    def sign(self, purpose: str, data: dict[str, Any], *, valid_for: timedelta) -> str:
        """A URL-safe token for `purpose` carrying `data`, valid for `valid_for`."""
        expires = utcnow() + valid_for
        body = {"d": data, "i": secrets.token_hex(12), "e": int(expires.timestamp())}
        return str(self._serializer(purpose).dumps(body))

    def read(self, purpose: str, token: str) -> Token:
        """The token's content; TokenError if it is not ours, not for `purpose`, or expired."""
        try:
            body = self._serializer(purpose).loads(token)
            expires = datetime.fromtimestamp(int(body["e"]), UTC)
            token_id, data = str(body["i"]), dict(body["d"])
        except (BadSignature, KeyError, TypeError, ValueError):
            raise TokenError("invalid") from None
        if expires <= utcnow():
            raise TokenError("expired")
        return Token(purpose, data, token_id, expires)


async def spend(session: AsyncSession, token: Token) -> None:
    """Use `token` once, in the caller's transaction; TokenError("used") the second time."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    result = await session.execute(
        dialect.insert(USED_TOKENS)
        .values(token_id=token.token_id, purpose=token.purpose, expires_at=token.expires_at)
        .on_conflict_do_nothing(index_elements=["token_id"])
    )
    if not result.rowcount:  # type: ignore[attr-defined]  # a CursorResult
        raise TokenError("used")


async def prune(session: AsyncSession) -> int:
    """Forget spent tokens that have expired (they are refused as expired anyway)."""
    result = await session.execute(
        sa.delete(USED_TOKENS).where(USED_TOKENS.c.expires_at < utcnow())
    )
    return int(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult
