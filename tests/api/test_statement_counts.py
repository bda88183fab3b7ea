"""No N+1: a page of threads costs the same number of SQL statements at any size."""

from __future__ import annotations

from server.domain import MemberRole
from tests.factories import make_member, make_reply, make_thread
from tests.support import counted, gql

FEED = """
query Feed($first: Int) {
  threads(first: $first) {
    nodes {
      title pillars organisationTypes topics replyCount expertReplyCount
      author { displayName organisation { name type } }
      organisation { name }
      opening { bodyHtml }
      acceptedReply { bodyHtml author { displayName } }
    }
  }
}
"""


async def test_a_feed_page_costs_the_same_statements_for_5_and_100_threads(client, db):
    researcher = await make_member(db, role=MemberRole.RESEARCHER)
    for n in range(100):
        author = await make_member(db)
        thread = await make_thread(db, author=author, title=f"T{n}")
        if n % 3 == 0:
            await make_reply(db, thread=thread, author=researcher)

    with counted(db) as small:
        data = await gql(client, FEED, {"first": 5})
    assert len(data["threads"]["nodes"]) == 5
    with counted(db) as large:
        data = await gql(client, FEED, {"first": 100})
    assert len(data["threads"]["nodes"]) == 100

    assert len(small) == len(large), (small, large)
    assert len(large) <= 6
