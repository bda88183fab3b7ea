"""Moderators' mutations: close and reopen threads, hide and show posts, ban and unban members."""

from __future__ import annotations

import strawberry

from server.ids import row_id
from server.schema.context import Context
from server.schema.errors import UserError
from server.schema.members import Member, MemberAdminPayload
from server.schema.mutation import mutate
from server.schema.threads import Post, Thread
from server.services import moderation

Info = strawberry.Info[Context, None]


@strawberry.input(description="The thread to close or reopen.")
class CloseThreadInput:
    thread_id: strawberry.ID = strawberry.field(description="The thread's global ID.")


@strawberry.type(description="The thread with its new status, or what to fix.")
class CloseThreadPayload:
    thread: Thread | None = strawberry.field(description="The thread.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="The post to hide, and why.")
class HidePostInput:
    post_id: strawberry.ID = strawberry.field(description="The post's global ID.")
    reason: str = strawberry.field(
        description="Why it is hidden, 1 to 500 characters; shown to moderators only."
    )


@strawberry.input(description="The hidden post to show again.")
class UnhidePostInput:
    post_id: strawberry.ID = strawberry.field(description="The post's global ID.")


@strawberry.type(description="The post as hidden or shown, or what to fix.")
class HidePostPayload:
    post: Post | None = strawberry.field(description="The post.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="The member to ban, and why.")
class BanMemberInput:
    member_id: strawberry.ID = strawberry.field(description="The member's global ID.")
    reason: str = strawberry.field(
        description="Why they are banned, 1 to 500 characters; they are told it when they "
        "try to write or sign in."
    )


@strawberry.input(description="The banned member to let back in.")
class UnbanMemberInput:
    member_id: strawberry.ID = strawberry.field(description="The member's global ID.")


@strawberry.type
class ModerationMutations:
    @strawberry.mutation(description="Close a thread: no new replies or edits. Moderators only.")
    async def close_thread(self, info: Info, input: CloseThreadInput) -> CloseThreadPayload:
        return await _set_closed(info.context, input, closed=True)

    @strawberry.mutation(
        description="Reopen a closed thread (ANSWERED again if it has an accepted reply). "
        "Moderators only."
    )
    async def reopen_thread(self, info: Info, input: CloseThreadInput) -> CloseThreadPayload:
        return await _set_closed(info.context, input, closed=False)

    @strawberry.mutation(
        description="Hide a post. A hidden reply disappears for everyone but moderators and "
        "its author, and leaves the counts and search; hiding a thread's opening post hides "
        "the thread. Moderators and admins only."
    )
    async def hide_post(self, info: Info, input: HidePostInput) -> HidePostPayload:
        return await _set_hidden(info.context, input, hidden=True, reason=input.reason)

    @strawberry.mutation(description="Show a hidden post again. Moderators and admins only.")
    async def unhide_post(self, info: Info, input: UnhidePostInput) -> HidePostPayload:
        return await _set_hidden(info.context, input, hidden=False, reason=None)

    @strawberry.mutation(
        description="Ban a member: their sessions end at once, they cannot sign in or write, "
        "and what they wrote stays. Moderators ban members and researchers; only admins ban "
        "moderators and admins; nobody bans themselves."
    )
    async def ban_member(self, info: Info, input: BanMemberInput) -> MemberAdminPayload:
        ctx = info.context
        member, errors = await mutate(
            ctx,
            input,
            lambda session: moderation.set_banned(
                session,
                ctx.viewer,
                member_id=row_id(input.member_id, "Member"),
                banned=True,
                reason=input.reason,
            ),
            Member.from_row,
        )
        return MemberAdminPayload(member=member, errors=errors)

    @strawberry.mutation(
        description="Lift a member's ban; they sign in again. Moderators and admins only."
    )
    async def unban_member(self, info: Info, input: UnbanMemberInput) -> MemberAdminPayload:
        ctx = info.context
        member, errors = await mutate(
            ctx,
            input,
            lambda session: moderation.set_banned(
                session, ctx.viewer, member_id=row_id(input.member_id, "Member"), banned=False
            ),
            Member.from_row,
        )
        return MemberAdminPayload(member=member, errors=errors)


async def _set_hidden(
    ctx: Context, input: HidePostInput | UnhidePostInput, *, hidden: bool, reason: str | None
) -> HidePostPayload:
    post_id = row_id(input.post_id, "Post")
    post, errors = await mutate(
        ctx,
        input,
        lambda session: moderation.set_hidden(
            session, ctx.viewer, post_id=post_id, hidden=hidden, reason=reason
        ),
        Post.from_row,
    )
    return HidePostPayload(post=post, errors=errors)


async def _set_closed(ctx: Context, input: CloseThreadInput, *, closed: bool) -> CloseThreadPayload:
    thread, errors = await mutate(
        ctx,
        input,
        lambda session: moderation.set_closed(
            session, ctx.viewer, thread_id=row_id(input.thread_id, "Thread"), closed=closed
        ),
        Thread.from_row,
    )
    return CloseThreadPayload(thread=thread, errors=errors)
