"""Organisations of the network: adding them, and the directory of them and their members."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.domain import ORGANISATION_SLUG, OrganisationType
from server.models import Member, Organisation
from server.services.errors import BadInput, FieldError, InvalidInput, UserErrorCode
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.validation import SEARCH_MAX, Collector
from server.services.viewer import Viewer, require_admin

NAME_MAX = 200
WEBSITE_MAX = 300
DESCRIPTION_MAX = 2000


@dataclass(frozen=True)
class OrganisationFilter:
    types: Sequence[OrganisationType] | None = None
    country: str | None = None
    search: str | None = None


def _filtered(flt: OrganisationFilter) -> sa.Select[Any]:
    stmt = sa.select(Organisation)
    if flt.types:
        stmt = stmt.where(Organisation.type.in_({t.value for t in flt.types}))
    if flt.country is not None:
        if len(flt.country) != 2:
            raise BadInput("`filter.country` is an ISO 3166-1 alpha-2 code of two letters.")
        stmt = stmt.where(Organisation.country == flt.country.upper())
    if flt.search is not None and flt.search.strip():
        if len(flt.search) > SEARCH_MAX:
            raise BadInput(f"`filter.search` takes at most {SEARCH_MAX} characters.")
        pattern = "%" + _escape_like(flt.search.strip().lower()) + "%"
        stmt = stmt.where(sa.func.lower(Organisation.name).like(pattern, escape="\\"))
    return stmt


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def _by_name(
    session: AsyncSession,
    stmt: sa.Select[Any],
    name: Any,
    ordering: str,
    *,
    first: int,
    after: str | None,
) -> Page[Any]:
    """A page of `stmt`'s rows in (name, id) order, after the cursor."""
    check_first(first)
    model = stmt.column_descriptions[0]["entity"]
    if after is not None:
        last_name, last_id = decode_cursor(after, ordering, (str, int))
        stmt = stmt.where(
            sa.tuple_(name, model.id) > sa.tuple_(sa.literal(last_name), sa.literal(last_id))
        )
    rows = (await session.scalars(stmt.order_by(name, model.id).limit(first + 1))).all()
    items, has_next = take_page(list(rows), first)
    return Page(
        items=items,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda row: encode_cursor(ordering, (getattr(row, name.key), row.id)),
    )


async def list_organisations(
    session: AsyncSession, flt: OrganisationFilter, *, first: int, after: str | None = None
) -> Page[Organisation]:
    """A page of organisations in name order."""
    return await _by_name(
        session, _filtered(flt), Organisation.name, "ORG_NAME", first=first, after=after
    )


async def count_organisations(session: AsyncSession, flt: OrganisationFilter) -> int:
    stmt = _filtered(flt)
    return int(await session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery())) or 0)


async def get_by_slug(session: AsyncSession, slug: str) -> Organisation | None:
    return await session.scalar(sa.select(Organisation).where(Organisation.slug == slug[:80]))


async def get_by_id(session: AsyncSession, organisation_id: int) -> Organisation | None:
    return await session.get(Organisation, organisation_id)


async def list_members(
    session: AsyncSession, organisation_id: int, *, first: int, after: str | None = None
) -> Page[Member]:
    """A page of an organisation's members in name order."""
    stmt = sa.select(Member).where(Member.organisation_id == organisation_id)
    return await _by_name(
        session, stmt, Member.display_name, "MEMBER_NAME", first=first, after=after
    )


async def count_members(session: AsyncSession, organisation_id: int) -> int:
    return int(
        await session.scalar(
            sa.select(sa.func.count()).where(Member.organisation_id == organisation_id)
        )
        or 0
    )


async def create_organisation(
    session: AsyncSession,
    actor: Viewer,
    *,
    slug: str,
    name: str,
    type: OrganisationType,
    country: str | None = None,
    website: str | None = None,
    description: str | None = None,
) -> Organisation:
    """Add a member organisation; admins only (and the operator at the command line)."""
    require_admin(actor, "add organisations")
    check = Collector()
    if not ORGANISATION_SLUG.match(slug):
        check.add(
            "slug",
            "A slug is 1 to 80 lower-case letters, digits and '-', e.g. acme-agency.",
            UserErrorCode.INVALID,
        )
    name = check.text("name", name, label="Name", max_length=NAME_MAX)
    if country is not None:
        country = country.strip().upper()
        if not (len(country) == 2 and country.isascii() and country.isalpha()):
            check.add(
                "country",
                "A country is an ISO 3166-1 alpha-2 code such as DE.",
                UserErrorCode.INVALID,
            )
    if website is not None:
        website = website.strip()
        if not website.startswith(("https://", "http://")) or len(website) > WEBSITE_MAX:
            check.add(
                "website",
                f"A website is an https:// address of at most {WEBSITE_MAX} characters.",
                UserErrorCode.INVALID,
            )
    if description is not None:
        description = check.text(
            "description", description, label="Description", max_length=DESCRIPTION_MAX
        )
    check.raise_if_any()
    if await get_by_slug(session, slug) is not None:
        raise InvalidInput(
            [
                FieldError(
                    ("slug",),
                    f"There is already an organisation with the slug {slug!r}.",
                    UserErrorCode.DUPLICATE,
                )
            ]
        )
    organisation = Organisation(
        slug=slug,
        name=name,
        type=type.value,
        country=country,
        website=website,
        description=description,
    )
    session.add(organisation)
    await session.flush()
    return organisation


async def all_organisations(session: AsyncSession) -> list[Organisation]:
    """Every organisation, by slug (the operator's list)."""
    return list(await session.scalars(sa.select(Organisation).order_by(Organisation.slug)))
