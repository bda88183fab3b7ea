"""Loading the demo network through the same services members use."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from server.db import Database
from server.demo.gatherings import load_gatherings
from server.demo.network import DemoNetwork, read_network
from server.models import Member, Organisation
from server.models.base import utcnow
from server.services import moderation, threads
from server.services.viewer import Viewer


class AlreadyLoaded(Exception):
    """The database has content already; demo data goes only into an empty forum."""


async def is_empty(db: Database) -> bool:
    async with db.read() as session:
        return await session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0


async def load_demo(
    db: Database, network: DemoNetwork | None = None, *, now: datetime | None = None
) -> dict[str, int]:
    """Fill an empty forum with the demo network; returns what was created.

    The data files are read and checked first (`DemoDataError` names every problem), so bad
    data writes nothing; so does a database that has content (`AlreadyLoaded`). Dates in the
    data count back from `now` (the time of loading), so the demo always looks recent.
    """
    if network is None:
        network = read_network()
    if not await is_empty(db):
        raise AlreadyLoaded(
            "The database already has organisations: demo data is not loaded twice."
        )
    now = now or utcnow()
    async with db.write() as session:
        organisations: dict[str, Organisation] = {}
        for entry in network.organisations:
            org = entry.record
            row = Organisation(
                slug=org.slug,
                name=org.name,
                type=org.type.value,
                country=org.country,
                website=org.website,
                description=org.description,
                created_at=now - timedelta(days=400),
            )
            session.add(row)
            organisations[org.slug] = row
        await session.flush()
        viewers: dict[str, Viewer] = {}
        for member_entry in network.members:
            person = member_entry.record
            organisation_id = organisations[person.organisation].id if person.organisation else None
            member = Member(
                display_name=person.name,
                email=person.email,
                role=person.role.value,
                organisation_id=organisation_id,
                created_at=now - timedelta(days=300),
            )
            session.add(member)
            await session.flush()
            viewers[person.key] = Viewer(
                member_id=member.id, role=person.role, organisation_id=organisation_id
            )
        moderator = next((v for v in viewers.values() if v.is_moderator), None)
        # Oldest first, as a forum fills: ids grow with the threads' dates.
        for demo_thread in sorted(
            network.threads, key=lambda t: (-t.opening.entry.record.days_ago, t.slug)
        ):
            spec = demo_thread.opening.entry.record
            started = now - timedelta(days=spec.days_ago)
            thread = await threads.start_thread(
                session,
                viewers[spec.author],
                kind=spec.kind,
                title=spec.title,
                body=demo_thread.opening.body,
                pillars=spec.pillars,
                organisation_types=spec.organisation_types,
                topics=spec.topics,
                visibility=spec.visibility,
                now=started,
            )
            for reply in demo_thread.replies:
                post = await threads.reply(
                    session,
                    viewers[reply.entry.record.author],
                    thread_id=thread.id,
                    body=reply.body,
                    now=started + timedelta(hours=reply.entry.record.hours_after),
                )
                if reply.entry.record.accepted:
                    await threads.accept_reply(session, viewers[spec.author], post_id=post.id)
            if spec.closed:
                assert moderator is not None  # read_network makes sure of one
                await moderation.set_closed(session, moderator, thread_id=thread.id, closed=True)
        admin = next((v for v in viewers.values() if v.is_admin), None)
        await load_gatherings(
            session,
            network.gatherings,
            viewers=viewers,
            organisation_ids={slug: row.id for slug, row in organisations.items()},
            admin_id=admin.member_id if admin else None,
            now=now,
        )
        # Demo loading is not a live event: nobody is subscribed yet.
        session.info.clear()
    return network.counts()
