"""Atom feeds of public threads: valid Atom 1.0 (feedparser), filters, conditional GET, 404s."""

from __future__ import annotations

import feedparser
import pytest

from server.domain import OrganisationType, RoarPillar, ThreadKind, Visibility
from tests.conftest import BASE_URL
from tests.factories import gid, make_member, make_organisation, make_reply, make_thread


def parsed(response):
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


async def test_the_threads_feed_is_valid_atom_with_stable_ids_and_links(client, db):
    author = await make_member(db, name="Ada")
    thread = await make_thread(db, author=author, title="Procurement <risks>", body="**Bold** idea")

    response = await client.get("/feeds/threads.atom")
    feed = parsed(response)

    assert response.headers["content-type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    assert feed.feed.id == f"{BASE_URL}/feeds/threads.atom"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == f"{BASE_URL}/feeds/threads.atom"
    assert links["alternate"] == f"{BASE_URL}/"
    [entry] = feed.entries
    assert entry.id == f"{BASE_URL}/t/{gid('Thread', thread.id)}"
    assert entry.title == "Procurement <risks>"
    assert entry.link == entry.id
    assert entry.author.startswith("Ada")
    assert "<strong>Bold</strong>" in entry.content[0].value
    assert entry.updated_parsed is not None
    again = parsed(await client.get("/feeds/threads.atom"))
    assert again.entries[0].id == entry.id


async def test_members_only_threads_never_appear(client, db):
    author = await make_member(db)
    await make_thread(db, author=author, title="Public")
    await make_thread(db, author=author, title="Secret", visibility=Visibility.MEMBERS)

    feed = parsed(await client.get("/feeds/threads.atom"))

    assert [e.title for e in feed.entries] == ["Public"]


async def test_filters_are_repeatable_and_mean_any_of_them(client, db):
    author = await make_member(db)
    await make_thread(db, author=author, title="Risky", pillars=[RoarPillar.RISKS_AND_REWARDS])
    await make_thread(db, author=author, title="Assessed", pillars=[RoarPillar.ASSESSMENT])
    await make_thread(db, author=author, title="Routes", pillars=[RoarPillar.ROUTES_AND_DIRECTIONS])

    feed = parsed(
        await client.get(
            "/feeds/threads.atom",
            params=[("pillar", "RISKS_AND_REWARDS"), ("pillar", "ASSESSMENT")],
        )
    )

    assert sorted(e.title for e in feed.entries) == ["Assessed", "Risky"]
    assert feed.feed.id == (
        f"{BASE_URL}/feeds/threads.atom?pillar=ASSESSMENT&pillar=RISKS_AND_REWARDS"
    )


async def test_kind_topic_organisation_type_and_organisation_filter(client, db):
    bank = await make_organisation(db, type=OrganisationType.PUBLIC_BANK)
    banker = await make_member(db, organisation=bank)
    other = await make_member(db)
    await make_thread(
        db,
        author=banker,
        title="Bank challenge",
        kind=ThreadKind.CHALLENGE,
        topics=["procurement"],
        organisation_types=[OrganisationType.PUBLIC_BANK],
    )
    await make_thread(
        db,
        author=other,
        title="Other challenge",
        kind=ThreadKind.DISCUSSION,
        organisation_types=[OrganisationType.LOCAL_REGIONAL_GOVERNMENT],
    )

    by_org = parsed(await client.get(f"/feeds/threads.atom?organisation={bank.slug}"))
    by_topic = parsed(await client.get("/feeds/threads.atom?topic=Procurement&kind=challenge"))
    by_type = parsed(await client.get("/feeds/threads.atom?organisation_type=PUBLIC_BANK"))
    unknown_org = parsed(await client.get("/feeds/threads.atom?organisation=nobody"))

    assert [e.title for e in by_org.entries] == ["Bank challenge"]
    assert [e.title for e in by_topic.entries] == ["Bank challenge"]
    assert [e.title for e in by_type.entries] == ["Bank challenge"]
    assert unknown_org.entries == []


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("pillar=NOPE", "`pillar` must be one of"),
        ("colour=red", "`colour` is not a parameter"),
        ("topic=" + "x" * 41, "at most 40 characters"),
        ("&".join(["kind=CHALLENGE"] * 11), "`kind` may be given at most"),
    ],
)
async def test_a_wrong_parameter_is_a_400_that_names_it(client, db, query, words):
    response = await client.get(f"/feeds/threads.atom?{query}")

    assert response.status_code == 400
    assert words in response.text


async def test_conditional_get_answers_304_by_etag_and_by_date(client, db):
    await make_thread(db, author=await make_member(db))
    first = await client.get("/feeds/threads.atom")

    by_etag = await client.get(
        "/feeds/threads.atom", headers={"if-none-match": first.headers["etag"]}
    )
    by_date = await client.get(
        "/feeds/threads.atom", headers={"if-modified-since": first.headers["last-modified"]}
    )
    changed = await client.get("/feeds/threads.atom", headers={"if-none-match": '"old"'})

    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_date.status_code == 304
    assert changed.status_code == 200
    assert first.headers["cache-control"].startswith("public")


async def test_a_new_reply_changes_the_thread_feed(client, db):
    author = await make_member(db)
    thread = await make_thread(db, author=author, title="Talk")
    url = f"/feeds/threads/{gid('Thread', thread.id)}.atom"
    before = await client.get(url)
    await make_reply(db, thread=thread, author=await make_member(db), body="A *reply*")

    after = await client.get(url, headers={"if-none-match": before.headers["etag"]})
    feed = parsed(after)

    assert after.status_code == 200
    assert [e.title for e in feed.entries] == ["Opening post: Talk", "Reply 1: Talk"]
    assert "<em>reply</em>" in feed.entries[1].content[0].value
    assert len({e.id for e in feed.entries}) == 2
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["alternate"] == f"{BASE_URL}/t/{gid('Thread', thread.id)}"


async def test_a_missing_or_members_only_thread_feed_is_404(client, db):
    secret = await make_thread(db, author=await make_member(db), visibility=Visibility.MEMBERS)

    for thread_id in (gid("Thread", secret.id), gid("Thread", 999), "nonsense"):
        response = await client.get(f"/feeds/threads/{thread_id}.atom")
        assert response.status_code == 404
