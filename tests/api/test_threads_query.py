"""Reading threads through GraphQL: filters, orders, pagination, visibility, search."""

from __future__ import annotations

import random
import string

import httpx
import pytest
import sqlalchemy as sa

from server.app import create_app
from server.config import load_settings
from server.db import Database
from server.domain import MemberRole, OrganisationType, RoarPillar, ThreadKind, Visibility
from server.services.threads import SEARCH_TOO_SLOW
from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import gid, make_member, make_organisation, make_reply, make_thread, sign_in
from tests.support import error_codes, gql

THREADS = """
query Threads($filter: ThreadFilter, $orderBy: ThreadOrder, $first: Int, $after: String) {
  threads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title } }
    nodes { title }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
REPLY = """
mutation Reply($input: ReplyInput!) { reply(input: $input) { errors { field message code } } }
"""


def titles(data: dict) -> list[str]:
    return [edge["node"]["title"] for edge in data["threads"]["edges"]]


async def test_the_feed_lists_threads_by_last_activity(client, db):
    author = await make_member(db)
    first = await make_thread(db, author=author, title="First")
    await make_thread(db, author=author, title="Second")
    await make_reply(db, thread=first, author=author)

    data = await gql(client, THREADS)

    assert titles(data) == ["First", "Second"]
    assert data["threads"]["totalCount"] == 2


async def test_orders_newest_and_most_replies(client, db):
    author = await make_member(db)
    busy = await make_thread(db, author=author, title="Busy")
    await make_thread(db, author=author, title="Quiet")
    for _ in range(2):
        await make_reply(db, thread=busy, author=author)

    newest = await gql(client, THREADS, {"orderBy": "NEWEST"})
    most = await gql(client, THREADS, {"orderBy": "MOST_REPLIES"})

    assert titles(newest) == ["Quiet", "Busy"]
    assert titles(most) == ["Busy", "Quiet"]


@pytest.mark.parametrize("order", ["LAST_ACTIVITY", "NEWEST", "MOST_REPLIES"])
async def test_cursor_pages_cover_every_thread_once(client, db, order):
    author = await make_member(db)
    for n in range(7):
        await make_thread(db, author=author, title=f"T{n}")

    seen, after = [], None
    while True:
        data = await gql(client, THREADS, {"first": 3, "after": after, "orderBy": order})
        seen += titles(data)
        info = data["threads"]["pageInfo"]
        assert info["hasPreviousPage"] is (after is not None)
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]

    assert sorted(seen) == [f"T{n}" for n in range(7)]


@pytest.mark.parametrize("first", [0, -1, 101, 100000])
async def test_first_outside_1_to_100_is_refused(client, db, first):
    body = await gql(client, THREADS, {"first": first}, errors=True)
    assert error_codes(body) in (["BAD_USER_INPUT"], ["QUERY_TOO_COMPLEX"])
    assert "first" in body["errors"][0]["message"] or "limit" in body["errors"][0]["message"]


async def test_a_cursor_of_another_order_or_garbage_is_refused(client, db):
    author = await make_member(db)
    for n in range(3):
        await make_thread(db, author=author, title=f"T{n}")
    data = await gql(client, THREADS, {"first": 1})
    cursor = data["threads"]["pageInfo"]["endCursor"]

    for after in [cursor + "x", "not-a-cursor", "WzFd"]:
        body = await gql(client, THREADS, {"first": 1, "after": after}, errors=True)
        assert error_codes(body) == ["BAD_USER_INPUT"]
    body = await gql(
        client, THREADS, {"first": 1, "after": cursor, "orderBy": "NEWEST"}, errors=True
    )
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_every_filter_field_narrows_the_feed(client, db):
    city = await make_organisation(db, type=OrganisationType.LOCAL_REGIONAL_GOVERNMENT)
    bank = await make_organisation(db, type=OrganisationType.PUBLIC_BANK)
    citizen = await make_member(db, organisation=city)
    banker = await make_member(db, organisation=bank)
    researcher = await make_member(db, role=MemberRole.RESEARCHER)
    a = await make_thread(
        db,
        author=citizen,
        title="Procurement",
        kind=ThreadKind.CHALLENGE,
        pillars=[RoarPillar.ROUTES_AND_DIRECTIONS],
        topics=["procurement"],
    )
    await make_thread(
        db,
        author=banker,
        title="Equity stakes",
        kind=ThreadKind.CASE_EXAMPLE,
        pillars=[RoarPillar.RISKS_AND_REWARDS],
        topics=["equity-stakes"],
    )
    await make_reply(db, thread=a, author=researcher)

    cases = [
        ({"pillars": ["RISKS_AND_REWARDS"]}, ["Equity stakes"]),
        (
            {"pillars": ["RISKS_AND_REWARDS", "ROUTES_AND_DIRECTIONS"]},
            ["Equity stakes", "Procurement"],
        ),
        ({"organisationTypes": ["LOCAL_REGIONAL_GOVERNMENT"]}, ["Procurement"]),
        ({"kinds": ["CASE_EXAMPLE"]}, ["Equity stakes"]),
        ({"statuses": ["OPEN"]}, ["Equity stakes", "Procurement"]),
        ({"statuses": ["ANSWERED"]}, []),
        ({"topics": ["procurement"]}, ["Procurement"]),
        ({"organisation": gid("Organisation", bank.id)}, ["Equity stakes"]),
        ({"hasExpertReply": True}, ["Procurement"]),
        ({"hasExpertReply": False}, ["Equity stakes"]),
    ]
    for flt, expected in cases:
        data = await gql(client, THREADS, {"filter": flt})
        assert sorted(titles(data)) == expected, flt
        assert data["threads"]["totalCount"] == len(expected), flt


async def test_search_matches_titles_and_every_post_subject_matches_first(client, db):
    author = await make_member(db)
    in_title = await make_thread(db, author=author, title="Procurement for missions", body="Plain.")
    in_reply = await make_thread(db, author=author, title="Other", body="Nothing here.")
    await make_thread(db, author=author, title="Unrelated", body="Nothing at all.")
    await make_reply(db, thread=in_reply, author=author, body="We changed our procurement rules.")

    data = await gql(client, THREADS, {"filter": {"search": "procurement"}})

    assert titles(data) == [in_title.title, in_reply.title]
    assert data["threads"]["totalCount"] == 2
    nothing = await gql(client, THREADS, {"filter": {"search": "zzzzqqq"}})
    assert titles(nothing) == [] and nothing["threads"]["totalCount"] == 0


async def search_titles(client, text: str, **variables) -> list[str]:
    """Every title a search lists, page by page (`first` as given), checking the count."""
    seen, after = [], None
    while True:
        data = await gql(client, THREADS, {"filter": {"search": text}, "after": after, **variables})
        seen += titles(data)
        info = data["threads"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert data["threads"]["totalCount"] == len(seen)
    return seen


async def test_subject_matches_come_first_then_reply_matches_each_by_last_activity(client, db):
    author = await make_member(db)
    old_subject = await make_thread(db, author=author, title="Mission budgets", body="How?")
    old_reply = await make_thread(db, author=author, title="Cities", body="Street trees.")
    await make_reply(db, thread=old_reply, author=author, body="Our mission had one.")
    await make_thread(db, author=author, title="Plain", body="A mission map.")
    new_reply = await make_thread(db, author=author, title="Ports", body="Harbours.")
    await make_reply(db, thread=new_reply, author=author, body="A mission for ports.")
    # Activity moves a thread up within its group, never into the other group.
    await make_reply(db, thread=old_subject, author=author, body="Bump.")
    await make_reply(db, thread=old_reply, author=author, body="Bump.")

    listed = await search_titles(client, "mission")

    assert listed == ["Mission budgets", "Plain", "Cities", "Ports"]


async def test_within_each_group_the_requested_order_applies(client, db):
    author = await make_member(db)
    quiet = await make_thread(db, author=author, title="Mission quiet", body="One.")
    busy = await make_thread(db, author=author, title="Mission busy", body="Two.")
    other = await make_thread(db, author=author, title="Other", body="Three.")
    for _ in range(2):
        await make_reply(db, thread=quiet, author=author, body="More.")
    await make_reply(db, thread=other, author=author, body="A mission, in a reply.")
    await make_reply(db, thread=busy, author=author, body="Last word.")

    newest = await search_titles(client, "mission", orderBy="NEWEST")
    most = await search_titles(client, "mission", orderBy="MOST_REPLIES")
    activity = await search_titles(client, "mission", orderBy="LAST_ACTIVITY")

    assert newest == ["Mission busy", "Mission quiet", "Other"]
    assert most == ["Mission quiet", "Mission busy", "Other"]
    assert activity == ["Mission busy", "Mission quiet", "Other"]


@pytest.mark.parametrize("first", [1, 2, 3, 7])
async def test_search_pages_cover_both_groups_once_in_order(client, db, first):
    author = await make_member(db)
    for n in range(3):
        await make_thread(db, author=author, title=f"Mission {n}", body="mission " * (n + 1))
    for n in range(4):
        thread = await make_thread(db, author=author, title=f"Reply {n}", body="Plain.")
        await make_reply(db, thread=thread, author=author, body=f"A mission, {n}.")
    await make_thread(db, author=author, title="Unrelated", body="Nothing.")

    paged = await search_titles(client, "mission", first=first)
    whole = titles(await gql(client, THREADS, {"filter": {"search": "mission"}, "first": 100}))

    assert paged == whole
    assert whole == [
        "Mission 2",
        "Mission 1",
        "Mission 0",
        "Reply 3",
        "Reply 2",
        "Reply 1",
        "Reply 0",
    ]


async def test_a_search_cursor_belongs_to_its_order(client, db):
    author = await make_member(db)
    for n in range(3):
        await make_thread(db, author=author, title=f"Mission {n}")
    data = await gql(client, THREADS, {"filter": {"search": "mission"}, "first": 1})
    cursor = data["threads"]["pageInfo"]["endCursor"]
    feed_cursor = (await gql(client, THREADS, {"first": 1}))["threads"]["pageInfo"]["endCursor"]

    for variables in [
        {"filter": {"search": "mission"}, "after": cursor, "orderBy": "NEWEST"},
        {"filter": {"search": "mission"}, "after": feed_cursor},
        {"after": cursor},
    ]:
        body = await gql(client, THREADS, {"first": 1, **variables}, errors=True)
        assert error_codes(body) == ["BAD_USER_INPUT"], variables


async def test_a_reply_matches_when_it_holds_every_word_itself(client, db):
    author = await make_member(db)
    split = await make_thread(db, author=author, title="Split", body="Plain.")
    await make_reply(db, thread=split, author=author, body="About climate.")
    await make_reply(db, thread=split, author=author, body="About finance.")
    together = await make_thread(db, author=author, title="Together", body="Plain.")
    await make_reply(db, thread=together, author=author, body="Climate finance, at last.")
    subject = await make_thread(db, author=author, title="Climate", body="Finance questions.")

    listed = await search_titles(client, "climate finance")

    assert listed == [subject.title, together.title]


async def test_reply_matches_of_members_threads_stay_hidden_from_visitors(client, db, settings):
    author = await make_member(db)
    secret = await make_thread(
        db, author=author, title="Secret", body="Plain.", visibility=Visibility.MEMBERS
    )
    await make_reply(db, thread=secret, author=author, body="Our budget for the mission.")
    open_thread = await make_thread(db, author=author, title="Open", body="Plain.")
    await make_reply(db, thread=open_thread, author=author, body="A budget too.")
    await make_thread(db, author=author, title="Budget, secret", visibility=Visibility.MEMBERS)

    assert await search_titles(client, "budget", first=1) == ["Open"]

    await sign_in(client, db, settings, await make_member(db))
    assert await search_titles(client, "budget", first=1) == ["Budget, secret", "Open", "Secret"]


async def test_a_reply_to_a_thread_with_over_a_megabyte_of_words_is_saved_and_found(
    client, db, settings
):
    # PostgreSQL refuses a tsvector with more than 1 MB of distinct words: when a thread's
    # replies were appended to one document, the reply that crossed it failed.
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Glossary", body="Every term we use.")
    words = random.Random(5)
    for _ in range(25):  # about 45 KB of distinct words each
        body = " ".join("".join(words.choices(string.ascii_lowercase, k=10)) for _ in range(4500))
        await make_reply(db, thread=thread, author=author, body=body)
    await sign_in(client, db, settings, author)

    data = await gql(
        client, REPLY, {"input": {"threadId": gid("Thread", thread.id), "body": "Zanzibar!"}}
    )

    assert data["reply"]["errors"] == []
    assert await search_titles(client, "zanzibar") == ["Glossary"]


async def test_search_text_is_never_query_syntax(client, db):
    author = await make_member(db)
    await make_thread(db, author=author, title="Quotes and stars")
    for text in ['"', "a OR b", "NEAR(a b)", "title:x", "*", "-", "((", "' OR 1=1 --", "   "]:
        await gql(client, THREADS, {"filter": {"search": text}})


async def test_members_threads_are_invisible_to_visitors_everywhere(client, db, settings):
    author = await make_member(db)
    secret = await make_thread(
        db, author=author, title="Secret budget", visibility=Visibility.MEMBERS, topics=["budget"]
    )
    await make_thread(db, author=author, title="Open")
    post_id = gid("Post", (await make_reply(db, thread=secret, author=author, body="budget")).id)

    feed = await gql(client, THREADS)
    search = await gql(client, THREADS, {"filter": {"search": "budget"}})
    node = await gql(
        client, "query($id: ID!) { node(id: $id) { id } }", {"id": gid("Thread", secret.id)}
    )
    post = await gql(client, "query($id: ID!) { node(id: $id) { id } }", {"id": post_id})
    org = await gql(
        client,
        "query($slug: String!) { organisation(slug: $slug) { threads { totalCount nodes { title } } } }",
        {"slug": f"org-{author.organisation_id}"} if False else {"slug": (await _slug(db, author))},
    )
    counts = await gql(client, "{ threadCounts { count } }")

    assert titles(feed) == ["Open"] and feed["threads"]["totalCount"] == 1
    assert titles(search) == []
    assert node["node"] is None and post["node"] is None
    assert org["organisation"]["threads"] == {"totalCount": 1, "nodes": [{"title": "Open"}]}
    assert sum(c["count"] for c in counts["threadCounts"]) == 1

    await sign_in(client, db, settings, await make_member(db))
    member_feed = await gql(client, THREADS)
    assert sorted(titles(member_feed)) == ["Open", "Secret budget"]


async def _slug(db, member) -> str:
    from server.models import Organisation

    async with db.read() as session:
        org = await session.get(Organisation, member.organisation_id)
    return org.slug


# PostgreSQL only: SQLite has no statement timeout.
@pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
async def test_a_search_past_the_statement_timeout_is_a_timeout_error_and_frees_its_connection(
    db, database_url
):
    author = await make_member(db)
    await make_thread(db, author=author, title="Mission budgets")
    settings = load_settings(
        database_url=database_url, secret_key=TEST_SECRET, response_cache_seconds=0
    )
    # One pooled connection (and one overflow), and a timeout of a second: far above what the
    # search takes, even on a machine whose two cores many test runs share (it took over
    # 100 ms there), and short enough for the four stopped searches below.
    quick = Database.from_url(database_url, pool_size=1, statement_timeout_ms=1000)
    app = create_app(settings, quick)
    search = {"filter": {"search": "mission budgets"}}
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=BASE_URL
        ) as client:
            # A lock held elsewhere stands in for a slow plan: waiting for it counts
            # towards the statement timeout like any other work of the statement.
            async with db.engine.connect() as other:
                await other.execute(sa.text("LOCK TABLE threads IN ACCESS EXCLUSIVE MODE"))
                stopped = [await gql(client, THREADS, search, errors=True) for _ in range(4)]
                await other.rollback()

            found = await gql(client, THREADS, search)
            feed = await gql(client, THREADS)
    finally:
        await quick.dispose()

    for body in stopped:
        assert error_codes(body) == ["TIMEOUT"]
        assert body["errors"][0]["message"] == SEARCH_TOO_SLOW
    assert titles(found) == ["Mission budgets"] and titles(feed) == ["Mission budgets"]
