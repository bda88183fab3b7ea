"""Network events: the list, one event, creating, changing and attending."""

from __future__ import annotations

import functools
from datetime import datetime

import strawberry

from server import domain
from server.ids import row_id, to_global_id
from server.models import Event as EventRow
from server.schema.context import Context
from server.schema.enums import EventFormat, RoarPillar, Visibility
from server.schema.errors import UserError
from server.schema.mutation import mutate
from server.schema.node import Node
from server.schema.pagination import Connection, connection
from server.services import events

Info = strawberry.Info[Context, None]


@strawberry.type(description="A network event: a workshop, masterclass, peer exchange or webinar.")
class Event(Node):
    title: str = strawberry.field(description="Plain text.")
    description: str = strawberry.field(description="Markdown source.")
    description_html: str = strawberry.field(description="Rendered and sanitised.")
    starts_at: datetime = strawberry.field(description="When it starts (an instant, UTC).")
    ends_at: datetime = strawberry.field(description="When it ends (an instant, UTC).")
    time_zone: str = strawberry.field(
        description="IANA time zone the event is held in, e.g. Europe/London."
    )
    format: EventFormat = strawberry.field(description="Online, in person, or both.")
    location: str | None = strawberry.field(description="Where it is held in person.")
    join_url: str | None = strawberry.field(
        description="The link to join online: shown to members who said they attend, null "
        "otherwise."
    )
    pillars: list[RoarPillar] = strawberry.field(description="The ROAR pillars it is about.")
    visibility: Visibility = strawberry.field(description="Who may see it.")
    attendee_count: int = strawberry.field(description="How many members said they attend.")
    viewer_attends: bool | None = strawberry.field(description="Null for visitors.")
    url: str = strawberry.field(description="Absolute URL of the event in the web client.")
    ics_url: str = strawberry.field(
        description="Absolute URL of the event as an iCalendar (.ics) file."
    )
    sequence: int = strawberry.field(
        description="How many times it was changed (the iCalendar SEQUENCE)."
    )

    @classmethod
    def from_row(cls, row: EventRow, *, base_url: str, attends: bool | None) -> Event:
        """The event as a viewer sees it: the join link only if they attend."""
        global_id = to_global_id("Event", row.id)
        return cls(
            id=strawberry.ID(global_id),
            title=row.title,
            description=row.description,
            description_html=row.description_html,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            time_zone=row.time_zone,
            format=row.format,
            location=row.location,
            join_url=row.join_url if attends else None,
            pillars=domain.mask_to_pillars(row.pillars_mask),
            visibility=row.visibility,
            attendee_count=row.attendee_count,
            viewer_attends=attends,
            url=f"{base_url}/events/{global_id}",
            ics_url=f"{base_url}/events/{global_id}.ics",
            sequence=row.sequence,
        )


async def event_of(ctx: Context, row: EventRow) -> Event:
    """One event for the request's viewer (whether they attend: one query)."""
    attends: bool | None = None
    if ctx.viewer.member_id is not None:
        attends = row.id in await ctx.read(events.attending, ctx.viewer.member_id, [row.id])
    return Event.from_row(row, base_url=ctx.settings.public_url, attends=attends)


@strawberry.input(description="A new event.")
class CreateEventInput:
    title: str = strawberry.field(description="Plain text, 1 to 200 characters.")
    description: str = strawberry.field(description="Markdown, up to 20,000 characters.")
    starts_at: datetime = strawberry.field(
        description="With an offset, an instant; without one, the wall-clock time in timeZone."
    )
    ends_at: datetime = strawberry.field(description="After startsAt; as startsAt.")
    time_zone: str = strawberry.field(description="IANA time zone, e.g. Europe/London.")
    format: EventFormat = strawberry.field(
        description="ONLINE needs joinUrl, IN_PERSON a location, HYBRID both."
    )
    location: str | None = strawberry.field(default=None, description="Up to 300 characters.")
    join_url: str | None = strawberry.field(default=None, description="An https:// link.")
    pillars: list[RoarPillar] = strawberry.field(description="The ROAR pillars it is about.")
    visibility: Visibility | None = strawberry.field(
        default=domain.Visibility.MEMBERS, description="MEMBERS unless given."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeating the mutation with the same key creates nothing new."
    )


@strawberry.input(description="An event as it is to be: every field is given again.")
class UpdateEventInput(CreateEventInput):
    event_id: strawberry.ID = strawberry.field(description="The event's global ID.")


@strawberry.type(description="The event, or what to fix.")
class CreateEventPayload:
    event: Event | None = strawberry.field(description="The event.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="Whether the viewer attends an event.")
class AttendEventInput:
    event_id: strawberry.ID = strawberry.field(description="The event's global ID.")
    attends: bool = strawberry.field(description="True to attend, false to withdraw.")


@strawberry.type(description="The event as the viewer now sees it, or what to fix.")
class AttendEventPayload:
    event: Event | None = strawberry.field(description="The event.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


def _form(input: CreateEventInput) -> events.EventForm:
    return events.EventForm(
        title=input.title,
        description=input.description,
        starts_at=input.starts_at,
        ends_at=input.ends_at,
        time_zone=input.time_zone,
        format=input.format,
        location=input.location,
        join_url=input.join_url,
        pillars=input.pillars,
        visibility=input.visibility or domain.Visibility.MEMBERS,
    )


@strawberry.type
class EventQueries:
    @strawberry.field(
        description="Events, soonest first; past ones with upcoming: false (most recent first)."
    )
    async def events(
        self,
        info: Info,
        upcoming: bool | None = True,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Event]:
        ctx = info.context
        viewer = ctx.viewer
        is_upcoming = upcoming is not False
        page = await ctx.read(
            events.list_events,
            viewer,
            upcoming=is_upcoming,
            first=20 if first is None else first,
            after=after,
        )
        attended: set[int] = set()
        if viewer.member_id is not None:
            attended = await ctx.read(
                events.attending, viewer.member_id, [e.id for e in page.items]
            )
        count = functools.partial(events.count_events, viewer=viewer, upcoming=is_upcoming)
        base_url = ctx.settings.public_url

        def shape(row: EventRow) -> Event:
            attends = row.id in attended if viewer.member_id is not None else None
            return Event.from_row(row, base_url=base_url, attends=attends)

        return connection(page, shape, count)


@strawberry.type
class EventMutations:
    @strawberry.mutation(description="Create an event: admins and researchers.")
    async def create_event(self, info: Info, input: CreateEventInput) -> CreateEventPayload:
        ctx = info.context
        row, errors = await mutate(
            ctx,
            input,
            lambda session: events.create_event(
                session, ctx.viewer, _form(input), idempotency_key=input.idempotency_key
            ),
            lambda row: row,
        )
        return CreateEventPayload(event=await event_of(ctx, row) if row else None, errors=errors)

    @strawberry.mutation(
        description="Change an event (its organiser or an admin); calendars that subscribed "
        "see the change (a higher SEQUENCE, the same UID)."
    )
    async def update_event(self, info: Info, input: UpdateEventInput) -> CreateEventPayload:
        ctx = info.context
        row, errors = await mutate(
            ctx,
            input,
            lambda session: events.update_event(
                session, ctx.viewer, row_id(input.event_id, "Event"), _form(input)
            ),
            lambda row: row,
        )
        return CreateEventPayload(event=await event_of(ctx, row) if row else None, errors=errors)

    @strawberry.mutation(
        description="Say that you attend an event, or no longer do; attendees see the join link."
    )
    async def attend_event(self, info: Info, input: AttendEventInput) -> AttendEventPayload:
        ctx = info.context
        row, errors = await mutate(
            ctx,
            input,
            lambda session: events.attend(
                session,
                ctx.viewer,
                event_id=row_id(input.event_id, "Event"),
                attends=input.attends,
            ),
            lambda row: row,
        )
        return AttendEventPayload(event=await event_of(ctx, row) if row else None, errors=errors)
