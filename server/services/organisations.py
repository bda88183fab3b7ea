"""Organisations of the network and their members, as the directory shows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.domain import OrganisationType
from server.models import Member, Organisation
from server.services.errors import BadInput
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.validation import SEARCH_MAX


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
