"""Live updates executed once per visibility class, each receiver still seeing its own view.

Receivers of one event who are different viewers of the same class (members, say) share
one execution of their document; the per-viewer fields (`viewerCanAccept`) are filled
for each of them. Every receiver's payload must be what the same selection gives that
viewer as a query, which is how the web client reads the post when it loads the page.
"""

from __future__ import annotations

import json
from contextlib import AsyncExitStack

import httpx
from graphql import OperationType

from server.domain import MemberRole
from server.resources import web_folder
from server.schema.plans import PlanExecutor
from tests.api.test_subscriptions import cookie_of, next_message, subscription
from tests.factories import gid, make_member, make_thread, sign_in
from tests.support import gql

WEB = json.loads((web_folder() / "graphql" / "documents.json").read_text())
REPLY_ADDED = WEB["ReplyAdded"]
# The same selection as a query: what each receiver must have been sent.
POST_AS_QUERY = (
    "query($id: ID!) { node(id: $id) { ... on Post { ...PostFields } } }"
    + REPLY_ADDED[REPLY_ADDED.index("fragment PostFields") - 1 :]
)
REPLY = """
mutation($input: ReplyInput!) { reply(input: $input) { post { id } errors { message } } }
"""
HIDE = """
mutation($input: HidePostInput!) { hidePost(input: $input) { post { id } errors { message } } }
"""
UPDATES = """
subscription($id: ID!) {
  threadUpdated(threadId: $id) {
    change postId post { id body hidden hiddenReason viewerCanAccept } thread { id replyCount }
  }
}
"""


def count_live_executions(monkeypatch) -> list[str]:
    """The subscription executions graphql-core runs from now on (one entry each)."""
    runs: list[str] = []
    original = PlanExecutor.execute_operation

    def counting(self, serially=None):  # type: ignore[no-untyped-def]
        if self.operation.operation == OperationType.SUBSCRIPTION:
            runs.append(repr(self.context_value.viewer))
        return original(self, serially)

    monkeypatch.setattr(PlanExecutor, "execute_operation", counting)
    return runs


async def test_one_execution_per_class_and_each_receiver_gets_its_own_view(
    client: httpx.AsyncClient, db, settings, live_server, monkeypatch
):
    author = await make_member(db, name="Ana")
    thread = await make_thread(db, author=author)
    writer = await make_member(db, name="Ben")
    members = [author] + [await make_member(db) for _ in range(3)]
    researcher = await make_member(db, role=MemberRole.RESEARCHER)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    viewers = [*members, researcher, moderator, writer]
    cookies: list[str | None] = []
    for member in viewers:
        client.cookies.clear()
        await sign_in(client, db, settings, member)
        cookies.append(cookie_of(client))
    cookies += [None, None]  # two visitors
    variables = {"threadId": gid("Thread", thread.id)}

    async with AsyncExitStack() as stack:
        sockets = [
            await stack.enter_async_context(
                subscription(live_server, REPLY_ADDED, variables, cookie=cookie)
            )
            for cookie in cookies
        ]
        runs = count_live_executions(monkeypatch)
        client.cookies.clear()
        await sign_in(client, db, settings, writer)
        posted = await gql(
            client, REPLY, {"input": {"threadId": variables["threadId"], "body": "Shared"}}
        )
        messages = [await next_message(socket) for socket in sockets]
        monkeypatch.undo()

    # member, researcher, moderator, visitor: four classes for nine receivers.
    assert len(runs) == 4, runs
    post_id = posted["reply"]["post"]["id"]
    got = [m["payload"]["data"]["replyAdded"] for m in messages]
    expected = []
    for cookie in cookies:
        client.cookies.clear()
        if cookie:
            name, value = cookie.split("=", 1)
            client.cookies.set(name, value)
        expected.append((await gql(client, POST_AS_QUERY, {"id": post_id}))["node"])
    assert got == expected
    # The thread's author and the moderator may accept the reply; no one else.
    can_accept = [payload["viewerCanAccept"] for payload in got]
    assert can_accept == [True, False, False, False, False, True, False, False, False]


async def test_an_update_shows_a_hidden_post_to_its_author_only_within_one_class(
    client: httpx.AsyncClient, db, settings, live_server
):
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    replier = await make_member(db)
    other = await make_member(db)
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    await sign_in(client, db, settings, replier)
    posted = await gql(
        client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Mine"}}
    )
    post_id = posted["reply"]["post"]["id"]
    cookies = []
    for member in (replier, other, moderator):
        client.cookies.clear()
        await sign_in(client, db, settings, member)
        cookies.append(cookie_of(client))

    async with AsyncExitStack() as stack:
        sockets = [
            await stack.enter_async_context(
                subscription(live_server, UPDATES, {"id": gid("Thread", thread.id)}, cookie=c)
            )
            for c in cookies
        ]
        # The moderator is signed in last.
        hidden = await gql(client, HIDE, {"input": {"postId": post_id, "reason": "Off topic"}})
        assert hidden["hidePost"]["errors"] == []
        updates = [(await next_message(s))["payload"]["data"]["threadUpdated"] for s in sockets]

    mine, theirs, moderators = (u["post"] for u in updates)
    assert mine == {
        "id": post_id,
        "body": "Mine",
        "hidden": True,
        "hiddenReason": None,
        "viewerCanAccept": False,
    }
    assert theirs is None
    assert moderators is not None and moderators["hiddenReason"] == "Off topic"
    assert {u["postId"] for u in updates} == {post_id}
