"""The member rules, called directly: who a sign-in finds or makes, roles, organisations."""

from __future__ import annotations

import logging

import pytest

from server.domain import MemberRole
from server.models import Member
from server.services import members
from server.services.errors import Forbidden, InvalidInput, Unauthenticated
from server.services.viewer import OPERATOR, VISITOR, Viewer
from tests.factories import make_member, make_organisation, viewer_of


async def record(db, **changes) -> Member:
    values = {
        "provider": "acme",
        "subject": "sub-1",
        "display_name": "Alice",
        "email": "alice@acme.example",
        "organisation_slug": None,
    }
    values.update(changes)
    async with db.write() as session:
        return await members.record_sign_in(session, **values)


async def test_a_first_sign_in_makes_a_member_and_the_next_finds_them(db):
    first = await record(db)
    again = await record(db, display_name="Alice Liddell", email="alice.l@acme.example")

    assert again.id == first.id
    assert (again.display_name, again.email, again.role) == (
        "Alice Liddell",
        "alice.l@acme.example",
        "MEMBER",
    )


async def test_the_same_subject_at_another_provider_is_another_person(db):
    at_acme = await record(db)
    elsewhere = await record(db, provider="shared", email=None)

    assert elsewhere.id != at_acme.id


async def test_accounts_are_never_joined_by_email(db, caplog):
    existing = await make_member(db)
    caplog.set_level(logging.WARNING)

    newcomer = await record(db, email=existing.email)

    assert newcomer.id != existing.id
    assert newcomer.email is None
    assert "not copied" in caplog.text


async def test_the_providers_organisation_wins_and_no_rule_keeps_an_admins_choice(db, caplog):
    acme = await make_organisation(db)
    other = await make_organisation(db)

    member = await record(db, organisation_slug=acme.slug)
    assert member.organisation_id == acme.id

    async with db.write() as session:
        await members.set_organisation(
            session, OPERATOR, member_id=member.id, organisation_id=other.id
        )
    assert (await record(db, organisation_slug=None)).organisation_id == other.id
    assert (await record(db, organisation_slug=acme.slug)).organisation_id == acme.id

    caplog.set_level(logging.WARNING)
    assert (await record(db, organisation_slug="no-such-org")).organisation_id == acme.id
    assert "does not exist" in caplog.text


def test_display_names_are_plain_text_of_bounded_length():
    assert members.clean_display_name("  Ada\u0000 \n Lovelace\u202e ") == "Ada Lovelace"
    assert len(members.clean_display_name("x" * 500) or "") == members.DISPLAY_NAME_MAX
    assert members.clean_display_name(" \t ") is None


@pytest.mark.parametrize(
    ("actor", "error"),
    [
        (VISITOR, Unauthenticated),
        (Viewer(partner_id=1), Unauthenticated),
        ("member", Forbidden),
        ("moderator", Forbidden),
    ],
)
async def test_only_admins_and_the_operator_change_roles(db, actor, error):
    target = await make_member(db)
    if actor == "member":
        actor = viewer_of(await make_member(db))
    elif actor == "moderator":
        actor = viewer_of(await make_member(db, role=MemberRole.MODERATOR))

    async with db.write() as session:
        with pytest.raises(error):
            await members.set_role(session, actor, member_id=target.id, role=MemberRole.ADMIN)
        changed = await members.set_role(
            session, OPERATOR, member_id=target.id, role=MemberRole.ADMIN
        )

    assert changed.role == "ADMIN"


async def test_roles_and_organisations_of_nobody_are_input_errors(db):
    admin = viewer_of(await make_member(db, role=MemberRole.ADMIN))
    member = await make_member(db)
    async with db.write() as session:
        with pytest.raises(InvalidInput) as no_member:
            await members.set_role(session, admin, member_id=None, role=MemberRole.ADMIN)
        with pytest.raises(InvalidInput) as no_organisation:
            await members.set_organisation(session, admin, member_id=member.id, organisation_id=0)

    assert no_member.value.errors[0].field == ("member_id",)
    assert no_organisation.value.errors[0].field == ("organisation_id",)


async def test_members_are_found_by_email_whatever_its_case(db):
    member = await make_member(db)
    async with db.read() as session:
        found = await members.get_by_email(session, member.email.upper())

    assert found is not None and found.id == member.id
