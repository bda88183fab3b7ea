"""New since the last visit: opening a thread records how far the member read it; replies by
others after that are new, on the thread and as a count in the feed. Both databases."""

from __future__ import annotations

import sqlalchemy as sa

from server.models import ThreadRead
from tests.engagement.support import follow, notifications_of, reply, run_jobs
from tests.factories import gid, make_member, make_reply, make_thread
from tests.support import counted, gql

OPEN = """
mutation($input: MarkThreadReadInput!) {
  markThreadRead(input: $input) {
    thread { id viewerLastReadAt viewerNewReplyCount }
    unreadNotificationCount
    errors { field message code }
  }
}
"""
THREAD = """
query($id: ID!) {
  node(id: $id) {
    ... on Thread {
      viewerLastReadAt viewerNewReplyCount
      opening { isNewForViewer }
      replies(first: 50) { nodes { body isNewForViewer } }
    }
  }
}
"""
FEED = """
query($first: Int) {
  threads(first: $first) { nodes { title viewerNewReplyCount viewerLastReadAt } }
}
"""


async def open_thread(client, thread_id: int) -> dict:
    data = await gql(client, OPEN, {"input": {"threadId": gid("Thread", thread_id)}})
    return data["markThreadRead"]


async def new_of(client, thread_id: int) -> dict:
    data = await gql(client, THREAD, {"id": gid("Thread", thread_id)})
    return data["node"]


async def test_replies_after_the_last_visit_are_new_and_opening_again_reads_them(db, signed_in):
    author = await make_member(db)
    reader_row = await make_member(db)
    thread = await make_thread(db, author=author, title="Pilots")
    await make_reply(db, thread=thread, author=author, body="Seen before.")
    reader = await signed_in(reader_row)

    # Never opened: nothing is new, and there is no last visit.
    before = await new_of(reader, thread.id)
    assert before["viewerLastReadAt"] is None and before["viewerNewReplyCount"] == 0
    assert [r["isNewForViewer"] for r in before["replies"]["nodes"]] == [False]

    opened = await open_thread(reader, thread.id)
    assert opened["errors"] == []
    assert opened["thread"]["viewerLastReadAt"] is not None
    assert opened["thread"]["viewerNewReplyCount"] == 0

    # Two replies by others and one of the reader's own come after the visit.
    await make_reply(db, thread=thread, author=author, body="First new.")
    await make_reply(db, thread=thread, author=reader_row, body="My own.")
    await make_reply(db, thread=thread, author=await make_member(db), body="Second new.")
    after = await new_of(reader, thread.id)
    assert after["viewerNewReplyCount"] == 2
    assert after["opening"]["isNewForViewer"] is False
    assert [(r["body"], r["isNewForViewer"]) for r in after["replies"]["nodes"]] == [
        ("Seen before.", False),
        ("First new.", True),
        ("My own.", False),
        ("Second new.", True),
    ]
    # The author, who never opened it through the API, sees nothing marked.
    writer = await signed_in(author)
    assert (await new_of(writer, thread.id))["viewerNewReplyCount"] == 0

    # Opening it again reads them all.
    again = await open_thread(reader, thread.id)
    assert again["thread"]["viewerNewReplyCount"] == 0
    assert not any(
        r["isNewForViewer"] for r in (await new_of(reader, thread.id))["replies"]["nodes"]
    )


async def test_hidden_replies_are_not_counted_as_new_for_members(db, signed_in):
    author = await make_member(db)
    reader = await signed_in(await make_member(db))
    thread = await make_thread(db, author=author)
    await open_thread(reader, thread.id)
    hidden = await make_reply(db, thread=thread, author=author, body="Hidden.")
    await make_reply(db, thread=thread, author=author, body="Shown.")
    async with db.write() as session:
        row = await session.get(type(hidden), hidden.id)
        assert row is not None
        row.hidden_at = row.created_at
    assert (await new_of(reader, thread.id))["viewerNewReplyCount"] == 1


async def test_visitors_see_nothing_new_and_cannot_mark(db, client):
    thread = await make_thread(db, author=await make_member(db))
    await make_reply(db, thread=thread, author=await make_member(db))
    visitor = await new_of(client, thread.id)
    assert visitor["viewerLastReadAt"] is None and visitor["viewerNewReplyCount"] == 0
    assert visitor["replies"]["nodes"][0]["isNewForViewer"] is False
    body = await gql(client, OPEN, {"input": {"threadId": gid("Thread", thread.id)}}, errors=True)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_an_unknown_or_unreadable_thread_is_a_field_error_and_nothing_is_recorded(
    db, signed_in
):
    member = await signed_in(await make_member(db))
    hidden = await make_thread(db, author=await make_member(db))
    async with db.write() as session:
        row = await session.get(type(hidden), hidden.id)
        assert row is not None
        row.hidden_at = row.created_at  # hidden by a moderator: only they and its author see it
    for thread_id in (987654, hidden.id):
        payload = await open_thread(member, thread_id)
        assert payload["thread"] is None
        assert [(e["field"], e["message"]) for e in payload["errors"]] == [
            (["input", "threadId"], "There is no thread with this ID.")
        ]
    data = await gql(member, OPEN, {"input": {"threadId": "not-an-id"}})
    assert data["markThreadRead"]["errors"][0]["field"] == ["input", "threadId"]
    async with db.read() as session:
        assert await session.scalar(sa.select(sa.func.count()).select_from(ThreadRead)) == 0


async def test_opening_a_thread_marks_its_notifications_read(app, db, settings, signed_in):
    author = await signed_in(await make_member(db))
    reader_row = await make_member(db)
    reader = await signed_in(reader_row)
    first = await make_thread(db, author=await make_member(db), title="First")
    second = await make_thread(db, author=await make_member(db), title="Second")
    for thread in (first, second):
        await follow(reader, thread=gid("Thread", thread.id))
        await reply(author, thread.id)
    await run_jobs(app, settings, db)
    assert (await notifications_of(reader))["unreadNotificationCount"] == 2

    opened = await open_thread(reader, first.id)
    assert opened["unreadNotificationCount"] == 1
    unread = await notifications_of(reader, unreadOnly=True)
    assert [n["thread"]["title"] for n in unread["notifications"]["nodes"]] == ["Second"]


async def test_the_feed_counts_new_replies_in_one_statement_for_any_page(db, signed_in):
    reader_row = await make_member(db)
    reader = await signed_in(reader_row)
    others = [await make_member(db) for _ in range(3)]
    made = []
    for n in range(12):
        thread = await make_thread(db, author=others[n % 3], title=f"Thread {n}")
        made.append(thread)
        await open_thread(reader, thread.id)
        for k in range(n % 3):
            await make_reply(db, thread=thread, author=others[k])

    counts = {}
    for first in (4, 12):
        with counted(db) as statements:
            data = await gql(reader, FEED, {"first": first})
        counts[first] = len(statements)
        for node in data["threads"]["nodes"]:
            n = int(node["title"].split()[-1])
            assert node["viewerNewReplyCount"] == n % 3, node
            assert node["viewerLastReadAt"] is not None
    assert counts[4] == counts[12], counts
