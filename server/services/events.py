"""Network events: creating and changing them, attending, and the lists of them.

Times arrive as instants (with an offset) or as wall-clock times in the event's own IANA
time zone, and are stored in UTC; the zone is kept to show and export the event as its
organisers see it. Every change a calendar must pick up bumps `sequence` (iCalendar's
SEQUENCE); the UID is made from the id and never changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from server.db import utcnow
from server.domain import EventFormat, MemberRole, RoarPillar, Visibility, pillars_to_mask
from server.models import Event, EventAttendance
from server.services import idempotency, network_fanout
from server.services.errors import Forbidden, InvalidInput, NotFound
from server.services.errors import UserErrorCode as Code
from server.services.pagination import Page, check_first, decode_cursor, encode_cursor, take_page
from server.services.validation import TITLE_MAX, Collector, rendered
from server.services.viewer import (
    Viewer,
    readable_visibilities,
    require_organiser,
    require_writer,
)
from server.weburl import split_url

DESCRIPTION_MAX = 20_000
LOCATION_MAX = 300
JOIN_URL_MAX = 500
# An event lasts at most this long (a week-long summer school fits).
LONGEST = timedelta(days=14)
# And is planned at most this far ahead or recorded this far back.
HORIZON = timedelta(days=5 * 366)


@dataclass(frozen=True)
class EventForm:
    """What an organiser sends (CreateEventInput)."""

    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    format: EventFormat
    location: str | None
    join_url: str | None
    pillars: Sequence[RoarPillar]
    visibility: Visibility


def _zone(check: Collector, name: str) -> ZoneInfo | None:
    if name not in _zones():
        check.add(
            "time_zone",
            "A time zone is an IANA name such as Europe/London or America/Bogota.",
            Code.INVALID,
        )
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        check.add("time_zone", "This time zone is not known to the server.", Code.INVALID)
        return None


_ZONES: set[str] = set()


def _zones() -> set[str]:
    if not _ZONES:
        _ZONES.update(available_timezones())
    return _ZONES


def _instant(
    check: Collector, field: str, moment: datetime, zone: ZoneInfo | None
) -> datetime | None:
    """`moment` in UTC: an instant as it is, a wall-clock time in the event's zone."""
    wall_clock = moment.tzinfo is None
    if wall_clock:
        moment = moment.replace(tzinfo=zone or UTC)
    try:
        instant = moment.astimezone(UTC)
    except OverflowError:  # 9999-12-31T22:00 in a zone behind UTC is past year 9999
        check.add(field, "This time is more than five years away.", Code.INVALID)
        return None
    if (
        wall_clock
        and zone is not None
        and instant.astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None)
    ):
        # A time the clocks skip (02:30 when they go forward at 02:00): zoneinfo reads it
        # with the offset before the change, so it would silently become 03:30.
        check.add(
            field,
            f"There is no {moment:%H:%M} on {moment:%Y-%m-%d} in {zone.key}: the clocks go "
            "forward then.",
            Code.INVALID,
        )
    return instant


def _https(check: Collector, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    url = value.strip()
    if split_url(url, schemes=("https",)) is None or len(url) > JOIN_URL_MAX:
        check.add(
            "join_url",
            f"A join link is an https:// address of at most {JOIN_URL_MAX} characters.",
            Code.INVALID,
        )
    return url


def check_form(form: EventForm) -> tuple[EventForm, ZoneInfo | None]:
    """The form tidied (times in UTC), or InvalidInput naming every field at fault."""
    check = Collector()
    title = check.text("title", form.title, label="The title", max_length=TITLE_MAX)
    description = check.text(
        "description", form.description, label="The description", max_length=DESCRIPTION_MAX
    )
    zone = _zone(check, form.time_zone)
    starts_at = _instant(check, "starts_at", form.starts_at, zone)
    ends_at = _instant(check, "ends_at", form.ends_at, zone)
    if starts_at is not None and ends_at is not None:
        if ends_at <= starts_at:
            check.add("ends_at", "The end must come after the start.", Code.INVALID)
        elif ends_at - starts_at > LONGEST:
            check.add("ends_at", f"An event lasts at most {LONGEST.days} days.", Code.INVALID)
    if starts_at is not None and abs(starts_at - utcnow()) > HORIZON:
        check.add("starts_at", "The start is more than five years away.", Code.INVALID)
    location = (form.location or "").strip() or None
    if location is not None and len(location) > LOCATION_MAX:
        check.add(
            "location",
            f"The location is too long: the limit is {LOCATION_MAX} characters.",
            Code.TOO_LONG,
        )
    join_url = _https(check, form.join_url)
    if form.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and location is None:
        check.add("location", "An event held in person needs a location.", Code.REQUIRED)
    if form.format in (EventFormat.ONLINE, EventFormat.HYBRID) and join_url is None:
        check.add("join_url", "An event held online needs a join link.", Code.REQUIRED)
    check.raise_if_any()
    assert starts_at is not None and ends_at is not None  # or the check raised
    tidy = EventForm(
        title=title,
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=form.time_zone,
        format=form.format,
        location=location,
        join_url=join_url,
        pillars=sorted(set(form.pillars)),
        visibility=form.visibility,
    )
    return tidy, zone


async def create_event(
    session: AsyncSession, actor: Viewer, form: EventForm, *, idempotency_key: str | None = None
) -> Event:
    """A new event, by an admin or researcher."""
    organiser = require_organiser(actor)
    check = Collector()
    key = check.idempotency_key("idempotency_key", idempotency_key)
    check.raise_if_any()
    form, _zone_info = check_form(form)
    if key is not None:
        first = await idempotency.claim(
            session,
            organiser,
            key,
            "create_event",
            idempotency.fingerprint("create_event", form.__dict__),
        )
        if first is not None:
            event = await session.get(Event, first)
            if event is None:
                raise NotFound("The event made with this idempotency key was deleted.")
            return event
    html = await rendered("description", form.description, label="The description")
    event = Event(
        title=form.title,
        description=form.description,
        description_html=html,
        starts_at=form.starts_at,
        ends_at=form.ends_at,
        time_zone=form.time_zone,
        format=form.format,
        location=form.location,
        join_url=form.join_url,
        pillars_mask=pillars_to_mask(list(form.pillars)),
        visibility=form.visibility,
        created_by_id=organiser,
        sequence=0,
        attendee_count=0,
    )
    session.add(event)
    await session.flush()
    if key is not None:
        await idempotency.record(session, organiser, key, event.id)
    await network_fanout.queue_event(session, event.id)
    return event


async def update_event(
    session: AsyncSession, actor: Viewer, event_id: int | None, form: EventForm
) -> Event:
    """Change an event (its organiser or an admin); calendars see a higher SEQUENCE."""
    organiser = require_organiser(actor)
    event = await session.get(Event, event_id) if event_id is not None else None
    if event is None:
        raise InvalidInput.of("event_id", "There is no event with this ID.")
    if event.created_by_id != organiser and actor.role is not MemberRole.ADMIN:
        raise Forbidden("Only the event's organiser or an admin can change it.")
    form, _zone_info = check_form(form)
    if form.description != event.description:
        event.description_html = await rendered(
            "description", form.description, label="The description"
        )
    event.title = form.title
    event.description = form.description
    event.starts_at = form.starts_at
    event.ends_at = form.ends_at
    event.time_zone = form.time_zone
    event.format = form.format
    event.location = form.location
    event.join_url = form.join_url
    event.pillars_mask = pillars_to_mask(list(form.pillars))
    event.visibility = form.visibility
    event.sequence = event.sequence + 1
    event.updated_at = utcnow()
    await session.flush()
    return event


def shown_to(viewer: Viewer, event: Event) -> bool:
    """Whether `viewer` may see the event (its visibility, as for threads)."""
    return event.visibility in readable_visibilities(viewer)


async def get_event(session: AsyncSession, viewer: Viewer, event_id: int) -> Event | None:
    """The event, if `viewer` may see it."""
    event = await session.get(Event, event_id)
    return event if event is not None and shown_to(viewer, event) else None


async def attend(
    session: AsyncSession, actor: Viewer, *, event_id: int | None, attends: bool
) -> Event:
    """Say that the member attends the event (or no longer does)."""
    member_id = require_writer(actor)
    event = await session.get(Event, event_id) if event_id is not None else None
    if event is None or not shown_to(actor, event):
        raise InvalidInput.of("event_id", "There is no event with this ID.")
    if attends and event.ends_at <= utcnow():
        raise InvalidInput.of("event_id", "This event is over.", Code.CLOSED)
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    if attends:
        changed = await session.execute(
            dialect.insert(EventAttendance)
            .values(event_id=event.id, member_id=member_id, created_at=utcnow())
            .on_conflict_do_nothing(index_elements=["event_id", "member_id"])
        )
        delta = 1
    else:
        changed = await session.execute(
            sa.delete(EventAttendance).where(
                EventAttendance.event_id == event.id, EventAttendance.member_id == member_id
            )
        )
        delta = -1
    if changed.rowcount:  # type: ignore[attr-defined]  # a CursorResult
        await session.execute(
            sa.update(Event)
            .where(Event.id == event.id)
            .values(attendee_count=Event.attendee_count + delta)
        )
        await session.refresh(event)
    return event


async def attending(
    session: AsyncSession, member_id: int | None, event_ids: Sequence[int]
) -> set[int]:
    """Which of these events the member attends (one query for a page)."""
    if member_id is None or not event_ids:
        return set()
    rows = await session.scalars(
        sa.select(EventAttendance.event_id).where(
            EventAttendance.member_id == member_id, EventAttendance.event_id.in_(event_ids)
        )
    )
    return set(rows)


def _listed(viewer: Viewer, upcoming: bool, now: datetime) -> sa.Select[Event]:
    stmt = sa.select(Event).where(Event.visibility.in_(readable_visibilities(viewer)))
    # An event still running counts as upcoming until it ends.
    return stmt.where(Event.ends_at > now if upcoming else Event.ends_at <= now)


async def list_events(
    session: AsyncSession,
    viewer: Viewer,
    *,
    upcoming: bool,
    first: int,
    after: str | None = None,
) -> Page[Event]:
    """Upcoming events soonest first, or past ones most recent first."""
    check_first(first)
    now = utcnow()
    stmt = _listed(viewer, upcoming, now)
    ordering = "EVENT_UPCOMING" if upcoming else "EVENT_PAST"
    key = Event.starts_at
    if after is not None:
        at, last_id = decode_cursor(after, ordering, (datetime, int))
        bound = sa.tuple_(sa.literal(at, key.type), sa.literal(last_id))
        position = sa.tuple_(key, Event.id)
        stmt = stmt.where(position > bound if upcoming else position < bound)
    order = (key.asc(), Event.id.asc()) if upcoming else (key.desc(), Event.id.desc())
    rows = (await session.scalars(stmt.order_by(*order).limit(first + 1))).all()
    items, has_next = take_page(list(rows), first)
    return Page(
        items=items,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda e: encode_cursor(ordering, (e.starts_at, e.id)),
    )


async def count_events(session: AsyncSession, viewer: Viewer, *, upcoming: bool) -> int:
    """How many events `list_events` would list over all its pages."""
    stmt = _listed(viewer, upcoming, utcnow())
    return int(await session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery())) or 0)


async def public_events(session: AsyncSession, *, limit: int = 500) -> list[Event]:
    """The calendar feed: public events from a year back on, soonest first."""
    since = utcnow() - timedelta(days=366)
    return list(
        await session.scalars(
            sa.select(Event)
            .where(Event.visibility == Visibility.PUBLIC, Event.ends_at > since)
            .order_by(Event.starts_at, Event.id)
            .limit(limit)
        )
    )
