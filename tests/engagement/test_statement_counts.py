"""No N+1: a page of notifications costs the same few statements at any size."""

from __future__ import annotations

from tests.engagement.support import run_jobs
from tests.factories import make_member, make_reply, make_thread
from tests.support import counted, gql

PAGE = """
query($first: Int) {
  notifications(first: $first) {
    nodes { reason text createdAt readAt thread { title replyCount } actor { displayName } }
  }
}
"""


async def test_a_page_of_notifications_costs_the_same_statements_for_5_and_20(
    app, db, settings, signed_in
):
    reader = await make_member(db)
    for n in range(25):
        author = await make_member(db)
        thread = await make_thread(db, author=author, title=f"T{n}")
        await make_reply(db, thread=thread, author=reader)  # the reader follows it now
        await make_reply(db, thread=thread, author=await make_member(db))
    await run_jobs(app, settings, db)
    client = await signed_in(reader)

    with counted(db) as small:
        data = await gql(client, PAGE, {"first": 5})
    assert len(data["notifications"]["nodes"]) == 5
    with counted(db) as large:
        data = await gql(client, PAGE, {"first": 20})
    assert len(data["notifications"]["nodes"]) == 20

    assert len(small) == len(large), (small, large)
    # The page, its threads and its actors; the sign-in's session lookup, which every
    # signed-in request makes, is not the list's.
    listed = [s for s in large if "auth_sessions" not in s]
    assert len(listed) == len(large) - 1
    assert len(listed) <= 3, listed
