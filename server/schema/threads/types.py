"""Threads and posts as GraphQL types, and the filter of thread lists."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from server import domain
from server.ids import row_id, to_global_id
from server.models import PostRecord, ThreadRecord
from server.schema.context import Context
from server.schema.enums import (
    OrganisationType,
    RoarPillar,
    ThreadKind,
    ThreadStatus,
    Visibility,
)
from server.schema.members import Member
from server.schema.node import Node
from server.schema.pagination import Connection, connection
from server.schema.plans.batched import batched, only
from server.schema.viewer_scope import per_viewer
from server.services import threads
from server.services.errors import BadInput
from server.services.thread_reads import is_new
from server.services.viewer import (
    Viewer,
    can_accept,
    hidden_reason_shown_to,
    post_shown_to,
)

PARTICIPANTS_MAX = 20

if TYPE_CHECKING:
    from server.schema.organisations import Organisation

Info = strawberry.Info[Context, None]


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
    row: strawberry.Private[ThreadRecord]

    @strawberry.field(description="Who started it.")
    async def author(self, info: Info) -> Member:
        return only(await thread_authors(info.context, [self]))

    @strawberry.field(description="The organisation of its author when it was started.")
    async def organisation(
        self, info: Info
    ) -> Annotated[Organisation, strawberry.lazy("server.schema.organisations")] | None:
        return only(await thread_organisations(info.context, [self]))

    @strawberry.field(
        description="Who wrote in the thread (posts hidden by a moderator aside): its author "
        "first, then the others by how many posts they wrote, then by who wrote first. "
        f"`first` takes 1 to {PARTICIPANTS_MAX} (default 5); `participantCount` says how "
        "many there are in all."
    )
    async def participants(self, info: Info, first: int = 5) -> list[Member]:
        if not 1 <= first <= PARTICIPANTS_MAX:
            raise BadInput(
                f"`participants(first:)` must be between 1 and {PARTICIPANTS_MAX}; it was {first}."
            )
        loaders = info.context.loaders
        ids = await loaders.participants_by_thread_id.load(self.row.id) or []
        rows = await loaders.member_by_id.load_many(ids[:first])
        return [Member.from_row(row) for row in rows if row is not None]

    @strawberry.field(
        description="How many people wrote in the thread (posts hidden by a moderator aside)."
    )
    async def participant_count(self, info: Info) -> int:
        ids = await info.context.loaders.participants_by_thread_id.load(self.row.id)
        return len(ids or [])

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
        viewer = info.context.viewer
        page = await info.context.read(
            threads.list_replies,
            self.row.id,
            viewer=viewer,
            first=50 if first is None else first,
            after=after,
        )
        count = functools.partial(threads.count_replies, viewer=viewer, thread=self.row)
        return connection(page, Post.from_row, count)

    @strawberry.field(description="The reply accepted as the answer, if any.")
    async def accepted_reply(self, info: Info) -> Post | None:
        if self.row.accepted_post_id is None:
            return None
        row = await info.context.loaders.post_by_id.load(self.row.accepted_post_id)
        if row is None or not post_shown_to(info.context.viewer, row):
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

    @strawberry.field(
        description="True when the signed-in member follows this thread (false for visitors)."
    )
    async def viewer_follows(self, info: Info) -> bool:
        member_id = info.context.viewer.member_id
        if member_id is None:
            return False
        return await info.context.loaders.follows_thread(member_id).load(self.row.id)

    @strawberry.field(
        description="When the signed-in member last opened the thread (`markThreadRead`); "
        "null for visitors and for threads they never opened."
    )
    async def viewer_last_read_at(self, info: Info) -> datetime | None:
        member_id = info.context.viewer.member_id
        if member_id is None:
            return None
        last_read = await info.context.loaders.last_read(member_id).load(self.row.id)
        return last_read.read_at if last_read is not None else None

    @strawberry.field(
        description="How many replies by others were posted since the signed-in member last "
        "opened the thread (0 for visitors and for threads they never opened)."
    )
    async def viewer_new_reply_count(self, info: Info) -> int:
        viewer = info.context.viewer
        if viewer.member_id is None:
            return 0
        return await info.context.loaders.new_replies(viewer).load(self.row.id)

    @classmethod
    def from_row(cls, row: ThreadRecord) -> Thread:
        """The GraphQL thread of a thread's record (a row, or the ORM instance a write made)."""
        return cls(
            id=strawberry.ID(to_global_id("Thread", row.id)),
            kind=row.kind,
            title=row.title,
            status=row.status,
            visibility=row.visibility,
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
    row: strawberry.Private[PostRecord]

    @strawberry.field(description="The thread it belongs to.")
    async def thread(self, info: Info) -> Thread:
        row = await info.context.loaders.thread_by_id.load(self.row.thread_id)
        assert row is not None, "posts.thread_id is a foreign key"
        return Thread.from_row(row)

    @strawberry.field(description="Who wrote it.")
    async def author(self, info: Info) -> Member:
        return only(await post_authors(info.context, [self]))

    @strawberry.field(description="True for the reply its thread accepted as the answer.")
    async def is_accepted(self, info: Info) -> bool:
        if self.row.position == 0:
            return False
        thread = await info.context.loaders.thread_by_id.load(self.row.thread_id)
        return thread is not None and thread.accepted_post_id == self.row.id

    @strawberry.field(
        description="True when you may accept this reply as its thread's answer: you started "
        "the thread and the reply is not yours, or you are a moderator; never for an opening "
        "post or a hidden reply. (Whether the thread is closed, or the reply already "
        "accepted, is in `Thread.status` and `isAccepted`.)"
    )
    async def viewer_can_accept(self, info: Info) -> bool:
        can: bool = only(await viewers_can_accept(info.context, [(info.context.viewer, self)]))
        return can

    @strawberry.field(
        description="True when the post came after the signed-in member last opened its "
        "thread and someone else wrote it: what is new since their last visit. False for "
        "visitors, for threads never opened, and for one's own posts."
    )
    async def is_new_for_viewer(self, info: Info) -> bool:
        viewer = info.context.viewer
        if viewer.member_id is None or self.row.author_id == viewer.member_id:
            return False
        last_read = await info.context.loaders.last_read(viewer.member_id).load(self.row.thread_id)
        return is_new(last_read, viewer, self.row.position, self.row.author_id)

    @strawberry.field(
        description="True when a moderator has hidden it: then only moderators and its "
        "author see it, and it is left out of counts and search."
    )
    def hidden(self) -> bool:
        return self.row.hidden_at is not None

    @strawberry.field(description="Why a moderator hid it; null unless you are a moderator.")
    def hidden_reason(self, info: Info) -> str | None:
        return hidden_reason_shown_to(info.context.viewer, self.row.hidden_reason)

    @classmethod
    def from_row(cls, row: PostRecord) -> Post:
        """The GraphQL post of a post's record (a row, or the ORM instance a write made)."""
        return cls(
            id=strawberry.ID(to_global_id("Post", row.id)),
            body=row.body,
            body_html=row.body_html,
            is_expert_reply=row.is_expert,
            created_at=row.created_at,
            edited_at=row.edited_at,
            row=row,
        )


async def _members(context: Context, member_ids: list[int], what: str) -> list[Member | Exception]:
    rows = await context.loaders.member_by_id.load_many(member_ids)
    return [
        Member.from_row(row) if row is not None else AssertionError(f"{what} is a foreign key")
        for row in rows
    ]


@per_viewer("Post", "viewerCanAccept")
async def viewers_can_accept(context: Context, pairs: Sequence[tuple[Viewer, Post]]) -> list[bool]:
    """For each (viewer, post): whether the viewer may accept the post as its thread's
    answer (the threads from the loaders, one query for all of them)."""
    thread_ids = list({post.row.thread_id for _, post in pairs})
    rows = await context.loaders.thread_by_id.load_many(thread_ids)
    threads_by_id = dict(zip(thread_ids, rows, strict=True))
    out: list[bool] = []
    for viewer, post in pairs:
        thread = threads_by_id.get(post.row.thread_id)
        out.append(thread is not None and can_accept(viewer, thread.author_id, post.row))
    return out


@batched("Thread", "author")
async def thread_authors(context: Context, threads: Sequence[Thread]) -> list[Member | Exception]:
    """Who started each thread (an error in place of a missing row, which cannot be)."""
    return await _members(context, [t.row.author_id for t in threads], "threads.author_id")


@batched("Post", "author")
async def post_authors(context: Context, posts: Sequence[Post]) -> list[Member | Exception]:
    """Who wrote each post (an error in place of a missing row, which cannot be)."""
    return await _members(context, [p.row.author_id for p in posts], "posts.author_id")


@batched("Thread", "organisation")
async def thread_organisations(
    context: Context, threads: Sequence[Thread]
) -> list[Organisation | None]:
    """The organisation of each thread's author when it was started, if any."""
    from server.schema.organisations import Organisation

    ids = [t.row.organisation_id for t in threads if t.row.organisation_id is not None]
    rows = iter(await context.loaders.organisation_by_id.load_many(ids) if ids else [])
    found: list[Organisation | None] = []
    for thread in threads:
        row = next(rows) if thread.row.organisation_id is not None else None
        found.append(Organisation.from_row(row) if row is not None else None)
    return found


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
    organisation_slug: str | None = strawberry.field(
        default=None,
        description="Threads started by members of the organisation with this slug, as in "
        "its address `/o/<slug>` (what an embedded feed knows). With `organisation` too, "
        "both must hold; a slug no organisation has matches no thread.",
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
        """The services' filter (the organisation's ID decoded)."""
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
            organisation_slug=self.organisation_slug,
            has_expert_reply=self.has_expert_reply,
            search=self.search,
        )


async def live_filter(context: Context, given: ThreadFilter | None) -> threads.ThreadFilter:
    """The services' filter of a subscription: an organisation's slug is looked up once,
    when it starts, since each event is matched against the thread's row alone."""
    flt = given.to_service() if given else threads.ThreadFilter()
    if flt.organisation_slug is None:
        return flt
    return await context.read(threads.resolve_slug, flt)
