"""Organisation profiles and the directory's summary, over HTTP on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pycountry
import sqlalchemy as sa

from server import countries
from server.domain import MemberRole, OrganisationType, RoarPillar, ThreadKind, Visibility
from server.models import Member, Post
from tests.factories import (
    gid,
    make_member,
    make_organisation,
    make_reply,
    make_thread,
    sign_in,
)
from tests.support import error_codes, gql

PROFILE = """
query Profile($slug: String!) {
  organisation(slug: $slug) {
    country countryName region viewerCanEdit
    pillarCounts { pillar count }
    caseExamples { totalCount nodes { title kind } }
  }
}
"""
SUMMARY = """
{ organisationDirectory { totalCount byType { type count } byRegion { region count } } }
"""
UPDATE = """
mutation Update($input: UpdateOrganisationProfileInput!) {
  updateOrganisationProfile(input: $input) {
    organisation { description descriptionHtml website } errors { field message code }
  }
}
"""


def test_every_iso_country_has_a_region():
    assert {c.alpha_2 for c in pycountry.countries if countries.region(c.alpha_2) is None} == set()
    assert [countries.region(c) for c in ("DE", "KE", "BR", "NZ", "JP", "IS", "MU")] == [
        "Europe",
        "Africa",
        "Americas",
        "Oceania",
        "Asia",
        "Europe",
        "Africa",
    ]


async def test_a_profile_names_the_country_and_counts_threads_by_pillar(client, db, settings):
    organisation = await make_organisation(db, country="KE")
    author = await make_member(db, organisation=organisation)
    await make_thread(db, author=author, pillars=[RoarPillar.ASSESSMENT])
    await make_thread(
        db,
        author=author,
        kind=ThreadKind.CASE_EXAMPLE,
        title="Our drought fund",
        pillars=[RoarPillar.ASSESSMENT, RoarPillar.RISKS_AND_REWARDS],
    )
    await make_thread(
        db, author=author, pillars=[RoarPillar.RISKS_AND_REWARDS], visibility=Visibility.MEMBERS
    )

    as_visitor = (await gql(client, PROFILE, {"slug": organisation.slug}))["organisation"]
    await sign_in(client, db, settings, await make_member(db))
    as_member = (await gql(client, PROFILE, {"slug": organisation.slug}))["organisation"]

    assert (as_visitor["countryName"], as_visitor["region"]) == ("Kenya", "Africa")
    counts = {c["pillar"]: c["count"] for c in as_visitor["pillarCounts"]}
    assert counts == {
        "ROUTES_AND_DIRECTIONS": 0,
        "ORGANISATIONAL_CAPACITY": 0,
        "ASSESSMENT": 2,
        "RISKS_AND_REWARDS": 1,
    }
    assert {c["pillar"]: c["count"] for c in as_member["pillarCounts"]}["RISKS_AND_REWARDS"] == 2
    assert as_visitor["caseExamples"]["nodes"] == [
        {"title": "Our drought fund", "kind": "CASE_EXAMPLE"}
    ]
    assert as_visitor["viewerCanEdit"] is False


async def test_the_directory_counts_organisations_by_type_and_region(client, db):
    await make_organisation(db, country="DE", type=OrganisationType.PUBLIC_BANK)
    await make_organisation(db, country="FR", type=OrganisationType.PUBLIC_BANK)
    await make_organisation(db, country="BR", type=OrganisationType.SPACE_AGENCY)
    await make_organisation(db, country=None, type=OrganisationType.INTERNATIONAL_AGENCY)

    summary = (await gql(client, SUMMARY))["organisationDirectory"]

    assert summary["totalCount"] == 4
    assert summary["byType"][0] == {"type": "PUBLIC_BANK", "count": 2}
    assert {r["region"]: r["count"] for r in summary["byRegion"]} == {
        "Europe": 2,
        "Americas": 1,
        "International": 1,
    }


async def test_the_lead_contact_and_admins_edit_the_profile_others_do_not(client, db, settings):
    organisation = await make_organisation(db)
    lead = await make_member(db, organisation=organisation)
    async with db.write() as session:
        row = await session.get(Member, lead.id)
        assert row is not None
        row.lead_contact = True
    colleague = await make_member(db, organisation=organisation)
    update = {
        "input": {
            "organisation": gid("Organisation", organisation.id),
            "description": "We *fund* missions.",
            "website": "https://bank.example",
        }
    }

    as_visitor = await gql(client, UPDATE, update, errors=True)
    await sign_in(client, db, settings, colleague)
    as_colleague = await gql(client, UPDATE, update, errors=True)
    await sign_in(client, db, settings, lead)
    as_lead = await gql(client, UPDATE, update)
    can_edit = (await gql(client, PROFILE, {"slug": organisation.slug}))["organisation"]
    bad = await gql(
        client,
        UPDATE,
        {"input": {**update["input"], "website": "ftp://x", "description": "x" * 2001}},
    )
    await sign_in(client, db, settings, await make_member(db, role=MemberRole.ADMIN))
    as_admin = await gql(client, UPDATE, {"input": {**update["input"], "website": ""}})

    assert error_codes(as_visitor) == ["UNAUTHENTICATED"]
    assert error_codes(as_colleague) == ["FORBIDDEN"]
    assert as_lead["updateOrganisationProfile"]["organisation"] == {
        "description": "We *fund* missions.",
        "descriptionHtml": "<p>We <em>fund</em> missions.</p>\n",
        "website": "https://bank.example",
    }
    assert can_edit["viewerCanEdit"] is True
    assert {e["field"][1] for e in bad["updateOrganisationProfile"]["errors"]} == {
        "website",
        "description",
    }
    assert as_admin["updateOrganisationProfile"]["organisation"]["website"] is None


async def test_a_description_is_markdown_sanitised_and_refused_when_too_costly(
    client, db, settings
):
    organisation = await make_organisation(db)
    await sign_in(client, db, settings, await make_member(db, role=MemberRole.ADMIN))
    target = gid("Organisation", organisation.id)
    saved = await gql(
        client,
        UPDATE,
        {"input": {"organisation": target, "description": "**Net zero** <script>x()</script>"}},
    )
    costly = await gql(
        client, UPDATE, {"input": {"organisation": target, "description": "[" * 1900}}
    )
    after = (await gql(client, PROFILE_TEXT, {"slug": organisation.slug}))["organisation"]

    html = saved["updateOrganisationProfile"]["organisation"]["descriptionHtml"]
    assert "<strong>Net zero</strong>" in html and "<script" not in html
    assert [(e["field"], e["code"]) for e in costly["updateOrganisationProfile"]["errors"]] == [
        (["input", "description"], "TOO_COMPLEX")
    ]
    # The refused description changed nothing.
    assert after["description"] == "**Net zero** <script>x()</script>"
    assert after["descriptionHtml"] == html


PROFILE_TEXT = """
query ProfileText($slug: String!) { organisation(slug: $slug) { description descriptionHtml } }
"""


BY_ACTIVITY = """
query ByActivity($first: Int, $after: String, $order: OrganisationOrder!) {
  organisations(first: $first, after: $after, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { name }
  }
}
"""


async def _all_pages(client, order: str, first: int) -> list[str]:
    """Every organisation's name, page after page of `first`."""
    names: list[str] = []
    after = None
    while True:
        page = (await gql(client, BY_ACTIVITY, {"first": first, "after": after, "order": order}))[
            "organisations"
        ]
        names += [n["name"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            return names
        after = page["pageInfo"]["endCursor"]


async def _at(db, post_id: int, when: datetime) -> None:
    """Date a post (and, for an opening post, its thread) at `when`."""
    async with db.write() as session:
        post = await session.get(Post, post_id)
        assert post is not None
        post.created_at = when


async def test_the_directory_sorts_by_latest_visible_activity_and_pages_through_ties(
    client, db, settings
):
    day = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    # Names in the opposite order of their activity, so a name order cannot pass for it.
    org = {
        name: await make_organisation(db, name=name)
        for name in ("Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum")
    }
    people = {name: await make_member(db, organisation=o) for name, o in org.items()}
    started = await make_thread(db, author=people["Fir"])  # Fir: the latest, day 5
    await _at(db, await _opening(db, started.id), day + timedelta(days=5))
    # Elm replies in Fir's thread on day 3; Dogwood and Cedar both on day 2 (a tie).
    for name, days in (("Elm", 3), ("Dogwood", 2), ("Cedar", 2)):
        reply = await make_reply(db, thread=started, author=people[name])
        await _at(db, reply.id, day + timedelta(days=days))
    # Gum's only activity is in a thread for members: visitors do not see it.
    members_only = await make_thread(db, author=people["Gum"], visibility=Visibility.MEMBERS)
    await _at(db, await _opening(db, members_only.id), day + timedelta(days=9))
    # Birch's latest reply is hidden: it counts for no one; its earlier one does.
    early = await make_reply(db, thread=started, author=people["Birch"])
    await _at(db, early.id, day + timedelta(days=1))
    hidden = await make_reply(db, thread=started, author=people["Birch"])
    await _at(db, hidden.id, day + timedelta(days=8))
    async with db.write() as session:
        row = await session.get(Post, hidden.id)
        assert row is not None
        row.hidden_at = day + timedelta(days=8)
        row.hidden_reason = "Off topic"
    # Alder has no activity at all.

    visitor = ["Fir", "Elm", "Cedar", "Dogwood", "Birch", "Alder", "Gum"]
    by_name = sorted(org)
    # Every page size gives the same order: the keyset holds through the ties of day 2 and
    # of the organisations without activity.
    for first in (1, 2, 3, 7):
        assert await _all_pages(client, "LAST_ACTIVITY", first) == visitor, first
        assert await _all_pages(client, "NAME", first) == by_name, first
    # The default stays by name.
    default = await gql(client, "{ organisations { nodes { name } } }")
    assert [n["name"] for n in default["organisations"]["nodes"]] == by_name

    # A member also sees the members' thread: Gum comes first.
    await sign_in(client, db, settings, await make_member(db, organisation=org["Alder"]))
    assert (await _all_pages(client, "LAST_ACTIVITY", 2))[:2] == ["Gum", "Fir"]

    # A cursor of one order is refused by the other, with a clear error.
    by_name_cursor = (await gql(client, BY_ACTIVITY, {"first": 1, "order": "NAME"}))[
        "organisations"
    ]["pageInfo"]["endCursor"]
    refused = await gql(
        client,
        BY_ACTIVITY,
        {"first": 1, "after": by_name_cursor, "order": "LAST_ACTIVITY"},
        errors=True,
    )
    assert refused["errors"][0]["message"] == "`after` is not a cursor of this list."
    assert refused["data"] is None


async def _opening(db, thread_id: int) -> int:
    async with db.read() as session:
        post_id = await session.scalar(
            sa.select(Post.id).where(Post.thread_id == thread_id, Post.position == 0)
        )
    assert post_id is not None
    return post_id
