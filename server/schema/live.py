"""Live updates to many receivers: what the receivers of one event work out once.

A reply to a thread with a thousand subscribers is one event and a thousand
receivers in this process. Each receiver is authorised on its own (SECURITY.md:
every event is authorised for its receiver); what they would all compute alike is
computed once per event:

- the rows: one set of loaders per event (`EventShare`), primed with the rows the
  write carried, so a thousand receivers cost no query each;
- the GraphQL execution: the receivers with equal viewers get the event's value
  wrapped in one `Delivery`, and `LiveExecutor` executes each document (with its
  variables) once per delivery and hands the same result to each of them.

Sharing is by equal viewer, not by equal read rights: then a field whose value
depends on who asks can never show one member's view to another. Besides the
viewer, the event, the document and the variables, the resolvers of an event's
value read only the context's database, settings and loaders, which are the same
for every receiver (a delivery's context is its first receiver's, with the viewer
and the event's loaders: a resolver there must not read the request or socket).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar, cast

from server import models
from server.db import Database
from server.events import Event
from server.schema.context import Context
from server.schema.loaders import Loaders
from server.schema.plans import PlanExecutor
from server.schema.reads import read
from server.services import threads
from server.services.viewer import Viewer

T = TypeVar("T")

_KEY = "live"


class Delivery(Generic[T]):
    """An event's value for every receiver with one viewer, and its results so far."""

    __slots__ = ("_results", "context", "value")

    def __init__(self, value: T, context: Context) -> None:
        self.value = value
        # The context the value's fields resolve in: that viewer and the event's loaders.
        self.context = context
        # (operation, variables) -> the result, or the future of it while it runs.
        self._results: dict[tuple[int, str], tuple[Any, Any]] = {}

    def result(self, executor: LiveExecutor, execute: Callable[[], Any]) -> Any:
        """The result of `executor`'s operation: executed by the first receiver that asks."""
        operation = executor.operation
        key = (id(operation), _variables_key(executor.variable_values.coerced))
        found = self._results.get(key)
        if found is None or found[0] is not operation:
            outcome = execute()
            if executor.is_awaitable(outcome):
                outcome = asyncio.ensure_future(outcome)
            found = self._results[key] = (operation, outcome)
        outcome = found[1]
        if isinstance(outcome, asyncio.Future):
            # A receiver that goes away does not cancel the execution of the others.
            return asyncio.shield(outcome)
        return outcome


def _variables_key(values: dict[str, Any]) -> str:
    return json.dumps(values, sort_keys=True, default=repr)


class EventShare:
    """What the receivers of one event share: its loaders and a delivery per viewer."""

    def __init__(self, db: Database, event: Event) -> None:
        self.loaders = Loaders(db)
        for row in event.rows.values():
            if isinstance(row, models.Post):
                self.loaders.post_by_id.prime(row.id, row)
            elif isinstance(row, models.Thread):
                self.loaders.thread_by_id.prime(row.id, row)
            elif isinstance(row, models.Member):
                self.loaders.member_by_id.prime(row.id, row)
        self._deliveries: dict[Viewer, Delivery[Any]] = {}

    def delivery(self, ctx: Context, viewer: Viewer, value: Callable[[], T]) -> T:
        """What a receiver authorised as `viewer` yields for the event.

        Typed as the value, which is what the subscription's field returns; it is a
        `Delivery`, which `LiveExecutor` executes once for all its receivers.
        """
        found = self._deliveries.get(viewer)
        if found is None:
            context = dataclasses.replace(ctx, viewer=viewer, loaders=self.loaders)
            found = self._deliveries[viewer] = Delivery(value(), context)
        return cast(T, found)


def rows_loader(db: Database) -> Callable[[Event], Awaitable[Event]]:
    """For a broadcaster that receives events from other processes: an event, with the
    rows its receivers here render, loaded once for all of them (as a local event
    carries the rows its write made)."""

    async def load(event: Event) -> Event:
        return await read(db, threads.load_event_rows, event)

    return load


def share_of(event: Event, db: Database) -> EventShare:
    """The event's share, made by its first receiver."""
    share = event.shared.get(_KEY)
    if share is None:
        share = event.shared[_KEY] = EventShare(db, event)
    return cast(EventShare, share)


class LiveExecutor(PlanExecutor):
    """The forum's executor; a subscription event that is a `Delivery` runs once for all."""

    def execute_operation(self, serially: bool | None = None) -> Any:
        delivery = self.root_value
        if not isinstance(delivery, Delivery):
            return super().execute_operation(serially)
        # This executor is the receiver's copy for this one event: it may be changed.
        self.root_value = delivery.value
        self.context_value = delivery.context
        execute = super().execute_operation
        return delivery.result(self, lambda: execute(serially))
