"""Atom feeds of public threads: `/feeds/threads.atom` and `/feeds/threads/<id>.atom`.

`/feeds/threads.atom` lists the newest PUBLIC threads, filtered as the feed is
(`pillar`, `organisation_type`, `kind`, `topic`, `organisation` as a slug; each may be
repeated, and means "any of these"); `/feeds/threads/<id>.atom` (the thread's global ID,
as in its page's address) holds its opening post and replies. Feeds are what a visitor
may read, written with feedgen as Atom 1.0, and answer conditional GETs (a strong ETag,
Last-Modified) with 304. A wrong parameter is a 400 that names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import urlencode

from feedgen.feed import FeedGenerator
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from server import ids
from server.db import Database
from server.domain import (
    OrganisationType,
    RoarPillar,
    ThreadKind,
    ThreadOrder,
    mask_to_pillars,
)
from server.models import PostRecord, ThreadRecord
from server.response_cache import etag_matches, etag_of
from server.services import lookups, organisations
from server.services.threads import reading
from server.services.threads.feed import list_threads
from server.services.threads.filters import ThreadFilter
from server.services.validation import TOPICS_MAX
from server.services.viewer import VISITOR
from server.text import strip_not_text

ATOM = "application/atom+xml; charset=utf-8"
# Entries in a feed: the newest threads, or the first posts of a thread.
THREADS_IN_FEED = 30
POSTS_IN_FEED = 100
# Each repeatable parameter: as many values as the API's filters take.
MAX_VALUES = TOPICS_MAX
# The `updated` of a feed with no entry: fixed, so that its ETag is stable.
EMPTY_FEED_UPDATED = datetime(2026, 1, 1, tzinfo=UTC)
CACHE_CONTROL = "public, max-age=60"


class FeedParameterError(ValueError):
    """A query parameter of a feed is wrong; the message names it."""


@dataclass(frozen=True)
class FeedQuery:
    """The filters of `/feeds/threads.atom`, as given (normalised and sorted)."""

    pillars: tuple[RoarPillar, ...] = ()
    organisation_types: tuple[OrganisationType, ...] = ()
    kinds: tuple[ThreadKind, ...] = ()
    topics: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()

    def params(self) -> list[tuple[str, str]]:
        """The query parameters that give this feed, in a canonical order."""
        return [
            *(("pillar", p.value) for p in self.pillars),
            *(("organisation_type", t.value) for t in self.organisation_types),
            *(("kind", k.value) for k in self.kinds),
            *(("topic", t) for t in self.topics),
            *(("organisation", o) for o in self.organisations),
        ]


E = TypeVar("E", bound=StrEnum)


def _enum_values(enum: type[E], name: str, values: Sequence[str]) -> tuple[E, ...]:
    found = []
    for value in values:
        try:
            found.append(enum(value.strip().upper()))
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise FeedParameterError(
                f"`{name}` must be one of {allowed} (got {value[:40]!r})."
            ) from None
    return tuple(sorted(set(found)))


def parse_feed_query(request: Request) -> FeedQuery:
    """The filters of a feed request; FeedParameterError names a wrong parameter."""
    known = ("pillar", "organisation_type", "kind", "topic", "organisation")
    for name in request.query_params:
        if name not in known:
            raise FeedParameterError(
                f"`{name[:40]}` is not a parameter of this feed; it takes {', '.join(known)}."
            )
    lists = {name: request.query_params.getlist(name) for name in known}
    for name, values in lists.items():
        if len(values) > MAX_VALUES:
            raise FeedParameterError(f"`{name}` may be given at most {MAX_VALUES} times.")
    topics = sorted({t.strip().lower().lstrip("#") for t in lists["topic"] if t.strip()})
    if any(len(t) > 40 for t in topics):
        raise FeedParameterError("`topic` takes topics of at most 40 characters.")
    slugs = sorted({s.strip().lower() for s in lists["organisation"] if s.strip()})
    return FeedQuery(
        pillars=_enum_values(RoarPillar, "pillar", lists["pillar"]),
        organisation_types=_enum_values(
            OrganisationType, "organisation_type", lists["organisation_type"]
        ),
        kinds=_enum_values(ThreadKind, "kind", lists["kind"]),
        topics=tuple(topics),
        organisations=tuple(slugs),
    )


def _label(value: str) -> str:
    return value.replace("_", " ").capitalize()


class Feeds:
    """The feed routes of one forum (its database and public address)."""

    def __init__(self, db: Database, public_url: str) -> None:
        self.db = db
        self.base = public_url.rstrip("/")

    def routes(self) -> list[Route]:
        """The routes to mount in the app."""
        return [
            Route("/feeds/threads.atom", self.threads_feed, methods=["GET", "HEAD"]),
            Route("/feeds/threads/{thread_id}.atom", self.thread_feed, methods=["GET", "HEAD"]),
        ]

    def thread_url(self, thread_id: int) -> str:
        """The web client's page of a thread."""
        return f"{self.base}/t/{ids.to_global_id('Thread', thread_id)}"

    async def threads_feed(self, request: Request) -> Response:
        """`/feeds/threads.atom`: the newest public threads that pass the filters."""
        try:
            query = parse_feed_query(request)
        except FeedParameterError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        params = urlencode(query.params())
        self_url = f"{self.base}/feeds/threads.atom" + (f"?{params}" if params else "")
        async with self.db.read() as session:
            flt = await self._filter(session, query)
            threads: list[ThreadRecord] = []
            if flt is not None:
                page = await list_threads(
                    session, VISITOR, flt, ThreadOrder.NEWEST, first=THREADS_IN_FEED
                )
                threads = list(page.items)
            thread_ids = [t.id for t in threads]
            openings = await lookups.opening_posts(session, thread_ids)
            authors = await lookups.members_by_id(session, [t.author_id for t in threads])
        feed = self._feed(
            feed_id=self_url,
            title="MOIN Forum: threads" + _describe(query),
            self_url=self_url,
            alternate=self._alternate(query),
        )
        for thread in threads:
            opening = openings.get(thread.id)
            author = authors.get(thread.author_id)
            entry = feed.add_entry(order="append")
            url = self.thread_url(thread.id)
            entry.id(url)
            entry.title(strip_not_text(thread.title))
            entry.link(href=url, rel="alternate", type="text/html")
            entry.published(thread.created_at)
            entry.updated(thread.last_activity_at)
            entry.author(name=_author_name(author))
            if opening is not None and opening.hidden_at is None:
                entry.content(strip_not_text(opening.body_html), type="html")
            entry.category(term=thread.kind.value, label=_label(thread.kind.value))
            for pillar in mask_to_pillars(thread.pillars_mask):
                entry.category(term=pillar.value, label=_label(pillar.value))
            for topic in thread.topics:
                entry.category(term=f"topic:{topic}", label=f"#{topic}")
        updated = max((t.last_activity_at for t in threads), default=EMPTY_FEED_UPDATED)
        return _conditional(request, feed, updated)

    async def thread_feed(self, request: Request) -> Response:
        """`/feeds/threads/<id>.atom`: a public thread's opening post and replies."""
        thread_id = ids.row_id(request.path_params["thread_id"], "Thread")
        async with self.db.read() as session:
            thread = (
                await reading.get_thread(session, VISITOR, thread_id)
                if thread_id is not None
                else None
            )
            if thread is None:
                return PlainTextResponse(reading.NO_THREAD, status_code=404)
            openings = await lookups.opening_posts(session, [thread.id])
            replies = await reading.list_replies(
                session, thread.id, viewer=VISITOR, first=POSTS_IN_FEED - 1
            )
            posts: list[PostRecord] = [
                *(p for p in openings.values() if p.hidden_at is None),
                *replies.items,
            ]
            authors = await lookups.members_by_id(session, [p.author_id for p in posts])
        url = self.thread_url(thread.id)
        self_url = f"{self.base}/feeds/threads/{ids.to_global_id('Thread', thread.id)}.atom"
        feed = self._feed(
            feed_id=self_url, title=strip_not_text(thread.title), self_url=self_url, alternate=url
        )
        for post in posts:
            entry = feed.add_entry(order="append")
            post_url = f"{url}#post-{ids.to_global_id('Post', post.id)}"
            entry.id(post_url)
            kind = "Opening post" if post.position == 0 else f"Reply {post.position}"
            entry.title(strip_not_text(f"{kind}: {thread.title}"))
            entry.link(href=post_url, rel="alternate", type="text/html")
            entry.published(post.created_at)
            entry.updated(post.edited_at or post.created_at)
            entry.author(name=_author_name(authors.get(post.author_id)))
            entry.content(strip_not_text(post.body_html), type="html")
        updated = max((p.edited_at or p.created_at for p in posts), default=thread.last_activity_at)
        return _conditional(request, feed, max(updated, thread.last_activity_at))

    async def _filter(self, session: AsyncSession, query: FeedQuery) -> ThreadFilter | None:
        """The service's filter; None when the organisations named do not exist."""
        organisation_ids: list[int] | None = None
        if query.organisations:
            found = [await organisations.get_by_slug(session, s) for s in query.organisations]
            organisation_ids = [o.id for o in found if o is not None]
            if not organisation_ids:
                return None
        return ThreadFilter(
            pillars=query.pillars or None,
            organisation_types=query.organisation_types or None,
            kinds=query.kinds or None,
            topics=query.topics or None,
            organisation_ids=organisation_ids,
        )

    def _alternate(self, query: FeedQuery) -> str:
        """The web client's feed with the same filters, as far as its address can say."""
        params = [
            (name, value)
            for name, value in (
                ("pillar", query.pillars[0].value if len(query.pillars) == 1 else ""),
                (
                    "orgType",
                    query.organisation_types[0].value if len(query.organisation_types) == 1 else "",
                ),
                ("kind", query.kinds[0].value if len(query.kinds) == 1 else ""),
                ("topic", query.topics[0] if len(query.topics) == 1 else ""),
            )
            if value
        ]
        return f"{self.base}/" + (f"?{urlencode(params)}" if params else "")

    def _feed(self, *, feed_id: str, title: str, self_url: str, alternate: str) -> FeedGenerator:
        feed = FeedGenerator()
        feed.id(feed_id)
        feed.title(title)
        feed.author(name="MOIN Forum")
        feed.link(href=self_url, rel="self", type="application/atom+xml")
        feed.link(href=alternate, rel="alternate", type="text/html")
        feed.generator("MOIN Forum")
        feed.language("en")
        return feed


def _describe(query: FeedQuery) -> str:
    parts = [
        *(_label(p.value) for p in query.pillars),
        *(_label(t.value) for t in query.organisation_types),
        *(_label(k.value) for k in query.kinds),
        *(f"#{t}" for t in query.topics),
        *query.organisations,
    ]
    return f" ({', '.join(parts)})" if parts else ""


def _author_name(found: tuple[Any, Any] | None) -> str:
    if found is None:
        return "A former member"
    member, organisation = found
    name: str = member.display_name
    return strip_not_text(f"{name} ({organisation.name})" if organisation is not None else name)


def _conditional(request: Request, feed: FeedGenerator, updated: datetime) -> Response:
    """The feed, or 304 when the client's copy (by ETag, else by date) is current."""
    feed.updated(updated)
    body: bytes = feed.atom_str(pretty=False)
    etag = etag_of(body)
    last_modified = format_datetime(updated.astimezone(UTC).replace(microsecond=0), usegmt=True)
    headers = {"ETag": etag, "Last-Modified": last_modified, "Cache-Control": CACHE_CONTROL}
    if _not_modified(request, etag, updated):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=ATOM, headers=headers)


def _not_modified(request: Request, etag: str, updated: datetime) -> bool:
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return etag_matches(if_none_match, etag)
    since = request.headers.get("if-modified-since")
    if since is None:
        return False
    try:
        when = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if when.tzinfo is None:
        return False
    return updated.replace(microsecond=0) <= when
