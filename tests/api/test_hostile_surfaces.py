"""The corpus of hostile inputs, round two: what a black-box probe of the surfaces added
since the first (events, applications, profiles, feeds, oEmbed, pages, .ics) answered with
500 or INTERNAL (issue 15). Each now gets a 4xx or a field error that says what is wrong,
and nothing is written, on both databases alike."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from server.db import utcnow
from server.domain import MemberRole
from server.models import Event, MembershipApplication, Organisation, Thread
from tests.api.test_hostile_inputs import START, ask, count, start_input
from tests.conftest import BASE_URL
from tests.factories import gid, make_member, make_organisation, make_thread, sign_in
from tests.network.test_applications import APPLY, application
from tests.network.test_directory import UPDATE as UPDATE_PROFILE
from tests.network.test_events import CREATE as CREATE_EVENT
from tests.network.test_events import as_role, create, event_input
from tests.support import error_codes, gql

# Addresses urllib's urlsplit raises on (an unclosed bracket; a host NFKC turns into
# separators) or whose port is out of range: each was an INTERNAL error.
BAD_ADDRESSES = ["https://[::1", "https://a\uff03b.example/", "https://meet.example:99999/"]
CONTROL = "\x01"


# --- text: control characters, and NUL written raw in the document ----------------------


@pytest.mark.parametrize("field", ["title", "body"])
async def test_a_thread_with_a_control_character_is_refused_and_nothing_is_stored(
    client, db, settings, field
):
    # A title holding U+0001 was stored, and then every Atom feed listing it failed (lxml).
    await sign_in(client, db, settings, await make_member(db))
    value = {"title": "Buying", "body": "How?"}[field] + CONTROL
    body = await ask(client, START, {"input": start_input(**{field: value})})
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["message"] == (
        f"Variable `$input.{field}` holds a control character (U+0001), which text may not "
        "contain (tab and line breaks may)."
    )
    assert await count(db, Thread) == 0


async def test_tabs_and_line_breaks_are_text(client, db, settings):
    await sign_in(client, db, settings, await make_member(db))
    body = "First line\r\nsecond\tline"
    data = await gql(client, START, {"input": start_input(body=body)})
    assert data["startThread"]["errors"] == []


@pytest.mark.parametrize(
    "document",
    [
        '{ organisation(slug: "city\x00") { name } }',
        '{ organisation(slug: """city\x00""") { name } }',
        '{ threads(filter: {search: "bank\x01"}) { totalCount } }',
    ],
    ids=["nul-in-string", "nul-in-block-string", "control-in-search"],
)
async def test_what_is_not_text_written_raw_in_the_document_is_refused(client, db, document):
    # graphql-core's lexer takes these characters as they are; on PostgreSQL the NUL
    # reached the driver (INTERNAL).
    body = await ask(client, document)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["message"].startswith("A string in the document holds a ")


async def test_an_int_literal_of_thousands_of_digits_is_bad_user_input(client, db):
    # int() refuses 4,300 digits or more; graphql-core's validation attached the
    # ValueError to its error, which was masked as INTERNAL.
    body = await ask(client, "{ threads(first: " + "9" * 5000 + ") { nodes { id } } }")
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "cannot be read" in body["errors"][0]["message"]


# --- web addresses ------------------------------------------------------------------------


@pytest.mark.parametrize("address", BAD_ADDRESSES)
async def test_an_event_whose_join_link_is_no_address_is_a_field_error(
    client, db, settings, address
):
    await sign_in(client, db, settings, await make_member(db, role=MemberRole.ADMIN))
    data = await gql(client, CREATE_EVENT, {"input": event_input(joinUrl=address)})
    [error] = data["createEvent"]["errors"]
    assert (error["field"], error["code"]) == (["input", "joinUrl"], "INVALID")
    assert await count(db, Event) == 0


async def test_an_event_at_the_end_of_year_9999_behind_utc_is_a_field_error(client, db, settings):
    # 9999-12-31T22:00 in America/Adak (UTC-10) is past year 9999 in UTC: OverflowError.
    await sign_in(client, db, settings, await make_member(db, role=MemberRole.ADMIN))
    times = {"startsAt": "9999-12-31T22:00:00", "endsAt": "9999-12-31T23:00:00"}
    data = await gql(client, CREATE_EVENT, {"input": event_input(**times, timeZone="America/Adak")})
    fields = sorted(e["field"][1] for e in data["createEvent"]["errors"])
    assert fields == ["endsAt", "startsAt"]
    assert await count(db, Event) == 0


async def test_an_event_at_a_time_the_clocks_skip_is_a_field_error(client, db, settings):
    # 01:30 in London on the last Sunday of March does not exist; read with the winter
    # offset it silently became 02:30.
    year = utcnow().year + 1
    day = date(year, 3, 31) - timedelta(days=(date(year, 3, 31).weekday() - 6) % 7)
    await sign_in(client, db, settings, await make_member(db, role=MemberRole.ADMIN))
    times = {"startsAt": f"{day}T01:30:00", "endsAt": f"{day}T03:00:00"}
    data = await gql(client, CREATE_EVENT, {"input": event_input(**times)})
    [error] = data["createEvent"]["errors"]
    assert error["field"] == ["input", "startsAt"]
    assert error["message"] == (
        f"There is no 01:30 on {day} in Europe/London: the clocks go forward then."
    )
    assert await count(db, Event) == 0


@pytest.mark.parametrize("address", BAD_ADDRESSES)
async def test_an_application_whose_website_is_no_address_is_a_field_error(client, db, address):
    data = await gql(client, APPLY, {"input": application(website=address)})
    [error] = data["applyForMembership"]["errors"]
    assert (error["field"], error["code"]) == (["input", "website"], "INVALID")
    assert await count(db, MembershipApplication) == 0


@pytest.mark.parametrize("address", BAD_ADDRESSES)
async def test_a_profile_whose_website_is_no_address_is_a_field_error(
    client, db, settings, address
):
    organisation = await make_organisation(db)
    await sign_in(client, db, settings, await make_member(db, role=MemberRole.ADMIN))
    variables = {
        "input": {"organisation": gid("Organisation", organisation.id), "website": address}
    }
    data = await gql(client, UPDATE_PROFILE, variables)
    [error] = data["updateOrganisationProfile"]["errors"]
    assert (error["field"], error["code"]) == (["input", "website"], "INVALID")
    async with db.read() as session:
        stored = await session.scalar(
            sa.select(Organisation.website).where(Organisation.id == organisation.id)
        )
    assert stored is None


async def test_a_website_stored_before_it_was_checked_does_not_break_applications(client, db):
    # Every application naming a website compares its host with the organisations'.
    organisation = await make_organisation(db)
    async with db.write() as session:
        row = await session.get(Organisation, organisation.id)
        assert row is not None
        row.website = "https://[::1"
    data = await gql(client, APPLY, {"input": application()})
    assert data["applyForMembership"]["errors"] == []


# --- the address of a page, a feed, an .ics file ----------------------------------------


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/o/city%00", "The path holds a NUL character (U+0000)"),
        ("/events/%00.ics", "The path holds a NUL character (U+0000)"),
        ("/feeds/threads.atom?organisation=%00", "The parameter `organisation` holds a NUL"),
        ("/feeds/threads.atom?topic=%01", "The parameter `topic` holds a control character"),
        ("/feeds/threads.atom?%00=1", "A parameter's name holds a NUL"),
        ("/oembed?url=" + BASE_URL + "/o/x%00", "The parameter `url` holds a NUL"),
    ],
)
async def test_an_address_that_is_not_text_is_a_400_naming_it(client, db, path, problem):
    response = await client.get(path)
    assert response.status_code == 400
    assert response.text.startswith(problem)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"url": "http://[::1"}, 404),
        ({"url": BASE_URL + "/?organisation=%00"}, 400),
        ({"url": BASE_URL + "/", "maxwidth": "\u00b2"}, 400),
        ({"url": BASE_URL + "/", "maxwidth": "9" * 5000}, 400),
    ],
    ids=["unclosed-bracket", "nul-in-the-page-address", "superscript-digit", "5000-digits"],
)
async def test_oembed_answers_a_bad_address_or_size_with_a_4xx(client, db, params, status):
    response = await client.get("/oembed", params=params)
    assert response.status_code == status, response.text


async def test_the_feeds_answer_a_thread_stored_with_a_control_character(client, db):
    # A row stored before control characters were refused failed every feed listing it.
    thread = await make_thread(db, author=await make_member(db))
    async with db.write() as session:
        row = await session.get(Thread, thread.id)
        assert row is not None
        row.title = "Control\x01char"
    for path in ("/feeds/threads.atom", f"/feeds/threads/{gid('Thread', thread.id)}.atom"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "Controlchar" in response.text and "\x01" not in response.text


async def test_the_calendar_files_leave_out_control_characters_stored_before_the_rule(
    client, db, settings
):
    # Like the feeds: an event stored before control characters were refused would have
    # written them into the .ics files (not valid iCalendar).
    await as_role(client, db, settings)
    event = await create(client, title="Control char", location="Room 1")
    async with db.write() as session:
        row = (await session.scalars(sa.select(Event))).one()
        row.title, row.description, row.location = "Control\x01char", "Says\x02", "Room\x03 1"
    client.cookies.clear()
    for path in (event["icsUrl"].removeprefix(BASE_URL), "/events.ics"):
        response = await client.get(path)
        assert response.status_code == 200, path
        body = response.text
        assert "Controlchar" in body and "Room 1" in body, path
        assert not any(c in body for c in "\x01\x02\x03"), path
