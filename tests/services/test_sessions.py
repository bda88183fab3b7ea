"""Sign-in sessions as rows, called directly: started, ended, and whom they sign in."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from server.domain import MemberRole
from server.models import AuthSession, Member
from server.services import sessions
from server.services.viewer import VISITOR, Viewer
from tests.factories import make_member

DAY = timedelta(days=1)


async def start(db, member_id: int, lifetime: timedelta = DAY) -> str:
    async with db.write() as session:
        return await sessions.start_session(session, member_id, lifetime=lifetime)


async def whom(db, token: str) -> Viewer:
    async with db.read() as session:
        return await sessions.viewer_for_token(session, token)


async def test_a_started_session_signs_its_member_in_and_only_its_hash_is_stored(db):
    member = await make_member(db, role=MemberRole.RESEARCHER)
    token = await start(db, member.id)

    assert await whom(db, token) == Viewer(
        member_id=member.id, role=MemberRole.RESEARCHER, organisation_id=member.organisation_id
    )
    async with db.read() as session:
        stored = (await session.execute(sa.select(AuthSession.token_hash))).scalars().all()
    assert len(stored) == 1 and token not in stored[0]


async def test_an_unknown_or_expired_token_signs_nobody_in(db):
    member = await make_member(db)
    expired = await start(db, member.id, lifetime=-DAY)

    assert await whom(db, expired) == VISITOR
    assert await whom(db, "not-a-token") == VISITOR


async def test_ending_a_session_signs_that_browser_out_and_no_other(db):
    member = await make_member(db)
    laptop, phone = await start(db, member.id), await start(db, member.id)
    async with db.write() as session:
        await sessions.end_session(session, laptop)

    assert await whom(db, laptop) == VISITOR
    assert (await whom(db, phone)).member_id == member.id


async def test_ending_a_members_sessions_signs_out_all_their_browsers_only(db):
    member, other = await make_member(db), await make_member(db)
    tokens = [await start(db, member.id), await start(db, member.id)]
    others = await start(db, other.id)
    async with db.write() as session:
        await sessions.end_sessions_of(session, member.id)

    async with db.read() as session:
        found = await sessions.viewers_for_tokens(session, [*tokens, others])
    assert list(found) == [others]
    assert found[others].member_id == other.id


async def test_a_banned_members_session_carries_the_reason_and_no_member(db):
    member = await make_member(db)
    token = await start(db, member.id)
    async with db.write() as session:
        await session.execute(
            sa.update(Member).where(Member.id == member.id).values(banned_reason="spam")
        )

    assert await whom(db, token) == Viewer(banned_reason="spam")
