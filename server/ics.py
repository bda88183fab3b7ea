"""Events as iCalendar (RFC 5545): one event's .ics file, and the feed of public events.

Built with the `icalendar` package: each event in its own time zone (DTSTART/DTEND with
TZID, and the VTIMEZONE that defines it), a UID made from the event's id that no edit
changes, and SEQUENCE, which every change raises, so that calendars replace what they
hold. The join link goes only to a viewer who attends, as in the API.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from server.auth import sessions
from server.config import Settings
from server.db import Database
from server.domain import mask_to_pillars
from server.ids import row_id, to_global_id
from server.models import Event
from server.services import events
from server.services.viewer import VISITOR
from server.text import strip_not_text

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT = "-//MOIN Forum//Network events//EN"


def _vevent(event: Event, settings: Settings, *, with_join_url: bool) -> icalendar.Event:
    zone = ZoneInfo(event.time_zone)
    global_id = to_global_id("Event", event.id)
    host = urlsplit(settings.public_url).hostname or "moin-forum"
    item = icalendar.Event()
    item.add("uid", f"event-{event.id}@{host}")
    item.add("sequence", event.sequence)
    item.add("dtstamp", event.updated_at)
    item.add("last-modified", event.updated_at)
    item.add("created", event.created_at)
    item.add("dtstart", event.starts_at.astimezone(zone))
    item.add("dtend", event.ends_at.astimezone(zone))
    # Rows stored before control characters were refused may hold them: iCalendar (like
    # Atom) cannot carry them.
    item.add("summary", strip_not_text(event.title))
    item.add("description", strip_not_text(event.description))
    item.add("url", f"{settings.public_url}/events/{global_id}")
    item.add("class", "PUBLIC" if event.visibility == "PUBLIC" else "PRIVATE")
    categories = [p.value.replace("_", " ").title() for p in mask_to_pillars(event.pillars_mask)]
    if categories:
        item.add("categories", categories)
    where = [part for part in (event.location, event.join_url if with_join_url else None) if part]
    if where:
        item.add("location", strip_not_text(" / ".join(where)))
    return item


def calendar(
    items: list[Event], settings: Settings, *, name: str, attended: Collection[int] = ()
) -> bytes:
    """An iCalendar file of `items` (the join link only in the events in `attended`)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in items:
        cal.add_component(_vevent(event, settings, with_join_url=event.id in attended))
    if items:
        # The zones' rules over the years the events span, not since 1970.
        first = min(e.starts_at for e in items).date() - timedelta(days=366)
        last = max(e.ends_at for e in items).date() + timedelta(days=366)
        cal.add_missing_timezones(first_date=date(first.year, 1, 1), last_date=last)
    return bytes(cal.to_ical())


def routes(settings: Settings, db: Database) -> list[Route]:
    """GET /events.ics (every public event) and GET /events/<id>.ics (one event)."""

    async def feed(_request: Request) -> Response:
        async with db.read() as session:
            items = await events.public_events(session)
        body = calendar(items, settings, name="MOIN network events")
        return Response(body, media_type=CONTENT_TYPE, headers={"Cache-Control": "max-age=300"})

    async def one(request: Request) -> Response:
        event_id = row_id(request.path_params["id"], "Event")
        cookie = request.cookies.get(sessions.COOKIE_NAME)
        viewer = await sessions.viewer_for_cookie(db, settings, cookie) if cookie else VISITOR
        async with db.read() as session:
            event = await events.get_event(session, viewer, event_id) if event_id else None
            attended = (
                await events.attending(session, viewer.member_id, [event.id])
                if event is not None
                else set()
            )
        if event is None:
            return PlainTextResponse("No such event.", status_code=404)
        body = calendar([event], settings, name=strip_not_text(event.title), attended=attended)
        return Response(
            body,
            media_type=CONTENT_TYPE,
            headers={
                "Content-Disposition": f'attachment; filename="event-{event.id}.ics"',
                "Cache-Control": "private, no-cache",
            },
        )

    return [
        Route("/events.ics", feed, methods=["GET"]),
        Route("/events/{id}.ics", one, methods=["GET"]),
    ]
