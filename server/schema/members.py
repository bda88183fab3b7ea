"""Members: who wrote what, and who is signed in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from server import domain, models
from server.ids import to_global_id
from server.schema.context import Context
from server.schema.enums import MemberRole
from server.schema.node import Node
from server.services.viewer import ban_shown_to

if TYPE_CHECKING:
    from server.schema.organisations import Organisation


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
        from server.schema.organisations import Organisation

        if self.organisation_id is None:
            return None
        row = await info.context.loaders.organisation_by_id.load(self.organisation_id)
        return Organisation.from_row(row) if row is not None else None

    @classmethod
    def from_row(cls, row: models.Member) -> Member:
        return cls(
            id=strawberry.ID(to_global_id("Member", row.id)),
            display_name=row.display_name,
            role=domain.MemberRole(row.role),
            is_expert=row.role == domain.MemberRole.RESEARCHER.value,
            organisation_id=row.organisation_id,
            banned_at=row.banned_at,
        )


@strawberry.type
class MemberQueries:
    @strawberry.field(description="The signed-in member, or null.")
    async def viewer(self, info: strawberry.Info[Context, None]) -> Member | None:
        member_id = info.context.viewer.member_id
        if member_id is None:
            return None
        row = await info.context.loaders.member_by_id.load(member_id)
        return Member.from_row(row) if row is not None else None
