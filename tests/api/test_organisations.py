"""The directory: organisations and their members, filtered and paged."""

from __future__ import annotations

from server.domain import OrganisationType
from tests.factories import make_member, make_organisation
from tests.support import error_codes, gql

ORGS = """
query($filter: OrganisationFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) {
    totalCount nodes { name slug type country } pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_the_directory_filters_by_type_country_and_name(client, db):
    await make_organisation(db, name="Banco Verde", type=OrganisationType.PUBLIC_BANK, country="BR")
    await make_organisation(
        db, name="City of Ost", type=OrganisationType.LOCAL_REGIONAL_GOVERNMENT, country="DE"
    )
    await make_organisation(
        db, name="Orbit 50%_Agency", type=OrganisationType.SPACE_AGENCY, country="DE"
    )

    async def names(flt):
        data = await gql(client, ORGS, {"filter": flt})
        return [n["name"] for n in data["organisations"]["nodes"]]

    assert await names({"types": ["PUBLIC_BANK"]}) == ["Banco Verde"]
    assert await names({"country": "de"}) == ["City of Ost", "Orbit 50%_Agency"]
    assert await names({"search": "ost"}) == ["City of Ost"]
    assert await names({"search": "50%_"}) == ["Orbit 50%_Agency"]
    assert await names({"search": "%"}) == ["Orbit 50%_Agency"]
    body = await gql(client, ORGS, {"filter": {"country": "DEU"}}, errors=True)
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_organisations_and_members_page_by_name(client, db):
    org = await make_organisation(db, name="Agency")
    for name in ["Cleo", "Ana", "Bo"]:
        await make_member(db, organisation=org, name=name)
    for n in range(4):
        await make_organisation(db, name=f"Org {n}")

    seen, after = [], None
    while True:
        data = await gql(client, ORGS, {"first": 2, "after": after})
        seen += [n["name"] for n in data["organisations"]["nodes"]]
        if not data["organisations"]["pageInfo"]["hasNextPage"]:
            break
        after = data["organisations"]["pageInfo"]["endCursor"]
    assert seen == ["Agency", "Org 0", "Org 1", "Org 2", "Org 3"]

    query = """query($slug: String!, $after: String) { organisation(slug: $slug) {
        members(first: 2, after: $after) { totalCount nodes { displayName } pageInfo { endCursor } } } }"""
    first = await gql(client, query, {"slug": org.slug})
    members = first["organisation"]["members"]
    second = await gql(client, query, {"slug": org.slug, "after": members["pageInfo"]["endCursor"]})
    assert [m["displayName"] for m in members["nodes"]] == ["Ana", "Bo"]
    assert [m["displayName"] for m in second["organisation"]["members"]["nodes"]] == ["Cleo"]
    assert members["totalCount"] == 3


async def test_an_unknown_slug_is_null(client, db):
    assert (await gql(client, '{ organisation(slug: "nope") { id } }'))["organisation"] is None


async def test_node_fetches_members_and_organisations_but_never_emails(client, db):
    member = await make_member(db, name="Ana")
    from tests.factories import gid

    data = await gql(
        client,
        """query($m: ID!, $o: ID!) {
        m: node(id: $m) { ... on Member { displayName isExpert organisation { id } } }
        o: node(id: $o) { ... on Organisation { name } } }""",
        {"m": gid("Member", member.id), "o": gid("Organisation", member.organisation_id)},
    )
    assert data["m"]["displayName"] == "Ana" and data["o"]["name"]
    body = await gql(client, "{ viewer { email } }", errors=True)
    assert body["errors"]
