"""The thread rules, called directly (no GraphQL)."""

from __future__ import annotations

import pytest

from server.domain import MemberRole, RoarPillar, ThreadKind, ThreadOrder, Visibility
from server.services import threads
from server.services.errors import Forbidden, InvalidInput, Unauthenticated
from server.services.viewer import VISITOR, Viewer
from tests.factories import make_member, make_reply, make_thread, viewer_of


async def test_start_thread_refuses_visitors_and_members_without_organisation(db):
    loner = await make_member(db, with_organisation=False)
    async with db.write() as session:
        with pytest.raises(Unauthenticated):
            await threads.start_thread(
                session,
                VISITOR,
                kind=ThreadKind.CHALLENGE,
                title="t",
                body="b",
                pillars=[RoarPillar.ASSESSMENT],
            )
        with pytest.raises(Forbidden, match="not attached to a member organisation"):
            await threads.start_thread(
                session,
                viewer_of(loner),
                kind=ThreadKind.CHALLENGE,
                title="t",
                body="b",
                pillars=[RoarPillar.ASSESSMENT],
            )


async def test_topics_are_normalised_and_deduplicated(db):
    author = await make_member(db)
    thread = await make_thread(db, author=author, topics=["Procurement", "procurement ", "data"])
    assert thread.topics == ["procurement", "data"]


async def test_invalid_input_lists_every_field(db):
    author = await make_member(db)
    async with db.write() as session:
        with pytest.raises(InvalidInput) as raised:
            await threads.start_thread(
                session, viewer_of(author), kind=ThreadKind.CHALLENGE, title="", body="", pillars=[]
            )
    assert [e.field for e in raised.value.errors] == [
        ("title",),
        ("body",),
        ("pillars",),
    ]


async def test_members_threads_are_listed_for_members_only(db):
    author = await make_member(db)
    await make_thread(db, author=author, visibility=Visibility.MEMBERS)
    async with db.read() as session:
        as_visitor = await threads.list_threads(
            session, VISITOR, threads.ThreadFilter(), ThreadOrder.LAST_ACTIVITY, first=10
        )
        as_member = await threads.list_threads(
            session, viewer_of(author), threads.ThreadFilter(), ThreadOrder.LAST_ACTIVITY, first=10
        )
    assert as_visitor.items == [] and len(as_member.items) == 1


async def test_expert_replies_are_counted_once_per_reply(db):
    author = await make_member(db)
    researcher = await make_member(db, role=MemberRole.RESEARCHER)
    thread = await make_thread(db, author=author)
    await make_reply(db, thread=thread, author=researcher)
    await make_reply(db, thread=thread, author=author)
    async with db.read() as session:
        fresh = await threads.get_thread(session, Viewer(), thread.id)
    assert (fresh.reply_count, fresh.expert_reply_count) == (2, 1)


async def test_matches_applies_every_filter_but_search(db):
    author = await make_member(db)
    thread = await make_thread(
        db, author=author, pillars=[RoarPillar.ASSESSMENT], topics=["metrics"]
    )
    assert threads.matches(thread, threads.ThreadFilter(pillars=[RoarPillar.ASSESSMENT]))
    assert not threads.matches(thread, threads.ThreadFilter(pillars=[RoarPillar.RISKS_AND_REWARDS]))
    assert threads.matches(thread, threads.ThreadFilter(topics=["metrics"], search="anything"))
    assert not threads.matches(thread, threads.ThreadFilter(has_expert_reply=True))
