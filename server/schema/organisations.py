"""Organisations: the network's directory."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Annotated

import strawberry

from server import countries, domain
from server.ids import to_global_id
from server.models import OrganisationRecord
from server.schema.context import Context
from server.schema.enums import OrganisationOrder, OrganisationType, RoarPillar
from server.schema.members import Member
from server.schema.node import Node
from server.schema.pagination import Connection, connection
from server.services import directory, organisations, threads

if TYPE_CHECKING:
    from server.schema.threads import Thread

ThreadRef = Annotated["Thread", strawberry.lazy("server.schema.threads")]


@strawberry.type(description="How many threads concern one ROAR pillar.")
class PillarCount:
    pillar: RoarPillar = strawberry.field(description="The pillar.")
    count: int = strawberry.field(description="How many threads.")


@strawberry.type(description="A member organisation of the network.")
class Organisation(Node):
    slug: str = strawberry.field(description="Short name used in URLs, e.g. `city-of-x`.")
    name: str = strawberry.field(description="The organisation's name.")
    type: OrganisationType = strawberry.field(description="What kind of organisation it is.")
    country: str | None = strawberry.field(
        description="ISO 3166-1 alpha-2 country code, where the organisation has one."
    )
    website: str | None = strawberry.field(description="Its public website.")
    description: str | None = strawberry.field(description="What it does, in a few sentences.")
    row_id: strawberry.Private[int]

    @strawberry.field(
        description="The description rendered from Markdown to sanitised HTML (for its page: "
        "rendered on each read, not for lists)."
    )
    async def description_html(self) -> str | None:
        return await directory.description_html(self.description)

    @strawberry.field(description="The country's name in English, e.g. Germany.")
    def country_name(self) -> str | None:
        return countries.country_name(self.country)

    @strawberry.field(
        description="The continent of its country (Africa, Americas, Asia, Europe, Oceania, "
        "Antarctica); null for an international body without a country."
    )
    def region(self) -> str | None:
        return countries.region(self.country)

    @strawberry.field(
        description="How many of its threads you may read concern each ROAR pillar (one "
        "query per organisation: for its page, not for lists)."
    )
    async def pillar_counts(self, info: strawberry.Info[Context, None]) -> list[PillarCount]:
        counts = await info.context.read(directory.pillar_counts, info.context.viewer, self.row_id)
        return [PillarCount(pillar=p, count=n) for p, n in counts.items()]

    @strawberry.field(description="Whether you may edit its profile (its lead contact, admins).")
    async def viewer_can_edit(self, info: strawberry.Info[Context, None]) -> bool:
        return await info.context.read(directory.can_edit, info.context.viewer, self.row_id)

    @strawberry.field(description="Its case examples, most recent activity first.")
    async def case_examples(
        self, info: strawberry.Info[Context, None], first: int | None = 20, after: str | None = None
    ) -> Connection[ThreadRef]:
        from server.schema.threads import thread_connection

        flt = threads.ThreadFilter(
            organisation_id=self.row_id, kinds=[domain.ThreadKind.CASE_EXAMPLE]
        )
        return await thread_connection(
            info.context,
            flt,
            domain.ThreadOrder.LAST_ACTIVITY,
            20 if first is None else first,
            after,
        )

    @strawberry.field(description="The organisation's members, by name.")
    async def members(
        self, info: strawberry.Info[Context, None], first: int | None = 20, after: str | None = None
    ) -> Connection[Member]:
        page = await info.context.read(
            organisations.list_members,
            self.row_id,
            first=20 if first is None else first,
            after=after,
        )
        count = functools.partial(organisations.count_members, organisation_id=self.row_id)
        return connection(page, Member.from_row, count)

    @strawberry.field(description="Threads started by its members, most recent activity first.")
    async def threads(
        self, info: strawberry.Info[Context, None], first: int | None = 20, after: str | None = None
    ) -> Connection[ThreadRef]:
        from server.schema.threads import thread_connection

        flt = threads.ThreadFilter(organisation_id=self.row_id)
        return await thread_connection(
            info.context,
            flt,
            domain.ThreadOrder.LAST_ACTIVITY,
            20 if first is None else first,
            after,
        )

    @classmethod
    def from_row(cls, row: OrganisationRecord) -> Organisation:
        """The GraphQL organisation of an organisation's record (a row or an ORM instance)."""
        return cls(
            id=strawberry.ID(to_global_id("Organisation", row.id)),
            slug=row.slug,
            name=row.name,
            type=row.type,
            country=row.country,
            website=row.website,
            description=row.description,
            row_id=row.id,
        )


@strawberry.input(description="Which organisations to list.")
class OrganisationFilter:
    types: list[OrganisationType] | None = strawberry.field(
        default=None, description="Organisations of any of these types."
    )
    country: str | None = strawberry.field(
        default=None, description="ISO 3166-1 alpha-2 country code."
    )
    search: str | None = strawberry.field(default=None, description="Matches the name.")


@strawberry.type
class OrganisationQueries:
    @strawberry.field(
        description="The network's organisations, by name or by their latest activity (`orderBy`)."
    )
    async def organisations(
        self,
        info: strawberry.Info[Context, None],
        filter: OrganisationFilter | None = None,
        first: int | None = 50,
        after: str | None = None,
        order_by: Annotated[
            OrganisationOrder,
            strawberry.argument(
                description="The order; a cursor (`after`) belongs to the order it came from."
            ),
        ] = OrganisationOrder.NAME,
    ) -> Connection[Organisation]:
        flt = (
            organisations.OrganisationFilter(
                types=filter.types, country=filter.country, search=filter.search
            )
            if filter
            else organisations.OrganisationFilter()
        )
        page = await info.context.read(
            organisations.list_organisations,
            flt,
            first=50 if first is None else first,
            after=after,
            order=order_by,
            viewer=info.context.viewer,
        )
        count = functools.partial(organisations.count_organisations, flt=flt)
        return connection(page, Organisation.from_row, count)

    @strawberry.field(description="One organisation by its slug, or null.")
    async def organisation(
        self, info: strawberry.Info[Context, None], slug: str
    ) -> Organisation | None:
        row = await info.context.read(organisations.get_by_slug, slug)
        return Organisation.from_row(row) if row is not None else None
