"""The directory's summary (counts by type and region) and editing an organisation's profile."""

from __future__ import annotations

import strawberry

from server.ids import row_id
from server.schema.context import Context
from server.schema.enums import OrganisationType
from server.schema.errors import UserError
from server.schema.mutation import mutate
from server.schema.organisations import Organisation
from server.services import directory

Info = strawberry.Info[Context, None]


@strawberry.type(description="How many organisations are of one type.")
class TypeCount:
    type: OrganisationType = strawberry.field(description="The type.")
    count: int = strawberry.field(description="How many organisations.")


@strawberry.type(description="How many organisations are in one region (continent).")
class RegionCount:
    region: str = strawberry.field(
        description="Africa, Americas, Asia, Europe, Oceania, Antarctica, or International "
        "(organisations without a country)."
    )
    count: int = strawberry.field(description="How many organisations.")


@strawberry.type(description="The directory in figures: the map-free overview.")
class DirectorySummary:
    total_count: int = strawberry.field(description="How many organisations there are.")
    by_type: list[TypeCount] = strawberry.field(description="Per type, most first.")
    by_region: list[RegionCount] = strawberry.field(description="Per region, most first.")


@strawberry.input(description="An organisation's profile as it is to be; omitted fields stay.")
class UpdateOrganisationProfileInput:
    organisation: strawberry.ID = strawberry.field(description="The organisation's global ID.")
    description: str | None = strawberry.field(
        default=None, description="What it does (Markdown, up to 2,000 characters); empty clears."
    )
    website: str | None = strawberry.field(
        default=None, description="Its website (https://…); empty clears."
    )


@strawberry.type(description="The organisation as changed, or what to fix.")
class UpdateOrganisationProfilePayload:
    organisation: Organisation | None = strawberry.field(description="The organisation.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type
class DirectoryQueries:
    @strawberry.field(description="How many organisations there are, by type and by region.")
    async def organisation_directory(self, info: Info) -> DirectorySummary:
        found = await info.context.read(directory.summary)
        return DirectorySummary(
            total_count=found.total,
            by_type=[
                TypeCount(type=t, count=n)
                for t, n in sorted(found.by_type.items(), key=lambda i: (-i[1], i[0].value))
            ],
            by_region=[
                RegionCount(region=r, count=n)
                for r, n in sorted(found.by_region.items(), key=lambda i: (-i[1], i[0]))
            ],
        )


@strawberry.type
class DirectoryMutations:
    @strawberry.mutation(
        description="Edit an organisation's description and website: its lead contact and admins."
    )
    async def update_organisation_profile(
        self, info: Info, input: UpdateOrganisationProfileInput
    ) -> UpdateOrganisationProfilePayload:
        ctx = info.context
        organisation, errors = await mutate(
            ctx,
            input,
            lambda session: directory.update_profile(
                session,
                ctx.viewer,
                organisation_id=row_id(input.organisation, "Organisation") or 0,
                description=input.description,
                website=input.website,
            ),
            Organisation.from_row,
        )
        return UpdateOrganisationProfilePayload(organisation=organisation, errors=errors)
