"""Sign-in options for the sign-in page, and the admin's mutations on members."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from server import domain, models
from server.config.providers import sign_in_options
from server.ids import row_id
from server.schema.context import Context
from server.schema.enums import MemberRole
from server.schema.errors import UserError
from server.schema.members import Member
from server.schema.mutation import mutate
from server.services import members

Info = strawberry.Info[Context, None]


@strawberry.type(description="A way to sign in: a button on the sign-in page.")
class SignInOption:
    name: str = strawberry.field(description="The provider's name, e.g. `acme` (or `demo`).")
    title: str = strawberry.field(description="What the button says, e.g. the organisation.")
    login_url: str = strawberry.field(
        description="Where the button leads, relative to the forum: `/auth/login/<name>`. "
        "Add `?next=/path` to come back to a page of the forum after signing in."
    )


@strawberry.type
class AuthQueries:
    @strawberry.field(description="The ways to sign in, in the order the operators configured.")
    def sign_in_options(self, info: Info) -> list[SignInOption]:
        settings = info.context.settings
        return [
            SignInOption(name=o.name, title=o.title, login_url=o.login_url)
            for o in sign_in_options(settings.oidc_providers, demo=settings.demo_sign_in_enabled)
        ]


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


async def _change(
    context: Context, input: object, work: Callable[[AsyncSession], Awaitable[models.Member]]
) -> MemberAdminPayload:
    member, errors = await mutate(context, input, work, Member.from_row)
    return MemberAdminPayload(member=member, errors=errors)


@strawberry.type
class AuthMutations:
    @strawberry.mutation(
        description="Give a member a role (RESEARCHER, MODERATOR, ADMIN, or MEMBER). Admins only; "
        "it takes effect on the member's next request."
    )
    async def grant_role(self, info: Info, input: GrantRoleInput) -> MemberAdminPayload:
        ctx = info.context
        return await _change(
            ctx,
            input,
            lambda session: members.set_role(
                session,
                ctx.viewer,
                member_id=row_id(input.member_id, "Member"),
                role=domain.MemberRole(input.role.value),
            ),
        )

    @strawberry.mutation(description="Make a member a plain MEMBER again. Admins only.")
    async def revoke_role(self, info: Info, input: RevokeRoleInput) -> MemberAdminPayload:
        ctx = info.context
        return await _change(
            ctx,
            input,
            lambda session: members.set_role(
                session,
                ctx.viewer,
                member_id=row_id(input.member_id, "Member"),
                role=domain.MemberRole.MEMBER,
            ),
        )

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
        return await _change(
            ctx,
            input,
            lambda session: members.set_organisation(
                session,
                ctx.viewer,
                member_id=row_id(input.member_id, "Member"),
                organisation_id=organisation_id,
            ),
        )
