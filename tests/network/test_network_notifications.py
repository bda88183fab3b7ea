"""MEMBERSHIP and EVENT notifications: admins hear of each new application, members who
follow one of an event's pillars hear of the new event (made by the worker, once)."""

from __future__ import annotations

import sqlalchemy as sa

from server.domain import FollowKind, MemberRole
from server.models import Follow, Notification
from tests.factories import make_member, sign_in
from tests.network.test_applications import APPLY, application
from tests.network.test_events import create
from tests.support import gql


async def notifications_of(db) -> list[tuple[int, str, str, str | None]]:
    async with db.read() as session:
        rows = await session.execute(
            sa.select(
                Notification.member_id,
                Notification.reason,
                Notification.text,
                Notification.url_path,
            ).order_by(Notification.member_id)
        )
        return [tuple(r) for r in rows]


async def test_every_admin_hears_of_a_new_application_once(client, db, deliver):
    first = await make_member(db, role=MemberRole.ADMIN)
    second = await make_member(db, role=MemberRole.ADMIN)
    await make_member(db, role=MemberRole.MODERATOR)

    await gql(client, APPLY, {"input": application()})
    await deliver()
    await deliver()

    assert await notifications_of(db) == [
        (
            m.id,
            "MEMBERSHIP",
            "Agência Nacional de Inovação applied to join the network",
            "/admin/applications",
        )
        for m in (first, second)
    ]


async def test_followers_of_an_events_pillar_hear_of_it(client, db, settings, deliver):
    follower = await make_member(db)
    other = await make_member(db)
    async with db.write() as session:
        session.add(Follow(member_id=follower.id, kind=FollowKind.PILLAR, key="ASSESSMENT"))
        session.add(Follow(member_id=other.id, kind=FollowKind.PILLAR, key="ROUTES_AND_DIRECTIONS"))
    organiser = await make_member(db, role=MemberRole.RESEARCHER)
    async with db.write() as session:
        session.add(Follow(member_id=organiser.id, kind=FollowKind.PILLAR, key="ASSESSMENT"))
    await sign_in(client, db, settings, organiser)

    event = await create(client, visibility="MEMBERS", pillars=["ASSESSMENT"])
    await deliver()

    [(member_id, reason, text, path)] = await notifications_of(db)
    assert (member_id, reason, text) == (
        follower.id,
        "EVENT",
        "New event: Masterclass: market shaping",
    )
    assert path == f"/events#event-{event['id']}"
