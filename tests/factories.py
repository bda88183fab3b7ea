"""Factories that make forum content through the real services."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from server.auth import sessions
from server.config import Settings
from server.db import Database
from server.domain import MemberRole, OrganisationType, RoarPillar, ThreadKind, Visibility
from server.ids import to_global_id
from server.models import Member, Organisation, Post, Thread
from server.services import threads
from server.services.viewer import Viewer

_numbers = itertools.count(1)


async def make_organisation(
    db: Database,
    *,
    name: str | None = None,
    type: OrganisationType = OrganisationType.PUBLIC_BANK,
    country: str | None = "DE",
) -> Organisation:
    n = next(_numbers)
    async with db.write() as session:
        org = Organisation(
            slug=f"org-{n}", name=name or f"Organisation {n}", type=type.value, country=country
        )
        session.add(org)
        await session.flush()
    return org


async def make_member(
    db: Database,
    *,
    role: MemberRole = MemberRole.MEMBER,
    organisation: Organisation | None = None,
    with_organisation: bool = True,
    name: str | None = None,
) -> Member:
    if organisation is None and with_organisation:
        organisation = await make_organisation(db)
    n = next(_numbers)
    async with db.write() as session:
        member = Member(
            display_name=name or f"Member {n}",
            email=f"member{n}@example.org",
            role=role.value,
            organisation_id=organisation.id if organisation else None,
        )
        session.add(member)
        await session.flush()
    return member


def viewer_of(member: Member) -> Viewer:
    return Viewer(
        member_id=member.id, role=MemberRole(member.role), organisation_id=member.organisation_id
    )


async def make_thread(
    db: Database,
    *,
    author: Member,
    title: str = "How do we buy for a mission?",
    body: str = "We want to **learn** from peers.",
    kind: ThreadKind = ThreadKind.CHALLENGE,
    pillars: list[RoarPillar] | None = None,
    organisation_types: list[OrganisationType] | None = None,
    topics: list[str] | None = None,
    visibility: Visibility = Visibility.PUBLIC,
    **kwargs: Any,
) -> Thread:
    async with db.write() as session:
        return await threads.start_thread(
            session,
            viewer_of(author),
            kind=kind,
            title=title,
            body=body,
            pillars=pillars or [RoarPillar.ROUTES_AND_DIRECTIONS],
            organisation_types=organisation_types,
            topics=topics,
            visibility=visibility,
            **kwargs,
        )


async def make_reply(
    db: Database, *, thread: Thread, author: Member, body: str = "A reply."
) -> Post:
    async with db.write() as session:
        return await threads.reply(session, viewer_of(author), thread_id=thread.id, body=body)


async def sign_in(
    client: httpx.AsyncClient, db: Database, settings: Settings, member: Member
) -> None:
    """Give the client a session cookie for `member` (tests make sessions directly)."""
    name, value = await sessions.issue_session_cookie(db, member.id, settings)
    client.cookies.set(name, value)


def gid(kind: str, row_id: int) -> str:
    return to_global_id(kind, row_id)
