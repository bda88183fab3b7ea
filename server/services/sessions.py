"""Sign-in sessions as rows: started, ended, and whom they sign in.

A session is a random token that the browser holds (`server.auth.sessions` signs it
into the cookie); the database keeps only the token's hash, so ending a session
(deleting its row) signs the browser out at once and a leaked database holds no
usable session. Moderation ends a member's sessions here too.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AuthSession, Member
from server.models.base import utcnow
from server.services.viewer import VISITOR, Viewer


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start_session(session: AsyncSession, member_id: int, *, lifetime: timedelta) -> str:
    """Start a session for a member; returns its token (to be kept by the browser only)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        AuthSession(
            token_hash=_hash(token), member_id=member_id, created_at=now, expires_at=now + lifetime
        )
    )
    await session.flush()
    return token


async def end_session(session: AsyncSession, token: str) -> None:
    """End one session (a browser signs out)."""
    await session.execute(sa.delete(AuthSession).where(AuthSession.token_hash == _hash(token)))


async def end_sessions_of(session: AsyncSession, member_id: int) -> None:
    """End every session of a member (all their browsers), e.g. when they are unbanned."""
    await session.execute(sa.delete(AuthSession).where(AuthSession.member_id == member_id))


async def viewer_for_token(session: AsyncSession, token: str) -> Viewer:
    """Whom a session token signs in: the visitor for an unknown or expired one."""
    rows = await session.execute(_SESSION, {"token_hash": _hash(token), "now": utcnow()})
    row = rows.first()
    return VISITOR if row is None else _viewer_of(row)


async def viewers_for_tokens(session: AsyncSession, tokens: Sequence[str]) -> dict[str, Viewer]:
    """`viewer_for_token` of many tokens in one query (open sockets recheck together);
    tokens of no live session are left out."""
    by_hash = {_hash(token): token for token in tokens}
    if not by_hash:
        return {}
    rows = await session.execute(_SESSIONS, {"token_hashes": sorted(by_hash), "now": utcnow()})
    return {by_hash[row.token_hash]: _viewer_of(row) for row in rows}


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


def _viewer_of(row: sa.Row[Any]) -> Viewer:
    """The viewer a live session's row (`_unexpired_sessions`) signs in."""
    if row.banned_reason is not None:
        # The session no longer signs anyone in; it only lets writes say why they fail.
        return Viewer(banned_reason=row.banned_reason)
    return Viewer(member_id=row.id, role=row.role, organisation_id=row.organisation_id)
