"""Organisations of the network: adding them, and the directory of them and their members."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from server.domain import ORGANISATION_SLUG, OrganisationOrder, OrganisationType
from server.models import (
    MEMBER_BUNDLE,
    ORGANISATION_BUNDLE,
    Member,
    MemberRecord,
    Organisation,
    OrganisationRecord,
    Post,
    Thread,
)
from server.services.errors import BadInput, FieldError, InvalidInput, UserErrorCode
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.validation import SEARCH_MAX, Collector
from server.services.viewer import Viewer, readable_visibilities, require_admin
from server.weburl import split_url

R = TypeVar("R")

NAME_MAX = 200
WEBSITE_MAX = 300
DESCRIPTION_MAX = 2000


@dataclass(frozen=True)
class OrganisationFilter:
    """Which organisations to list; `types` means "any of these"."""

    types: Sequence[OrganisationType] | None = None
    country: str | None = None
    search: str | None = None


def _filtered(flt: OrganisationFilter) -> sa.Select[OrganisationRecord]:
    stmt = sa.select(ORGANISATION_BUNDLE)
    if flt.types:
        stmt = stmt.where(Organisation.type.in_(set(flt.types)))
    if flt.country is not None:
        if len(flt.country) != 2:
            raise BadInput("is an ISO 3166-1 alpha-2 code of two letters.", ("filter", "country"))
        stmt = stmt.where(Organisation.country == flt.country.upper())
    if flt.search is not None and flt.search.strip():
        if len(flt.search) > SEARCH_MAX:
            raise BadInput(f"takes at most {SEARCH_MAX} characters.", ("filter", "search"))
        pattern = "%" + _escape_like(flt.search.strip().lower()) + "%"
        stmt = stmt.where(sa.func.lower(Organisation.name).like(pattern, escape="\\"))
    return stmt


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def _by_name(
    session: AsyncSession,
    stmt: sa.Select[R],
    order: tuple[InstrumentedAttribute[str], InstrumentedAttribute[int]],
    key: Callable[[R], tuple[str, int]],
    ordering: str,
    *,
    first: int,
    after: str | None,
) -> Page[R]:
    """A page of `stmt`'s records in `order` (a name, then the id), after the cursor;
    `key` is a record's (name, id)."""
    check_first(first)
    name, id_ = order
    if after is not None:
        last_name, last_id = decode_cursor(after, ordering, (str, int))
        stmt = stmt.where(
            sa.tuple_(name, id_) > sa.tuple_(sa.literal(last_name), sa.literal(last_id))
        )
    rows = (await session.scalars(stmt.order_by(name, id_).limit(first + 1))).all()
    items, has_next = take_page(list(rows), first)
    return Page(
        items=items,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda record: encode_cursor(ordering, key(record)),
    )


async def list_organisations(
    session: AsyncSession,
    flt: OrganisationFilter,
    *,
    first: int,
    after: str | None = None,
    order: OrganisationOrder = OrganisationOrder.NAME,
    viewer: Viewer | None = None,
) -> Page[OrganisationRecord]:
    """A page of organisations in `order`: by name, or by the latest activity of their
    members that `viewer` may read (see `last_activity`)."""
    if order is OrganisationOrder.LAST_ACTIVITY:
        return await _by_activity(
            session, flt, viewer or Viewer(member_id=None), first=first, after=after
        )
    return await _by_name(
        session,
        _filtered(flt),
        (Organisation.name, Organisation.id),
        lambda organisation: (organisation.name, organisation.id),
        "ORG_NAME",
        first=first,
        after=after,
    )


def last_activity(viewer: Viewer) -> sa.Subquery:
    """Per organisation, when one of its members last started a thread or posted a reply
    that `viewer` may read; hidden threads and posts do not count, for anyone (a
    moderator's view of them is not the organisation's activity)."""
    return (
        sa.select(
            Member.organisation_id.label("organisation_id"),
            sa.func.max(Post.created_at).label("at"),
        )
        .join(Post, Post.author_id == Member.id)
        .join(Thread, Thread.id == Post.thread_id)
        .where(
            Member.organisation_id.is_not(None),
            Thread.visibility.in_(readable_visibilities(viewer)),
            Thread.hidden_at.is_(None),
            Post.hidden_at.is_(None),
        )
        .group_by(Member.organisation_id)
        .subquery("organisation_activity")
    )


# The time a cursor holds for an organisation without activity (its value is not compared).
_NO_ACTIVITY = datetime(1970, 1, 1, tzinfo=UTC)


async def _by_activity(
    session: AsyncSession, flt: OrganisationFilter, viewer: Viewer, *, first: int, after: str | None
) -> Page[OrganisationRecord]:
    """A page of organisations, latest activity first, then those without any; ties (the
    same time, or none) by name and id. The keyset mixes directions (time descending, name
    ascending), so its bound is spelled out rather than one row-value comparison."""
    check_first(first)
    activity = last_activity(viewer)
    at = activity.c.at
    active = sa.case((at.is_(None), 0), else_=1)
    stmt = _filtered(flt).add_columns(active.label("active"), at.label("at"))
    stmt = stmt.outerjoin(activity, activity.c.organisation_id == Organisation.id)
    if after is not None:
        was_active, last_at, last_name, last_id = decode_cursor(
            after, "ORG_ACTIVITY", (int, datetime, str, int)
        )
        name_after = sa.or_(
            Organisation.name > last_name,
            sa.and_(Organisation.name == last_name, Organisation.id > last_id),
        )
        if was_active:
            bound = sa.literal(last_at, at.type)
            stmt = stmt.where(sa.or_(at.is_(None), at < bound, sa.and_(at == bound, name_after)))
        else:
            stmt = stmt.where(at.is_(None), name_after)
    stmt = stmt.order_by(active.desc(), at.desc(), Organisation.name, Organisation.id)
    rows = list((await session.execute(stmt.limit(first + 1))).all())
    page, has_next = take_page(rows, first)
    keys = {
        row.organisation.id: (row.active, row.at or _NO_ACTIVITY, row.organisation.name)
        for row in page
    }
    return Page(
        items=[row.organisation for row in page],
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda organisation: encode_cursor(
            "ORG_ACTIVITY", (*keys[organisation.id], organisation.id)
        ),
    )


async def count_organisations(session: AsyncSession, flt: OrganisationFilter) -> int:
    """How many organisations `list_organisations` would list, over all its pages."""
    stmt = _filtered(flt)
    return int(await session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery())) or 0)


async def get_by_slug(session: AsyncSession, slug: str) -> Organisation | None:
    """The organisation with this slug, if any."""
    return await session.scalar(sa.select(Organisation).where(Organisation.slug == slug[:80]))


async def get_by_id(session: AsyncSession, organisation_id: int) -> Organisation | None:
    """The organisation with this id, if any."""
    return await session.get(Organisation, organisation_id)


async def list_members(
    session: AsyncSession, organisation_id: int, *, first: int, after: str | None = None
) -> Page[MemberRecord]:
    """A page of an organisation's members in name order."""
    return await _by_name(
        session,
        sa.select(MEMBER_BUNDLE).where(Member.organisation_id == organisation_id),
        (Member.display_name, Member.id),
        lambda member: (member.display_name, member.id),
        "MEMBER_NAME",
        first=first,
        after=after,
    )


async def count_members(session: AsyncSession, organisation_id: int) -> int:
    """How many members an organisation has."""
    return int(
        await session.scalar(
            sa.select(sa.func.count()).where(Member.organisation_id == organisation_id)
        )
        or 0
    )


def check_website(check: Collector, value: str | None) -> str | None:
    """An organisation's website, tidied (None when blank); a field error on `check` when
    it is not an http(s) address with a dotted host of at most WEBSITE_MAX characters.

    The one rule for an organisation's website, whether an applicant, an admin or an
    organisation's member gives it (applications become organisations with it)."""
    if value is None or not value.strip():
        return None
    website = value.strip()
    parts = split_url(website)
    if parts is None or "." not in (parts.hostname or "") or len(website) > WEBSITE_MAX:
        check.add(
            "website",
            f"A website is an address such as https://agency.example, of at most "
            f"{WEBSITE_MAX} characters.",
            UserErrorCode.INVALID,
        )
    return website


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
    website = check_website(check, website)
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
        type=type,
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
