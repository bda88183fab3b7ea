"""Invitations by e-mail to join an organisation, and accepting them at sign-in.

An invitation is a row (organisation, address, whether it makes a lead contact) and a
signed link that carries only the row's id; the link is single-use (its token is spent
when accepted) and valid for INVITATION_DAYS. The address is kept for the secretariat's
records and is never shown through the API.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from server import mail
from server.db import utcnow
from server.models import Invitation, Member, Organisation
from server.services import network_mail
from server.services.errors import Forbidden, InvalidInput, Unauthenticated, UserErrorCode
from server.services.viewer import Viewer, manages_organisation

INVITATION_DAYS = 14
EMAIL_MAX = 320
# An address as people type it: one @, no spaces or brackets, a dot in the domain.
_EMAIL = re.compile(r"[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[^\s@<>()\[\],;:\"]+")


class InvitationLinks(Protocol):
    """Makes the signed link of an invitation (the schema and the CLI hand one in)."""

    def link(self, invitation_id: int, expires_at: datetime) -> str: ...


def check_email(field: str, value: str) -> str | InvalidInput:
    """The address stripped, or the error naming `field` when it is not one."""
    email = value.strip()
    if not email:
        return InvalidInput.of(field, "An e-mail address is required.", UserErrorCode.REQUIRED)
    if len(email) > EMAIL_MAX:
        return InvalidInput.of(
            field,
            f"The e-mail address is too long: the limit is {EMAIL_MAX} characters.",
            UserErrorCode.TOO_LONG,
        )
    if not _EMAIL.fullmatch(email):
        return InvalidInput.of(field, "This is not an e-mail address such as ana@bank.example.")
    return email


async def create(
    session: AsyncSession,
    *,
    organisation_id: int,
    email: str,
    lead: bool,
    invited_by_id: int | None,
) -> Invitation:
    """A new invitation, valid for INVITATION_DAYS (its link is made from its id)."""
    invitation = Invitation(
        organisation_id=organisation_id,
        email=email,
        lead=lead,
        invited_by_id=invited_by_id,
        expires_at=utcnow() + timedelta(days=INVITATION_DAYS),
    )
    session.add(invitation)
    await session.flush()
    return invitation


async def invite_member(
    session: AsyncSession,
    actor: Viewer,
    *,
    organisation_id: int | None,
    email: str,
    links: InvitationLinks,
) -> Invitation:
    """Invite `email` to an organisation: admins, or that organisation's lead contact."""
    if actor.member_id is None and not actor.is_admin:
        raise Unauthenticated("Sign in to invite colleagues.")
    inviter = await session.get(Member, actor.member_id) if actor.member_id else None
    organisation = (
        await session.get(Organisation, organisation_id) if organisation_id is not None else None
    )
    is_lead = inviter is not None and inviter.lead_contact
    if organisation is None:
        if actor.is_admin or is_lead:
            raise InvalidInput.of("organisation", "There is no organisation with this ID.")
        raise Forbidden("Only admins and an organisation's lead contact can invite members.")
    if not manages_organisation(actor, organisation.id, is_lead_contact=is_lead):
        raise Forbidden("Only admins and the organisation's lead contact can invite members to it.")
    checked = check_email("email", email)
    if isinstance(checked, InvalidInput):
        raise checked
    invitation = await create(
        session,
        organisation_id=organisation.id,
        email=checked,
        lead=False,
        invited_by_id=actor.member_id,
    )
    await mail.queue(
        session,
        network_mail.invitation(
            to=checked,
            organisation_name=organisation.name,
            inviter_name=inviter.display_name if inviter else "The network's secretariat",
            link=links.link(invitation.id, invitation.expires_at),
            expires_at=invitation.expires_at,
        ),
    )
    return invitation


async def open_invitation(
    session: AsyncSession, invitation_id: int
) -> tuple[Invitation, Organisation] | None:
    """An invitation that has not been accepted, with its organisation; None otherwise."""
    invitation = await session.get(Invitation, invitation_id)
    if invitation is None or invitation.accepted_at is not None:
        return None
    organisation = await session.get(Organisation, invitation.organisation_id)
    if organisation is None:
        return None
    return invitation, organisation


async def accept(session: AsyncSession, *, invitation_id: int, member: Member) -> Organisation:
    """Attach `member` to the invitation's organisation (its lead contact if it says so).

    The caller has spent the link's token in this transaction; ValueError when the
    invitation is gone or taken already.
    """
    found = await open_invitation(session, invitation_id)
    if found is None:
        raise ValueError("the invitation has been used or withdrawn")
    invitation, organisation = found
    invitation.accepted_at = utcnow()
    invitation.accepted_by_id = member.id
    if member.organisation_id != organisation.id:
        member.lead_contact = False
    member.organisation_id = organisation.id
    if invitation.lead:
        member.lead_contact = True
    await session.flush()
    return organisation
