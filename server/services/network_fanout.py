"""Who hears of a new application to join (the admins) and of a new event (the members who
follow any of its pillars): notifications made by the worker after the write commits.

As for threads (`server.services.fanout`): the write queues one outbox job; `run` makes
the notifications in the worker's transaction, each recipient checked as a reader, and a
second run makes nothing twice (the notifications' event keys).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import jobs
from server.domain import FollowKind, MemberRole, NotificationReason, mask_to_pillars
from server.ids import to_global_id
from server.models import Event, Follow, Member, MembershipApplication
from server.services import notifications
from server.services.viewer import can_read

NETWORK_FAN_OUT = "network.fan_out"


async def queue_application(session: AsyncSession, application_id: int) -> None:
    """Tell the admins of a new application, after the commit."""
    await jobs.enqueue(
        session,
        NETWORK_FAN_OUT,
        {"event": "application", "application": application_id},
        dedupe_key=f"fan-out:application:{application_id}",
    )


async def queue_event(session: AsyncSession, event_id: int) -> None:
    """Tell the followers of the new event's pillars, after the commit."""
    await jobs.enqueue(
        session,
        NETWORK_FAN_OUT,
        {"event": "event", "event_id": event_id},
        dedupe_key=f"fan-out:event:{event_id}",
    )


async def run(session: AsyncSession, payload: dict[str, Any]) -> dict[int, int]:
    """Make the notifications of one queued event; returns the new ones by member id."""
    kind = payload.get("event")
    if kind == "application":
        return await _application(session, int(payload["application"]))
    if kind == "event":
        return await _event(session, int(payload["event_id"]))
    raise ValueError(f"not a network fan-out event: {kind!r}")


async def _application(session: AsyncSession, application_id: int) -> dict[int, int]:
    application = await session.get(MembershipApplication, application_id)
    if application is None:
        return {}
    admins = await session.scalars(
        sa.select(Member.id).where(Member.role == MemberRole.ADMIN, Member.banned_at.is_(None))
    )
    return await notifications.notify(
        session,
        list(admins),
        NotificationReason.MEMBERSHIP,
        text=f"{application.organisation_name} applied to join the network",
        event_key=f"application:{application.id}",
        url_path="/admin/applications",
    )


async def _event(session: AsyncSession, event_id: int) -> dict[int, int]:
    event = await session.get(Event, event_id)
    if event is None:
        return {}
    pillars = [p.value for p in mask_to_pillars(event.pillars_mask)]
    if not pillars:
        return {}
    followers = sa.select(Follow.member_id).where(
        Follow.kind == FollowKind.PILLAR, Follow.key.in_(pillars)
    )
    return await notifications.notify(
        session,
        followers,
        NotificationReason.EVENT,
        text=f"New event: {event.title}",
        event_key=f"event:{event.id}",
        actor_id=event.created_by_id,
        url_path=f"/events#event-{to_global_id('Event', event.id)}",
        readers=notifications.ReadRule(lambda reader: can_read(reader, event.visibility)),
    )
