"""Organisation profiles and the directory's summaries: pillar counts, counts by type and
by region, and the profile edits of a lead contact or an admin."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import countries, markdown
from server.domain import OrganisationType, RoarPillar, mask_to_pillars
from server.models import Member, Organisation, Thread
from server.services import organisations
from server.services.errors import Forbidden, InvalidInput, Unauthenticated, UserErrorCode
from server.services.validation import Collector, rendered
from server.services.viewer import Viewer, manages_organisation, readable_visibilities


@dataclass(frozen=True)
class DirectorySummary:
    """How many organisations there are, by type and by region (continent)."""

    total: int
    by_type: dict[OrganisationType, int]
    by_region: dict[str, int]


async def summary(session: AsyncSession) -> DirectorySummary:
    """The counts of the whole directory (one grouped query)."""
    rows = (
        await session.execute(
            sa.select(Organisation.type, Organisation.country, sa.func.count()).group_by(
                Organisation.type, Organisation.country
            )
        )
    ).all()
    by_type: Counter[OrganisationType] = Counter()
    by_region: Counter[str] = Counter()
    for kind, country, n in rows:
        by_type[kind] += n
        by_region[countries.region(country) or "International"] += n
    return DirectorySummary(sum(by_type.values()), dict(by_type), dict(by_region))


async def pillar_counts(
    session: AsyncSession, viewer: Viewer, organisation_id: int
) -> dict[RoarPillar, int]:
    """How many of the organisation's threads the viewer may read concern each pillar."""
    masks = await session.scalars(
        sa.select(Thread.pillars_mask).where(
            Thread.organisation_id == organisation_id,
            Thread.visibility.in_(readable_visibilities(viewer)),
            Thread.hidden_at.is_(None),
        )
    )
    counts: Counter[RoarPillar] = Counter()
    for mask in masks:
        counts.update(mask_to_pillars(mask))
    return {pillar: counts[pillar] for pillar in RoarPillar}


async def can_edit(session: AsyncSession, viewer: Viewer, organisation_id: int) -> bool:
    """Whether `viewer` may edit the organisation's profile (`manages_organisation`; whether
    they are its lead contact is read only for a member of it)."""
    is_lead = (
        viewer.member_id is not None
        and viewer.organisation_id == organisation_id
        and bool(
            await session.scalar(
                sa.select(Member.lead_contact).where(Member.id == viewer.member_id)
            )
        )
    )
    return manages_organisation(viewer, organisation_id, is_lead_contact=is_lead)


async def update_profile(
    session: AsyncSession,
    actor: Viewer,
    *,
    organisation_id: int | None,
    description: str | None,
    website: str | None,
) -> Organisation:
    """Change an organisation's description (Markdown) and website."""
    if actor.member_id is None and not actor.is_admin:
        raise Unauthenticated("Sign in to edit an organisation's profile.")
    organisation = (
        await session.get(Organisation, organisation_id) if organisation_id is not None else None
    )
    if organisation is None:
        raise InvalidInput.of("organisation", "There is no organisation with this ID.")
    if not await can_edit(session, actor, organisation.id):
        raise Forbidden("Only the organisation's lead contact and admins can edit its profile.")
    check = Collector()
    if description is not None:
        description = description.strip()
        if len(description) > organisations.DESCRIPTION_MAX:
            check.add(
                "description",
                f"The description is too long: {len(description)} characters, the limit is "
                f"{organisations.DESCRIPTION_MAX}.",
                UserErrorCode.TOO_LONG,
            )
    if website is not None and website.strip():
        website = organisations.check_website(check, website)
    check.raise_if_any()
    if description:
        # Refused now, as a post's body would be, if it would cost too much to render.
        await rendered("description", description, label="Description")
    if description is not None:
        organisation.description = description or None
    if website is not None:
        organisation.website = website or None
    await session.flush()
    return organisation


async def description_html(description: str | None) -> str | None:
    """An organisation's description (Markdown) as sanitised HTML, rendered off the event
    loop; None without a description, or for one written before descriptions were checked
    that now costs too much to render."""
    if not description:
        return None
    try:
        return await markdown.render(description)
    except markdown.MarkdownTooComplex:
        return None
