"""Live updates over graphql-transport-ws, as a real WebSocket client sees them."""

from __future__ import annotations

import asyncio
import json
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager

import pytest
import sqlalchemy as sa
import websockets
from sqlalchemy import event

from server import events
from server.config import Settings
from server.domain import MemberRole, Visibility
from server.models import Post, Thread
from server.schema.sockets import LOOKUP_CONNECTIONS
from tests.conftest import BASE_URL
from tests.factories import gid, make_member, make_thread, sign_in
from tests.support import counted, gql

REPLY_ADDED = """
subscription($id: ID!) { replyAdded(threadId: $id) { body isExpertReply author { displayName } } }
"""
THREAD_STARTED = """
subscription($filter: ThreadFilter) { threadStarted(filter: $filter) { title pillars } }
"""
REPLY = """
mutation($input: ReplyInput!) { reply(input: $input) { post { id } errors { message } } }
"""


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The test settings without the embedded background worker: it runs each write's
    notification fan-out at its own moment, and its statements would count among those that
    these tests measure (live delivery does not go through it)."""
    return settings.model_copy(update={"worker": "off"})


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


async def registered(app, channel: str, count: int, timeout: float = 5.0) -> None:
    """Wait until `count` subscriptions of `app` listen on `channel`: each is past its own
    checks (statements of its own) once it does."""
    async with asyncio.timeout(timeout):
        while app.state.broadcaster.subscriber_count(channel) != count:
            await asyncio.sleep(0.02)


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


async def test_each_receiver_is_authorised_when_a_thread_becomes_members_only(
    client, db, settings, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    await sign_in(client, db, settings, author)
    variables = {"id": gid("Thread", thread.id)}

    async with (
        subscription(live_server, REPLY_ADDED, variables, cookie=cookie_of(client)) as member,
        subscription(live_server, REPLY_ADDED, variables) as visitor,
    ):
        async with db.write() as session:
            await session.execute(sa.update(Thread).values(visibility="MEMBERS"))
        await gql(client, REPLY, {"input": {"threadId": variables["id"], "body": "Inside"}})
        to_member = await next_message(member)
        to_visitor = await next_message(visitor)

    assert to_member["payload"]["data"]["replyAdded"]["body"] == "Inside"
    assert to_visitor["type"] == "complete"


async def test_receivers_of_one_reply_each_get_the_fields_they_asked_for(
    client, db, settings, live_server
):
    author = await make_member(db, name="Ana")
    thread = await make_thread(db, author=author)
    await sign_in(client, db, settings, author)
    variables = {"id": gid("Thread", thread.id)}
    bodies = "subscription($id: ID!) { replyAdded(threadId: $id) { body } }"

    async with (
        subscription(live_server, REPLY_ADDED, variables) as first,
        subscription(live_server, bodies, variables) as second,
        subscription(live_server, REPLY_ADDED, variables) as third,
    ):
        await gql(client, REPLY, {"input": {"threadId": variables["id"], "body": "Shared"}})
        messages = [await next_message(socket) for socket in (first, second, third)]

    full = {"body": "Shared", "isExpertReply": False, "author": {"displayName": "Ana"}}
    assert [m["payload"]["data"]["replyAdded"] for m in messages] == [
        full,
        {"body": "Shared"},
        full,
    ]


@contextmanager
def connections_in_use(db):
    """The most pool connections checked out at once while the block runs."""
    pool = db.engine.sync_engine.pool
    state = {"now": 0, "most": 0}

    def checkout(*_args):
        state["now"] += 1
        state["most"] = max(state["most"], state["now"])

    def checkin(*_args):
        state["now"] -= 1

    event.listen(pool, "checkout", checkout)
    event.listen(pool, "checkin", checkin)
    try:
        yield state
    finally:
        event.remove(pool, "checkout", checkout)
        event.remove(pool, "checkin", checkin)


async def test_a_burst_of_subscriptions_holds_few_of_the_pools_connections(db, live_server):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    variables = {"id": gid("Thread", thread.id)}

    with connections_in_use(db) as connections:
        async with AsyncExitStack() as stack:
            sockets = await asyncio.gather(
                *(
                    stack.enter_async_context(subscription(live_server, REPLY_ADDED, variables))
                    for _ in range(30)
                )
            )
            assert len(sockets) == 30

    assert 0 < connections["most"] <= LOOKUP_CONNECTIONS


async def _statements_of_a_reply_to(
    subscribers: int, app, client, db, settings, live_server
) -> int:
    thread = await make_thread(db, author=await make_member(db))
    variables = {"id": gid("Thread", thread.id)}
    cookies = []
    for _ in range(subscribers):
        await sign_in(client, db, settings, await make_member(db))
        cookies.append(cookie_of(client))
    await sign_in(client, db, settings, await make_member(db))
    async with AsyncExitStack() as stack:
        sockets = [
            await stack.enter_async_context(
                subscription(live_server, REPLY_ADDED, variables, cookie=cookie)
            )
            for cookie in cookies
        ]
        await registered(app, events.replies_channel(thread.id), subscribers)
        with counted(db) as statements:
            await gql(client, REPLY, {"input": {"threadId": variables["id"], "body": "Hi"}})
            for socket in sockets:
                assert (await next_message(socket))["type"] == "next"
    return len(statements)


async def test_a_reply_costs_the_same_statements_for_one_and_for_many_subscribers(
    app, client, db, settings, live_server, monkeypatch
):
    from server.schema import context

    # Every event makes every receiver recheck who is signed in.
    monkeypatch.setattr(context, "VIEWER_RECHECK_SECONDS", 0.0)

    one = await _statements_of_a_reply_to(1, app, client, db, settings, live_server)
    many = await _statements_of_a_reply_to(6, app, client, db, settings, live_server)

    assert one == many


async def test_signing_out_stops_members_threads_reaching_a_new_threads_subscriber(
    client, db, settings, live_server, monkeypatch
):
    from server.schema import context

    monkeypatch.setattr(context, "VIEWER_RECHECK_SECONDS", 0.0)
    subscriber = await make_member(db)
    await sign_in(client, db, settings, subscriber)
    cookie = cookie_of(client)
    start = """mutation($input: StartThreadInput!) { startThread(input: $input) { errors { message } } }"""

    async with subscription(live_server, THREAD_STARTED, {}, cookie=cookie) as socket:
        await client.post("/auth/logout", headers={"accept": "application/json"})
        await sign_in(client, db, settings, await make_member(db))
        for title, visibility in [("Members only", "MEMBERS"), ("Open to all", "PUBLIC")]:
            await gql(
                client,
                start,
                {
                    "input": {
                        "kind": "DISCUSSION",
                        "title": title,
                        "body": "b",
                        "pillars": ["ASSESSMENT"],
                        "visibility": visibility,
                    }
                },
            )
        message = await next_message(socket)

    assert message["payload"]["data"]["threadStarted"]["title"] == "Open to all"
