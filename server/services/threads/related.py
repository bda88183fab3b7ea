"""Threads related to a thread: those that share its topics and pillars, the closest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.domain import RoarPillar, pillars_to_mask
from server.models import THREAD_BUNDLE, Thread, ThreadRecord, ThreadTopic
from server.services.errors import BadInput
from server.services.threads.filters import visible
from server.services.threads.reading import get_thread
from server.services.viewer import Viewer

RELATED_MAX = 20
# A shared topic says more about what a thread is about than a shared pillar (there are
# only four pillars, and most threads have one or two).
TOPIC_WEIGHT = 2


async def related_threads(
    session: AsyncSession, viewer: Viewer, thread_id: int, *, first: int = 5
) -> Sequence[ThreadRecord]:
    """Up to `first` threads the viewer may read that share a topic or a pillar with the
    thread, by how much they share (a topic counts twice a pillar), then latest activity.
    Empty when the thread is not there for the viewer. One statement."""
    if not 1 <= first <= RELATED_MAX:
        raise BadInput(f"`first` must be between 1 and {RELATED_MAX}; it was {first}.")
    thread = await get_thread(session, viewer, thread_id)
    if thread is None:
        return []
    shared = (
        sa.select(ThreadTopic.thread_id, sa.func.count().label("topics"))
        .where(ThreadTopic.topic.in_(list(thread.topics)))
        .group_by(ThreadTopic.thread_id)
        .subquery()
    )
    shared_topics = sa.func.coalesce(shared.c.topics, 0)
    pillar_bits = [pillars_to_mask({pillar}) for pillar in RoarPillar]
    shared_pillars: Any = sum(
        (
            sa.case((Thread.pillars_mask.op("&")(bit & thread.pillars_mask) != 0, 1), else_=0)
            for bit in pillar_bits
            if bit & thread.pillars_mask
        ),
        sa.literal(0),
    )
    score = shared_topics * TOPIC_WEIGHT + shared_pillars
    stmt = (
        sa.select(THREAD_BUNDLE)
        .outerjoin(shared, shared.c.thread_id == Thread.id)
        .where(
            visible(viewer),
            Thread.id != thread.id,
            sa.or_(
                Thread.pillars_mask.op("&")(thread.pillars_mask) != 0,
                shared_topics > 0,
            ),
        )
        .order_by(score.desc(), Thread.last_activity_at.desc(), Thread.id.desc())
        .limit(first)
    )
    return (await session.execute(stmt)).scalars().all()
