"""Writing through GraphQL: the four mutations, their validation and idempotency."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from server.domain import MemberRole, ThreadStatus, Visibility
from server.models import Post, Thread
from tests.factories import gid, make_member, make_reply, make_thread, sign_in
from tests.support import error_codes, gql

START = """
mutation Start($input: StartThreadInput!) {
  startThread(input: $input) {
    thread { id title kind status visibility pillars organisationTypes topics replyCount
             author { displayName } opening { body bodyHtml isExpertReply } }
    errors { field message code }
  }
}
"""
REPLY = """
mutation Reply($input: ReplyInput!) {
  reply(input: $input) {
    post { id body isExpertReply isAccepted thread { replyCount expertReplyCount } }
    errors { field message code }
  }
}
"""
EDIT = """
mutation Edit($input: EditPostInput!) {
  editPost(input: $input) { post { body bodyHtml editedAt } errors { field message code } }
}
"""
ACCEPT = """
mutation Accept($input: AcceptReplyInput!) {
  acceptReply(input: $input) {
    thread { status acceptedReply { id isAccepted } }
    errors { field message code }
  }
}
"""


def start_input(**overrides):
    value = {
        "kind": "CHALLENGE",
        "title": "Buying for a net-zero mission",
        "body": "How do we write **outcome-based** specifications?",
        "pillars": ["ROUTES_AND_DIRECTIONS"],
        "topics": ["procurement"],
    }
    value.update(overrides)
    return value


async def count_rows(db, model) -> int:
    async with db.read() as session:
        return await session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
async def member(client, db, settings):
    member = await make_member(db)
    await sign_in(client, db, settings, member)
    return member


async def test_a_member_starts_a_thread_typed_by_their_organisation(client, member):
    data = await gql(client, START, {"input": start_input()})

    payload = data["startThread"]
    assert payload["errors"] == []
    thread = payload["thread"]
    assert thread["title"] == "Buying for a net-zero mission"
    assert thread["status"] == "OPEN" and thread["visibility"] == "PUBLIC"
    assert thread["organisationTypes"] == ["PUBLIC_BANK"]
    assert thread["opening"]["bodyHtml"] == (
        "<p>How do we write <strong>outcome-based</strong> specifications?</p>\n"
    )
    assert thread["replyCount"] == 0


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"title": ""}, "title", "REQUIRED"),
        ({"title": "   "}, "title", "REQUIRED"),
        ({"title": "x" * 201}, "title", "TOO_LONG"),
        ({"body": ""}, "body", "REQUIRED"),
        ({"body": "x" * 50_001}, "body", "TOO_LONG"),
        ({"pillars": []}, "pillars", "REQUIRED"),
        ({"topics": [f"t{n}" for n in range(11)]}, "topics", "TOO_LONG"),
        ({"topics": ["Not Valid"]}, "topics", "INVALID"),
        ({"topics": ["x" * 41]}, "topics", "INVALID"),
        ({"idempotencyKey": ""}, "idempotencyKey", "INVALID"),
    ],
)
async def test_bad_input_is_named_and_nothing_is_written(
    client, db, member, overrides, field, code
):
    data = await gql(client, START, {"input": start_input(**overrides)})

    assert data["startThread"]["thread"] is None
    [error] = data["startThread"]["errors"]
    assert error["field"] == ["input", field]
    assert error["code"] == code
    assert error["message"]
    assert await count_rows(db, Thread) == 0


async def test_limits_are_named_in_the_message(client, member):
    data = await gql(client, START, {"input": start_input(title="x" * 201)})
    assert "200" in data["startThread"]["errors"][0]["message"]


async def test_every_problem_is_reported_at_once(client, member):
    data = await gql(client, START, {"input": start_input(title="", body="", pillars=[])})
    fields = [e["field"][-1] for e in data["startThread"]["errors"]]
    assert fields == ["title", "body", "pillars"]


async def test_replies_count_and_researchers_write_expert_replies(client, db, settings, member):
    thread = await make_thread(db, author=member)
    researcher = await make_member(db, role=MemberRole.RESEARCHER)
    await gql(
        client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Peer view."}}
    )
    await sign_in(client, db, settings, researcher)

    data = await gql(
        client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Expert."}}
    )

    post = data["reply"]["post"]
    assert post["isExpertReply"] is True
    assert post["thread"] == {"replyCount": 2, "expertReplyCount": 1}


async def test_unknown_or_malformed_thread_ids_are_user_errors(client, db, member):
    for thread_id in [gid("Thread", 999), gid("Post", 1), "garbage"]:
        data = await gql(client, REPLY, {"input": {"threadId": thread_id, "body": "Hi"}})
        assert data["reply"]["errors"] == [
            {
                "field": ["input", "threadId"],
                "message": "There is no thread with this ID.",
                "code": "INVALID",
            }
        ]
    assert await count_rows(db, Post) == 0


async def test_a_reply_names_every_problem_at_once(client, db, member):
    data = await gql(client, REPLY, {"input": {"threadId": gid("Thread", 999), "body": " "}})

    assert [e["field"] for e in data["reply"]["errors"]] == [
        ["input", "body"],
        ["input", "threadId"],
    ]
    assert await count_rows(db, Post) == 0


async def test_a_reply_answers_with_the_post_as_stored(client, db, member):
    thread = await make_thread(db, author=member)
    shape = "post { id body bodyHtml createdAt isExpertReply author { displayName } }"
    reply = REPLY.replace(
        "post { id body isExpertReply isAccepted thread { replyCount expertReplyCount } }", shape
    )

    data = await gql(
        client, reply, {"input": {"threadId": gid("Thread", thread.id), "body": "*Stored*"}}
    )

    query = "query($id: ID!) { node(id: $id) { ... on Post { " + shape[6:-2] + " } } }"
    posted = data["reply"]["post"]
    assert posted["bodyHtml"] == "<p><em>Stored</em></p>\n"
    assert (await gql(client, query, {"id": posted["id"]}))["node"] == posted


async def test_members_reply_to_members_threads(client, db, member):
    thread = await make_thread(db, author=member, visibility=Visibility.MEMBERS)

    data = await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Hi"}})

    assert data["reply"]["errors"] == []
    assert data["reply"]["post"]["thread"] == {"replyCount": 1, "expertReplyCount": 0}


async def test_only_its_author_replies_to_a_hidden_thread_and_a_refusal_writes_nothing(
    client, db, settings, member
):
    from server.services import moderation
    from tests.factories import viewer_of

    author = await make_member(db)
    thread = await make_thread(db, author=author)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    async with db.write() as session:
        await moderation.set_hidden(
            session,
            viewer_of(moderator),
            post_id=await _opening_id(db, thread.id),
            hidden=True,
            reason="Spam",
        )
    variables = {"input": {"threadId": gid("Thread", thread.id), "body": "Hi"}}

    refused = await gql(client, REPLY, variables)
    assert refused["reply"]["errors"][0]["message"] == "There is no thread with this ID."
    async with db.read() as session:
        assert (await session.get(Thread, thread.id)).reply_count == 0
    assert await count_rows(db, Post) == 1

    await sign_in(client, db, settings, author)
    assert (await gql(client, REPLY, variables))["reply"]["errors"] == []


async def test_a_closed_thread_refuses_replies(client, db, member):
    thread = await make_thread(db, author=member)
    async with db.write() as session:
        await session.execute(sa.update(Thread).values(status=ThreadStatus.CLOSED.value))

    data = await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Hi"}})

    assert data["reply"]["errors"][0]["code"] == "CLOSED"
    assert await count_rows(db, Post) == 1


async def test_authors_edit_their_posts_and_edits_are_dated(client, db, member):
    thread = await make_thread(db, author=member)
    reply = await make_reply(db, thread=thread, author=member)

    data = await gql(client, EDIT, {"input": {"postId": gid("Post", reply.id), "body": "*New*"}})

    post = data["editPost"]["post"]
    assert post["body"] == "*New*" and post["bodyHtml"] == "<p><em>New</em></p>\n"
    assert post["editedAt"] is not None


async def test_edits_are_searchable_and_old_words_are_gone(client, db, member):
    thread = await make_thread(db, author=member, title="Plain", body="zebra")
    await gql(client, EDIT, {"input": {"postId": gid("Post", thread.id), "body": "giraffe"}})

    query = "query($s: String) { threads(filter: {search: $s}) { totalCount } }"
    assert (await gql(client, query, {"s": "giraffe"}))["threads"]["totalCount"] == 1
    assert (await gql(client, query, {"s": "zebra"}))["threads"]["totalCount"] == 0


async def test_edited_replies_are_searchable_and_old_words_are_gone(client, db, member):
    thread = await make_thread(db, author=member, title="Plain", body="Plain.")
    reply = await make_reply(db, thread=thread, author=member, body="zebra")
    await gql(client, EDIT, {"input": {"postId": gid("Post", reply.id), "body": "giraffe"}})

    query = "query($s: String) { threads(filter: {search: $s}) { totalCount } }"
    assert (await gql(client, query, {"s": "giraffe"}))["threads"]["totalCount"] == 1
    assert (await gql(client, query, {"s": "zebra"}))["threads"]["totalCount"] == 0


async def test_accepting_a_reply_answers_the_thread(client, db, member):
    thread = await make_thread(db, author=member)
    other = await make_member(db)
    reply = await make_reply(db, thread=thread, author=other)

    data = await gql(client, ACCEPT, {"input": {"postId": gid("Post", reply.id)}})

    assert data["acceptReply"]["thread"] == {
        "status": "ANSWERED",
        "acceptedReply": {"id": gid("Post", reply.id), "isAccepted": True},
    }


async def test_the_opening_post_cannot_be_accepted(client, db, member):
    thread = await make_thread(db, author=member)
    opening_id = await _opening_id(db, thread.id)
    data = await gql(client, ACCEPT, {"input": {"postId": gid("Post", opening_id)}})
    assert data["acceptReply"]["errors"][0]["field"] == ["input", "postId"]


async def test_a_retried_start_returns_the_first_thread(client, db, member):
    variables = {"input": start_input(idempotencyKey="retry-1")}

    first = await gql(client, START, variables)
    second = await gql(client, START, variables)

    assert first["startThread"]["thread"]["id"] == second["startThread"]["thread"]["id"]
    assert await count_rows(db, Thread) == 1


async def test_a_key_reused_for_another_request_is_refused(client, db, member):
    await gql(client, START, {"input": start_input(idempotencyKey="k")})
    data = await gql(client, START, {"input": start_input(idempotencyKey="k", title="Other")})
    assert data["startThread"]["errors"][0]["code"] == "DUPLICATE"
    assert await count_rows(db, Thread) == 1


async def test_racing_identical_replies_create_exactly_one(client, db, member):
    thread = await make_thread(db, author=member)
    variables = {
        "input": {"threadId": gid("Thread", thread.id), "body": "Once", "idempotencyKey": "r"}
    }

    results = await asyncio.gather(*(gql(client, REPLY, variables) for _ in range(8)))

    assert len({r["reply"]["post"]["id"] for r in results}) == 1
    assert await count_rows(db, Post) == 2
    async with db.read() as session:
        assert (await session.get(Thread, thread.id)).reply_count == 1


async def test_concurrent_replies_get_distinct_positions(client, db, member):
    thread = await make_thread(db, author=member)
    variables = [
        {"input": {"threadId": gid("Thread", thread.id), "body": f"R{n}"}} for n in range(10)
    ]

    await asyncio.gather(*(gql(client, REPLY, v) for v in variables))

    query = "query($id: ID!) { node(id: $id) { ... on Thread { replyCount replies { nodes { body } } } } }"
    data = await gql(client, query, {"id": gid("Thread", thread.id)})
    assert data["node"]["replyCount"] == 10
    assert sorted(p["body"] for p in data["node"]["replies"]["nodes"]) == sorted(
        f"R{n}" for n in range(10)
    )
    async with db.read() as session:
        replies = (
            await session.scalars(
                sa.select(Post)
                .where(Post.thread_id == thread.id, Post.position > 0)
                .order_by(Post.position)
            )
        ).all()
        fresh = await session.get(Thread, thread.id)
    times = [p.created_at for p in replies]
    assert times == sorted(times), "replies' times follow their positions"
    assert fresh.last_activity_at == times[-1]


async def _opening_id(db, thread_id: int) -> int:
    async with db.read() as session:
        return await session.scalar(
            sa.select(Post.id).where(Post.thread_id == thread_id, Post.position == 0)
        )


async def test_visitors_cannot_write(client, db):
    body = await gql(client, START, {"input": start_input()}, errors=True)
    assert error_codes(body) == ["UNAUTHENTICATED"]


CLOSE = """
mutation($input: CloseThreadInput!) { closeThread(input: $input) { thread { status } errors { code } } }
"""
REOPEN = """
mutation($input: CloseThreadInput!) { reopenThread(input: $input) { thread { status } errors { code } } }
"""


async def test_moderators_close_and_reopen_threads(client, db, settings):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    variables = {"input": {"threadId": gid("Thread", thread.id)}}
    await sign_in(client, db, settings, author)
    assert error_codes(await gql(client, CLOSE, variables, errors=True)) == ["FORBIDDEN"]

    await sign_in(client, db, settings, await make_member(db, role=MemberRole.MODERATOR))
    closed = await gql(client, CLOSE, variables)
    assert closed["closeThread"]["thread"]["status"] == "CLOSED"
    refused = await gql(
        client, REPLY, {"input": {"threadId": variables["input"]["threadId"], "body": "x"}}
    )
    assert refused["reply"]["errors"][0]["code"] == "CLOSED"
    reopened = await gql(client, REOPEN, variables)
    assert reopened["reopenThread"]["thread"]["status"] == "OPEN"
