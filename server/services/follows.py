"""Following threads, pillars, organisation types, topics and organisations.

A member follows a target once: following it again gives back the same follow. Starting
a thread or replying to one follows it, unless the member turned `auto_follow` off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.domain import FollowKind, OrganisationType, RoarPillar
from server.models import Follow, FollowRecord, NotificationSettings, Organisation, record_columns
from server.models.base import utcnow
from server.services.errors import FieldError, InvalidInput, UserErrorCode
from server.services.pagination import Page, newest_first
from server.services.sql import insert_ignoring_conflicts
from server.services.threads.reading import NO_THREAD, get_thread
from server.services.validation import TOPIC_PATTERN
from server.services.viewer import Viewer, require_member

NO_ORGANISATION = "There is no organisation with this ID."
ONE_TARGET = (
    "Give exactly one of thread, pillar, organisationType, topic or organisation to follow."
)


@dataclass(frozen=True)
class FollowTarget:
    """What to follow: exactly one field set. An ID that named nothing is 0 (no row has it)."""

    thread_id: int | None = None
    pillar: RoarPillar | None = None
    organisation_type: OrganisationType | None = None
    topic: str | None = None
    organisation_id: int | None = None


async def _target_key(
    session: AsyncSession, viewer: Viewer, target: FollowTarget
) -> tuple[FollowKind, str]:
    """The kind and key of a valid target; InvalidInput naming the field otherwise."""
    given = [
        (field, value)
        for field, value in (
            ("thread", target.thread_id),
            ("pillar", target.pillar),
            ("organisation_type", target.organisation_type),
            ("topic", target.topic),
            ("organisation", target.organisation_id),
        )
        if value is not None
    ]
    if len(given) != 1:
        # The whole input is at fault: the error names no field inside it.
        raise InvalidInput([FieldError((), ONE_TARGET, UserErrorCode.REQUIRED)])
    field, value = given[0]
    if field == "thread":
        thread_id = cast(int, value)
        if thread_id <= 0 or await get_thread(session, viewer, thread_id) is None:
            raise InvalidInput.of("thread", NO_THREAD)
        return FollowKind.THREAD, str(thread_id)
    if field == "organisation":
        organisation_id = cast(int, value)
        found = await session.scalar(
            sa.select(Organisation.id).where(Organisation.id == organisation_id)
        )
        if found is None:
            raise InvalidInput.of("organisation", NO_ORGANISATION)
        return FollowKind.ORGANISATION, str(organisation_id)
    if field == "topic":
        topic = cast(str, value).strip().lower()
        if not TOPIC_PATTERN.fullmatch(topic):
            raise InvalidInput.of(
                "topic",
                f"Topic {cast(str, value)[:50]!r} is not valid: use 1 to 40 lower-case "
                "letters, digits or hyphens.",
            )
        return FollowKind.TOPIC, topic
    if field == "pillar":
        return FollowKind.PILLAR, str(value)
    return FollowKind.ORGANISATION_TYPE, str(value)


async def follow(session: AsyncSession, viewer: Viewer, target: FollowTarget) -> Follow:
    """Follow `target`; following it again returns the same follow."""
    member_id = require_member(viewer)
    kind, key = await _target_key(session, viewer, target)
    await session.execute(
        insert_ignoring_conflicts(session, Follow.__table__)
        .values(member_id=member_id, kind=kind, key=key, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=["member_id", "kind", "key"])
    )
    found = await session.scalar(
        sa.select(Follow).where(
            Follow.member_id == member_id, Follow.kind == kind, Follow.key == key
        )
    )
    assert found is not None, "inserted or already there, in this transaction"
    return found


async def unfollow(session: AsyncSession, viewer: Viewer, target: FollowTarget) -> bool:
    """Stop following `target`; returns whether there was a follow to remove."""
    member_id = require_member(viewer)
    kind, key = await _target_key(session, viewer, target)
    result = await session.execute(
        sa.delete(Follow).where(
            Follow.member_id == member_id, Follow.kind == kind, Follow.key == key
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult


async def auto_follow_thread(session: AsyncSession, member_id: int, thread_id: int) -> None:
    """Follow a thread one starts or replies to, unless one turned auto-follow off.

    One statement: the settings are read inside it, so a reply costs one round trip more.
    """
    opted_out = sa.exists().where(
        NotificationSettings.member_id == member_id,
        NotificationSettings.auto_follow.is_(False),
    )
    values = sa.select(
        sa.literal(member_id, sa.Integer()).label("member_id"),
        sa.literal(FollowKind.THREAD.value, sa.String()).label("kind"),
        sa.literal(str(thread_id), sa.String()).label("key"),
        sa.literal(utcnow(), Follow.__table__.c.created_at.type).label("created_at"),
    ).where(~opted_out)
    await session.execute(
        insert_ignoring_conflicts(session, Follow.__table__)
        .from_select(["member_id", "kind", "key", "created_at"], values)
        .on_conflict_do_nothing(index_elements=["member_id", "kind", "key"])
    )


async def list_follows(
    session: AsyncSession, viewer: Viewer, *, first: int, after: str | None = None
) -> Page[FollowRecord]:
    """What the viewer follows, newest first."""
    member_id = require_member(viewer, "see what you follow")
    stmt = sa.select(*record_columns(Follow)).where(Follow.member_id == member_id)
    page = await newest_first(session, stmt, Follow.id, "FOLLOWS", first=first, after=after)
    return cast("Page[FollowRecord]", page)


async def count_follows(session: AsyncSession, viewer: Viewer) -> int:
    """How many follows the viewer has."""
    member_id = require_member(viewer, "see what you follow")
    total = await session.scalar(
        sa.select(sa.func.count()).select_from(Follow).where(Follow.member_id == member_id)
    )
    return int(total or 0)


async def followed_threads(
    session: AsyncSession, member_id: int, thread_ids: Sequence[int]
) -> set[int]:
    """Which of `thread_ids` the member follows (one statement for a page of threads)."""
    keys = {str(thread_id) for thread_id in thread_ids}
    rows = await session.scalars(
        sa.select(Follow.key).where(
            Follow.member_id == member_id,
            Follow.kind == FollowKind.THREAD,
            Follow.key.in_(keys),
        )
    )
    return {int(key) for key in rows}


async def _own_follow(
    session: AsyncSession, member_id: int, *where: sa.ColumnElement[bool]
) -> FollowRecord | None:
    row = (
        await session.execute(
            sa.select(*record_columns(Follow)).where(Follow.member_id == member_id, *where)
        )
    ).first()
    return cast(FollowRecord, row) if row is not None else None


async def get_follow(session: AsyncSession, viewer: Viewer, follow_id: int) -> FollowRecord | None:
    """One of the viewer's follows, or None (anyone else's too)."""
    if viewer.member_id is None:
        return None
    return await _own_follow(session, viewer.member_id, Follow.id == follow_id)


async def find_follow(
    session: AsyncSession, viewer: Viewer, target: FollowTarget
) -> FollowRecord | None:
    """The viewer's follow of `target`, or None when they do not follow it (visitors follow
    nothing). A target that is not one (unknown thread or organisation, a malformed topic,
    none or several fields) is InvalidInput naming its field, as for `follow`."""
    if viewer.member_id is None:
        return None
    kind, key = await _target_key(session, viewer, target)
    return await _own_follow(session, viewer.member_id, Follow.kind == kind, Follow.key == key)
