"""Sign-in sessions behind a signed cookie.

The cookie carries the session's random token, signed with MOIN_SECRET_KEY; the
sessions themselves (rows holding only the token's hash) are kept by
`server.services.sessions`. This module is the HTTP side: cookies in and out.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import timedelta

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from server.config import Settings
from server.db import Database
from server.services import sessions as stored
from server.services.viewer import VISITOR, Viewer

COOKIE_NAME = "moin_session"


_SALT = "moin-session"


def _serializer(settings: Settings) -> URLSafeSerializer:
    return URLSafeSerializer(settings.secret(), salt=_SALT)


def _token(settings: Settings, cookie: str | None) -> str | None:
    if not cookie or len(cookie) > 512:
        return None
    return _signed_token(settings.secret(), cookie)


# Open sockets recheck their cookies every few seconds, a thousand at once on a busy
# thread; checking a signature is pure (the same answer for the same key and cookie), so
# each cookie's is checked once: 1,000 checks took 8 to 236 ms of the event loop, on
# the path of the event that made them (bench S8, December 2026). At most ~3 MB.
@functools.lru_cache(maxsize=4096)
def _signed_token(secret: str, cookie: str) -> str | None:
    try:
        token = URLSafeSerializer(secret, salt=_SALT).loads(cookie)
    except BadSignature:
        return None
    return token if isinstance(token, str) else None


async def create_session(session: AsyncSession, member_id: int, settings: Settings) -> str:
    """Start a session for a member; returns the cookie value."""
    lifetime = timedelta(days=settings.session_max_age_days)
    token = await stored.start_session(session, member_id, lifetime=lifetime)
    return _serializer(settings).dumps(token)


async def end_session(session: AsyncSession, settings: Settings, cookie: str | None) -> None:
    """End the session a cookie carries, if it carries one."""
    token = _token(settings, cookie)
    if token is not None:
        await stored.end_session(session, token)


async def viewer_for_cookie(db: Database, settings: Settings, cookie: str | None) -> Viewer:
    """The member a cookie belongs to, or the visitor for no, bad or expired cookies."""
    token = _token(settings, cookie)
    if token is None:
        return VISITOR
    async with db.read() as session:
        return await stored.viewer_for_token(session, token)


async def viewers_for_cookies(
    db: Database, settings: Settings, cookies: Sequence[str | None]
) -> list[Viewer]:
    """`viewer_for_cookie` of each cookie, in one query: open sockets recheck together."""
    tokens = [_token(settings, cookie) for cookie in cookies]
    wanted = [token for token in tokens if token is not None]
    found: dict[str, Viewer] = {}
    if wanted:
        async with db.read() as session:
            found = await stored.viewers_for_tokens(session, wanted)
    return [VISITOR if token is None else found.get(token, VISITOR) for token in tokens]


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
