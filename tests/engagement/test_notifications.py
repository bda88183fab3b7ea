"""Notifications: made after the commit by the worker, for whom they are, and read."""

from __future__ import annotations

import sqlalchemy as sa

from server.domain import FollowKind, MemberRole, RoarPillar, Visibility
from server.models import Follow, Member, Notification, OutboxJob, Post, Thread
from server.services import fanout
from tests.engagement.support import (
    ACCEPT,
    MARK_READ,
    follow,
    notifications_of,
    reply,
    run_jobs,
)
from tests.factories import gid, make_member, make_organisation, make_reply, make_thread
from tests.support import counted, gql


async def notification_rows(db) -> list[tuple[int, str, str]]:
    async with db.read() as session:
        rows = await session.execute(
            sa.select(Notification.member_id, Notification.reason, Notification.event_key).order_by(
                Notification.member_id, Notification.id
            )
        )
        return [tuple(row) for row in rows]


async def test_a_reply_notifies_the_threads_followers_after_the_commit(
    app, db, settings, signed_in
):
    author = await make_member(db, name="Lena Vogel")
    thread = await make_thread(db, author=author, title="Sharing upside from green guarantees")
    follower = await make_member(db)
    follower_client = await signed_in(follower)
    await follow(follower_client, thread=gid("Thread", thread.id))
    replier = await signed_in(await make_member(db, name="Amara Okafor"))

    post_id = await reply(replier, thread.id, "We capped the upside at 3x.")
    # The reply's request made no notification: the worker does, after the commit.
    assert await notification_rows(db) == []
    # The thread's start and the reply's fan-out, and the e-mail of the notifications made.
    assert await run_jobs(app, settings, db) == 3

    seen = await notifications_of(follower_client)
    assert seen["unreadNotificationCount"] == 1
    [notification] = seen["notifications"]["nodes"]
    assert notification["reason"] == "REPLY"
    assert notification["text"] == "Amara Okafor replied to Sharing upside from green guarantees"
    assert notification["thread"] == {
        "id": gid("Thread", thread.id),
        "title": "Sharing upside from green guarantees",
    }
    assert notification["post"] == {"id": post_id}
    assert notification["actor"] == {"displayName": "Amara Okafor"}
    assert notification["readAt"] is None
    assert (
        notification["url"] == f"{settings.public_url}/t/{gid('Thread', thread.id)}#post-{post_id}"
    )
    # The author follows their own thread; the replier (now following too) is not told of
    # their own reply.
    author_client = await signed_in(author)
    assert (await notifications_of(author_client))["unreadNotificationCount"] == 1
    assert (await notifications_of(replier))["notifications"]["nodes"] == []


async def test_a_researchers_reply_is_an_expert_reply(app, db, settings, signed_in):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    researcher = await signed_in(await make_member(db, role=MemberRole.RESEARCHER, name="Dr Reyes"))
    await reply(researcher, thread.id)
    await run_jobs(app, settings, db)

    [notification] = (await notifications_of(await signed_in(author)))["notifications"]["nodes"]
    assert notification["reason"] == "EXPERT_REPLY"
    assert notification["text"].startswith("Dr Reyes (researcher) replied to")


async def test_a_new_thread_notifies_each_matching_follower_once(app, db, settings, signed_in):
    bank = await make_organisation(db, name="Banco Verde")
    author = await make_member(db, organisation=bank, name="Ines Prado")
    several = await make_member(db)
    several_client = await signed_in(several)
    for target in (
        {"pillar": "RISKS_AND_REWARDS"},
        {"organisationType": "PUBLIC_BANK"},
        {"topic": "guarantees"},
        {"organisation": gid("Organisation", bank.id)},
    ):
        await follow(several_client, **target)
    topic_only = await signed_in(await make_member(db))
    await follow(topic_only, topic="guarantees")
    elsewhere = await signed_in(await make_member(db))
    await follow(elsewhere, pillar="ASSESSMENT")

    thread = await make_thread(
        db,
        author=author,
        title="First-loss guarantees",
        pillars=[RoarPillar.RISKS_AND_REWARDS],
        topics=["guarantees"],
    )
    await run_jobs(app, settings, db)

    [notification] = (await notifications_of(several_client))["notifications"]["nodes"]
    assert notification["reason"] == "NEW_THREAD"
    assert notification["text"] == "Ines Prado started First-loss guarantees"
    assert notification["thread"]["id"] == gid("Thread", thread.id)
    assert len((await notifications_of(topic_only))["notifications"]["nodes"]) == 1
    assert (await notifications_of(elsewhere))["notifications"]["nodes"] == []
    # The author follows nothing of their own making yet but the thread: no notification.
    assert (await notifications_of(await signed_in(author)))["notifications"]["nodes"] == []


async def test_nobody_hears_of_what_they_may_not_read(app, db, settings, signed_in):
    author = await make_member(db)
    thread = await make_thread(db, author=author, visibility=Visibility.MEMBERS)
    plain = await make_member(db)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    banned_follower = await make_member(db)
    for member in (plain, moderator, banned_follower):
        await follow(await signed_in(member), thread=gid("Thread", thread.id))
    async with db.write() as session:
        await session.execute(
            sa.update(Member)
            .where(Member.id == banned_follower.id)
            .values(banned_at=sa.func.now(), banned_reason="spam")
        )

    # A reply hidden by a moderator before the worker got to it: moderators only.
    replier = await make_member(db)
    hidden = await make_reply(db, thread=thread, author=replier, body="Hidden soon")
    async with db.write() as session:
        await session.execute(
            sa.update(Post).where(Post.id == hidden.id).values(hidden_at=sa.func.now())
        )
    # A reply by a member banned meanwhile: moderators only as well.
    banned_author = await make_member(db)
    await make_reply(db, thread=thread, author=banned_author, body="By the banned")
    async with db.write() as session:
        await session.execute(
            sa.update(Member)
            .where(Member.id == banned_author.id)
            .values(banned_at=sa.func.now(), banned_reason="spam")
        )
    # And one everyone who follows may read.
    await make_reply(db, thread=thread, author=replier, body="Fine")
    await run_jobs(app, settings, db)

    rows = await notification_rows(db)
    told = {}
    for member_id, _reason, _key in rows:
        told[member_id] = told.get(member_id, 0) + 1
    assert told == {author.id: 1, plain.id: 1, moderator.id: 3}
    # The thread's author replied to nothing; the replier never hears of their own replies.


async def test_the_author_of_a_hidden_thread_still_hears_of_its_replies(
    app, db, settings, signed_in
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    plain = await make_member(db)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    for member in (plain, moderator):
        await follow(await signed_in(member), thread=gid("Thread", thread.id))
    async with db.write() as session:
        await session.execute(
            sa.update(Thread).where(Thread.id == thread.id).values(hidden_at=sa.func.now())
        )

    await make_reply(db, thread=thread, author=await make_member(db, role=MemberRole.MODERATOR))
    await run_jobs(app, settings, db)

    # Its author sees a hidden thread, as moderators do; other members do not.
    assert {member for member, _, _ in await notification_rows(db)} == {author.id, moderator.id}


async def test_a_fan_out_costs_the_same_statements_for_3_and_30_followers(app, db, settings):
    counts = []
    for followers in (3, 30):
        thread = await make_thread(db, author=await make_member(db))
        members = [await make_member(db, with_organisation=False) for _ in range(followers)]
        async with db.write() as session:
            session.add_all(
                Follow(member_id=m.id, kind=FollowKind.THREAD, key=str(thread.id)) for m in members
            )
        post = await make_reply(db, thread=thread, author=await make_member(db))
        with counted(db) as statements:
            async with db.write() as session:
                made = await fanout.run(
                    session, {"event": "reply", "post": post.id, "mentions": []}
                )
        assert len(made) == followers + 1  # and the thread's author
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


async def test_a_mention_notifies_the_member_named_and_links_the_name(app, db, settings, signed_in):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Capabilities")
    amara = await make_member(db, name="Amara Okafor")
    await make_member(db, name="Amara")  # a shorter name that must not win
    writer = await signed_in(await make_member(db, name="Jon Berg"))

    data = await gql(
        writer,
        """mutation($input: ReplyInput!) { reply(input: $input) { post { bodyHtml } } }""",
        {
            "input": {
                "threadId": gid("Thread", thread.id),
                "body": "Ask @Amara Okafor, and @Nobody Here. Not `@Amara Okafor` in code.",
            }
        },
    )
    html = data["reply"]["post"]["bodyHtml"]
    assert f'data-member="{gid("Member", amara.id)}"' in html
    assert ">@Amara Okafor</a>" in html
    assert "@Nobody Here" in html and html.count('class="mention"') == 1
    await run_jobs(app, settings, db)

    amara_client = await signed_in(amara)
    [notification] = (await notifications_of(amara_client))["notifications"]["nodes"]
    assert notification["reason"] == "MENTION"
    assert notification["text"] == "Jon Berg mentioned you in Capabilities"
    # The thread's author follows it: told of a reply, once.
    reasons = [r for m, r, _ in await notification_rows(db) if m == author.id]
    assert reasons == ["REPLY"]


async def test_a_mentioned_follower_is_told_once_as_a_mention(app, db, settings, signed_in):
    author = await make_member(db, name="Kofi Mensah")
    thread = await make_thread(db, author=author)
    writer = await signed_in(await make_member(db))
    await reply(writer, thread.id, "Thanks @Kofi Mensah!")
    await run_jobs(app, settings, db)

    assert [r for m, r, _ in await notification_rows(db) if m == author.id] == ["MENTION"]


async def test_an_accepted_answer_notifies_the_followers(app, db, settings, signed_in):
    author = await make_member(db, name="Lena Vogel")
    thread = await make_thread(db, author=author, title="Portfolio metrics")
    replier = await make_member(db)
    answer = await make_reply(db, thread=thread, author=replier)
    await run_jobs(app, settings, db)

    await gql(await signed_in(author), ACCEPT, {"input": {"postId": gid("Post", answer.id)}})
    await run_jobs(app, settings, db)

    [latest, *_] = (await notifications_of(await signed_in(replier)))["notifications"]["nodes"]
    assert latest["reason"] == "ANSWER_ACCEPTED"
    assert latest["text"] == "Lena Vogel accepted an answer in Portfolio metrics"


async def test_a_fan_out_run_twice_makes_nothing_twice(app, db, settings):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    replier = await make_member(db)
    post = await make_reply(db, thread=thread, author=replier)
    payload = {"event": "reply", "post": post.id, "mentions": []}

    for _ in range(2):
        async with db.write() as session:
            await fanout.run(session, payload)

    assert await notification_rows(db) == [(author.id, "REPLY", f"post:{post.id}")]


async def test_marking_read_counts_down_and_refuses_anyone_elses(app, db, settings, signed_in):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    other = await make_member(db)
    other_thread = await make_thread(db, author=other)
    replier = await make_member(db)
    for _ in range(3):
        await make_reply(db, thread=thread, author=replier)
    await make_reply(db, thread=other_thread, author=replier)
    await run_jobs(app, settings, db)
    author_client = await signed_in(author)
    mine = (await notifications_of(author_client))["notifications"]["nodes"]
    [theirs] = (await notifications_of(await signed_in(other)))["notifications"]["nodes"]

    refused = await gql(author_client, MARK_READ, {"input": {"ids": [mine[0]["id"], theirs["id"]]}})
    assert refused["markNotificationsRead"]["unreadNotificationCount"] == 3
    [error] = refused["markNotificationsRead"]["errors"]
    assert (error["field"], error["code"]) == (["input", "ids"], "INVALID")
    assert "text" not in error["message"]  # nothing of the other's notification is told
    junk = await gql(author_client, MARK_READ, {"input": {"ids": ["junk"]}})
    assert junk["markNotificationsRead"]["errors"][0]["field"] == ["input", "ids"]

    one = await gql(author_client, MARK_READ, {"input": {"ids": [mine[0]["id"]]}})
    assert one["markNotificationsRead"] == {"unreadNotificationCount": 2, "errors": []}
    unread = await notifications_of(author_client, unreadOnly=True)
    assert [n["id"] for n in unread["notifications"]["nodes"]] == [m["id"] for m in mine[1:]]
    every = await gql(author_client, MARK_READ, {"input": {}})
    assert every["markNotificationsRead"] == {"unreadNotificationCount": 0, "errors": []}
    # The other member's stays unread.
    assert (await notifications_of(await signed_in(other)))["unreadNotificationCount"] == 1


async def test_a_visitor_has_no_notifications(client, db):
    body = await gql(client, "{ notifications { totalCount } }", errors=True)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await gql(client, "{ unreadNotificationCount }"))["unreadNotificationCount"] == 0


async def test_a_reply_queues_one_job_in_its_own_transaction(db, signed_in):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    await reply(await signed_in(await make_member(db)), thread.id)
    async with db.read() as session:
        kinds = list(await session.scalars(sa.select(OutboxJob.kind)))
    assert kinds.count(fanout.FAN_OUT) == 2  # the thread's start, and the reply


async def test_opening_a_thread_marks_its_notifications_read(app, db, settings, signed_in):
    author = await make_member(db)
    first = await make_thread(db, author=author)
    second = await make_thread(db, author=author)
    replier = await make_member(db)
    for thread in (first, second, first):
        await make_reply(db, thread=thread, author=replier)
    await run_jobs(app, settings, db)
    client = await signed_in(author)

    marked = await gql(client, MARK_READ, {"input": {"threadId": gid("Thread", first.id)}})
    assert marked["markNotificationsRead"] == {"unreadNotificationCount": 1, "errors": []}
    [left] = (await notifications_of(client, unreadOnly=True))["notifications"]["nodes"]
    assert left["thread"]["id"] == gid("Thread", second.id)
