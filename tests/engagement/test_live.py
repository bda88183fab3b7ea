"""notificationAdded: live over graphql-transport-ws, in one process and across processes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re

import pytest
import sqlalchemy as sa

from server import events
from server.domain import MemberRole
from server.models import Notification, Thread, record_columns
from server.services import fanout, notifications
from server.services.notifications import NOTIFICATIONS_CHANNEL
from tests.api.test_redis_scaleout import both_up, instance
from tests.api.test_subscriptions import cookie_of, next_message, subscription
from tests.engagement.support import follow, notifications_of, reply, run_jobs
from tests.factories import gid, make_member, make_reply, make_thread, sign_in
from tests.support import REDIS_URL, require_redis

NOTIFICATION_ADDED = """
subscription { notificationAdded { reason text thread { title } actor { displayName } } }
"""


async def test_a_follower_hears_of_a_reply_live(app, db, settings, signed_in, live_server):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Mission budgets")
    follower = await make_member(db)
    follower_client = await signed_in(follower)
    await follow(follower_client, thread=gid("Thread", thread.id))
    bystander_client = await signed_in(await make_member(db))
    replier = await signed_in(await make_member(db, name="Amara Okafor"))

    async with (
        subscription(
            live_server, NOTIFICATION_ADDED, {}, cookie=cookie_of(follower_client)
        ) as socket,
        subscription(
            live_server, NOTIFICATION_ADDED, {}, cookie=cookie_of(bystander_client)
        ) as bystander,
    ):
        await reply(replier, thread.id)
        await run_jobs(app, settings, db)
        message = await next_message(socket)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(bystander.recv(), 0.5)

    assert message["payload"]["data"]["notificationAdded"] == {
        "reason": "REPLY",
        "text": "Amara Okafor replied to Mission budgets",
        "thread": {"title": "Mission budgets"},
        "actor": {"displayName": "Amara Okafor"},
    }


SHARED = "subscription { notificationAdded { id reason thread { title } } }"
SHARED_WITH_POST = (
    "subscription { notificationAdded { id thread { title } post { id } actor { displayName } } }"
)
# Thread.replies takes arguments: this document runs for each receiver alone.
ALONE = """
subscription { notificationAdded { id thread { title replies(first: 1) { nodes { id } } } } }
"""


async def test_every_receiver_of_one_event_gets_their_own_notification(
    app, db, settings, signed_in, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Hidden budgets")
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    members = [await make_member(db) for _ in range(2)]
    clients = {m.id: await signed_in(m) for m in (author, moderator, *members)}
    for member in (moderator, *members):
        await follow(clients[member.id], thread=gid("Thread", thread.id))
    replier = await signed_in(await make_member(db, role=MemberRole.MODERATOR))
    documents = {author.id: SHARED, moderator.id: SHARED, members[0].id: SHARED}
    documents[members[1].id] = ALONE
    told = (author.id, moderator.id)  # of the reply once the thread is hidden

    async with contextlib.AsyncExitStack() as stack:
        sockets = {
            member_id: await stack.enter_async_context(
                subscription(live_server, document, {}, cookie=cookie_of(clients[member_id]))
            )
            for member_id, document in documents.items()
        }
        await reply(replier, thread.id)
        await run_jobs(app, settings, db)
        got = {m: (await next_message(s))["payload"]["data"] for m, s in sockets.items()}
        listed = {
            m: (await notifications_of(c))["notifications"]["nodes"] for m, c in clients.items()
        }
        # Hidden now: only its author and moderators hear of it, and see it.
        async with db.write() as session:
            await session.execute(
                sa.update(Thread).where(Thread.id == thread.id).values(hidden_at=sa.func.now())
            )
        await reply(replier, thread.id)
        await run_jobs(app, settings, db)
        hidden = {m: (await next_message(sockets[m]))["payload"]["data"] for m in told}

    for member_id, data in got.items():
        assert [data["notificationAdded"]["id"]] == [n["id"] for n in listed[member_id]]
        assert data["notificationAdded"]["thread"]["title"] == "Hidden budgets"
    assert len({data["notificationAdded"]["id"] for data in got.values()}) == 4
    for member_id, data in hidden.items():
        [newest, *_] = (await notifications_of(clients[member_id]))["notifications"]["nodes"]
        assert data["notificationAdded"]["id"] == newest["id"]
        assert data["notificationAdded"]["thread"]["title"] == "Hidden budgets"


# The loaders' look-ups by id (server.services.lookups, notifications_by_id).
LOOKUP_BY_ID = re.compile(r"WHERE (notifications|threads|posts)\.id IN", re.IGNORECASE)


async def test_receivers_in_the_workers_process_render_from_the_rows_the_fan_out_read(
    app, db, settings, signed_in, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Primed budgets")
    followers = [await make_member(db) for _ in range(2)]
    clients = [await signed_in(member) for member in followers]
    for client in clients:
        await follow(client, thread=gid("Thread", thread.id))
    replier = await signed_in(await make_member(db, name="Ines Writer"))
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    async with contextlib.AsyncExitStack() as stack:
        sockets = [
            await stack.enter_async_context(
                subscription(live_server, SHARED_WITH_POST, {}, cookie=cookie_of(client))
            )
            for client in clients
        ]
        await reply(replier, thread.id)
        sa.event.listen(db.engine.sync_engine, "before_cursor_execute", record)
        try:
            await run_jobs(app, settings, db)
            got = [(await next_message(socket))["payload"]["data"] for socket in sockets]
        finally:
            sa.event.remove(db.engine.sync_engine, "before_cursor_execute", record)
        listed = [(await notifications_of(client))["notifications"]["nodes"] for client in clients]

    # Each their own notification, about the thread and the reply, as the list has it...
    for data, nodes in zip(got, listed, strict=True):
        assert data["notificationAdded"]["id"] == nodes[0]["id"]
        assert data["notificationAdded"]["thread"]["title"] == "Primed budgets"
        assert data["notificationAdded"]["post"]["id"] is not None
        assert data["notificationAdded"]["actor"]["displayName"] == "Ines Writer"
    # ... and nothing the fan-out had read or made was looked up again to tell them.
    assert [s for s in statements if LOOKUP_BY_ID.search(s)] == []


async def test_an_event_carries_its_first_notification_as_stored_and_another_process_loads_it(
    db,
):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Carried budgets")
    replier = await make_member(db)
    post = await make_reply(db, thread=thread, author=replier)
    async with db.write() as session:
        await fanout.run(session, {"event": "reply", "post": post.id, "mentions": []})
        [made] = [e for e in events.take(session) if e.channel == NOTIFICATIONS_CHANNEL]
    # What crosses to another process: the channel and the ids, no rows.
    received = events.Event(made.channel, json.loads(json.dumps(made.data)))
    async with db.read() as session:
        loaded = await notifications.load_event_rows(session, received)
        first = min(made.data["notifications"].values())
        stored = (
            await session.execute(
                sa.select(*record_columns(Notification)).where(Notification.id == first)
            )
        ).one()

    # The thread's author follows it; the replier is not told of their own reply.
    assert [int(m) for m in made.data["notifications"]] == [author.id]
    for rows in (made.rows, loaded.rows):
        assert sorted(rows) == ["actor", "notification", "post", "thread"]
        assert {k: getattr(rows["notification"], k) for k in stored._fields} == stored._asdict()
        assert (rows["thread"].id, rows["post"].id, rows["actor"].id) == (
            thread.id,
            post.id,
            replier.id,
        )


async def test_a_visitor_cannot_subscribe_to_notifications(live_server):
    async with subscription(live_server, NOTIFICATION_ADDED, {}) as socket:
        message = await next_message(socket)
    assert message["type"] == "error" or message["payload"].get("errors")


@pytest.mark.redis
async def test_notifications_made_in_one_process_reach_a_subscriber_of_another(
    db, settings, database_url
):
    await require_redis()
    from tests.api.test_redis_scaleout import with_redis

    shared = with_redis(settings, REDIS_URL)
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Shared budgets")
    follower = await make_member(db)
    replier = await make_member(db, name="Ana Writer")
    async with instance(shared, database_url) as a, instance(shared, database_url) as b:
        await both_up(a, b)
        await sign_in(a.http, db, shared, replier)
        await sign_in(b.http, db, shared, follower)
        await follow(b.http, thread=gid("Thread", thread.id))
        async with subscription(
            b.address, NOTIFICATION_ADDED, {}, cookie=cookie_of(b.http)
        ) as socket:
            await reply(a.http, thread.id)
            # The worker of process A makes the notification and publishes it.
            await run_jobs(a.app, shared, db)
            message = await next_message(socket)

    assert message["payload"]["data"]["notificationAdded"]["text"] == (
        "Ana Writer replied to Shared budgets"
    )
