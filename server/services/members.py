"""Members: who signs in through which provider, their roles and their organisation.

Roles and organisations change here, by an admin (GraphQL) or by the operator
(the command line). The viewer is loaded from the database on every request, so
a change takes effect on the member's next request.
"""

from __future__ import annotations

import logging
import re
import unicodedata

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.domain import MemberRole
from server.models import Member, Organisation
from server.services import organisations
from server.services.errors import (
    InvalidInput,
)
from server.services.viewer import Viewer, require_admin

log = logging.getLogger(__name__)

DISPLAY_NAME_MAX = 120
EMAIL_MAX = 320


async def get_by_email(session: AsyncSession, email: str) -> Member | None:
    """The member with this e-mail address (compared case-insensitively), if any."""
    return (
        await session.execute(
            sa.select(Member).where(sa.func.lower(Member.email) == email.strip().lower())
        )
    ).scalar_one_or_none()


async def _member(session: AsyncSession, member_id: int | None) -> Member:
    member = await session.get(Member, member_id) if member_id is not None else None
    if member is None:
        raise InvalidInput.of("member_id", "There is no member with this ID.")
    return member


async def set_role(
    session: AsyncSession, actor: Viewer, *, member_id: int | None, role: MemberRole
) -> Member:
    """Give a member a role; MEMBER takes every extra right away."""
    require_admin(actor)
    member = await _member(session, member_id)
    if member.id == actor.member_id and role is not MemberRole.ADMIN:
        raise InvalidInput.of(
            "member_id", "Admins cannot take away their own admin role; ask another admin."
        )
    if member.role != role:
        log.info("member %s: role %s -> %s", member.id, member.role, role)
        member.role = role
        await session.flush()
    return member


async def set_organisation(
    session: AsyncSession, actor: Viewer, *, member_id: int | None, organisation_id: int | None
) -> Member:
    """Attach a member to an organisation (so they can write), or detach them (None)."""
    require_admin(actor)
    member = await _member(session, member_id)
    if organisation_id is not None and await session.get(Organisation, organisation_id) is None:
        raise InvalidInput.of("organisation_id", "There is no organisation with this ID.")
    if member.organisation_id != organisation_id:
        log.info(
            "member %s: organisation %s -> %s", member.id, member.organisation_id, organisation_id
        )
        member.organisation_id = organisation_id
        await session.flush()
    return member


def clean_display_name(value: str | None) -> str | None:
    """A name as text: no control characters, single spaces, at most 120 characters."""
    if not value:
        return None
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in value)
    text = re.sub(r"\s+", " ", text).strip()
    return text[:DISPLAY_NAME_MAX] or None


async def record_sign_in(
    session: AsyncSession,
    *,
    provider: str,
    subject: str,
    display_name: str,
    email: str | None,
    organisation_slug: str | None,
) -> Member:
    """Find the member a provider vouches for (by provider and subject), or create them.

    The display name follows the provider. The e-mail address is taken unless another
    member already has it (accounts are never joined by e-mail: that would let one
    provider take over an account vouched for by another). When the provider's rules
    name an organisation, the member belongs to it; otherwise their organisation
    stays as it was (an admin may have attached them).
    """
    member = (
        await session.execute(
            sa.select(Member).where(
                Member.oidc_provider == provider, Member.oidc_subject == subject
            )
        )
    ).scalar_one_or_none()
    if member is None:
        member = Member(
            display_name=display_name,
            role=MemberRole.MEMBER,
            oidc_provider=provider,
            oidc_subject=subject,
        )
        session.add(member)
        await session.flush()
        log.info("new member %s signed in through %s", member.id, provider)
    member.display_name = display_name
    if email is not None and len(email) <= EMAIL_MAX and email != member.email:
        taken = await get_by_email(session, email)
        if taken is None or taken.id == member.id:
            member.email = email
        else:
            log.warning(
                "member %s signed in through %s with an e-mail address that member %s has; "
                "not copied",
                member.id,
                provider,
                taken.id,
            )
    if organisation_slug is not None:
        organisation = await organisations.get_by_slug(session, organisation_slug)
        if organisation is None:
            log.warning(
                "provider %s maps member %s to organisation %r, which does not exist; "
                "create it, or fix MOIN_OIDC_PROVIDERS",
                provider,
                member.id,
                organisation_slug,
            )
        else:
            member.organisation_id = organisation.id
    await session.flush()
    return member
