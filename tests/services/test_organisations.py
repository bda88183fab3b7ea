"""The organisation rules, called directly: who adds organisations, and what a valid one is."""

from __future__ import annotations

import pytest

from server.domain import MemberRole, OrganisationType
from server.services import organisations
from server.services.errors import Forbidden, InvalidInput, Unauthenticated
from server.services.viewer import OPERATOR, VISITOR
from tests.factories import make_member, viewer_of


async def add(db, actor=OPERATOR, **changes):
    values = {
        "slug": "acme-agency",
        "name": " Acme Agency ",
        "type": OrganisationType.STRATEGIC_DESIGN_AGENCY,
        "country": "de",
        "website": "https://acme.example",
    }
    values.update(changes)
    async with db.write() as session:
        return await organisations.create_organisation(session, actor, **values)


async def test_an_admin_adds_an_organisation_with_its_name_trimmed_and_country_upper_case(db):
    admin = await make_member(db, role=MemberRole.ADMIN, with_organisation=False)
    added = await add(db, viewer_of(admin))

    assert (added.slug, added.name, added.type, added.country) == (
        "acme-agency",
        "Acme Agency",
        "STRATEGIC_DESIGN_AGENCY",
        "DE",
    )
    async with db.read() as session:
        assert [o.slug for o in await organisations.all_organisations(session)] == ["acme-agency"]


async def test_only_admins_and_the_operator_add_organisations(db):
    moderator = await make_member(db, role=MemberRole.MODERATOR)
    with pytest.raises(Unauthenticated):
        await add(db, VISITOR)
    with pytest.raises(Forbidden, match="Only admins can add organisations"):
        await add(db, viewer_of(moderator), slug="other")


async def test_every_invalid_field_is_named_at_once_and_nothing_is_added(db):
    with pytest.raises(InvalidInput) as raised:
        await add(db, slug="Acme Agency", name=" ", country="Deu", website="ftp://acme.example")

    assert [e.field for e in raised.value.errors] == [
        ("slug",),
        ("name",),
        ("country",),
        ("website",),
    ]
    async with db.read() as session:
        assert await organisations.all_organisations(session) == []


async def test_a_slug_is_taken_once(db):
    await add(db)
    with pytest.raises(InvalidInput, match="already an organisation with the slug 'acme-agency'"):
        await add(db, name="Another Acme")
