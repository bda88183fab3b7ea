"""Organisation profiles and the directory's summary, over HTTP on both databases."""

from __future__ import annotations

import pycountry

from server import countries
from server.domain import MemberRole, OrganisationType, RoarPillar, ThreadKind, Visibility
from server.models import Member
from tests.factories import gid, make_member, make_organisation, make_thread, sign_in
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
    organisation { description website } errors { field message code }
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
        "website": "https://bank.example",
    }
    assert can_edit["viewerCanEdit"] is True
    assert {e["field"][1] for e in bad["updateOrganisationProfile"]["errors"]} == {
        "website",
        "description",
    }
    assert as_admin["updateOrganisationProfile"]["organisation"]["website"] is None
