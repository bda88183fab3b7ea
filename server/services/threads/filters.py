"""Which threads a viewer may read and which a filter picks: the one visibility rule, in
SQL for lists and on a single row for live updates."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from server.domain import (
    OrganisationType,
    RoarPillar,
    ThreadKind,
    ThreadStatus,
    pillars_to_mask,
    types_to_mask,
)
from server.models import (
    THREAD_BUNDLE,
    Organisation,
    Post,
    Thread,
    ThreadRecord,
    ThreadTopic,
)
from server.services.errors import BadInput
from server.services.validation import (
    SEARCH_MAX,
    SLUG_MAX,
    TOPICS_MAX,
)
from server.services.viewer import (
    Viewer,
    can_see_hidden,
    readable_visibilities,
)


@dataclass(frozen=True)
class ThreadFilter:
    """Which threads to list; every list means "any of these"."""

    pillars: Sequence[RoarPillar] | None = None
    organisation_types: Sequence[OrganisationType] | None = None
    kinds: Sequence[ThreadKind] | None = None
    statuses: Sequence[ThreadStatus] | None = None
    topics: Sequence[str] | None = None
    organisation_id: int | None = None
    # Any of these organisations (the Atom feeds' repeatable `organisation`).
    organisation_ids: Sequence[int] | None = None
    # The organisation by the slug of its address (/o/<slug>): what an embed knows.
    organisation_slug: str | None = None
    has_expert_reply: bool | None = None
    search: str | None = None


# The filter's argument of an organisation's slug, in the service's words (see BadInput).
_SLUG = ("filter", "organisation_slug")

# Core columns: the feed's statement is Core (see `feed`), and these conditions go into it.
_THREADS = Thread.__table__.c
_ORGANISATIONS = Organisation.__table__.c


def visible(viewer: Viewer) -> sa.ColumnElement[bool]:
    """The one rule for threads, in SQL: what `viewer` may read, hidden ones aside."""
    shape, params = shape_and_params(viewer, _NO_FILTER)

    def bound(name: str, **kw: Any) -> sa.BindParameter[Any]:
        return sa.bindparam(name, params[name], unique=True, **kw)

    return sa.and_(*_build_conditions(shape, bound))


def post_visible(viewer: Viewer) -> sa.ColumnElement[bool]:
    """The one rule for posts: hidden ones only for moderators and their author."""
    if can_see_hidden(viewer):
        return sa.true()
    return _not_hidden(Post.hidden_at, Post.author_id, viewer)


def _not_hidden(
    hidden_at: InstrumentedAttribute[datetime | None],
    author_id: InstrumentedAttribute[int],
    viewer: Viewer,
) -> sa.ColumnElement[bool]:
    if viewer.member_id is None:
        return hidden_at.is_(None)
    return sa.or_(hidden_at.is_(None), author_id == viewer.member_id)


_NO_FILTER = ThreadFilter()

# What a thread list's statement depends on besides values: who reads (a visitor, a member,
# someone who sees hidden threads) and which filters are given. One statement per shape is
# built, once; the values are its bound parameters.
Shape = tuple[Any, ...]
# Statements kept per shape at most (the least recently used are built again). A shape is
# a combination of filters, so there are thousands (768 for a visitor alone, times three
# kinds of viewer, times the orders and the cursor): kept without a bound, a visitor
# trying every combination would make the process keep every statement (about 9 KB each,
# over 200 MB). The web client and the widget use a few dozen.
STATEMENTS_KEPT = 512


def shape_and_params(viewer: Viewer, flt: ThreadFilter) -> tuple[Shape, dict[str, Any]]:
    """The shape of `flt` for `viewer` and the values of its parameters (limits checked)."""
    if flt.topics is not None and len(flt.topics) > TOPICS_MAX:
        raise BadInput(f"takes at most {TOPICS_MAX} topics.", ("filter", "topics"))
    if flt.search is not None and len(flt.search) > SEARCH_MAX:
        raise BadInput(f"takes at most {SEARCH_MAX} characters.", ("filter", "search"))
    if flt.organisation_slug is not None and len(flt.organisation_slug) > SLUG_MAX:
        raise BadInput(f"takes at most {SLUG_MAX} characters.", _SLUG)
    params: dict[str, Any] = {"visibilities": list(readable_visibilities(viewer))}
    sees_hidden = can_see_hidden(viewer)
    if not sees_hidden and viewer.member_id is not None:
        params["viewer_id"] = viewer.member_id
    if flt.pillars:
        params["pillars"] = pillars_to_mask(set(flt.pillars))
    if flt.organisation_types:
        params["types"] = types_to_mask(set(flt.organisation_types))
    if flt.kinds:
        params["kinds"] = sorted(set(flt.kinds), key=lambda k: k.value)
    if flt.statuses:
        params["statuses"] = sorted(set(flt.statuses), key=lambda k: k.value)
    if flt.topics:
        params["topics"] = sorted({t.strip().lower() for t in flt.topics})
    if flt.organisation_id is not None:
        params["organisation_id"] = flt.organisation_id
    if flt.organisation_ids is not None:
        params["organisation_ids"] = sorted(set(flt.organisation_ids))
    if flt.organisation_slug is not None:
        params["slug"] = flt.organisation_slug.strip().lower()
    shape = (sees_hidden, frozenset(params), flt.has_expert_reply)
    return shape, params


@functools.lru_cache(maxsize=STATEMENTS_KEPT)
def conditions(shape: Shape) -> tuple[sa.ColumnElement[bool], ...]:
    """`_build_conditions` on parameters without values, built once per shape."""
    return _build_conditions(shape, sa.bindparam)


def _build_conditions(
    shape: Shape, bind: Callable[..., sa.BindParameter[Any]]
) -> tuple[sa.ColumnElement[bool], ...]:
    """The one rule of thread lists, in SQL: what the viewer may read (hidden ones aside)
    and what the filter asks for, as conditions on the parameters `bind` makes, named as
    in `shape_and_params`."""
    sees_hidden, names, has_expert_reply = shape
    t = _THREADS
    found: list[sa.ColumnElement[bool]] = [t.visibility.in_(bind("visibilities", expanding=True))]
    if not sees_hidden:
        if "viewer_id" in names:
            found.append(sa.or_(t.hidden_at.is_(None), t.author_id == bind("viewer_id")))
        else:
            found.append(t.hidden_at.is_(None))
    if "pillars" in names:
        found.append(t.pillars_mask.op("&")(bind("pillars", type_=sa.Integer)) != 0)
    if "types" in names:
        found.append(t.organisation_types_mask.op("&")(bind("types", type_=sa.Integer)) != 0)
    if "kinds" in names:
        found.append(t.kind.in_(bind("kinds", expanding=True)))
    if "statuses" in names:
        found.append(t.status.in_(bind("statuses", expanding=True)))
    if "topics" in names:
        topics = ThreadTopic.__table__.c
        found.append(
            t.id.in_(
                sa.select(topics.thread_id).where(topics.topic.in_(bind("topics", expanding=True)))
            )
        )
    if "organisation_id" in names:
        found.append(t.organisation_id == bind("organisation_id"))
    if "organisation_ids" in names:
        found.append(t.organisation_id.in_(bind("organisation_ids", expanding=True)))
    if "slug" in names:
        # A subquery, not a lookup first: the page still costs one statement.
        found.append(
            t.organisation_id
            == sa.select(_ORGANISATIONS.id)
            .where(_ORGANISATIONS.slug == bind("slug"))
            .scalar_subquery()
        )
    if has_expert_reply is not None:
        found.append(t.expert_reply_count > 0 if has_expert_reply else t.expert_reply_count == 0)
    return tuple(found)


def filtered(viewer: Viewer, flt: ThreadFilter) -> tuple[sa.Select[Any], str | None]:
    """The select of the threads `viewer` may see that pass `flt` but for its search,
    and the text to search for (None without one)."""
    shape, params = shape_and_params(viewer, flt)
    # Pages of threads are only shown: they are read as records (see models.records).
    stmt = sa.select(THREAD_BUNDLE).where(*conditions(shape)).params(params)
    text = flt.search.strip() if flt.search is not None else ""
    return stmt, text or None


def _organisation_by_slug(slug: str) -> sa.ScalarSelect[int]:
    """The id of the organisation with this slug, as a subquery (NULL for none)."""
    if len(slug) > SLUG_MAX:
        raise BadInput(f"takes at most {SLUG_MAX} characters.", _SLUG)
    return (
        sa.select(Organisation.id)
        .where(Organisation.slug == slug.strip().lower())
        .scalar_subquery()
    )


async def resolve_slug(session: AsyncSession, flt: ThreadFilter) -> ThreadFilter:
    """`flt` with its organisation slug turned into the organisation's id, for `matches`,
    which sees only the thread's row (a slug no organisation has matches no thread)."""
    if flt.organisation_slug is None:
        return flt
    found = await session.scalar(sa.select(_organisation_by_slug(flt.organisation_slug)))
    wanted = {found} if found is not None else set()
    if flt.organisation_ids is not None:
        wanted &= set(flt.organisation_ids)
    return replace(flt, organisation_slug=None, organisation_ids=sorted(wanted))


def matches(thread: ThreadRecord, flt: ThreadFilter) -> bool:
    """Whether a thread passes `flt` (the search is not applied): for live updates.
    An organisation slug must have been resolved first (`resolve_slug`)."""
    if flt.organisation_slug is not None:
        raise ValueError("resolve the filter's organisation slug first (resolve_slug)")
    if flt.pillars and not thread.pillars_mask & pillars_to_mask(set(flt.pillars)):
        return False
    if flt.organisation_types and not thread.organisation_types_mask & types_to_mask(
        set(flt.organisation_types)
    ):
        return False
    if flt.kinds and thread.kind not in flt.kinds:
        return False
    if flt.statuses and thread.status not in flt.statuses:
        return False
    if flt.topics and not {t.strip().lower() for t in flt.topics} & set(thread.topics):
        return False
    if flt.organisation_id is not None and thread.organisation_id != flt.organisation_id:
        return False
    if flt.organisation_ids is not None and thread.organisation_id not in flt.organisation_ids:
        return False
    return flt.has_expert_reply is None or (thread.expert_reply_count > 0) == flt.has_expert_reply
