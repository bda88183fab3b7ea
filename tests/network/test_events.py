"""Events over HTTP on both databases: creating, attending, the lists, and iCalendar files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar
import pytest
import sqlalchemy as sa

from server.db import utcnow
from server.domain import MemberRole
from server.models import Event
from tests.factories import make_member, sign_in
from tests.support import counted, error_codes, gql

EVENT_FIELDS = """
  id title descriptionHtml startsAt endsAt timeZone format location joinUrl pillars visibility
  attendeeCount viewerAttends url icsUrl
"""
CREATE = f"""
mutation Create($input: CreateEventInput!) {{
  createEvent(input: $input) {{ event {{ {EVENT_FIELDS} }} errors {{ field message code }} }}
}}
"""
UPDATE = f"""
mutation Update($input: UpdateEventInput!) {{
  updateEvent(input: $input) {{ event {{ {EVENT_FIELDS} }} errors {{ field message code }} }}
}}
"""
ATTEND = """
mutation Attend($input: AttendEventInput!) {
  attendEvent(input: $input) {
    event { attendeeCount viewerAttends joinUrl } errors { field message code }
  }
}
"""
EVENTS = """
query Events($upcoming: Boolean, $first: Int, $after: String) {
  events(upcoming: $upcoming, first: $first, after: $after) {
    totalCount nodes { title startsAt joinUrl viewerAttends } pageInfo { hasNextPage endCursor }
  }
}
"""


def next_year() -> int:
    return utcnow().year + 1


def event_input(**overrides: Any) -> dict[str, Any]:
    year = next_year()
    values: dict[str, Any] = {
        "title": "Masterclass: market shaping",
        "description": "With **case studies** from three public banks.",
        # Wall-clock times in the event's zone: the Saturday before the clocks go forward.
        "startsAt": f"{year}-03-20T10:00:00",
        "endsAt": f"{year}-03-20T12:00:00",
        "timeZone": "Europe/London",
        "format": "HYBRID",
        "location": "UCL East, London",
        "joinUrl": "https://meet.example/market-shaping",
        "pillars": ["RISKS_AND_REWARDS", "ASSESSMENT"],
        "visibility": "PUBLIC",
    }
    values.update(overrides)
    return values


async def as_role(client, db, settings, role: MemberRole = MemberRole.ADMIN):
    member = await make_member(db, role=role)
    await sign_in(client, db, settings, member)
    return member


async def create(client, **overrides: Any) -> dict[str, Any]:
    data = await gql(client, CREATE, {"input": event_input(**overrides)})
    assert data["createEvent"]["errors"] == [], data["createEvent"]["errors"]
    event: dict[str, Any] = data["createEvent"]["event"]
    return event


async def test_an_admin_creates_an_event_in_its_own_time_zone_stored_as_an_instant(
    client, db, settings
):
    await as_role(client, db, settings)

    event = await create(client)

    year = next_year()
    assert datetime.fromisoformat(event["startsAt"]) == datetime(year, 3, 20, 10, tzinfo=UTC)
    assert event["timeZone"] == "Europe/London"
    assert event["pillars"] == ["ASSESSMENT", "RISKS_AND_REWARDS"]
    assert "<strong>case studies</strong>" in event["descriptionHtml"]
    assert event["joinUrl"] is None  # the organiser does not attend (yet)
    assert event["url"] == f"http://127.0.0.1:8000/events/{event['id']}"
    assert event["icsUrl"] == event["url"] + ".ics"
    summer = await create(
        client, startsAt=f"{year}-07-01T10:00:00", endsAt=f"{year}-07-01T11:00:00"
    )
    # British Summer Time: ten in London is nine in UTC.
    assert datetime.fromisoformat(summer["startsAt"]) == datetime(year, 7, 1, 9, tzinfo=UTC)


async def test_researchers_create_events_members_and_visitors_do_not(client, db, settings):
    as_visitor = await gql(client, CREATE, {"input": event_input()}, errors=True)
    await as_role(client, db, settings, MemberRole.MEMBER)
    as_member = await gql(client, CREATE, {"input": event_input()}, errors=True)
    await as_role(client, db, settings, MemberRole.MODERATOR)
    as_moderator = await gql(client, CREATE, {"input": event_input()}, errors=True)
    await as_role(client, db, settings, MemberRole.RESEARCHER)
    await create(client)

    assert error_codes(as_visitor) == ["UNAUTHENTICATED"]
    assert error_codes(as_member) == ["FORBIDDEN"]
    assert error_codes(as_moderator) == ["FORBIDDEN"]


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"endsAt": f"{utcnow().year + 1}-03-20T09:00:00"}, "endsAt", "after the start"),
        ({"timeZone": "Europe/Atlantis"}, "timeZone", "IANA"),
        ({"joinUrl": "http://meet.example/x"}, "joinUrl", "https://"),
        ({"format": "ONLINE", "joinUrl": None}, "joinUrl", "join link"),
        ({"format": "IN_PERSON", "location": " "}, "location", "location"),
        ({"title": " "}, "title", "required"),
    ],
)
async def test_bad_input_is_named_and_nothing_is_written(
    client, db, settings, overrides, field, words
):
    await as_role(client, db, settings)

    data = await gql(client, CREATE, {"input": event_input(**overrides)})

    errors = data["createEvent"]["errors"]
    assert [e["field"] for e in errors] == [["input", field]]
    assert words in errors[0]["message"]
    async with db.read() as session:
        assert await session.scalar(sa.select(sa.func.count()).select_from(Event)) == 0


async def test_members_attend_and_only_attendees_see_the_join_link(client, db, settings):
    await as_role(client, db, settings)
    event = await create(client, visibility="MEMBERS")
    attendee = await as_role(client, db, settings, MemberRole.MEMBER)

    attended = await gql(client, ATTEND, {"input": {"eventId": event["id"], "attends": True}})
    again = await gql(client, ATTEND, {"input": {"eventId": event["id"], "attends": True}})

    assert attended["attendEvent"]["event"] == {
        "attendeeCount": 1,
        "viewerAttends": True,
        "joinUrl": "https://meet.example/market-shaping",
    }
    assert again["attendEvent"]["event"]["attendeeCount"] == 1
    await as_role(client, db, settings, MemberRole.MEMBER)
    other = (await gql(client, EVENTS))["events"]["nodes"][0]
    assert other["joinUrl"] is None and other["viewerAttends"] is False
    client.cookies.clear()
    as_visitor = await gql(client, EVENTS)
    assert as_visitor["events"]["totalCount"] == 0  # a MEMBERS event
    await sign_in(client, db, settings, attendee)
    withdrawn = await gql(client, ATTEND, {"input": {"eventId": event["id"], "attends": False}})
    assert withdrawn["attendEvent"]["event"]["attendeeCount"] == 0
    assert withdrawn["attendEvent"]["event"]["joinUrl"] is None


async def test_upcoming_events_come_soonest_first_and_past_ones_most_recent_first(
    client, db, settings
):
    await as_role(client, db, settings)
    now = utcnow().replace(microsecond=0)
    for days in (30, 2, 10):
        start = now + timedelta(days=days)
        await create(
            client,
            title=f"In {days} days",
            startsAt=start.isoformat(),
            endsAt=(start + timedelta(hours=1)).isoformat(),
        )
    async with db.write() as session:
        for days in (-40, -3):
            session.add(
                Event(
                    title=f"{-days} days ago",
                    description="",
                    description_html="",
                    starts_at=now + timedelta(days=days),
                    ends_at=now + timedelta(days=days, hours=1),
                    time_zone="UTC",
                    format="ONLINE",
                    join_url="https://meet.example/x",
                    pillars_mask=1,
                    visibility="PUBLIC",
                    sequence=0,
                    attendee_count=0,
                )
            )

    upcoming = await gql(client, EVENTS, {"first": 2})
    rest = await gql(
        client, EVENTS, {"first": 2, "after": upcoming["events"]["pageInfo"]["endCursor"]}
    )
    past = await gql(client, EVENTS, {"upcoming": False})

    titles = [n["title"] for n in upcoming["events"]["nodes"] + rest["events"]["nodes"]]
    assert titles == ["In 2 days", "In 10 days", "In 30 days"]
    assert [n["title"] for n in past["events"]["nodes"]] == ["3 days ago", "40 days ago"]
    assert upcoming["events"]["totalCount"] == 3
    past_id = (await gql(client, "{ events(upcoming: false, first: 1) { nodes { id } } }"))[
        "events"
    ]["nodes"][0]["id"]
    over = await gql(client, ATTEND, {"input": {"eventId": past_id, "attends": True}})
    assert [e["code"] for e in over["attendEvent"]["errors"]] == ["CLOSED"]


async def test_a_page_of_events_costs_the_same_statements_for_5_and_50(client, db, settings):
    member = await as_role(client, db, settings, MemberRole.MEMBER)
    now = utcnow()

    async def statements(n: int) -> int:
        async with db.write() as session:
            await session.execute(sa.delete(Event))
            for i in range(n):
                session.add(
                    Event(
                        title=f"E{i}",
                        description="",
                        description_html="",
                        starts_at=now + timedelta(days=1, minutes=i),
                        ends_at=now + timedelta(days=1, minutes=i + 30),
                        time_zone="UTC",
                        format="ONLINE",
                        join_url="https://meet.example/x",
                        pillars_mask=1,
                        visibility="MEMBERS",
                        created_by_id=member.id,
                        sequence=0,
                        attendee_count=0,
                    )
                )
        with counted(db) as seen:
            data = await gql(client, EVENTS, {"first": 100})
        assert len(data["events"]["nodes"]) == n
        return len(seen)

    assert await statements(5) == await statements(50)


def parse(body: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(body)


async def test_the_ics_files_hold_each_event_in_its_zone_across_a_daylight_saving_change(
    client, db, settings
):
    await as_role(client, db, settings)
    year = next_year()
    # The last Sunday of March: London's clocks go forward at 01:00 UTC.
    before = await create(client, title="Before the change")
    after = await create(
        client,
        title="After the change",
        startsAt=f"{year}-04-03T10:00:00",
        endsAt=f"{year}-04-03T12:00:00",
        timeZone="Europe/London",
    )
    await create(client, title="Members only", visibility="MEMBERS")
    client.cookies.clear()

    one = await client.get(before["icsUrl"].removeprefix("http://127.0.0.1:8000"))
    feed = await client.get("/events.ics")

    assert one.headers["content-type"].startswith("text/calendar")
    assert feed.headers["content-type"].startswith("text/calendar")
    single = parse(one.content)
    [event] = single.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTSTART").hour == 10
    assert [tz["TZID"] for tz in single.walk("VTIMEZONE")] == ["Europe/London"]
    vevents = {e["SUMMARY"]: e for e in parse(feed.content).walk("VEVENT")}
    assert set(vevents) == {"Before the change", "After the change"}
    start_before = vevents["Before the change"].decoded("DTSTART")
    start_after = vevents["After the change"].decoded("DTSTART")
    assert (start_before.hour, start_after.hour) == (10, 10)  # as the organisers see them
    assert start_before.utcoffset() == timedelta(0)
    assert start_after.utcoffset() == timedelta(hours=1)
    assert start_after.astimezone(UTC).hour == 9
    assert datetime.fromisoformat(after["startsAt"]).hour == 9


async def test_an_edit_keeps_the_uid_and_raises_the_sequence(client, db, settings):
    await as_role(client, db, settings)
    event = await create(client)
    path = event["icsUrl"].removeprefix("http://127.0.0.1:8000")
    first = parse((await client.get(path)).content).walk("VEVENT")[0]

    changed = await gql(
        client,
        UPDATE,
        {
            "input": {
                **event_input(
                    title="Masterclass (moved)",
                    startsAt=event_input()["startsAt"].replace("10:00", "14:00"),
                    endsAt=event_input()["endsAt"].replace("12:00", "16:00"),
                ),
                "eventId": event["id"],
            }
        },
    )
    second = parse((await client.get(path)).content).walk("VEVENT")[0]

    assert changed["updateEvent"]["errors"] == []
    assert str(second["UID"]) == str(first["UID"])
    assert (int(first["SEQUENCE"]), int(second["SEQUENCE"])) == (0, 1)
    assert second.decoded("DTSTART").hour == 14
    assert str(second["SUMMARY"]) == "Masterclass (moved)"


async def test_a_members_only_event_has_no_calendar_file_for_visitors(client, db, settings):
    await as_role(client, db, settings)
    event = await create(client, visibility="MEMBERS")
    path = event["icsUrl"].removeprefix("http://127.0.0.1:8000")

    as_member = await client.get(path)
    client.cookies.clear()
    as_visitor = await client.get(path)

    assert as_member.status_code == 200
    assert as_visitor.status_code == 404
