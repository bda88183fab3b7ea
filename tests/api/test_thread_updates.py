"""Changes to threads pushed live (threadUpdated, threadsUpdated), as a WebSocket client
sees them, each authorised for its receiver."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from server.domain import MemberRole, RoarPillar, Visibility
from tests.api.test_subscriptions import cookie_of, next_message, subscription
from tests.factories import gid, make_member, make_reply, make_thread, sign_in
from tests.support import gql

THREAD_UPDATED = """
subscription($id: ID!) {
  threadUpdated(threadId: $id) {
    change postId
    post { body isAccepted }
    thread { status replyCount acceptedReply { body } }
  }
}
"""
THREADS_UPDATED = """
subscription($filter: ThreadFilter) {
  threadsUpdated(filter: $filter) { change thread { title replyCount } }
}
"""
EDIT = """
mutation($input: EditPostInput!) { editPost(input: $input) { errors { message } } }
"""
ACCEPT = """
mutation($input: AcceptReplyInput!) { acceptReply(input: $input) { errors { message } } }
"""
CLOSE = """
mutation($input: CloseThreadInput!) { closeThread(input: $input) { errors { message } } }
"""
HIDE = """
mutation($input: HidePostInput!) { hidePost(input: $input) { errors { message } } }
"""
UNHIDE = """
mutation($input: UnhidePostInput!) { unhidePost(input: $input) { errors { message } } }
"""
REPLY = """
mutation($input: ReplyInput!) { reply(input: $input) { errors { message } } }
"""


def update_of(message: dict) -> dict:
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    return message["payload"]["data"]["threadUpdated"]


async def test_an_edit_reaches_a_reader_of_the_thread_with_the_new_text(
    client, db, settings, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    reply = await make_reply(db, thread=thread, author=author, body="Fisrt draft")
    await sign_in(client, db, settings, author)

    async with subscription(live_server, THREAD_UPDATED, {"id": gid("Thread", thread.id)}) as ws:
        await gql(client, EDIT, {"input": {"postId": gid("Post", reply.id), "body": "First"}})
        update = update_of(await next_message(ws))

    assert update == {
        "change": "POST_EDITED",
        "postId": gid("Post", reply.id),
        "post": {"body": "First", "isAccepted": False},
        "thread": {"status": "OPEN", "replyCount": 1, "acceptedReply": None},
    }


async def test_an_accepted_answer_reaches_a_reader_with_the_status_and_the_answer(
    client, db, settings, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    reply = await make_reply(db, thread=thread, author=await make_member(db), body="Do this")
    await sign_in(client, db, settings, author)

    async with subscription(live_server, THREAD_UPDATED, {"id": gid("Thread", thread.id)}) as ws:
        await gql(client, ACCEPT, {"input": {"postId": gid("Post", reply.id)}})
        update = update_of(await next_message(ws))

    assert update == {
        "change": "ANSWER_ACCEPTED",
        "postId": gid("Post", reply.id),
        "post": {"body": "Do this", "isAccepted": True},
        "thread": {"status": "ANSWERED", "replyCount": 1, "acceptedReply": {"body": "Do this"}},
    }


async def test_replies_closing_and_hiding_reach_a_visitor_as_they_may_see_them(
    client, db, settings, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    spam = await make_reply(db, thread=thread, author=await make_member(db), body="Spam")
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    await sign_in(client, db, settings, moderator)
    thread_id, spam_id = gid("Thread", thread.id), gid("Post", spam.id)

    async with subscription(live_server, THREAD_UPDATED, {"id": thread_id}) as ws:
        await gql(client, REPLY, {"input": {"threadId": thread_id, "body": "Noted"}})
        added = update_of(await next_message(ws))
        await gql(client, HIDE, {"input": {"postId": spam_id, "reason": "Spam"}})
        hidden = update_of(await next_message(ws))
        await gql(client, UNHIDE, {"input": {"postId": spam_id}})
        shown = update_of(await next_message(ws))
        await gql(client, CLOSE, {"input": {"threadId": thread_id}})
        closed = update_of(await next_message(ws))

    assert (added["change"], added["post"], added["thread"]["replyCount"]) == (
        "REPLY_ADDED",
        {"body": "Noted", "isAccepted": False},
        2,
    )
    # The visitor is told which post to take away, never what it says.
    assert (hidden["change"], hidden["postId"], hidden["post"]) == ("POST_HIDDEN", spam_id, None)
    assert hidden["thread"]["replyCount"] == 1
    assert (shown["change"], shown["post"], shown["thread"]["replyCount"]) == (
        "POST_SHOWN",
        {"body": "Spam", "isAccepted": False},
        2,
    )
    assert (closed["change"], closed["postId"], closed["thread"]["status"]) == (
        "STATUS_CHANGED",
        None,
        "CLOSED",
    )


async def test_a_visitors_thread_updates_end_when_the_thread_is_hidden(
    client, db, settings, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    opening_id = await _opening_id(db, thread.id)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    await sign_in(client, db, settings, moderator)

    async with subscription(live_server, THREAD_UPDATED, {"id": gid("Thread", thread.id)}) as ws:
        await gql(client, HIDE, {"input": {"postId": gid("Post", opening_id), "reason": "Spam"}})
        message = await next_message(ws)

    assert message["type"] == "complete"


async def test_visitors_cannot_follow_the_changes_of_a_members_thread(client, db, live_server):
    author = await make_member(db)
    thread = await make_thread(db, author=author, visibility=Visibility.MEMBERS)

    async with subscription(live_server, THREAD_UPDATED, {"id": gid("Thread", thread.id)}) as ws:
        message = await next_message(ws)

    assert message["type"] == "error" or message["payload"].get("errors")


async def test_a_members_thread_changes_reach_members_of_the_feed_but_not_visitors(
    client, db, settings, live_server
):
    author = await make_member(db)
    public = await make_thread(db, author=author, title="Public")
    private = await make_thread(db, author=author, title="Private", visibility=Visibility.MEMBERS)
    await sign_in(client, db, settings, author)
    member_cookie = cookie_of(client)

    async with (
        subscription(live_server, THREADS_UPDATED, {}) as visitor,
        subscription(live_server, THREADS_UPDATED, {}, cookie=member_cookie) as member,
    ):
        for thread in (private, public):
            await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "+"}})
        visitor_sees = await next_message(visitor)
        member_sees = [await next_message(member), await next_message(member)]

    assert visitor_sees["payload"]["data"]["threadsUpdated"] == {
        "change": "REPLY_ADDED",
        "thread": {"title": "Public", "replyCount": 1},
    }
    assert [m["payload"]["data"]["threadsUpdated"]["thread"] for m in member_sees] == [
        {"title": "Private", "replyCount": 1},
        {"title": "Public", "replyCount": 1},
    ]


async def test_the_feeds_updates_follow_its_filter(client, db, settings, live_server):
    author = await make_member(db)
    other = await make_thread(db, author=author, title="Other", pillars=[RoarPillar.ASSESSMENT])
    wanted = await make_thread(
        db, author=author, title="Risky", pillars=[RoarPillar.RISKS_AND_REWARDS]
    )
    await sign_in(client, db, settings, author)
    flt = {"filter": {"pillars": ["RISKS_AND_REWARDS"]}}

    async with subscription(live_server, THREADS_UPDATED, flt) as ws:
        for thread in (other, wanted):
            await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "+"}})
        message = await next_message(ws)
        with pytest.raises(asyncio.TimeoutError):
            await next_message(ws, timeout=0.5)

    assert message["payload"]["data"]["threadsUpdated"]["thread"]["title"] == "Risky"


async def _opening_id(db, thread_id: int) -> int:
    from server.models import Post

    async with db.read() as session:
        found = await session.scalar(
            sa.select(Post.id).where(Post.thread_id == thread_id, Post.position == 0)
        )
    assert found is not None
    return int(found)


async def test_an_unchanged_status_announces_nothing(client, db, settings, live_server):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    await sign_in(client, db, settings, moderator)
    thread_id = gid("Thread", thread.id)
    reopen = CLOSE.replace("closeThread", "reopenThread")

    async with subscription(live_server, THREAD_UPDATED, {"id": thread_id}) as ws:
        await gql(client, reopen, {"input": {"threadId": thread_id}})  # it is open already
        with pytest.raises(asyncio.TimeoutError):
            await next_message(ws, timeout=0.5)
