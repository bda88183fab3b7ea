"""Moderation over HTTP: hiding posts (and threads) and banning members.

What SECURITY.md promises is checked from the outside: a hidden post is not there for
visitors and members (node, replies, acceptedReply, counts, search), and a banned
member's cookie signs nobody in and every write says why.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from server.domain import MemberRole, Visibility
from server.models import AuthSession, Post
from server.services.validation import REASON_MAX
from tests.api.test_threads_mutations import ACCEPT, REPLY, START, start_input
from tests.factories import gid, make_member, make_reply, make_thread, sign_in
from tests.support import error_codes, gql

HIDE = """
mutation Hide($input: HidePostInput!) {
  hidePost(input: $input) { post { id hidden hiddenReason } errors { field message code } }
}
"""
UNHIDE = """
mutation Unhide($input: UnhidePostInput!) {
  unhidePost(input: $input) { post { id hidden hiddenReason } errors { field message code } }
}
"""
BAN = """
mutation Ban($input: BanMemberInput!) {
  banMember(input: $input) { member { id banned } errors { field message code } }
}
"""
UNBAN = """
mutation Unban($input: UnbanMemberInput!) {
  unbanMember(input: $input) { member { id banned } errors { field message code } }
}
"""
THREAD = """
query Thread($id: ID!) {
  node(id: $id) {
    ... on Thread {
      replyCount expertReplyCount hidden
      acceptedReply { id }
      replies(first: 50) { totalCount nodes { id body hidden hiddenReason } }
    }
  }
}
"""
NODE_POST = "query($id: ID!) { node(id: $id) { ... on Post { id body hidden } } }"
SEARCH = """
query($q: String!) {
  threads(filter: { search: $q }) { totalCount nodes { id } }
}
"""
FEED = "{ threads { totalCount nodes { id } } threadCounts { count } }"
VIEWER = "{ viewer { id } }"


@pytest.fixture
async def forum(db):
    """A public thread by `author` with a researcher's reply (to be hidden) and another."""
    author = await make_member(db)
    researcher = await make_member(db, role=MemberRole.RESEARCHER)
    thread = await make_thread(db, author=author, title="Buying for missions")
    bad = await make_reply(db, thread=thread, author=researcher, body="zanzibar spam offer")
    good = await make_reply(db, thread=thread, author=author, body="A useful answer.")
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    return {
        "author": author,
        "researcher": researcher,
        "thread": thread,
        "bad": bad,
        "good": good,
        "moderator": moderator,
    }


async def as_member(client, db, settings, member) -> None:
    client.cookies.clear()
    await sign_in(client, db, settings, member)


async def hide(client, post_id: int, reason: str = "Advertising") -> dict:
    data = await gql(client, HIDE, {"input": {"postId": gid("Post", post_id), "reason": reason}})
    return data["hidePost"]


async def thread_as_seen(client, thread_id: int) -> dict | None:
    return (await gql(client, THREAD, {"id": gid("Thread", thread_id)}))["node"]


# --- hiding posts -----------------------------------------------------------------------


async def test_a_hidden_reply_is_gone_for_visitors_and_members_but_marked_for_moderators(
    client, db, settings, forum
):
    await as_member(client, db, settings, forum["moderator"])

    payload = await hide(client, forum["bad"].id)

    assert payload == {
        "post": {"id": gid("Post", forum["bad"].id), "hidden": True, "hiddenReason": "Advertising"},
        "errors": [],
    }
    seen = await thread_as_seen(client, forum["thread"].id)
    assert [(p["body"], p["hidden"], p["hiddenReason"]) for p in seen["replies"]["nodes"]] == [
        ("zanzibar spam offer", True, "Advertising"),
        ("A useful answer.", False, None),
    ]
    assert seen["replies"]["totalCount"] == 2
    # Counts show what everyone is shown, moderators included.
    assert (seen["replyCount"], seen["expertReplyCount"]) == (1, 0)

    for viewer in (None, await make_member(db)):
        client.cookies.clear()
        if viewer is not None:
            await sign_in(client, db, settings, viewer)
        seen = await thread_as_seen(client, forum["thread"].id)
        assert [p["body"] for p in seen["replies"]["nodes"]] == ["A useful answer."]
        assert seen["replies"]["totalCount"] == 1
        assert (seen["replyCount"], seen["expertReplyCount"]) == (1, 0)
        node = await gql(client, NODE_POST, {"id": gid("Post", forum["bad"].id)})
        assert node["node"] is None


async def test_the_author_of_a_hidden_reply_still_sees_it_marked_without_the_reason(
    client, db, settings, forum
):
    await as_member(client, db, settings, forum["moderator"])
    await hide(client, forum["bad"].id, "Off topic")

    await as_member(client, db, settings, forum["researcher"])
    seen = await thread_as_seen(client, forum["thread"].id)
    node = await gql(client, NODE_POST, {"id": gid("Post", forum["bad"].id)})

    assert [(p["hidden"], p["hiddenReason"]) for p in seen["replies"]["nodes"]] == [
        (True, None),
        (False, None),
    ]
    assert seen["replies"]["totalCount"] == 2
    assert node["node"]["hidden"] is True


async def test_search_never_matches_a_hidden_posts_words_until_it_is_shown_again(
    client, db, settings, forum
):
    assert (await gql(client, SEARCH, {"q": "zanzibar"}))["threads"]["totalCount"] == 1
    await as_member(client, db, settings, forum["moderator"])
    await hide(client, forum["bad"].id)

    for viewer in (None, forum["moderator"]):
        client.cookies.clear()
        if viewer is not None:
            await sign_in(client, db, settings, viewer)
        found = await gql(client, SEARCH, {"q": "zanzibar"})
        assert found["threads"] == {"totalCount": 0, "nodes": []}
    # The thread still matches on what is visible.
    assert (await gql(client, SEARCH, {"q": "useful"}))["threads"]["totalCount"] == 1

    await as_member(client, db, settings, forum["moderator"])
    shown = await gql(client, UNHIDE, {"input": {"postId": gid("Post", forum["bad"].id)}})
    assert shown["unhidePost"]["post"] == {
        "id": gid("Post", forum["bad"].id),
        "hidden": False,
        "hiddenReason": None,
    }
    client.cookies.clear()
    assert (await gql(client, SEARCH, {"q": "zanzibar"}))["threads"]["totalCount"] == 1
    seen = await thread_as_seen(client, forum["thread"].id)
    assert (seen["replyCount"], seen["expertReplyCount"]) == (2, 1)


async def test_hiding_twice_moves_the_counts_once_and_new_replies_keep_their_places(
    client, db, settings, forum
):
    await as_member(client, db, settings, forum["moderator"])
    await hide(client, forum["bad"].id, "First reason")
    again = await hide(client, forum["bad"].id, "Better reason")
    assert again["post"]["hiddenReason"] == "Better reason"

    await as_member(client, db, settings, forum["author"])
    replied = await gql(
        client, REPLY, {"input": {"threadId": gid("Thread", forum["thread"].id), "body": "Next"}}
    )

    assert replied["reply"]["errors"] == []
    assert replied["reply"]["post"]["thread"]["replyCount"] == 2
    async with db.read() as session:
        positions = (
            await session.execute(
                sa.select(Post.position)
                .where(Post.thread_id == forum["thread"].id)
                .order_by(Post.position)
            )
        ).scalars()
        assert list(positions) == [0, 1, 2, 3]


async def test_a_hidden_accepted_reply_is_not_shown_as_the_answer(client, db, settings, forum):
    await as_member(client, db, settings, forum["author"])
    accepted = await gql(client, ACCEPT, {"input": {"postId": gid("Post", forum["bad"].id)}})
    assert accepted["acceptReply"]["errors"] == []
    await as_member(client, db, settings, forum["moderator"])
    await hide(client, forum["bad"].id)

    moderator_view = await thread_as_seen(client, forum["thread"].id)
    client.cookies.clear()
    visitor_view = await thread_as_seen(client, forum["thread"].id)

    assert moderator_view["acceptedReply"] == {"id": gid("Post", forum["bad"].id)}
    assert visitor_view["acceptedReply"] is None


async def test_hiding_the_opening_post_hides_the_whole_thread(client, db, settings, forum):
    thread_id = forum["thread"].id
    async with db.read() as session:
        opening = await session.scalar(
            sa.select(Post.id).where(Post.thread_id == thread_id, Post.position == 0)
        )
    client.cookies.clear()
    before = await gql(client, FEED)
    await as_member(client, db, settings, forum["moderator"])

    assert (await hide(client, opening, "Spam thread"))["errors"] == []

    assert (await thread_as_seen(client, thread_id))["hidden"] is True
    for viewer in (None, forum["researcher"]):
        client.cookies.clear()
        if viewer is not None:
            await sign_in(client, db, settings, viewer)
        assert (await gql(client, THREAD, {"id": gid("Thread", thread_id)}))["node"] is None
        assert (await gql(client, NODE_POST, {"id": gid("Post", forum["good"].id)}))["node"] is None
        feed = await gql(client, FEED)
        assert feed["threads"]["totalCount"] == before["threads"]["totalCount"] - 1
        assert sum(c["count"] for c in feed["threadCounts"]) == 0
        assert (await gql(client, SEARCH, {"q": "useful"}))["threads"]["totalCount"] == 0
    # Its author still sees it, as Discourse shows a hidden topic to its author.
    await as_member(client, db, settings, forum["author"])
    assert (await thread_as_seen(client, thread_id))["hidden"] is True


@pytest.mark.parametrize(
    ("reason", "code", "words"),
    [
        ("   ", "REQUIRED", "Reason is required."),
        ("x" * (REASON_MAX + 1), "TOO_LONG", f"the limit is {REASON_MAX}"),
    ],
)
async def test_a_hide_without_a_good_reason_is_refused_and_changes_nothing(
    client, db, settings, forum, reason, code, words
):
    await as_member(client, db, settings, forum["moderator"])

    payload = await hide(client, forum["bad"].id, reason)

    assert payload["post"] is None
    [error] = payload["errors"]
    assert error["field"] == ["input", "reason"] and error["code"] == code
    assert words in error["message"]
    client.cookies.clear()
    assert (await thread_as_seen(client, forum["thread"].id))["replyCount"] == 2


async def test_hiding_a_post_that_is_not_there_names_the_field(client, db, settings, forum):
    await as_member(client, db, settings, forum["moderator"])

    payload = await hide(client, forum["bad"].id + 1000)
    thread_id = await gql(
        client, HIDE, {"input": {"postId": gid("Thread", forum["thread"].id), "reason": "r"}}
    )

    assert payload["errors"] == [
        {
            "field": ["input", "postId"],
            "message": "There is no post with this ID.",
            "code": "INVALID",
        }
    ]
    assert thread_id["hidePost"]["errors"][0]["field"] == ["input", "postId"]


# --- banning members --------------------------------------------------------------------


async def ban(client, member_id: int, reason: str = "Repeated spam") -> dict:
    data = await gql(
        client, BAN, {"input": {"memberId": gid("Member", member_id), "reason": reason}}
    )
    return data["banMember"]


async def test_a_banned_members_cookie_signs_nobody_in_and_every_write_says_why(
    app, client, db, settings, forum
):
    import httpx

    members_thread = await make_thread(
        db, author=forum["author"], visibility=Visibility.MEMBERS, title="Members only"
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=str(client.base_url)
    ) as banned:
        await sign_in(banned, db, settings, forum["researcher"])
        assert (await gql(banned, VIEWER))["viewer"] is not None
        await as_member(client, db, settings, forum["moderator"])

        payload = await ban(client, forum["researcher"].id)

        assert payload == {
            "member": {"id": gid("Member", forum["researcher"].id), "banned": True},
            "errors": [],
        }
        assert (await gql(banned, VIEWER))["viewer"] is None
        members_node = await gql(banned, THREAD, {"id": gid("Thread", members_thread.id)})
        assert members_node["node"] is None
        for document, variables in (
            (START, {"input": start_input()}),
            (REPLY, {"input": {"threadId": gid("Thread", forum["thread"].id), "body": "Hi"}}),
        ):
            refused = await gql(banned, document, variables, errors=True)
            assert error_codes(refused) == ["FORBIDDEN"]
            assert "suspended" in refused["errors"][0]["message"]
            assert "Repeated spam" in refused["errors"][0]["message"]

    # What they wrote stays, for everyone.
    client.cookies.clear()
    seen = await thread_as_seen(client, forum["thread"].id)
    assert "zanzibar spam offer" in [p["body"] for p in seen["replies"]["nodes"]]
    # Others see no ban flag; moderators do.
    node = """query($id: ID!) { node(id: $id) { ... on Member { banned } } }"""
    assert (await gql(client, node, {"id": gid("Member", forum["researcher"].id)}))["node"] == {
        "banned": None
    }


async def test_unbanning_ends_the_old_sessions_so_the_member_signs_in_afresh(
    client, db, settings, forum
):
    await as_member(client, db, settings, forum["moderator"])
    await ban(client, forum["researcher"].id)

    lifted = await gql(
        client, UNBAN, {"input": {"memberId": gid("Member", forum["researcher"].id)}}
    )

    assert lifted["unbanMember"]["member"]["banned"] is False
    async with db.read() as session:
        left = await session.scalar(
            sa.select(sa.func.count())
            .select_from(AuthSession)
            .where(AuthSession.member_id == forum["researcher"].id)
        )
    assert left == 0
    await as_member(client, db, settings, forum["researcher"])
    replied = await gql(
        client, REPLY, {"input": {"threadId": gid("Thread", forum["thread"].id), "body": "Back"}}
    )
    assert replied["reply"]["errors"] == []


@pytest.mark.parametrize(
    ("actor_role", "target_role", "outcome"),
    [
        (MemberRole.MODERATOR, MemberRole.ADMIN, "FORBIDDEN"),
        (MemberRole.MODERATOR, MemberRole.MODERATOR, "FORBIDDEN"),
        (MemberRole.ADMIN, MemberRole.MODERATOR, "ok"),
        (MemberRole.ADMIN, MemberRole.ADMIN, "ok"),
        (MemberRole.MODERATOR, MemberRole.RESEARCHER, "ok"),
    ],
)
async def test_only_admins_ban_staff(client, db, settings, actor_role, target_role, outcome):
    actor = await make_member(db, role=actor_role)
    target = await make_member(db, role=target_role)
    await sign_in(client, db, settings, actor)

    body = await gql(
        client,
        BAN,
        {"input": {"memberId": gid("Member", target.id), "reason": "r"}},
        errors=True,
    )

    if outcome == "ok":
        assert body["data"]["banMember"]["member"]["banned"] is True
    else:
        assert error_codes(body) == [outcome]
        assert "Only admins" in body["errors"][0]["message"]


@pytest.mark.parametrize("role", [MemberRole.MODERATOR, MemberRole.ADMIN])
async def test_nobody_bans_themselves(client, db, settings, role):
    actor = await make_member(db, role=role)
    await sign_in(client, db, settings, actor)

    payload = await ban(client, actor.id)

    assert payload["member"] is None
    assert payload["errors"] == [
        {
            "field": ["input", "memberId"],
            "message": "You cannot ban or unban yourself.",
            "code": "INVALID",
        }
    ]
    assert (await gql(client, VIEWER))["viewer"] is not None


async def test_a_ban_needs_a_reason(client, db, settings, forum):
    await as_member(client, db, settings, forum["moderator"])

    payload = await ban(client, forum["researcher"].id, "")

    assert payload["errors"][0]["field"] == ["input", "reason"]
    assert payload["errors"][0]["code"] == "REQUIRED"
    client.cookies.clear()
    await sign_in(client, db, settings, forum["researcher"])
    assert (await gql(client, VIEWER))["viewer"] is not None
