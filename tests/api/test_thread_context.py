"""What the feed and the thread page show around a thread: who takes part, the orders a
researcher looks for work by, and who may accept an answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from server.domain import MemberRole, RoarPillar, Visibility
from server.models import Post, Thread
from server.services import threads
from tests.factories import gid, make_member, make_reply, make_thread, sign_in, viewer_of
from tests.support import counted, error_codes, gql

THREADS = """
query Threads($orderBy: ThreadOrder, $first: Int, $after: String) {
  threads(orderBy: $orderBy, first: $first, after: $after) {
    edges { cursor node { title } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
PARTICIPANTS = """
query Participants($first: Int) {
  threads(first: 100) {
    nodes { title participantCount participants(first: $first) { displayName } }
  }
}
"""
ACCEPT = """
mutation Accept($input: AcceptReplyInput!) {
  acceptReply(input: $input) {
    thread { status acceptedReply { id } }
    errors { field message code }
  }
}
"""
CAN_ACCEPT = """
query CanAccept($id: ID!) {
  node(id: $id) { ... on Thread { replies { nodes { body viewerCanAccept } } } }
}
"""
HIDE = """
mutation Hide($input: HidePostInput!) { hidePost(input: $input) { errors { message } } }
"""

T0 = datetime(2026, 1, 1, tzinfo=UTC)


async def _titles_in_pages(client, order: str, size: int) -> list[str]:
    """Every title of the feed in `order`, walked page by page through the cursors."""
    titles: list[str] = []
    after = None
    while True:
        data = await gql(client, THREADS, {"orderBy": order, "first": size, "after": after})
        titles += [edge["node"]["title"] for edge in data["threads"]["edges"]]
        if not data["threads"]["pageInfo"]["hasNextPage"]:
            return titles
        after = data["threads"]["pageInfo"]["endCursor"]


async def _threads_with_replies(db, counts: dict[str, int]) -> dict[str, Thread]:
    """Threads started a day apart in the order given, each with its number of replies."""
    author = await make_member(db)
    peer = await make_member(db)
    made = {}
    for day, (title, replies) in enumerate(counts.items()):
        thread = await make_thread(db, author=author, title=title, now=T0 + timedelta(days=day))
        for _ in range(replies):
            await make_reply(db, thread=thread, author=peer)
        made[title] = thread
    return made


@pytest.mark.parametrize("size", [1, 2, 10])
async def test_fewest_replies_lists_the_quietest_threads_first_oldest_among_equals(
    client, db, size
):
    await _threads_with_replies(db, {"a": 2, "b": 0, "c": 1, "d": 0, "e": 3})

    titles = await _titles_in_pages(client, "FEWEST_REPLIES", size)

    assert titles == ["b", "d", "c", "a", "e"]


@pytest.mark.parametrize("size", [1, 3, 10])
async def test_oldest_unanswered_lists_unanswered_threads_oldest_first_then_answered_ones(
    client, db, size
):
    made = await _threads_with_replies(db, {"a": 1, "b": 1, "c": 0, "d": 1})
    moderator = viewer_of(await make_member(db, role=MemberRole.MODERATOR))
    for title in ("d", "a"):
        async with db.write() as session:
            reply_id = await session.scalar(
                sa.select(Post.id).where(Post.thread_id == made[title].id, Post.position == 1)
            )
            await threads.accept_reply(session, moderator, post_id=reply_id)

    titles = await _titles_in_pages(client, "OLDEST_UNANSWERED", size)

    assert titles == ["b", "c", "a", "d"]


async def test_existing_orders_keep_their_meaning(client, db):
    await _threads_with_replies(db, {"a": 2, "b": 0, "c": 1})

    most = await _titles_in_pages(client, "MOST_REPLIES", 2)
    newest = await _titles_in_pages(client, "NEWEST", 2)

    assert most == ["a", "c", "b"]
    assert newest == ["c", "b", "a"]


async def test_a_cursor_of_one_order_is_refused_by_another(client, db):
    await _threads_with_replies(db, {"a": 0, "b": 0})
    data = await gql(client, THREADS, {"orderBy": "FEWEST_REPLIES", "first": 1})
    cursor = data["threads"]["pageInfo"]["endCursor"]

    body = await gql(
        client, THREADS, {"orderBy": "OLDEST_UNANSWERED", "after": cursor}, errors=True
    )

    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_participants_are_the_author_then_the_busiest_then_the_earliest(client, db, settings):
    author = await make_member(db, name="Ana Author")
    early = await make_member(db, name="Eli Early")
    busy = await make_member(db, name="Bo Busy")
    hidden = await make_member(db, name="Hal Hidden")
    thread = await make_thread(db, author=author, title="Talk")
    await make_reply(db, thread=thread, author=early)
    await make_reply(db, thread=thread, author=busy)
    await make_reply(db, thread=thread, author=busy)
    await make_reply(db, thread=thread, author=author)
    spam = await make_reply(db, thread=thread, author=hidden)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    await sign_in(client, db, settings, moderator)
    await gql(client, HIDE, {"input": {"postId": gid("Post", spam.id), "reason": "Spam"}})
    client.cookies.clear()

    data = await gql(client, PARTICIPANTS, {"first": 5})
    two = await gql(client, PARTICIPANTS, {"first": 2})

    (node,) = data["threads"]["nodes"]
    assert [p["displayName"] for p in node["participants"]] == [
        "Ana Author",
        "Bo Busy",
        "Eli Early",
    ]
    assert node["participantCount"] == 3
    assert [p["displayName"] for p in two["threads"]["nodes"][0]["participants"]] == [
        "Ana Author",
        "Bo Busy",
    ]


@pytest.mark.parametrize("first", [0, 21])
async def test_participants_first_out_of_bounds_is_refused_naming_the_limit(client, db, first):
    author = await make_member(db)
    await make_thread(db, author=author)

    body = await gql(client, PARTICIPANTS, {"first": first}, errors=True)

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "between 1 and 20" in body["errors"][0]["message"]


async def test_participants_of_a_page_cost_the_same_statements_for_5_and_50_threads(client, db):
    people = [await make_member(db) for _ in range(4)]
    for n in range(50):
        thread = await make_thread(db, author=people[n % 4], title=f"T{n}")
        await make_reply(db, thread=thread, author=people[(n + 1) % 4])
    query = """
    query($first: Int) {
      threads(first: $first) { nodes { participantCount participants { displayName } } }
    }
    """

    with counted(db) as small:
        data = await gql(client, query, {"first": 5})
    assert len(data["threads"]["nodes"]) == 5
    with counted(db) as large:
        data = await gql(client, query, {"first": 50})
    assert all(node["participantCount"] == 2 for node in data["threads"]["nodes"])

    assert len(small) == len(large), (small, large)


async def test_the_author_of_a_thread_cannot_accept_their_own_reply(client, db, settings):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    own = await make_reply(db, thread=thread, author=author, body="mine")
    await make_reply(db, thread=thread, author=await make_member(db), body="peer's")
    await sign_in(client, db, settings, author)

    offered = await gql(client, CAN_ACCEPT, {"id": gid("Thread", thread.id)})
    data = await gql(client, ACCEPT, {"input": {"postId": gid("Post", own.id)}})
    after = await gql(client, CAN_ACCEPT, {"id": gid("Thread", thread.id)})

    assert offered["node"]["replies"]["nodes"] == [
        {"body": "mine", "viewerCanAccept": False},
        {"body": "peer's", "viewerCanAccept": True},
    ]
    payload = data["acceptReply"]
    assert payload["thread"] is None
    assert payload["errors"][0]["field"] == ["input", "postId"]
    assert "your own reply" in payload["errors"][0]["message"]
    assert after == offered  # nothing changed


async def test_a_moderator_may_accept_any_reply_even_their_own_in_their_thread(
    client, db, settings
):
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    thread = await make_thread(db, author=moderator)
    own = await make_reply(db, thread=thread, author=moderator)
    await sign_in(client, db, settings, moderator)

    data = await gql(client, ACCEPT, {"input": {"postId": gid("Post", own.id)}})

    assert data["acceptReply"] == {
        "thread": {"status": "ANSWERED", "acceptedReply": {"id": gid("Post", own.id)}},
        "errors": [],
    }


async def test_accepting_is_not_offered_to_visitors_or_to_other_members(client, db, settings):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    await make_reply(db, thread=thread, author=await make_member(db), body="peer's")

    as_visitor = await gql(client, CAN_ACCEPT, {"id": gid("Thread", thread.id)})
    await sign_in(client, db, settings, await make_member(db))
    as_other = await gql(client, CAN_ACCEPT, {"id": gid("Thread", thread.id)})

    for data in (as_visitor, as_other):
        assert data["node"]["replies"]["nodes"] == [{"body": "peer's", "viewerCanAccept": False}]


RELATED = """
query Related($id: ID!, $first: Int) { relatedThreads(threadId: $id, first: $first) { title } }
"""


async def test_related_threads_share_topics_first_then_pillars_and_never_the_thread_itself(
    client, db
):
    author = await make_member(db)
    risks, routes, assess = (
        RoarPillar.RISKS_AND_REWARDS,
        RoarPillar.ROUTES_AND_DIRECTIONS,
        RoarPillar.ASSESSMENT,
    )
    made = {}
    for title, pillars, topics in [
        ("Here", [risks, routes], ["procurement", "finance"]),
        ("Both topics", [assess], ["procurement", "finance"]),
        ("One topic and a pillar", [risks], ["finance"]),
        ("Two pillars", [risks, routes], []),
        ("One pillar", [routes], ["other"]),
        ("Nothing shared", [assess], ["other"]),
    ]:
        made[title] = await make_thread(
            db, author=author, title=title, pillars=pillars, topics=topics
        )
    members_only = await make_thread(
        db,
        author=author,
        title="Members only",
        pillars=[risks, routes],
        topics=["procurement", "finance"],
        visibility=Visibility.MEMBERS,
    )
    del members_only

    data = await gql(client, RELATED, {"id": gid("Thread", made["Here"].id), "first": 10})
    two = await gql(client, RELATED, {"id": gid("Thread", made["Here"].id), "first": 2})

    assert [t["title"] for t in data["relatedThreads"]] == [
        "Both topics",
        "One topic and a pillar",
        "Two pillars",
        "One pillar",
    ]
    assert [t["title"] for t in two["relatedThreads"]] == ["Both topics", "One topic and a pillar"]


async def test_related_threads_of_a_thread_you_cannot_read_are_none(client, db):
    author = await make_member(db)
    hidden = await make_thread(db, author=author, visibility=Visibility.MEMBERS)
    await make_thread(db, author=author)

    data = await gql(client, RELATED, {"id": gid("Thread", hidden.id)})
    nonsense = await gql(client, RELATED, {"id": "nonsense"})
    body = await gql(client, RELATED, {"id": gid("Thread", hidden.id), "first": 0}, errors=True)

    assert data["relatedThreads"] == [] and nonsense["relatedThreads"] == []
    assert error_codes(body) == ["BAD_USER_INPUT"]
