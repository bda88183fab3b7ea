"""Loading the demo network through the same services members use."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from server.db import Database
from server.domain import MemberRole, OrganisationType, RoarPillar, ThreadKind, Visibility
from server.models import Member, Organisation
from server.models.base import utcnow
from server.services import moderation, threads
from server.services.viewer import Viewer


class AlreadyLoaded(Exception):
    """The database has content already; demo data goes only into an empty forum."""


async def is_empty(db: Database) -> bool:
    async with db.read() as session:
        return await session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0


async def load_demo(db: Database, content: Any = None) -> dict[str, int]:
    """Fill an empty forum with the demo network; returns what was created."""
    if content is None:
        from server.demo import content as default_content

        content = default_content
    if not await is_empty(db):
        raise AlreadyLoaded(
            "The database already has organisations: demo data is not loaded twice."
        )
    now = utcnow()
    async with db.write() as session:
        organisations: dict[str, Organisation] = {}
        for org in content.ORGANISATIONS:
            row = Organisation(
                slug=org["slug"],
                name=org["name"],
                type=OrganisationType(org["type"]).value,
                country=org.get("country"),
                website=org.get("website"),
                description=org.get("description"),
                created_at=now - timedelta(days=400),
            )
            session.add(row)
            organisations[org["slug"]] = row
        await session.flush()
        viewers: dict[str, Viewer] = {}
        for person in content.MEMBERS:
            org = organisations[person["organisation"]] if person.get("organisation") else None
            member = Member(
                display_name=person["display_name"],
                email=person.get("email"),
                role=MemberRole(person["role"]).value,
                organisation_id=org.id if org else None,
                created_at=now - timedelta(days=300),
            )
            session.add(member)
            await session.flush()
            viewers[person["key"]] = Viewer(
                member_id=member.id,
                role=MemberRole(person["role"]),
                organisation_id=member.organisation_id,
            )
        reply_total = 0
        moderator = next(v for v in viewers.values() if v.is_moderator)
        for spec in content.THREADS:
            started = now - timedelta(days=spec["days_ago"])
            thread = await threads.start_thread(
                session,
                viewers[spec["author"]],
                kind=ThreadKind(spec["kind"]),
                title=spec["title"],
                body=spec["body"],
                pillars=[RoarPillar(p) for p in spec["pillars"]],
                organisation_types=[
                    OrganisationType(t) for t in spec.get("organisation_types") or []
                ],
                topics=spec.get("topics") or [],
                visibility=Visibility(spec.get("visibility", "PUBLIC")),
                now=started,
            )
            for reply_spec in spec.get("replies", []):
                post = await threads.reply(
                    session,
                    viewers[reply_spec["author"]],
                    thread_id=thread.id,
                    body=reply_spec["body"],
                    now=min(started + timedelta(hours=reply_spec["hours_after"]), now),
                )
                reply_total += 1
                if reply_spec.get("accepted"):
                    await threads.accept_reply(session, viewers[spec["author"]], post_id=post.id)
            if spec.get("closed"):
                await moderation.set_closed(session, moderator, thread_id=thread.id, closed=True)
        # Demo loading is not a live event: nobody is subscribed yet.
        session.info.clear()
    return {
        "organisations": len(content.ORGANISATIONS),
        "members": len(content.MEMBERS),
        "threads": len(content.THREADS),
        "replies": reply_total,
    }
