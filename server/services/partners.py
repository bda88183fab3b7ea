"""Partner API keys: issuing, listing and revoking them (the operator's commands).

A key is shown once when it is made; the database keeps its SHA-256 hash only (the key is
32 random bytes, so a plain hash is enough). How a key is used on /graphql (its origins,
its rate budget) is `server.auth.apikeys`.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.config.providers import LOOPBACK_HOSTS
from server.models import Partner
from server.models.base import utcnow
from server.services.errors import BadInput
from server.weburl import split_url

KEY_PREFIX = "moin_pk_"
NAME_MAX = 80
MAX_ORIGINS = 20
MAX_RATE_LIMIT = 100_000


class PartnerError(BadInput):
    """A partner command cannot be done as asked; the message says why."""


def hash_key(key: str) -> str:
    """What the database keeps of a key: its SHA-256, in hex."""
    return hashlib.sha256(key.encode()).hexdigest()


def normalise_origin(value: str) -> str:
    """`https://partner.example` (scheme, host, port; nothing else), lower-case."""
    parts = split_url(value.strip())
    if parts is None:
        raise PartnerError(f"{value!r} is not an origin such as https://partner.example")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise PartnerError(f"{value!r} is not an origin: give scheme, host and port only")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise PartnerError(f"{value!r} must use https:// (http:// only on loopback)")
    return f"{parts.scheme}://{parts.netloc}".lower()


async def create_partner(
    session: AsyncSession,
    *,
    name: str,
    origins: Sequence[str] = (),
    rate_limit_per_minute: int | None = None,
    persisted_only: bool = False,
) -> tuple[Partner, str]:
    """Issue a key for a partner; returns the partner and the key (shown once, never stored).

    Creating a partner whose earlier key was revoked issues it a new key.
    """
    name = name.strip()
    if not name or len(name) > NAME_MAX:
        raise PartnerError(f"a partner's name has 1 to {NAME_MAX} characters")
    if len(origins) > MAX_ORIGINS:
        raise PartnerError(f"at most {MAX_ORIGINS} origins per partner")
    normalised = sorted({normalise_origin(o) for o in origins})
    if rate_limit_per_minute is not None and not 1 <= rate_limit_per_minute <= MAX_RATE_LIMIT:
        raise PartnerError(f"the rate limit is 1 to {MAX_RATE_LIMIT} requests a minute")
    partner = (
        await session.execute(sa.select(Partner).where(Partner.name == name))
    ).scalar_one_or_none()
    if partner is not None and partner.revoked_at is None:
        raise PartnerError(f"partner {name!r} already has a key; revoke it first to issue another")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    if partner is None:
        partner = Partner(name=name)
        session.add(partner)
    partner.key_hash = hash_key(key)
    partner.key_prefix = key[: len(KEY_PREFIX) + 6]
    partner.origins = normalised
    partner.rate_limit_per_minute = rate_limit_per_minute
    partner.persisted_only = persisted_only
    partner.created_at = utcnow()
    partner.revoked_at = None
    await session.flush()
    return partner, key


async def list_partners(session: AsyncSession) -> list[Partner]:
    """Every partner, revoked ones too, by name."""
    return list((await session.execute(sa.select(Partner).order_by(Partner.name))).scalars())


async def revoke_partner(session: AsyncSession, name: str) -> Partner:
    """Revoke a partner's key at once: its next request is refused."""
    partner = (
        await session.execute(sa.select(Partner).where(Partner.name == name.strip()))
    ).scalar_one_or_none()
    if partner is None:
        raise PartnerError(f"there is no partner called {name!r}")
    if partner.revoked_at is None:
        partner.revoked_at = utcnow()
        await session.flush()
    return partner
