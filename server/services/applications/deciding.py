"""The admins' queue of applications and their decisions.

Approving creates the organisation and e-mails the contact an invitation that makes them
its lead contact when they sign in; rejecting e-mails the reason. A decision is final.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import mail
from server.db import utcnow
from server.domain import ORGANISATION_SLUG, ApplicationStatus
from server.models import MembershipApplication, Organisation
from server.services import invitations, network_mail, organisations
from server.services.errors import InvalidInput, UserErrorCode
from server.services.invitations import InvitationLinks
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.validation import REASON_MAX, Collector
from server.services.viewer import Viewer, require_admin


async def list_applications(
    session: AsyncSession,
    actor: Viewer,
    *,
    status: ApplicationStatus | None,
    first: int,
    after: str | None = None,
) -> Page[MembershipApplication]:
    """Applications, newest first; admins only."""
    require_admin(actor, "see applications to join")
    check_first(first)
    stmt = sa.select(MembershipApplication)
    if status is not None:
        stmt = stmt.where(MembershipApplication.status == status)
    ordering = "APPLICATION_NEWEST"
    if after is not None:
        at, last_id = decode_cursor(after, ordering, (datetime, int))
        stmt = stmt.where(
            sa.tuple_(MembershipApplication.submitted_at, MembershipApplication.id)
            < sa.tuple_(
                sa.literal(at, MembershipApplication.submitted_at.type), sa.literal(last_id)
            )
        )
    rows = (
        await session.scalars(
            stmt.order_by(
                MembershipApplication.submitted_at.desc(), MembershipApplication.id.desc()
            ).limit(first + 1)
        )
    ).all()
    items, has_next = take_page(list(rows), first)
    return Page(
        items=items,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda a: encode_cursor(ordering, (a.submitted_at, a.id)),
    )


async def count_applications(
    session: AsyncSession, actor: Viewer, *, status: ApplicationStatus | None
) -> int:
    """How many applications `list_applications` would list over all its pages."""
    require_admin(actor, "see applications to join")
    stmt = sa.select(sa.func.count()).select_from(MembershipApplication)
    if status is not None:
        stmt = stmt.where(MembershipApplication.status == status)
    return int(await session.scalar(stmt) or 0)


async def get_application(
    session: AsyncSession, actor: Viewer, application_id: int
) -> MembershipApplication | None:
    """One application for an admin; None for anyone else (as if it were not there)."""
    if not actor.is_admin:
        return None
    return await session.get(MembershipApplication, application_id)


def slug_for(name: str) -> str:
    """A URL slug made from an organisation's name: `Agência Nacional` -> `agencia-nacional`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:70].strip("-")
    return slug or "organisation"


async def _free_slug(session: AsyncSession, base: str) -> str:
    slug, n = base, 1
    while await organisations.get_by_slug(session, slug) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


async def decide(
    session: AsyncSession,
    actor: Viewer,
    *,
    application_id: int | None,
    approve: bool,
    reason: str | None,
    slug: str | None,
    links: InvitationLinks,
) -> MembershipApplication:
    """Approve (create the organisation, invite the contact) or reject (with a reason)."""
    require_admin(actor, "decide on applications to join")
    application = (
        await session.get(MembershipApplication, application_id, with_for_update=True)
        if application_id is not None
        else None
    )
    if application is None:
        raise InvalidInput.of("application_id", "There is no application with this ID.")
    if application.status is not ApplicationStatus.PENDING:
        raise InvalidInput.of(
            "application_id",
            f"This application was {application.status.value.lower()} already: a decision "
            "is final.",
        )
    check = Collector()
    if not approve:
        reason = check.text(
            "reason", reason or "", label="A reason for the rejection", max_length=REASON_MAX
        )
    elif slug is not None and not ORGANISATION_SLUG.match(slug):
        check.add(
            "slug",
            "A slug is 1 to 80 lower-case letters, digits and '-', e.g. acme-agency.",
            UserErrorCode.INVALID,
        )
    check.raise_if_any()
    application.decided_at = utcnow()
    application.decided_by_id = actor.member_id
    if approve:
        await _approve(session, actor, application, slug, links)
    else:
        application.status = ApplicationStatus.REJECTED
        application.decision_reason = reason
        await mail.queue(
            session,
            network_mail.application_rejected(
                to=application.contact_email,
                contact_name=application.contact_name,
                organisation_name=application.organisation_name,
                reason=reason or "",
            ),
        )
    await session.flush()
    return application


async def _approve(
    session: AsyncSession,
    actor: Viewer,
    application: MembershipApplication,
    slug: str | None,
    links: InvitationLinks,
) -> None:
    existing = await session.scalar(
        sa.select(Organisation.id).where(
            sa.func.lower(Organisation.name) == application.organisation_name.lower()
        )
    )
    if existing is not None:
        raise InvalidInput.of(
            "application_id",
            "The network has an organisation of this name already: reject the application, "
            "or invite the contact to that organisation.",
            UserErrorCode.DUPLICATE,
        )
    organisation = await organisations.create_organisation(
        session,
        actor,
        slug=slug or await _free_slug(session, slug_for(application.organisation_name)),
        name=application.organisation_name,
        type=application.organisation_type,
        country=application.country,
        website=application.website,
    )
    application.status = ApplicationStatus.APPROVED
    application.organisation_id = organisation.id
    invitation = await invitations.create(
        session,
        organisation_id=organisation.id,
        email=application.contact_email,
        lead=True,
        invited_by_id=actor.member_id,
    )
    await mail.queue(
        session,
        network_mail.application_approved(
            to=application.contact_email,
            contact_name=application.contact_name,
            organisation_name=organisation.name,
            link=links.link(invitation.id, invitation.expires_at),
            expires_at=invitation.expires_at,
        ),
    )
