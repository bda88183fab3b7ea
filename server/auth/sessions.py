"""Server-side sessions behind a signed cookie.

The cookie carries a random token signed with MOIN_SECRET_KEY; the database keeps
only the token's hash, so signing out (deleting the row) ends the session at once
and a leaked database holds no usable session.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from server.config import Settings
from server.db import Database
from server.domain import MemberRole
from server.models import AuthSession, Member
from server.models.base import utcnow
from server.services.viewer import VISITOR, Viewer

COOKIE_NAME = "moin_session"


def _serializer(settings: Settings) -> URLSafeSerializer:
    return URLSafeSerializer(settings.secret(), salt="moin-session")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token(settings: Settings, cookie: str | None) -> str | None:
    if not cookie or len(cookie) > 512:
        return None
    try:
        token = _serializer(settings).loads(cookie)
    except BadSignature:
        return None
    return token if isinstance(token, str) else None


async def create_session(session: AsyncSession, member_id: int, settings: Settings) -> str:
    """Start a session for a member; returns the cookie value."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        AuthSession(
            token_hash=_hash(token),
            member_id=member_id,
            created_at=now,
            expires_at=now + timedelta(days=settings.session_max_age_days),
        )
    )
    await session.flush()
    return _serializer(settings).dumps(token)


async def end_sessions_of(session: AsyncSession, member_id: int) -> None:
    """End every session of a member (all their browsers), e.g. when they are unbanned."""
    await session.execute(sa.delete(AuthSession).where(AuthSession.member_id == member_id))


async def end_session(session: AsyncSession, settings: Settings, cookie: str | None) -> None:
    token = _token(settings, cookie)
    if token is not None:
        await session.execute(sa.delete(AuthSession).where(AuthSession.token_hash == _hash(token)))


async def viewer_for_cookie(db: Database, settings: Settings, cookie: str | None) -> Viewer:
    """The member a cookie belongs to, or the visitor for no, bad or expired cookies."""
    token = _token(settings, cookie)
    if token is None:
        return VISITOR
    async with db.read() as session:
        row = (
            await session.execute(
                sa.select(Member.id, Member.role, Member.organisation_id, Member.banned_reason)
                .join(AuthSession, AuthSession.member_id == Member.id)
                .where(AuthSession.token_hash == _hash(token), AuthSession.expires_at > utcnow())
            )
        ).first()
    if row is None:
        return VISITOR
    if row.banned_reason is not None:
        # The session no longer signs anyone in; it only lets writes say why they fail.
        return Viewer(banned_reason=row.banned_reason)
    return Viewer(member_id=row.id, role=MemberRole(row.role), organisation_id=row.organisation_id)


def set_session_cookie(response: Response, settings: Settings, value: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=settings.session_max_age_days * 86400,
        httponly=True,
        samesite="lax",
        secure=settings.public_url.startswith("https://"),
        path="/",
    )


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        COOKIE_NAME,
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.public_url.startswith("https://"),
    )


async def issue_session_cookie(db: Database, member_id: int, settings: Settings) -> tuple[str, str]:
    """Sign a member in without a provider (tests, benchmarks): (cookie name, value)."""
    async with db.write() as session:
        value = await create_session(session, member_id, settings)
    return COOKIE_NAME, value
