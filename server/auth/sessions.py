"""Server-side sessions behind a signed cookie.

The cookie carries a random token signed with MOIN_SECRET_KEY; the database keeps
only the token's hash, so signing out (deleting the row) ends the session at once
and a leaked database holds no usable session.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

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
    found = await _viewers(db, _SESSION, {"token_hash": _hash(token)})
    return next(iter(found.values()), VISITOR)


async def viewers_for_cookies(
    db: Database, settings: Settings, cookies: Sequence[str | None]
) -> list[Viewer]:
    """`viewer_for_cookie` of each cookie, in one query: open sockets recheck together."""
    hashes = [None if (t := _token(settings, cookie)) is None else _hash(t) for cookie in cookies]
    wanted = sorted({h for h in hashes if h is not None})
    found = await _viewers(db, _SESSIONS, {"token_hashes": wanted}) if wanted else {}
    return [VISITOR if h is None else found.get(h, VISITOR) for h in hashes]


def _unexpired_sessions(which: sa.ColumnElement[bool]) -> sa.Select[*tuple[Any, ...]]:
    return (
        sa.select(
            AuthSession.token_hash,
            Member.id,
            Member.role,
            Member.organisation_id,
            Member.banned_reason,
        )
        .join(AuthSession, AuthSession.member_id == Member.id)
        .where(which, AuthSession.expires_at > sa.bindparam("now"))
    )


# Built once (every request with a cookie asks): only the bound values change.
_SESSION = _unexpired_sessions(AuthSession.token_hash == sa.bindparam("token_hash"))
_SESSIONS = _unexpired_sessions(
    AuthSession.token_hash.in_(sa.bindparam("token_hashes", expanding=True))
)


async def _viewers(
    db: Database, stmt: sa.Select[*tuple[Any, ...]], params: dict[str, Any]
) -> dict[str, Viewer]:
    """The viewers of the sessions `stmt` selects, by token hash."""
    async with db.read() as session:
        rows = await session.execute(stmt, {**params, "now": utcnow()})
        return {row.token_hash: _viewer_of(row) for row in rows}


def _viewer_of(row: Any) -> Viewer:
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
