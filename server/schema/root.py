"""The root types: each domain's queries, mutations and subscriptions, combined."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from server.ids import from_global_id
from server.schema.applications import (
    ApplicationMutations,
    ApplicationQueries,
    MembershipApplication,
)
from server.schema.auth import AuthQueries
from server.schema.context import Context
from server.schema.directory import DirectoryMutations, DirectoryQueries
from server.schema.events import EventMutations, EventQueries, event_of
from server.schema.follows import Follow, FollowMutations, FollowQueries
from server.schema.members import Member, MemberMutations, MemberQueries
from server.schema.moderation import ModerationMutations
from server.schema.node import Node
from server.schema.notifications import (
    Notification,
    NotificationMutations,
    NotificationQueries,
    NotificationSubscriptions,
)
from server.schema.organisations import Organisation, OrganisationQueries
from server.schema.pillars import PillarQueries
from server.schema.thread_reads import ThreadReadMutations
from server.schema.threads import (
    Post,
    RelatedThreadQueries,
    Thread,
    ThreadMutations,
    ThreadQueries,
    ThreadSubscriptions,
    ThreadUpdateSubscriptions,
)
from server.services import applications, events, follows, notifications, organisations, threads


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global ID; null when it is not there for you.")
    async def node(self, info: strawberry.Info[Context, None], id: strawberry.ID) -> Node | None:
        decoded = from_global_id(id)
        if decoded is None:
            return None
        type_name, row_id = decoded
        ctx = info.context
        if type_name == "Thread":
            thread = await ctx.read(threads.get_thread, ctx.viewer, row_id)
            return Thread.from_row(thread) if thread else None
        if type_name == "Post":
            post = await ctx.read(threads.get_post, ctx.viewer, row_id)
            return Post.from_row(post) if post else None
        if type_name == "Organisation":
            organisation = await ctx.read(organisations.get_by_id, row_id)
            return Organisation.from_row(organisation) if organisation else None
        if type_name == "Member":
            member = await ctx.loaders.member_by_id.load(row_id)
            return Member.from_row(member) if member else None
        if type_name == "Notification":
            found = await ctx.read(notifications.get_notification, ctx.viewer, row_id)
            return Notification.from_row(found) if found else None
        if type_name == "Follow":
            follow = await ctx.read(follows.get_follow, ctx.viewer, row_id)
            return Follow.from_row(follow) if follow else None
        if type_name == "Event":
            event = await ctx.read(events.get_event, ctx.viewer, row_id)
            return await event_of(ctx, event) if event else None
        if type_name == "MembershipApplication":
            application = await ctx.read(applications.get_application, ctx.viewer, row_id)
            return MembershipApplication.from_row(application, ctx.viewer) if application else None
        return None


Query = merge_types(
    "Query",
    (
        NodeQueries,
        MemberQueries,
        ThreadQueries,
        RelatedThreadQueries,
        OrganisationQueries,
        PillarQueries,
        AuthQueries,
        ApplicationQueries,
        EventQueries,
        DirectoryQueries,
        FollowQueries,
        NotificationQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        ThreadMutations,
        ModerationMutations,
        MemberMutations,
        ApplicationMutations,
        EventMutations,
        DirectoryMutations,
        FollowMutations,
        NotificationMutations,
        ThreadReadMutations,
    ),
)
Subscription = merge_types(
    "Subscription", (ThreadSubscriptions, ThreadUpdateSubscriptions, NotificationSubscriptions)
)

for _root, _description in (
    (Query, "What can be read: threads, organisations, members, pillars."),
    (Mutation, "What signed-in members can do."),
    (Subscription, "Live updates over WebSocket (graphql-transport-ws)."),
):
    # merge_types returns a plain `type`; strawberry sets the definition at run time.
    _root.__strawberry_definition__.description = _description  # type: ignore[attr-defined]
