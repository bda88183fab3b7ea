"""The demo network's applications to join and its events (applications.yaml, events.yaml).

Read and checked with the rest of the demo data (`server.demo.network`), and loaded after
the threads. Events are written in their own time zone: `start` is the wall-clock time
there on the day `days_from_now` away (negative for past events), so that the demo shows
events around the world at sensible local hours whatever the day it is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from importlib.resources.abc import Traversable
from typing import Annotated
from zoneinfo import ZoneInfo, available_timezones

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError
from sqlalchemy.ext.asyncio import AsyncSession

from server.demo.records import (
    DAYS_AGO_MAX,
    OrgType,
    Pillar,
    Record,
    as_list,
    bounded,
    country_code,
    email_address,
    one_of,
    web_address,
)
from server.demo.source import Problem
from server.domain import ApplicationStatus, EventFormat, Visibility, pillars_to_mask
from server.models import Event, EventAttendance, MembershipApplication
from server.services.organisations import NAME_MAX
from server.services.viewer import Viewer

APPLICATIONS_FILE = "applications.yaml"
EVENTS_FILE = "events.yaml"
_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _zone(value: str) -> str:
    if value not in available_timezones():
        raise PydanticCustomError(
            "time_zone",
            "{value} is not an IANA time zone such as Europe/London",
            {"value": repr(value)},
        )
    return value


def _clock(value: str) -> str:
    if not _CLOCK.fullmatch(value):
        raise PydanticCustomError(
            "start", "{value} is not a time such as 09:30", {"value": repr(value)}
        )
    return value


def _https(value: str) -> str:
    if not value.startswith("https://"):
        raise PydanticCustomError(
            "join_url", "{value} does not start with https://", {"value": repr(value[:80])}
        )
    return value


class ApplicationRecord(Record):
    """An application to join (applications.yaml)."""

    organisation_name: Annotated[str, AfterValidator(bounded(NAME_MAX))]
    type: OrgType
    country: Annotated[str, AfterValidator(country_code)]
    website: Annotated[str, AfterValidator(web_address)] | None = None
    contact_name: Annotated[str, AfterValidator(bounded(120))]
    contact_email: Annotated[str, AfterValidator(email_address)]
    motivation: str
    days_ago: int = Field(ge=0, le=DAYS_AGO_MAX)
    status: Annotated[ApplicationStatus, BeforeValidator(one_of(ApplicationStatus, "a status"))] = (
        ApplicationStatus.PENDING
    )
    # A rejection's reason (required for REJECTED).
    reason: str | None = None
    # An approved application's organisation, by its slug in organisations.yaml.
    organisation: str | None = None


class EventRecord(Record):
    """An event (events.yaml); `attendees` are member keys of members.yaml."""

    title: Annotated[str, AfterValidator(bounded(200))]
    description: str
    format: Annotated[EventFormat, BeforeValidator(one_of(EventFormat, "an event format"))]
    time_zone: Annotated[str, AfterValidator(_zone)]
    days_from_now: int = Field(ge=-DAYS_AGO_MAX, le=DAYS_AGO_MAX)
    start: Annotated[str, AfterValidator(_clock)]
    hours: float = Field(gt=0, le=72)
    location: str | None = None
    join_url: Annotated[str, AfterValidator(_https)] | None = None
    pillars: Annotated[list[Pillar], BeforeValidator(as_list)] = Field(default_factory=list)
    visibility: Annotated[Visibility, BeforeValidator(one_of(Visibility, "a visibility"))] = (
        Visibility.MEMBERS
    )
    organiser: str
    attendees: Annotated[list[str], BeforeValidator(as_list)] = Field(default_factory=list)


@dataclass(frozen=True)
class Gatherings:
    """The applications and events of the demo data, checked."""

    applications: list[ApplicationRecord]
    events: list[EventRecord]


def read_gatherings(
    folder: Traversable,
    member_keys: set[str],
    organisation_slugs: set[str],
    problems: list[Problem],
) -> Gatherings:
    """Read applications.yaml and events.yaml (each optional) and check their references."""
    # The shared reader of list files (network.py imports this module: imported here).
    from server.demo.network import read_list as read

    applications = (
        read(folder, APPLICATIONS_FILE, ApplicationRecord, problems)
        if (folder / APPLICATIONS_FILE).is_file()
        else []
    )
    events = (
        read(folder, EVENTS_FILE, EventRecord, problems) if (folder / EVENTS_FILE).is_file() else []
    )
    for entry in applications:
        record = entry.record
        if record.status is ApplicationStatus.REJECTED and not record.reason:
            problems.append(entry.problem("reason", "a rejected application needs a reason"))
        if (
            record.status is ApplicationStatus.APPROVED
            and record.organisation not in organisation_slugs
        ):
            problems.append(
                entry.problem(
                    "organisation", "an approved application names its organisation's slug"
                )
            )
    for event_entry in events:
        event = event_entry.record
        for key in [event.organiser, *event.attendees]:
            if key not in member_keys:
                problems.append(event_entry.problem("attendees", f"{key!r} is not in members.yaml"))
        if event.format in (EventFormat.ONLINE, EventFormat.HYBRID) and not event.join_url:
            problems.append(event_entry.problem("join_url", "an online event needs a join link"))
        if event.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not event.location:
            problems.append(
                event_entry.problem("location", "an event held in person needs a location")
            )
    return Gatherings([e.record for e in applications], [e.record for e in events])


async def load_gatherings(
    session: AsyncSession,
    gatherings: Gatherings,
    *,
    viewers: dict[str, Viewer],
    organisation_ids: dict[str, int],
    admin_id: int | None,
    now: datetime,
) -> None:
    """Write the applications and events (with their attendance) into the session."""
    from server import markdown

    for record in gatherings.applications:
        submitted = now - timedelta(days=record.days_ago)
        decided = record.status is not ApplicationStatus.PENDING
        session.add(
            MembershipApplication(
                organisation_name=record.organisation_name,
                organisation_type=record.type,
                country=record.country,
                website=record.website,
                contact_name=record.contact_name,
                contact_email=record.contact_email,
                motivation=record.motivation,
                status=record.status,
                submitted_at=submitted,
                decided_at=submitted + timedelta(days=2) if decided else None,
                decided_by_id=admin_id if decided else None,
                decision_reason=record.reason,
                organisation_id=organisation_ids.get(record.organisation or ""),
            )
        )
    for item in gatherings.events:
        zone = ZoneInfo(item.time_zone)
        day = (now.astimezone(zone) + timedelta(days=item.days_from_now)).date()
        hour, minute = (int(part) for part in item.start.split(":"))
        starts = datetime.combine(day, time(hour, minute), tzinfo=zone)
        ends = starts + timedelta(hours=item.hours)
        organiser = viewers[item.organiser]
        event = Event(
            title=item.title,
            description=item.description,
            description_html=markdown.render_markdown(item.description),
            starts_at=starts,
            ends_at=ends,
            time_zone=item.time_zone,
            format=item.format,
            location=item.location,
            join_url=item.join_url,
            pillars_mask=pillars_to_mask(list(item.pillars)),
            visibility=item.visibility,
            created_by_id=organiser.member_id,
            created_at=now - timedelta(days=30),
            updated_at=now - timedelta(days=30),
            sequence=0,
            attendee_count=len(set(item.attendees)),
        )
        session.add(event)
        await session.flush()
        for key in sorted(set(item.attendees)):
            member_id = viewers[key].member_id
            assert member_id is not None
            session.add(EventAttendance(event_id=event.id, member_id=member_id, created_at=now))
    await session.flush()
