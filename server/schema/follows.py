"""Following threads, pillars, organisation types, topics and organisations."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from server import domain
from server.ids import row_id, to_global_id
from server.models import FollowRecord
from server.schema.context import Context
from server.schema.enums import OrganisationType, RoarPillar
from server.schema.errors import UserError
from server.schema.mutation import mutate
from server.schema.node import Node
from server.schema.pagination import Connection, connection
from server.schema.threads import Thread
from server.services import follows
from server.services.viewer import thread_shown_to

if TYPE_CHECKING:
    from server.schema.organisations import Organisation

Info = strawberry.Info[Context, None]


@strawberry.input(description="One thing a member can follow: exactly one field is set.")
class FollowTarget:
    thread: strawberry.ID | None = strawberry.field(
        default=None, description="A thread's global ID."
    )
    pillar: RoarPillar | None = strawberry.field(default=None, description="A ROAR pillar.")
    organisation_type: OrganisationType | None = strawberry.field(
        default=None, description="An organisation type."
    )
    topic: str | None = strawberry.field(default=None, description="A topic tag, lower-case.")
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="An organisation's global ID."
    )

    def to_service(self) -> follows.FollowTarget:
        # An ID that names no thread (or organisation) is one of no row: ids start at 1.
        return follows.FollowTarget(
            thread_id=None if self.thread is None else row_id(self.thread, "Thread") or 0,
            pillar=self.pillar,
            organisation_type=self.organisation_type,
            topic=self.topic,
            organisation_id=(
                None
                if self.organisation is None
                else row_id(self.organisation, "Organisation") or 0
            ),
        )


@strawberry.type(description="Something a member follows: exactly one of its targets is set.")
class Follow(Node):
    created_at: datetime = strawberry.field(description="When the member started following.")
    row: strawberry.Private[FollowRecord]

    @strawberry.field(description="The thread followed; null when it is not there for you.")
    async def thread(self, info: Info) -> Thread | None:
        if self.row.kind is not domain.FollowKind.THREAD:
            return None
        row = await info.context.loaders.thread_by_id.load(int(self.row.key))
        if row is None or not thread_shown_to(info.context.viewer, row):
            return None
        return Thread.from_row(row)

    @strawberry.field(description="The ROAR pillar followed.")
    def pillar(self) -> RoarPillar | None:
        if self.row.kind is not domain.FollowKind.PILLAR:
            return None
        return domain.RoarPillar(self.row.key)

    @strawberry.field(description="The organisation type followed.")
    def organisation_type(self) -> OrganisationType | None:
        if self.row.kind is not domain.FollowKind.ORGANISATION_TYPE:
            return None
        return domain.OrganisationType(self.row.key)

    @strawberry.field(description="The topic followed.")
    def topic(self) -> str | None:
        return self.row.key if self.row.kind is domain.FollowKind.TOPIC else None

    @strawberry.field(description="The organisation followed.")
    async def organisation(
        self, info: Info
    ) -> Annotated[Organisation, strawberry.lazy("server.schema.organisations")] | None:
        from server.schema.organisations import Organisation

        if self.row.kind is not domain.FollowKind.ORGANISATION:
            return None
        row = await info.context.loaders.organisation_by_id.load(int(self.row.key))
        return Organisation.from_row(row) if row is not None else None

    @classmethod
    def from_row(cls, row: FollowRecord) -> Follow:
        """The GraphQL follow of a follow's record."""
        return cls(
            id=strawberry.ID(to_global_id("Follow", row.id)), created_at=row.created_at, row=row
        )


@strawberry.type(description="The follow, or what to fix.")
class FollowPayload:
    follow: Follow | None = strawberry.field(
        description="The follow (the same one when it was followed already)."
    )
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type(description="Whether a follow was removed, or what to fix.")
class UnfollowPayload:
    removed: bool = strawberry.field(
        description="True when a follow was removed; false when there was none."
    )
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type
class FollowQueries:
    @strawberry.field(description="What the signed-in member follows, newest first.")
    async def follows(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Connection[Follow]:
        ctx = info.context
        page = await ctx.read(
            follows.list_follows, ctx.viewer, first=50 if first is None else first, after=after
        )
        return connection(
            page, Follow.from_row, functools.partial(follows.count_follows, viewer=ctx.viewer)
        )

    @strawberry.field(
        description="The signed-in member's follow of one thing (exactly one field of "
        "`target`), for a Follow button: null when they do not follow it, and for visitors. "
        "An unknown thread or organisation or a malformed topic is a BAD_USER_INPUT error."
    )
    async def viewer_follow(self, info: Info, target: FollowTarget) -> Follow | None:
        ctx = info.context
        found = await ctx.read(follows.find_follow, ctx.viewer, target.to_service())
        return Follow.from_row(found) if found is not None else None


@strawberry.type
class FollowMutations:
    @strawberry.mutation(
        description="Follow a thread, pillar, organisation type, topic or organisation: its "
        "news becomes notifications. Following twice gives back the same follow."
    )
    async def follow(self, info: Info, input: FollowTarget) -> FollowPayload:
        ctx = info.context
        found, errors = await mutate(
            ctx,
            input,
            lambda session: follows.follow(session, ctx.viewer, input.to_service()),
            Follow.from_row,
        )
        return FollowPayload(follow=found, errors=errors)

    @strawberry.mutation(description="Stop following something.")
    async def unfollow(self, info: Info, input: FollowTarget) -> UnfollowPayload:
        ctx = info.context
        removed, errors = await mutate(
            ctx,
            input,
            lambda session: follows.unfollow(session, ctx.viewer, input.to_service()),
            lambda removed: removed,
        )
        return UnfollowPayload(removed=bool(removed), errors=errors)
