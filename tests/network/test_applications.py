"""Applying to join the network, and the admins' decisions, over HTTP on both databases."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from server.app import create_app
from server.config import ConfigError, load_settings
from server.domain import MemberRole
from server.models import Invitation, MembershipApplication, Organisation
from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import make_member, make_organisation, sign_in
from tests.network.conftest import text_of
from tests.support import error_codes, gql

APPLY = """
mutation Apply($input: ApplyForMembershipInput!) {
  applyForMembership(input: $input) {
    application { id organisationName country status contactEmail decisionReason }
    errors { field message code }
  }
}
"""
APPLICATIONS = """
query Applications($status: ApplicationStatus, $after: String, $first: Int) {
  membershipApplications(status: $status, first: $first, after: $after) {
    totalCount
    nodes { id organisationName contactName contactEmail motivation status }
    pageInfo { hasNextPage endCursor }
  }
}
"""
DECIDE = """
mutation Decide($input: DecideMembershipApplicationInput!) {
  decideMembershipApplication(input: $input) {
    application { id status decidedAt decisionReason organisation { slug name type country } }
    errors { field message code }
  }
}
"""
TERMS = "{ termsOfReferenceHtml }"


def application(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "organisationName": "Agência Nacional de Inovação",
        "organisationType": "RESEARCH_INNOVATION_AGENCY",
        "country": "pt",
        "website": "https://www.ani.example",
        "contactName": "Joana Silva",
        "contactEmail": "joana@ani.example",
        "motivation": "We run **mission-oriented** calls and want to learn from peers.",
        "acceptsTermsOfReference": True,
    }
    values.update(overrides)
    return values


async def count(db, model) -> int:
    async with db.read() as session:
        return int(await session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


async def admin_client(client, db, settings):
    admin = await make_member(db, role=MemberRole.ADMIN, name="Ada Admin")
    await sign_in(client, db, settings, admin)
    return admin


async def test_a_visitor_applies_and_the_contact_gets_a_receipt_by_e_mail(client, db, deliver):
    data = await gql(client, APPLY, {"input": application()})

    payload = data["applyForMembership"]
    assert payload["errors"] == []
    assert payload["application"]["organisationName"] == "Agência Nacional de Inovação"
    assert payload["application"]["country"] == "PT"
    assert payload["application"]["status"] == "PENDING"
    # The address is the admins' to see, not the applicant's browser's.
    assert payload["application"]["contactEmail"] is None
    received = await deliver()
    assert [m["To"] for m in received] == ["joana@ani.example"]
    assert "Agência Nacional de Inovação" in received[0]["Subject"]
    assert "Joana Silva" in text_of(received[0])


async def test_every_field_at_fault_is_named_and_nothing_is_written(client, db, deliver):
    bad = application(
        organisationName="  ",
        country="XX",
        website="ftp://files.example",
        contactName="Joana\nSilva",
        contactEmail="joana at ani",
        motivation="x" * 5001,
        acceptsTermsOfReference=False,
    )

    data = await gql(client, APPLY, {"input": bad})

    errors = data["applyForMembership"]["errors"]
    assert {tuple(e["field"]): e["code"] for e in errors} == {
        ("input", "organisationName"): "REQUIRED",
        ("input", "country"): "INVALID",
        ("input", "website"): "INVALID",
        ("input", "contactName"): "INVALID",
        ("input", "contactEmail"): "INVALID",
        ("input", "motivation"): "TOO_LONG",
        ("input", "acceptsTermsOfReference"): "REQUIRED",
    }
    assert any("ISO 3166-1 alpha-2" in e["message"] for e in errors)
    assert any("5000" in e["message"] for e in errors)
    assert data["applyForMembership"]["application"] is None
    assert await count(db, MembershipApplication) == 0
    assert await deliver() == []


async def test_the_sixth_application_in_an_hour_from_one_address_is_rate_limited(client, db):
    for n in range(5):
        data = await gql(
            client,
            APPLY,
            {"input": application(organisationName=f"Agency {n}", website=None)},
        )
        assert data["applyForMembership"]["errors"] == []

    response = await client.post(
        "/graphql",
        json={"query": APPLY, "variables": {"input": application(website=None)}},
    )

    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 3600
    assert error_codes(response.json()) == ["RATE_LIMITED"]
    assert await count(db, MembershipApplication) == 5


async def test_a_form_with_errors_costs_no_attempt(client, db):
    for _ in range(6):
        data = await gql(client, APPLY, {"input": application(country="ZZ")})
        assert data["applyForMembership"]["errors"]

    data = await gql(client, APPLY, {"input": application()})

    assert data["applyForMembership"]["errors"] == []


async def test_a_filled_in_honeypot_looks_accepted_but_records_and_sends_nothing(
    client, db, deliver
):
    data = await gql(client, APPLY, {"input": application(honeypot="http://spam.example")})

    assert data["applyForMembership"] == {"application": None, "errors": []}
    assert await count(db, MembershipApplication) == 0
    assert await deliver() == []


async def test_an_idempotency_key_sent_again_returns_the_first_application(client, db, deliver):
    first = await gql(client, APPLY, {"input": application(idempotencyKey="k-1")})
    again = await gql(client, APPLY, {"input": application(idempotencyKey="k-1")})
    other = await gql(
        client, APPLY, {"input": application(idempotencyKey="k-1", motivation="Other text.")}
    )

    assert (
        again["applyForMembership"]["application"]["id"]
        == (first["applyForMembership"]["application"]["id"])
    )
    assert [e["code"] for e in other["applyForMembership"]["errors"]] == ["DUPLICATE"]
    assert await count(db, MembershipApplication) == 1
    assert len(await deliver()) == 1


async def test_a_name_or_website_the_network_has_already_is_refused(client, db):
    await make_organisation(db, name="Banco Nacional de Fomento")
    async with db.write() as session:
        organisation = await session.scalar(sa.select(Organisation))
        assert organisation is not None
        organisation.website = "https://bnf.example/en"
    await gql(client, APPLY, {"input": application()})

    by_name = await gql(
        client,
        APPLY,
        {"input": application(organisationName="banco nacional de fomento", website=None)},
    )
    by_website = await gql(
        client,
        APPLY,
        {"input": application(organisationName="BNF", website="http://bnf.example")},
    )
    pending = await gql(
        client,
        APPLY,
        {"input": application(organisationName="ANI", website="https://ani.example/")},
    )

    for data, field in [
        (by_name, "organisationName"),
        (by_website, "website"),
        (pending, "website"),
    ]:
        errors = data["applyForMembership"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(["input", field], "DUPLICATE")]
        assert "already" in errors[0]["message"]
    assert await count(db, MembershipApplication) == 1


async def test_only_admins_see_the_queue(client, db, settings):
    await gql(client, APPLY, {"input": application()})

    as_visitor = await gql(client, APPLICATIONS, errors=True)
    member = await make_member(db)
    await sign_in(client, db, settings, member)
    as_member = await gql(client, APPLICATIONS, errors=True)
    await admin_client(client, db, settings)
    as_admin = await gql(client, APPLICATIONS, {"status": "PENDING"})

    assert error_codes(as_visitor) == ["UNAUTHENTICATED"]
    assert error_codes(as_member) == ["FORBIDDEN"]
    queue = as_admin["membershipApplications"]
    assert queue["totalCount"] == 1
    assert queue["nodes"][0]["contactEmail"] == "joana@ani.example"
    assert queue["nodes"][0]["motivation"].startswith("We run")


async def test_the_queue_pages_newest_first_and_filters_by_status(client, db, settings):
    for n in range(5):
        await gql(
            client, APPLY, {"input": application(organisationName=f"Agency {n}", website=None)}
        )
    await admin_client(client, db, settings)

    first = await gql(client, APPLICATIONS, {"first": 3})
    page = first["membershipApplications"]
    rest = await gql(client, APPLICATIONS, {"first": 3, "after": page["pageInfo"]["endCursor"]})
    rejected = await gql(client, APPLICATIONS, {"status": "REJECTED"})

    names = [n["organisationName"] for n in page["nodes"]]
    names += [n["organisationName"] for n in rest["membershipApplications"]["nodes"]]
    assert names == [f"Agency {n}" for n in (4, 3, 2, 1, 0)]
    assert page["pageInfo"]["hasNextPage"] is True
    assert rest["membershipApplications"]["pageInfo"]["hasNextPage"] is False
    assert rejected["membershipApplications"]["totalCount"] == 0


async def test_an_admin_approves_the_organisation_is_created_and_the_contact_invited(
    client, db, settings, deliver
):
    applied = await gql(client, APPLY, {"input": application()})
    application_id = applied["applyForMembership"]["application"]["id"]
    await admin_client(client, db, settings)

    data = await gql(client, DECIDE, {"input": {"applicationId": application_id, "approve": True}})

    decided = data["decideMembershipApplication"]
    assert decided["errors"] == []
    assert decided["application"]["status"] == "APPROVED"
    assert decided["application"]["organisation"] == {
        "slug": "agencia-nacional-de-inovacao",
        "name": "Agência Nacional de Inovação",
        "type": "RESEARCH_INNOVATION_AGENCY",
        "country": "PT",
    }
    async with db.read() as session:
        invitation = (await session.scalars(sa.select(Invitation))).one()
    assert invitation.email == "joana@ani.example" and invitation.lead is True
    received = await deliver()
    assert [m["To"] for m in received] == ["joana@ani.example", "joana@ani.example"]
    welcome = text_of(received[1])
    assert re.search(r"http://127\.0\.0\.1:8000/auth/invitation/\S+", welcome)
    # The link carries the invitation's id, never the address.
    link = re.search(r"/auth/invitation/(\S+)", welcome)
    assert link and "joana" not in link.group(1)


async def test_a_rejection_needs_a_reason_which_is_e_mailed(client, db, settings, deliver):
    applied = await gql(client, APPLY, {"input": application()})
    application_id = applied["applyForMembership"]["application"]["id"]
    await admin_client(client, db, settings)

    without = await gql(
        client, DECIDE, {"input": {"applicationId": application_id, "approve": False}}
    )
    with_reason = await gql(
        client,
        DECIDE,
        {
            "input": {
                "applicationId": application_id,
                "approve": False,
                "reason": "The network is for public organisations.",
            }
        },
    )

    assert [(e["field"], e["code"]) for e in without["decideMembershipApplication"]["errors"]] == [
        (["input", "reason"], "REQUIRED")
    ]
    decided = with_reason["decideMembershipApplication"]["application"]
    assert decided["status"] == "REJECTED"
    assert decided["decisionReason"] == "The network is for public organisations."
    assert await count(db, Organisation) == 1  # the admin's own
    received = await deliver()
    assert "The network is for public organisations." in text_of(received[-1])


async def test_a_decided_application_cannot_be_decided_again(client, db, settings):
    applied = await gql(client, APPLY, {"input": application()})
    application_id = applied["applyForMembership"]["application"]["id"]
    await admin_client(client, db, settings)
    await gql(client, DECIDE, {"input": {"applicationId": application_id, "approve": True}})

    again = await gql(
        client,
        DECIDE,
        {"input": {"applicationId": application_id, "approve": False, "reason": "Oops."}},
    )

    errors = again["decideMembershipApplication"]["errors"]
    assert [e["field"] for e in errors] == [["input", "applicationId"]]
    assert "already" in errors[0]["message"]
    async with db.read() as session:
        row = (await session.scalars(sa.select(MembershipApplication))).one()
    assert row.status == "APPROVED"


async def test_nobody_but_an_admin_decides(client, db, settings):
    applied = await gql(client, APPLY, {"input": application()})
    application_id = applied["applyForMembership"]["application"]["id"]
    decide = {"input": {"applicationId": application_id, "approve": True}}

    as_visitor = await gql(client, DECIDE, decide, errors=True)
    for role in (MemberRole.MEMBER, MemberRole.RESEARCHER, MemberRole.MODERATOR):
        await sign_in(client, db, settings, await make_member(db, role=role))
        assert error_codes(await gql(client, DECIDE, decide, errors=True)) == ["FORBIDDEN"]

    assert error_codes(as_visitor) == ["UNAUTHENTICATED"]
    async with db.read() as session:
        row = (await session.scalars(sa.select(MembershipApplication))).one()
    assert row.status == "PENDING"


async def test_an_application_is_a_node_for_admins_only(client, db, settings):
    applied = await gql(client, APPLY, {"input": application()})
    application_id = applied["applyForMembership"]["application"]["id"]
    query = "query($id: ID!) { node(id: $id) { ... on MembershipApplication { contactName } } }"

    as_visitor = await gql(client, query, {"id": application_id})
    await admin_client(client, db, settings)
    as_admin = await gql(client, query, {"id": application_id})

    assert as_visitor["node"] is None
    assert as_admin["node"] == {"contactName": "Joana Silva"}


async def test_the_terms_of_reference_are_served_as_sanitised_html(client, db, settings, tmp_path):
    default = await gql(client, TERMS)

    assert "<h1>Terms of Reference</h1>" in default["termsOfReferenceHtml"]
    own = tmp_path / "terms.md"
    own.write_text("# Our terms\n\n<script>alert(1)</script> [x](javascript:alert(1))")
    deployment = create_app(settings.model_copy(update={"terms_of_reference_path": own}), db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=deployment), base_url=BASE_URL
    ) as other:
        replaced = await gql(other, TERMS)
    assert "<h1>Our terms</h1>" in replaced["termsOfReferenceHtml"]
    assert "<script>" not in replaced["termsOfReferenceHtml"]
    assert 'href="javascript' not in replaced["termsOfReferenceHtml"]


def test_a_terms_of_reference_path_that_is_no_file_stops_start_up(tmp_path):
    with pytest.raises(ConfigError, match="MOIN_TERMS_OF_REFERENCE_PATH"):
        load_settings(secret_key=TEST_SECRET, terms_of_reference_path=tmp_path / "missing.md")
