"""Following threads, pillars, organisation types, topics and organisations, over HTTP."""

from __future__ import annotations

import sqlalchemy as sa

from server.domain import Visibility
from server.ids import row_id
from server.models import Follow
from tests.engagement.support import (
    FOLLOW,
    FOLLOWS,
    SETTINGS,
    START,
    UNFOLLOW,
    UPDATE_SETTINGS,
    follow,
    reply,
)
from tests.factories import gid, make_member, make_organisation, make_thread
from tests.support import error_codes, gql

THREAD_FOLLOWED = "query($id: ID!) { node(id: $id) { ... on Thread { viewerFollows } } }"


async def follow_count(db) -> int:
    async with db.read() as session:
        return int(await session.scalar(sa.select(sa.func.count()).select_from(Follow)) or 0)


async def test_a_member_follows_a_thread_once_however_often_they_ask(db, signed_in):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Green guarantees")
    reader = await signed_in(await make_member(db))

    first = await follow(reader, thread=gid("Thread", thread.id))
    again = await follow(reader, thread=gid("Thread", thread.id))

    assert first == again
    assert first["thread"] == {"id": gid("Thread", thread.id)}
    assert await follow_count(db) == 2  # the author's own (auto-follow) and the reader's
    followed = await gql(reader, THREAD_FOLLOWED, {"id": gid("Thread", thread.id)})
    assert followed["node"]["viewerFollows"] is True


async def test_each_kind_of_target_can_be_followed_listed_and_unfollowed(db, signed_in):
    organisation = await make_organisation(db, name="Banco Verde")
    author = await make_member(db, organisation=organisation)
    thread = await make_thread(db, author=author, title="Risk sharing")
    reader = await signed_in(await make_member(db))
    targets = [
        {"thread": gid("Thread", thread.id)},
        {"pillar": "RISKS_AND_REWARDS"},
        {"organisationType": "PUBLIC_BANK"},
        {"topic": "  Procurement "},
        {"organisation": gid("Organisation", organisation.id)},
    ]
    for target in targets:
        await follow(reader, **target)

    listed = (await gql(reader, FOLLOWS, {"first": 10}))["follows"]
    assert listed["totalCount"] == 5
    # Newest first.
    assert [
        (n["thread"] or {}).get("title")
        or n["pillar"]
        or n["organisationType"]
        or n["topic"]
        or n["organisation"]["name"]
        for n in listed["nodes"]
    ] == ["Banco Verde", "procurement", "PUBLIC_BANK", "RISKS_AND_REWARDS", "Risk sharing"]

    page = (await gql(reader, FOLLOWS, {"first": 2}))["follows"]
    rest = await gql(reader, FOLLOWS, {"first": 10, "after": page["pageInfo"]["endCursor"]})
    assert len(page["nodes"]) + len(rest["follows"]["nodes"]) == 5

    for target in targets:
        removed = await gql(reader, UNFOLLOW, {"input": target})
        assert removed["unfollow"] == {"removed": True, "errors": []}
    again = await gql(reader, UNFOLLOW, {"input": targets[1]})
    assert again["unfollow"] == {"removed": False, "errors": []}
    assert (await gql(reader, FOLLOWS))["follows"]["totalCount"] == 0


async def test_bad_targets_are_field_errors_and_follow_nothing(db, signed_in):
    author = await make_member(db)
    hidden = await make_thread(db, author=author)
    async with db.write() as session:
        await session.execute(
            sa.text("UPDATE threads SET hidden_at = CURRENT_TIMESTAMP WHERE id = :id"),
            {"id": hidden.id},
        )
    reader = await signed_in(await make_member(db))
    before = await follow_count(db)
    cases = [
        ({}, ["input"], "REQUIRED"),
        ({"pillar": "ASSESSMENT", "topic": "finance"}, ["input"], "REQUIRED"),
        ({"thread": "not-an-id"}, ["input", "thread"], "INVALID"),
        ({"thread": gid("Thread", 999_999)}, ["input", "thread"], "INVALID"),
        ({"thread": gid("Post", 1)}, ["input", "thread"], "INVALID"),
        ({"thread": gid("Thread", hidden.id)}, ["input", "thread"], "INVALID"),
        ({"organisation": gid("Organisation", 999_999)}, ["input", "organisation"], "INVALID"),
        ({"topic": "not a topic!"}, ["input", "topic"], "INVALID"),
    ]
    for target, field, code in cases:
        data = await gql(reader, FOLLOW, {"input": target})
        assert data["follow"]["follow"] is None, target
        [error] = data["follow"]["errors"]
        assert (error["field"], error["code"]) == (field, code), target
        assert error["message"]

    assert await follow_count(db) == before


async def test_visitors_cannot_follow_and_follow_nothing(db, client):
    author = await make_member(db)
    thread = await make_thread(db, author=author)

    body = await gql(client, FOLLOW, {"input": {"thread": gid("Thread", thread.id)}}, errors=True)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    body = await gql(client, FOLLOWS, errors=True)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    followed = await gql(client, THREAD_FOLLOWED, {"id": gid("Thread", thread.id)})
    assert followed["node"]["viewerFollows"] is False


async def test_starting_and_replying_follow_the_thread_unless_auto_follow_is_off(db, signed_in):
    starter = await signed_in(await make_member(db))
    started = await gql(
        starter,
        START,
        {
            "input": {
                "kind": "CHALLENGE",
                "title": "Mission budgets",
                "body": "How?",
                "pillars": ["ASSESSMENT"],
            }
        },
    )
    thread = started["startThread"]["thread"]
    assert thread["viewerFollows"] is True

    replier = await signed_in(await make_member(db))
    quiet = await signed_in(await make_member(db))
    settings = await gql(quiet, UPDATE_SETTINGS, {"input": {"autoFollow": False}})
    assert settings["updateNotificationSettings"]["settings"] == {
        "emailFrequency": "DAILY",
        "autoFollow": False,
    }
    thread_id = row_id(thread["id"], "Thread")
    assert thread_id is not None
    await reply(replier, thread_id)
    await reply(quiet, thread_id)

    for client, follows in ((replier, True), (quiet, False)):
        data = await gql(client, THREAD_FOLLOWED, {"id": thread["id"]})
        assert data["node"]["viewerFollows"] is follows


async def test_settings_have_defaults_and_refuse_unknown_values(db, signed_in, client):
    member = await signed_in(await make_member(db))
    assert (await gql(member, SETTINGS))["notificationSettings"] == {
        "emailFrequency": "DAILY",
        "autoFollow": True,
    }
    body = await gql(member, UPDATE_SETTINGS, {"input": {"emailFrequency": "HOURLY"}}, errors=True)
    assert body.get("errors") and "HOURLY" in body["errors"][0]["message"]
    changed = await gql(member, UPDATE_SETTINGS, {"input": {"emailFrequency": "WEEKLY"}})
    assert changed["updateNotificationSettings"]["settings"]["emailFrequency"] == "WEEKLY"
    assert (await gql(member, SETTINGS))["notificationSettings"]["emailFrequency"] == "WEEKLY"
    assert error_codes(await gql(client, SETTINGS, errors=True)) == ["UNAUTHENTICATED"]


async def test_a_members_only_thread_can_be_followed_by_members(db, signed_in):
    author = await make_member(db)
    thread = await make_thread(db, author=author, visibility=Visibility.MEMBERS)
    reader = await signed_in(await make_member(db))
    followed = await follow(reader, thread=gid("Thread", thread.id))
    assert followed["thread"] == {"id": gid("Thread", thread.id)}


VIEWER_FOLLOW = """
query($target: FollowTarget!) { viewerFollow(target: $target) { id pillar topic organisation { id } } }
"""


async def test_viewer_follow_tells_a_follow_button_whether_each_target_is_followed(
    db, signed_in, client
):
    organisation = await make_organisation(db, name="Banco Verde")
    reader = await signed_in(await make_member(db))
    targets = [
        {"pillar": "RISKS_AND_REWARDS"},
        {"organisationType": "PUBLIC_BANK"},
        {"topic": "procurement"},
        {"organisation": gid("Organisation", organisation.id)},
    ]
    for target in targets:
        before = await gql(reader, VIEWER_FOLLOW, {"target": target})
        assert before["viewerFollow"] is None, target
        made = await follow(reader, **target)
        after = await gql(reader, VIEWER_FOLLOW, {"target": target})
        assert after["viewerFollow"]["id"] == made["id"], target
        # A visitor follows nothing, and another member's follows are not theirs.
        assert (await gql(client, VIEWER_FOLLOW, {"target": target}))["viewerFollow"] is None
        other = await signed_in(await make_member(db))
        assert (await gql(other, VIEWER_FOLLOW, {"target": target}))["viewerFollow"] is None

    # The topic is matched as `follow` stores it; a bad target is a clear error.
    spaced = await gql(reader, VIEWER_FOLLOW, {"target": {"topic": " Procurement "}})
    assert spaced["viewerFollow"]["topic"] == "procurement"
    for bad in ({"topic": "no spaces allowed"}, {"organisation": "nonsense"}, {}):
        body = await gql(reader, VIEWER_FOLLOW, {"target": bad}, errors=True)
        assert error_codes(body) == ["BAD_USER_INPUT"], (bad, body)
