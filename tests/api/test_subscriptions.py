"""Live updates over graphql-transport-ws, as a real WebSocket client sees them."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager

import pytest
import sqlalchemy as sa
import websockets

from server.domain import MemberRole, Visibility
from server.models import Post, Thread
from tests.conftest import BASE_URL
from tests.factories import gid, make_member, make_thread, sign_in
from tests.support import gql

REPLY_ADDED = """
subscription($id: ID!) { replyAdded(threadId: $id) { body isExpertReply author { displayName } } }
"""
THREAD_STARTED = """
subscription($filter: ThreadFilter) { threadStarted(filter: $filter) { title pillars } }
"""
REPLY = """
mutation($input: ReplyInput!) { reply(input: $input) { post { id } errors { message } } }
"""


@asynccontextmanager
async def subscription(
    server: str,
    query: str,
    variables: dict,
    *,
    cookie: str | None = None,
    origin: str | None = BASE_URL,
):
    headers = {"Cookie": cookie} if cookie else {}
    async with websockets.connect(
        f"ws://{server}/graphql",
        subprotocols=["graphql-transport-ws"],
        additional_headers=headers,
        origin=origin,
    ) as socket:
        await socket.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": query, "variables": variables},
                }
            )
        )
        await asyncio.sleep(0.2)  # let the server register the subscription
        yield socket


async def next_message(socket, timeout: float = 5.0) -> dict:
    return json.loads(await asyncio.wait_for(socket.recv(), timeout))


def cookie_of(client) -> str:
    return "; ".join(f"{k}={v}" for k, v in client.cookies.items())


async def test_a_reply_reaches_subscribers_of_its_thread(client, db, settings, live_server):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    researcher = await make_member(db, role=MemberRole.RESEARCHER, name="Dr Reyes")
    await sign_in(client, db, settings, researcher)

    async with subscription(live_server, REPLY_ADDED, {"id": gid("Thread", thread.id)}) as socket:
        await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Live"}})
        message = await next_message(socket)

    assert message["type"] == "next"
    assert message["payload"]["data"]["replyAdded"] == {
        "body": "Live",
        "isExpertReply": True,
        "author": {"displayName": "Dr Reyes"},
    }


async def test_visitors_cannot_subscribe_to_a_members_thread(client, db, live_server):
    author = await make_member(db)
    thread = await make_thread(db, author=author, visibility=Visibility.MEMBERS)

    async with subscription(live_server, REPLY_ADDED, {"id": gid("Thread", thread.id)}) as socket:
        message = await next_message(socket)

    assert message["type"] == "error" or message["payload"].get("errors")


async def test_events_stop_when_a_thread_becomes_members_only(client, db, settings, live_server):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    await sign_in(client, db, settings, author)

    async with subscription(live_server, REPLY_ADDED, {"id": gid("Thread", thread.id)}) as socket:
        async with db.write() as session:
            await session.execute(sa.update(Thread).values(visibility="MEMBERS"))
        await gql(
            client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Hidden"}}
        )
        message = await next_message(socket)

    assert message["type"] == "complete"


async def test_new_threads_reach_matching_subscribers_only(client, db, settings, live_server):
    author = await make_member(db)
    await sign_in(client, db, settings, author)
    flt = {"filter": {"pillars": ["ASSESSMENT"]}}
    start = """mutation($input: StartThreadInput!) { startThread(input: $input) { errors { message } } }"""

    async with subscription(live_server, THREAD_STARTED, flt, cookie=cookie_of(client)) as socket:
        for title, pillar in [("Other", "RISKS_AND_REWARDS"), ("Evaluating", "ASSESSMENT")]:
            await gql(
                client,
                start,
                {"input": {"kind": "DISCUSSION", "title": title, "body": "b", "pillars": [pillar]}},
            )
        message = await next_message(socket)

    assert message["payload"]["data"]["threadStarted"] == {
        "title": "Evaluating",
        "pillars": ["ASSESSMENT"],
    }


async def test_a_foreign_origin_cannot_open_a_socket(db, live_server):
    with pytest.raises(websockets.exceptions.InvalidStatus):
        async with subscription(
            live_server, REPLY_ADDED, {"id": "x"}, origin="https://evil.example"
        ):
            pass


async def test_subscribe_before_init_delivers_nothing(db, live_server):
    async with websockets.connect(
        f"ws://{live_server}/graphql", subprotocols=["graphql-transport-ws"]
    ) as socket:
        await socket.send(
            json.dumps(
                {"id": "1", "type": "subscribe", "payload": {"query": "{ pillars { title } }"}}
            )
        )
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), 5)
    assert closed.value.rcvd.code == 4401


async def test_signing_out_stops_events_of_members_threads(
    client, db, settings, live_server, monkeypatch
):
    from server.schema import context

    monkeypatch.setattr(context, "VIEWER_RECHECK_SECONDS", 0.0)
    author = await make_member(db)
    thread = await make_thread(db, author=author, visibility=Visibility.MEMBERS)
    await sign_in(client, db, settings, author)
    cookie = cookie_of(client)

    async with subscription(
        live_server, REPLY_ADDED, {"id": gid("Thread", thread.id)}, cookie=cookie
    ) as socket:
        await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Seen"}})
        assert (await next_message(socket))["type"] == "next"
        await client.post("/auth/logout", headers={"accept": "application/json"})
        await sign_in(client, db, settings, author)  # a new session writes the next reply
        await gql(
            client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Unseen"}}
        )
        message = await next_message(socket)

    assert message["type"] == "complete"


async def test_a_ban_stops_the_banned_members_events_even_of_public_threads(
    client, db, settings, live_server, monkeypatch
):
    from server.schema import context
    from server.services import moderation
    from tests.factories import viewer_of

    monkeypatch.setattr(context, "VIEWER_RECHECK_SECONDS", 0.0)
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    banned = await make_member(db)
    await sign_in(client, db, settings, banned)
    cookie = cookie_of(client)
    client.cookies.clear()
    await sign_in(client, db, settings, author)

    async with subscription(
        live_server, REPLY_ADDED, {"id": gid("Thread", thread.id)}, cookie=cookie
    ) as socket:
        await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Seen"}})
        assert (await next_message(socket))["type"] == "next"
        moderator = await make_member(db, role=MemberRole.MODERATOR)
        async with db.write() as session:
            await moderation.set_banned(
                session, viewer_of(moderator), member_id=banned.id, banned=True, reason="Spam"
            )
        await gql(
            client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Unseen"}}
        )
        message = await next_message(socket)

    assert message["type"] == "complete"


async def test_replies_in_a_hidden_thread_do_not_reach_visitors(client, db, settings, live_server):
    from server.services import moderation
    from tests.factories import viewer_of

    author = await make_member(db)
    thread = await make_thread(db, author=author)
    await sign_in(client, db, settings, author)

    async with subscription(live_server, REPLY_ADDED, {"id": gid("Thread", thread.id)}) as socket:
        moderator = await make_member(db, role=MemberRole.MODERATOR)
        async with db.write() as session:
            opening = await session.scalar(
                sa.select(Post.id).where(Post.thread_id == thread.id, Post.position == 0)
            )
            await moderation.set_hidden(
                session, viewer_of(moderator), post_id=opening, hidden=True, reason="Spam"
            )
        # Its author still sees the thread and replies in it.
        replied = await gql(
            client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Hidden"}}
        )
        assert replied["reply"]["errors"] == []
        message = await next_message(socket)

    assert message["type"] == "complete"
