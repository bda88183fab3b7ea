"""Threads and posts: types, the feed, the four writes and their live updates."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, TypeVar

import strawberry

from server import domain, models
from server import markdown as _markdown
from server.auth.budgets import Expense
from server.schema import live
from server.schema.context import Context
from server.schema.enums import (
    OrganisationType,
    RoarPillar,
    ThreadKind,
    ThreadOrder,
    ThreadStatus,
    Visibility,
)
from server.schema.errors import UserError, user_errors
from server.schema.ids import row_id, to_global_id
from server.schema.members import Member
from server.schema.node import Node
from server.schema.pagination import Connection, connection
from server.services import events, threads
from server.services.errors import BadInput, InvalidInput, NotFound
from server.services.validation import BODY_MAX
from server.services.viewer import Viewer, can_read, can_see_hidden

if TYPE_CHECKING:
    from server.schema.organisations import Organisation

Info = strawberry.Info[Context, None]
T = TypeVar("T")


@strawberry.type(description="A challenge, discussion or case example, with its replies.")
class Thread(Node):
    kind: ThreadKind = strawberry.field(description="What the thread is for.")
    title: str = strawberry.field(description="The title, as plain text.")
    status: ThreadStatus = strawberry.field(description="Open, answered or closed.")
    visibility: Visibility = strawberry.field(description="Who may read it.")
    pillars: list[RoarPillar] = strawberry.field(description="At least one pillar.")
    organisation_types: list[OrganisationType] = strawberry.field(
        description="The organisation types the thread concerns; by default the author's "
        "organisation's type."
    )
    topics: list[str] = strawberry.field(
        description="Free topic tags, lower-case, e.g. procurement, public-finance, capabilities."
    )
    reply_count: int = strawberry.field(description="How many replies it has.")
    expert_reply_count: int = strawberry.field(description="How many replies are by researchers.")
    created_at: datetime = strawberry.field(description="When it was started.")
    last_activity_at: datetime = strawberry.field(description="When it was last replied to.")
    row: strawberry.Private[models.Thread]

    @strawberry.field(description="Who started it.")
    async def author(self, info: Info) -> Member:
        row = await info.context.loaders.member_by_id.load(self.row.author_id)
        assert row is not None, "threads.author_id is a foreign key"
        return Member.from_row(row)

    @strawberry.field(description="The organisation of its author when it was started.")
    async def organisation(
        self, info: Info
    ) -> Annotated[Organisation, strawberry.lazy("server.schema.organisations")] | None:
        from server.schema.organisations import Organisation

        if self.row.organisation_id is None:
            return None
        row = await info.context.loaders.organisation_by_id.load(self.row.organisation_id)
        return Organisation.from_row(row) if row is not None else None

    @strawberry.field(
        description="The post that opens the thread: for a CHALLENGE, the challenge itself."
    )
    async def opening(self, info: Info) -> Post:
        row = await info.context.loaders.opening_post_by_thread_id.load(self.row.id)
        assert row is not None, "every thread is started with its opening post"
        return Post.from_row(row)

    @strawberry.field(description="Replies in the order they were posted.")
    async def replies(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Connection[Post]:
        async with info.context.db.read() as session:
            page = await threads.list_replies(
                session,
                self.row.id,
                viewer=info.context.viewer,
                first=50 if first is None else first,
                after=after,
            )
        row, viewer, db = self.row, info.context.viewer, info.context.db

        async def count() -> int:
            if row.hidden_reply_count == 0:
                return row.reply_count
            async with db.read() as session:
                return await threads.count_replies(session, viewer, row)

        return connection(page, Post.from_row, count)

    @strawberry.field(description="The reply accepted as the answer, if any.")
    async def accepted_reply(self, info: Info) -> Post | None:
        if self.row.accepted_post_id is None:
            return None
        row = await info.context.loaders.post_by_id.load(self.row.accepted_post_id)
        if row is None or not Post.shown_to(info.context.viewer, row):
            return None
        return Post.from_row(row)

    @strawberry.field(
        description="True while a moderator hides the thread (by hiding its opening post): "
        "then only moderators and its author see it."
    )
    def hidden(self) -> bool:
        return self.row.hidden_at is not None

    @strawberry.field(description="Absolute URL of the thread in the web client.")
    def url(self, info: Info) -> str:
        return f"{info.context.settings.public_url}/t/{self.id}"

    @classmethod
    def from_row(cls, row: models.Thread) -> Thread:
        return cls(
            id=strawberry.ID(to_global_id("Thread", row.id)),
            kind=domain.ThreadKind(row.kind),
            title=row.title,
            status=domain.ThreadStatus(row.status),
            visibility=domain.Visibility(row.visibility),
            pillars=domain.mask_to_pillars(row.pillars_mask),
            organisation_types=domain.mask_to_types(row.organisation_types_mask),
            topics=list(row.topics),
            reply_count=row.reply_count,
            expert_reply_count=row.expert_reply_count,
            created_at=row.created_at,
            last_activity_at=row.last_activity_at,
            row=row,
        )


@strawberry.type(description="A post: a thread's opening post or a reply.")
class Post(Node):
    body: str = strawberry.field(description="Markdown source as written.")
    body_html: str = strawberry.field(
        description="The body rendered to HTML and sanitised: safe to insert into a page."
    )
    is_expert_reply: bool = strawberry.field(description="Written by a researcher.")
    created_at: datetime = strawberry.field(description="When it was posted.")
    edited_at: datetime | None = strawberry.field(description="When it was last edited, if ever.")
    row: strawberry.Private[models.Post]

    @strawberry.field(description="The thread it belongs to.")
    async def thread(self, info: Info) -> Thread:
        row = await info.context.loaders.thread_by_id.load(self.row.thread_id)
        assert row is not None, "posts.thread_id is a foreign key"
        return Thread.from_row(row)

    @strawberry.field(description="Who wrote it.")
    async def author(self, info: Info) -> Member:
        row = await info.context.loaders.member_by_id.load(self.row.author_id)
        assert row is not None, "posts.author_id is a foreign key"
        return Member.from_row(row)

    @strawberry.field(description="True for the reply its thread accepted as the answer.")
    async def is_accepted(self, info: Info) -> bool:
        if self.row.position == 0:
            return False
        thread = await info.context.loaders.thread_by_id.load(self.row.thread_id)
        return thread is not None and thread.accepted_post_id == self.row.id

    @strawberry.field(
        description="True when a moderator has hidden it: then only moderators and its "
        "author see it, and it is left out of counts and search."
    )
    def hidden(self) -> bool:
        return self.row.hidden_at is not None

    @strawberry.field(description="Why a moderator hid it; null unless you are a moderator.")
    def hidden_reason(self, info: Info) -> str | None:
        return self.row.hidden_reason if info.context.viewer.is_moderator else None

    @staticmethod
    def shown_to(viewer: Viewer, row: models.Post) -> bool:
        """Whether a post row loaded without the visibility rule may be shown to `viewer`."""
        return row.hidden_at is None or can_see_hidden(viewer, row.author_id)

    @classmethod
    def from_row(cls, row: models.Post) -> Post:
        return cls(
            id=strawberry.ID(to_global_id("Post", row.id)),
            body=row.body,
            body_html=row.body_html,
            is_expert_reply=row.is_expert,
            created_at=row.created_at,
            edited_at=row.edited_at,
            row=row,
        )


@strawberry.input(description="Which threads to list; within a field, any value matches.")
class ThreadFilter:
    pillars: list[RoarPillar] | None = strawberry.field(
        default=None, description="Threads tagged with any of these pillars."
    )
    organisation_types: list[OrganisationType] | None = strawberry.field(
        default=None, description="Threads concerning any of these organisation types."
    )
    kinds: list[ThreadKind] | None = strawberry.field(
        default=None, description="Any of these kinds."
    )
    statuses: list[ThreadStatus] | None = strawberry.field(
        default=None, description="Any of these statuses."
    )
    topics: list[str] | None = strawberry.field(
        default=None, description="Threads tagged with any of these topics."
    )
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="Threads started by members of this organisation (its global ID)."
    )
    has_expert_reply: bool | None = strawberry.field(
        default=None, description="Only threads with at least one expert reply."
    )
    search: str | None = strawberry.field(
        default=None,
        description="Full-text search over titles and all posts of the thread. A thread "
        "matches when its title and opening post, together, hold every word, or when one of "
        'its replies does (on PostgreSQL the text is read as a web search: "quoted '
        'phrases", -word to exclude, or). Results come by relevance: first the threads '
        "whose title or opening post match, then those that match in a reply only; each "
        "group in `orderBy` order (most recent activity first by default). A search that "
        "runs past the server's time limit fails with the error code TIMEOUT: narrow it. "
        "Visitors' searches, and the totalCount of one, spend a budget of their address "
        "(RATE_LIMITED, with retryAfter, when it is spent).",
    )

    def to_service(self) -> threads.ThreadFilter:
        organisation_id = None
        if self.organisation is not None:
            organisation_id = row_id(self.organisation, "Organisation")
            if organisation_id is None:
                raise BadInput("`filter.organisation` is not the ID of an organisation.")
        return threads.ThreadFilter(
            pillars=self.pillars,
            organisation_types=self.organisation_types,
            kinds=self.kinds,
            statuses=self.statuses,
            topics=self.topics,
            organisation_id=organisation_id,
            has_expert_reply=self.has_expert_reply,
            search=self.search,
        )


async def thread_connection(
    context: Context,
    flt: threads.ThreadFilter,
    order: domain.ThreadOrder,
    first: int,
    after: str | None,
) -> Connection[Thread]:
    viewer, db = context.viewer, context.db
    searching = bool(flt.search and flt.search.strip())
    if searching:
        await context.spend(Expense.SEARCH)
    async with db.read() as session:
        page = await threads.list_threads(session, viewer, flt, order, first=first, after=after)

    async def count() -> int:
        if searching:
            await context.spend(Expense.SEARCH_COUNT)
        async with db.read() as session:
            return await threads.count_threads(session, viewer, flt)

    return connection(page, Thread.from_row, count)


@strawberry.type(description="How many threads concern one pillar and one organisation type.")
class ThreadCountCell:
    pillar: RoarPillar = strawberry.field(description="The pillar.")
    organisation_type: OrganisationType = strawberry.field(description="The organisation type.")
    count: int = strawberry.field(description="Threads the viewer can see, tagged with both.")


@strawberry.type
class ThreadQueries:
    @strawberry.field(description="Threads the viewer may read, filtered and ordered.")
    async def threads(
        self,
        info: Info,
        filter: ThreadFilter | None = None,
        order_by: ThreadOrder | None = domain.ThreadOrder.LAST_ACTIVITY,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Thread]:
        flt = filter.to_service() if filter else threads.ThreadFilter()
        return await thread_connection(
            info.context,
            flt,
            order_by or domain.ThreadOrder.LAST_ACTIVITY,
            20 if first is None else first,
            after,
        )

    @strawberry.field(
        description="Thread counts per (pillar, organisation type) pair, for the network at a "
        "glance. Pairs with no thread are left out."
    )
    async def thread_counts(self, info: Info) -> list[ThreadCountCell]:
        async with info.context.db.read() as session:
            counts = await threads.thread_counts(session, info.context.viewer)
        return [
            ThreadCountCell(pillar=pillar, organisation_type=org_type, count=count)
            for (pillar, org_type), count in sorted(
                counts.items(), key=lambda item: (item[0][0].name, item[0][1].name)
            )
        ]

    @strawberry.field(
        description="Render markdown exactly as a post's `bodyHtml` would be (for previews). "
        "Up to 50,000 characters. Markdown a post would refuse as TOO_COMPLEX fails with "
        "BAD_USER_INPUT and a message naming the limit. Visitors spend a budget of their "
        "address (RATE_LIMITED, with retryAfter, when it is spent)."
    )
    async def render_markdown(self, info: Info, markdown: str) -> str:
        if len(markdown) > BODY_MAX:
            raise BadInput(f"`markdown` takes at most {BODY_MAX} characters.")
        await info.context.spend(Expense.PREVIEW)
        try:
            return await _markdown.render(markdown)
        except _markdown.MarkdownTooComplex as exc:
            raise BadInput(f"`markdown` {exc.problem}") from None


# --- mutations ------------------------------------------------------------------------


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


async def _write(
    context: Context, work: Callable[..., Awaitable[T]]
) -> tuple[T | None, list[UserError]]:
    """Run one service call in its own transaction; fixable problems come back as errors."""
    try:
        async with context.write() as session:
            result = await work(session)
    except InvalidInput as error:
        return None, user_errors(error)
    return result, []


@strawberry.type
class ThreadMutations:
    @strawberry.mutation(description="Start a thread. Members of an organisation only.")
    async def start_thread(self, info: Info, input: StartThreadInput) -> StartThreadPayload:
        ctx = info.context
        row, errors = await _write(
            ctx,
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
        )
        return StartThreadPayload(thread=Thread.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(description="Reply to a thread that is not closed.")
    async def reply(self, info: Info, input: ReplyInput) -> ReplyPayload:
        ctx = info.context
        row, errors = await _write(
            ctx,
            lambda session: threads.reply(
                session,
                ctx.viewer,
                thread_id=row_id(input.thread_id, "Thread"),
                body=input.body,
                idempotency_key=input.idempotency_key,
            ),
        )
        return ReplyPayload(post=Post.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(description="Change a post's body. Its author or a moderator may.")
    async def edit_post(self, info: Info, input: EditPostInput) -> EditPostPayload:
        ctx = info.context
        row, errors = await _write(
            ctx,
            lambda session: threads.edit_post(
                session, ctx.viewer, post_id=row_id(input.post_id, "Post"), body=input.body
            ),
        )
        return EditPostPayload(post=Post.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        description="Accept a reply as the thread's answer. The thread's author or a moderator may."
    )
    async def accept_reply(self, info: Info, input: AcceptReplyInput) -> AcceptReplyPayload:
        ctx = info.context
        row, errors = await _write(
            ctx,
            lambda session: threads.accept_reply(
                session, ctx.viewer, post_id=row_id(input.post_id, "Post")
            ),
        )
        return AcceptReplyPayload(thread=Thread.from_row(row) if row else None, errors=errors)


@strawberry.input(description="The thread to close or reopen.")
class CloseThreadInput:
    thread_id: strawberry.ID = strawberry.field(description="The thread's global ID.")


@strawberry.type(description="The thread with its new status, or what to fix.")
class CloseThreadPayload:
    thread: Thread | None = strawberry.field(description="The thread.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


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


async def _set_closed(ctx: Context, input: CloseThreadInput, *, closed: bool) -> CloseThreadPayload:
    row, errors = await _write(
        ctx,
        lambda session: threads.set_closed(
            session, ctx.viewer, thread_id=row_id(input.thread_id, "Thread"), closed=closed
        ),
    )
    return CloseThreadPayload(thread=Thread.from_row(row) if row else None, errors=errors)


# --- subscriptions --------------------------------------------------------------------


async def _reply_to_deliver(ctx: Context, viewer: Viewer, event: events.Event) -> Post | None:
    """The event's reply if `viewer` may read it (now), else None.

    The rows are loaded once for all the event's subscribers, and what they are sent
    is executed once per viewer (see server.schema.live).
    """
    share = live.share_of(event, ctx.db)
    if event.data.get("thread_hidden"):
        # Shown to moderators and the thread's author only, which takes the thread's row.
        thread = await share.loaders.thread_by_id.load(event.data["thread_id"])
        if thread is None or not threads.thread_shown_to(viewer, thread):
            return None
    elif not can_read(viewer, event.data["visibility"]):
        return None
    row = await share.loaders.post_by_id.load(event.data["post_id"])
    if row is None or not Post.shown_to(viewer, row):
        return None
    return share.delivery(ctx, viewer, lambda: Post.from_row(row))


async def _thread_to_deliver(
    ctx: Context, viewer: Viewer, event: events.Event, flt: threads.ThreadFilter
) -> Thread | None:
    """The event's new thread if `viewer` may read it and it matches the filter."""
    share = live.share_of(event, ctx.db)
    row = await share.loaders.thread_by_id.load(event.data["thread_id"])
    if row is None or not threads.thread_shown_to(viewer, row) or not threads.matches(row, flt):
        return None
    return share.delivery(ctx, viewer, lambda: Thread.from_row(row))


@strawberry.type
class ThreadSubscriptions:
    @strawberry.subscription(description="New replies in one thread, as they are posted.")
    async def reply_added(self, info: Info, thread_id: strawberry.ID) -> AsyncGenerator[Post, None]:
        ctx = info.context
        thread_row_id = row_id(thread_id, "Thread")
        thread = (
            await ctx.sockets.thread_by_id.load(thread_row_id)
            if thread_row_id is not None
            else None
        )
        if thread is None or not threads.thread_shown_to(ctx.viewer, thread):
            raise NotFound("There is no thread with this ID.")
        async with ctx.broadcaster.subscribe(events.replies_channel(thread.id)) as queue:
            while True:
                event = await queue.get()
                viewer = await ctx.recheck_viewer()
                post = (
                    await _reply_to_deliver(ctx, viewer, event)
                    if viewer.banned_reason is None
                    else None
                )
                if post is None:
                    # Banned, or the thread is no longer readable by this subscriber: stop.
                    return
                yield post

    @strawberry.subscription(
        description="New threads matching the filter (search is ignored here)."
    )
    async def thread_started(
        self, info: Info, filter: ThreadFilter | None = None
    ) -> AsyncGenerator[Thread, None]:
        ctx = info.context
        flt = filter.to_service() if filter else threads.ThreadFilter()
        async with ctx.broadcaster.subscribe(events.THREADS_CHANNEL) as queue:
            while True:
                event = await queue.get()
                viewer = await ctx.recheck_viewer()
                if viewer.banned_reason is not None:
                    return
                thread = await _thread_to_deliver(ctx, viewer, event, flt)
                if thread is not None:
                    yield thread
