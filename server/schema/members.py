"""Members: who wrote what, who is signed in, and the admins' changes of roles and organisations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from server import domain
from server.ids import row_id, to_global_id
from server.models import MemberRecord
from server.schema.context import Context
from server.schema.enums import MemberRole
from server.schema.errors import UserError
from server.schema.mutation import mutate
from server.schema.node import Node
from server.schema.plans.batched import batched, only
from server.services import members, mentions
from server.services.viewer import ban_shown_to

if TYPE_CHECKING:
    from server.schema.organisations import Organisation

Info = strawberry.Info[Context, None]


@strawberry.type(description="A person in the network, as other members see them.")
class Member(Node):
    display_name: str = strawberry.field(description="The name shown with their posts.")
    role: MemberRole = strawberry.field(description="What the member may do.")
    is_expert: bool = strawberry.field(
        description="True for researchers: what they write is marked as expert replies."
    )
    organisation_id: strawberry.Private[int | None]
    banned_at: strawberry.Private[datetime | None] = None

    @strawberry.field(
        description="True when a moderator has banned them (they cannot sign in or write); "
        "null unless you are a moderator."
    )
    def banned(self, info: strawberry.Info[Context, None]) -> bool | None:
        return ban_shown_to(info.context.viewer, self.banned_at)

    @strawberry.field(description="The member organisation they belong to, if any.")
    async def organisation(
        self, info: strawberry.Info[Context, None]
    ) -> Annotated[Organisation, strawberry.lazy("server.schema.organisations")] | None:
        return only(await member_organisations(info.context, [self]))

    @classmethod
    def from_row(cls, row: MemberRecord) -> Member:
        """The GraphQL member of a member's record (a row, or the ORM instance a write made)."""
        return cls(
            id=strawberry.ID(to_global_id("Member", row.id)),
            display_name=row.display_name,
            role=row.role,
            is_expert=row.role == domain.MemberRole.RESEARCHER,
            organisation_id=row.organisation_id,
            banned_at=row.banned_at,
        )


@batched("Member", "organisation")
async def member_organisations(
    context: Context, members: Sequence[Member]
) -> list[Organisation | None]:
    """The organisation of each member (None for a member of none)."""
    from server.schema.organisations import Organisation

    ids = [m.organisation_id for m in members if m.organisation_id is not None]
    rows = iter(await context.loaders.organisation_by_id.load_many(ids) if ids else [])
    found: list[Organisation | None] = []
    for member in members:
        row = next(rows) if member.organisation_id is not None else None
        found.append(Organisation.from_row(row) if row is not None else None)
    return found


@strawberry.type
class MemberQueries:
    @strawberry.field(description="The signed-in member, or null.")
    async def viewer(self, info: strawberry.Info[Context, None]) -> Member | None:
        member_id = info.context.viewer.member_id
        if member_id is None:
            return None
        row = await info.context.loaders.member_by_id.load(member_id)
        return Member.from_row(row) if row is not None else None

    @strawberry.field(
        description="Members to @mention: those whose display name, or a word of it, starts "
        f"with `prefix` (1 to {mentions.PREFIX_MAX} characters, any case; a leading @ is "
        "ignored), names that start with it first. `first` takes 1 to "
        f"{mentions.COMPLETE_MAX}. Signed-in members only (UNAUTHENTICATED otherwise)."
    )
    async def mentionable_members(
        self, info: strawberry.Info[Context, None], prefix: str, first: int | None = 8
    ) -> list[Member]:
        ctx = info.context
        rows = await ctx.read(
            mentions.complete, ctx.viewer, prefix, first=8 if first is None else first
        )
        return [Member.from_row(row) for row in rows]


@strawberry.input(description="A member and the role to give them.")
class GrantRoleInput:
    member_id: strawberry.ID = strawberry.field(description="The member's global ID.")
    role: MemberRole = strawberry.field(description="The new role; MEMBER takes extra rights away.")


@strawberry.input(description="A member whose extra role ends: they become a MEMBER.")
class RevokeRoleInput:
    member_id: strawberry.ID = strawberry.field(description="The member's global ID.")


@strawberry.input(description="A member and the organisation to attach them to.")
class SetMemberOrganisationInput:
    member_id: strawberry.ID = strawberry.field(description="The member's global ID.")
    organisation_id: strawberry.ID | None = strawberry.field(
        description="The organisation's global ID; null detaches the member (they can then "
        "read but not write)."
    )


@strawberry.type(description="The member as changed, or what to fix.")
class MemberAdminPayload:
    member: Member | None = strawberry.field(description="The member, as changed.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type
class MemberMutations:
    @strawberry.mutation(
        description="Give a member a role (RESEARCHER, MODERATOR, ADMIN, or MEMBER). Admins only; "
        "it takes effect on the member's next request."
    )
    async def grant_role(self, info: Info, input: GrantRoleInput) -> MemberAdminPayload:
        ctx = info.context
        member, errors = await mutate(
            ctx,
            input,
            lambda session: members.set_role(
                session,
                ctx.viewer,
                member_id=row_id(input.member_id, "Member"),
                role=input.role,
            ),
            Member.from_row,
        )
        return MemberAdminPayload(member=member, errors=errors)

    @strawberry.mutation(description="Make a member a plain MEMBER again. Admins only.")
    async def revoke_role(self, info: Info, input: RevokeRoleInput) -> MemberAdminPayload:
        ctx = info.context
        member, errors = await mutate(
            ctx,
            input,
            lambda session: members.set_role(
                session,
                ctx.viewer,
                member_id=row_id(input.member_id, "Member"),
                role=domain.MemberRole.MEMBER,
            ),
            Member.from_row,
        )
        return MemberAdminPayload(member=member, errors=errors)

    @strawberry.mutation(
        description="Attach a member to an organisation, so that they can write, or detach "
        "them. Admins only."
    )
    async def set_member_organisation(
        self, info: Info, input: SetMemberOrganisationInput
    ) -> MemberAdminPayload:
        ctx = info.context
        organisation_id = None
        if input.organisation_id is not None:
            # An ID that is not an organisation's is one of no organisation (row ids are > 0).
            organisation_id = row_id(input.organisation_id, "Organisation") or 0
        member, errors = await mutate(
            ctx,
            input,
            lambda session: members.set_organisation(
                session,
                ctx.viewer,
                member_id=row_id(input.member_id, "Member"),
                organisation_id=organisation_id,
            ),
            Member.from_row,
        )
        return MemberAdminPayload(member=member, errors=errors)
