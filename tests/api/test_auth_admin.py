"""Admins change members' roles and organisations through GraphQL; nobody else can."""

from __future__ import annotations

import pytest

from server.domain import MemberRole
from tests.api.test_threads_mutations import EDIT
from tests.factories import gid, make_member, make_organisation, make_reply, make_thread, sign_in
from tests.support import error_codes, gql

GRANT = """
mutation Grant($input: GrantRoleInput!) {
  grantRole(input: $input) { member { id role isExpert } errors { field message code } }
}
"""
REVOKE = """
mutation Revoke($input: RevokeRoleInput!) {
  revokeRole(input: $input) { member { role } errors { field message code } }
}
"""
ATTACH = """
mutation Attach($input: SetMemberOrganisationInput!) {
  setMemberOrganisation(input: $input) {
    member { organisation { name } } errors { field message code }
  }
}
"""


async def as_admin(client, db, settings):
    admin = await make_member(db, role=MemberRole.ADMIN)
    await sign_in(client, db, settings, admin)
    return admin


async def test_an_admin_grants_a_role_that_counts_from_the_members_next_request(
    client, db, settings, app
):
    import httpx

    from tests.conftest import BASE_URL

    member = await make_member(db)
    other_post = await make_reply(
        db, thread=await make_thread(db, author=await make_member(db)), author=await make_member(db)
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as member_client:
        await sign_in(member_client, db, settings, member)
        edit = {"input": {"postId": gid("Post", other_post.id), "body": "Moderated."}}
        assert error_codes(await gql(member_client, EDIT, edit, errors=True)) == ["FORBIDDEN"]

        await as_admin(client, db, settings)
        data = await gql(
            client, GRANT, {"input": {"memberId": gid("Member", member.id), "role": "MODERATOR"}}
        )
        assert data["grantRole"] == {
            "member": {"id": gid("Member", member.id), "role": "MODERATOR", "isExpert": False},
            "errors": [],
        }

        # Same session, next request: now a moderator.
        edited = await gql(member_client, EDIT, edit)
        assert edited["editPost"]["errors"] == []


async def test_granting_researcher_makes_replies_expert_and_revoking_ends_it(client, db, settings):
    member = await make_member(db)
    await as_admin(client, db, settings)

    granted = await gql(
        client, GRANT, {"input": {"memberId": gid("Member", member.id), "role": "RESEARCHER"}}
    )
    revoked = await gql(client, REVOKE, {"input": {"memberId": gid("Member", member.id)}})

    assert granted["grantRole"]["member"]["isExpert"] is True
    assert revoked["revokeRole"]["member"]["role"] == "MEMBER"


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("visitor", "UNAUTHENTICATED"),
        ("MEMBER", "FORBIDDEN"),
        ("RESEARCHER", "FORBIDDEN"),
        ("MODERATOR", "FORBIDDEN"),
    ],
)
async def test_only_admins_change_roles_and_organisations(client, db, settings, role, code):
    target = await make_member(db, with_organisation=False)
    organisation = await make_organisation(db)
    if role != "visitor":
        await sign_in(client, db, settings, await make_member(db, role=MemberRole(role)))
    member_id = gid("Member", target.id)

    outcomes = [
        await gql(client, GRANT, {"input": {"memberId": member_id, "role": "ADMIN"}}, errors=True),
        await gql(client, REVOKE, {"input": {"memberId": member_id}}, errors=True),
        await gql(
            client,
            ATTACH,
            {
                "input": {
                    "memberId": member_id,
                    "organisationId": gid("Organisation", organisation.id),
                }
            },
            errors=True,
        ),
    ]

    assert [error_codes(body) for body in outcomes] == [[code]] * 3


async def test_an_admin_cannot_take_away_their_own_admin_role(client, db, settings):
    admin = await as_admin(client, db, settings)

    data = await gql(client, REVOKE, {"input": {"memberId": gid("Member", admin.id)}})

    assert data["revokeRole"]["member"] is None
    assert data["revokeRole"]["errors"][0]["field"] == ["input", "memberId"]
    assert "another admin" in data["revokeRole"]["errors"][0]["message"]


async def test_an_unknown_member_or_organisation_is_a_payload_error(client, db, settings):
    await as_admin(client, db, settings)
    member = await make_member(db)

    no_member = await gql(
        client, GRANT, {"input": {"memberId": gid("Member", 999999), "role": "ADMIN"}}
    )
    not_a_member_id = await gql(
        client, GRANT, {"input": {"memberId": gid("Thread", member.id), "role": "ADMIN"}}
    )
    no_organisation = await gql(
        client,
        ATTACH,
        {"input": {"memberId": gid("Member", member.id), "organisationId": "garbage"}},
    )

    assert no_member["grantRole"]["errors"][0]["code"] == "INVALID"
    assert not_a_member_id["grantRole"]["errors"][0]["field"] == ["input", "memberId"]
    assert no_organisation["setMemberOrganisation"]["errors"] == [
        {
            "field": ["input", "organisationId"],
            "message": "There is no organisation with this ID.",
            "code": "INVALID",
        }
    ]


async def test_an_admin_attaches_and_detaches_a_member(client, db, settings):
    await as_admin(client, db, settings)
    member = await make_member(db, with_organisation=False)
    organisation = await make_organisation(db, name="Public Bank of X")
    member_id = gid("Member", member.id)

    attached = await gql(
        client,
        ATTACH,
        {"input": {"memberId": member_id, "organisationId": gid("Organisation", organisation.id)}},
    )
    detached = await gql(client, ATTACH, {"input": {"memberId": member_id, "organisationId": None}})

    assert attached["setMemberOrganisation"]["member"]["organisation"] == {
        "name": "Public Bank of X"
    }
    assert detached["setMemberOrganisation"]["member"]["organisation"] is None
