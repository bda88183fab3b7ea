"""The four writes of threads: start, reply, edit, accept."""

from __future__ import annotations

import strawberry

from server import domain
from server.ids import row_id
from server.schema.context import Context
from server.schema.enums import (
    OrganisationType,
    RoarPillar,
    ThreadKind,
    Visibility,
)
from server.schema.errors import UserError
from server.schema.mutation import mutate
from server.schema.threads.types import Post, Thread
from server.services import threads

Info = strawberry.Info[Context, None]


@strawberry.input(description="A new thread and its opening post.")
class StartThreadInput:
    kind: ThreadKind = strawberry.field(description="Challenge, discussion or case example.")
    title: str = strawberry.field(description="Plain text, 1 to 200 characters.")
    body: str = strawberry.field(description="Markdown, up to 50,000 characters.")
    pillars: list[RoarPillar] = strawberry.field(description="At least one pillar.")
    organisation_types: list[OrganisationType] | None = strawberry.field(
        default=None, description="Defaults to your organisation's type."
    )
    topics: list[str] | None = strawberry.field(
        default=None, description="Up to 10 topics, each matching [a-z0-9-]{1,40}."
    )
    visibility: Visibility | None = strawberry.field(
        default=domain.Visibility.PUBLIC, description="PUBLIC unless given."
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="A client-chosen key: repeating a mutation with the same key returns the "
        "first result and creates nothing new.",
    )


@strawberry.type(description="The started thread, or what to fix.")
class StartThreadPayload:
    thread: Thread | None = strawberry.field(description="The new thread.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="A reply to a thread.")
class ReplyInput:
    thread_id: strawberry.ID = strawberry.field(description="The thread's global ID.")
    body: str = strawberry.field(description="Markdown, up to 50,000 characters.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeating the reply with the same key creates nothing new."
    )


@strawberry.type(description="The new reply, or what to fix.")
class ReplyPayload:
    post: Post | None = strawberry.field(description="The reply.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="A new body for a post.")
class EditPostInput:
    post_id: strawberry.ID = strawberry.field(description="The post's global ID.")
    body: str = strawberry.field(description="Markdown, up to 50,000 characters.")


@strawberry.type(description="The edited post, or what to fix.")
class EditPostPayload:
    post: Post | None = strawberry.field(description="The post as edited.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="The reply to accept as the answer.")
class AcceptReplyInput:
    post_id: strawberry.ID = strawberry.field(description="The reply's global ID.")


@strawberry.type(description="The answered thread, or what to fix.")
class AcceptReplyPayload:
    thread: Thread | None = strawberry.field(description="The thread, now ANSWERED.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type
class ThreadMutations:
    @strawberry.mutation(description="Start a thread. Members of an organisation only.")
    async def start_thread(self, info: Info, input: StartThreadInput) -> StartThreadPayload:
        ctx = info.context
        thread, errors = await mutate(
            ctx,
            input,
            lambda session: threads.start_thread(
                session,
                ctx.viewer,
                kind=input.kind,
                title=input.title,
                body=input.body,
                pillars=input.pillars,
                organisation_types=input.organisation_types,
                topics=input.topics,
                visibility=input.visibility or domain.Visibility.PUBLIC,
                idempotency_key=input.idempotency_key,
            ),
            Thread.from_row,
        )
        return StartThreadPayload(thread=thread, errors=errors)

    @strawberry.mutation(description="Reply to a thread that is not closed.")
    async def reply(self, info: Info, input: ReplyInput) -> ReplyPayload:
        ctx = info.context
        post, errors = await mutate(
            ctx,
            input,
            lambda session: threads.reply(
                session,
                ctx.viewer,
                thread_id=row_id(input.thread_id, "Thread"),
                body=input.body,
                idempotency_key=input.idempotency_key,
            ),
            Post.from_row,
        )
        return ReplyPayload(post=post, errors=errors)

    @strawberry.mutation(description="Change a post's body. Its author or a moderator may.")
    async def edit_post(self, info: Info, input: EditPostInput) -> EditPostPayload:
        ctx = info.context
        post, errors = await mutate(
            ctx,
            input,
            lambda session: threads.edit_post(
                session, ctx.viewer, post_id=row_id(input.post_id, "Post"), body=input.body
            ),
            Post.from_row,
        )
        return EditPostPayload(post=post, errors=errors)

    @strawberry.mutation(
        description="Accept a reply as the thread's answer. The thread's author or a moderator may."
    )
    async def accept_reply(self, info: Info, input: AcceptReplyInput) -> AcceptReplyPayload:
        ctx = info.context
        thread, errors = await mutate(
            ctx,
            input,
            lambda session: threads.accept_reply(
                session, ctx.viewer, post_id=row_id(input.post_id, "Post")
            ),
            Thread.from_row,
        )
        return AcceptReplyPayload(thread=thread, errors=errors)
