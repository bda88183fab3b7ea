"""Live updates to many receivers: what the receivers of one event work out once.

A reply to a thread with a thousand subscribers is one event and a thousand
receivers in this process. Each receiver is authorised on its own (SECURITY.md:
every event is authorised for its receiver); what they would all compute alike is
computed once per event:

- the rows: one set of loaders per event (`EventShare`), primed with the rows the
  write carried, so a thousand receivers cost no query each;
- the GraphQL execution: the receivers of one visibility class (a visitor, a member, a
  moderator…, see `server.schema.viewer_scope`) get the event's value in one `Delivery`,
  and `LiveExecutor` executes each document (with its variables) once per delivery when
  every field it selects is the same for the whole class; the per-viewer fields among
  them (`viewerCanAccept`) are left empty there and filled for each receiver from one
  batched lookup for all of them. A document with any other field runs once per viewer.

A value that itself depends on the viewer (an update's post, which its author sees while
hidden) is delivered under a `variant` saying how; a personal one per viewer. The
notifications of one event differ only in their ids (a per-viewer field): they are one
value per class, with each receiver's own beside it for documents that run per viewer
(`alone`). Besides the viewer, the event, the document and the variables, the resolvers of
an event's value read only the context's database, settings and loaders, which are the
same for every receiver (a delivery's context is its first receiver's, with the class's
stand-in viewer and the event's loaders: a resolver there must not read the request or
socket).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Generic, TypeVar, cast

from graphql import DocumentNode, ExecutionResult, GraphQLNonNull, GraphQLObjectType
from graphql.pyutils import Path
from strawberry.dataloader import DataLoader

from server import models
from server.db import Database
from server.events import Event
from server.schema import viewer_scope
from server.schema.context import Context
from server.schema.loaders import Loaders
from server.schema.plans import PlanExecutor
from server.schema.reads import read
from server.services import notifications, threads
from server.services.viewer import Viewer

T = TypeVar("T")

_KEY = "live"


@dataclasses.dataclass(frozen=True, slots=True)
class _Blank:
    """A per-viewer field a class execution left empty: where, and what to compute (at
    once with `now`, else through the field's batched lookup)."""

    path: tuple[str | int, ...]
    field: tuple[str, str]
    parent: Any
    coerce: Callable[[Any], Any]
    now: viewer_scope.PerViewerNowFn | None


class _Run:
    """One execution of an operation for a delivery: its outcome and its blanks."""

    __slots__ = ("blanks", "operation", "outcome")

    def __init__(self, operation: Any) -> None:
        self.operation = operation
        self.outcome: Any = None
        self.blanks: list[_Blank] = []


class Delivery(Generic[T]):
    """An event's value for every receiver of one visibility class, and its results."""

    __slots__ = ("_results", "_scopes", "by_class", "context", "share", "value")

    def __init__(self, value: T, context: Context, share: EventShare, *, by_class: bool) -> None:
        self.value = value
        # The context the value's fields resolve in: the class's stand-in viewer (or the
        # one viewer's) and the event's loaders.
        self.context = context
        self.share = share
        # False for a delivery to one viewer (its context has that viewer).
        self.by_class = by_class
        # (operation, variables, viewer or None) -> its run.
        self._results: dict[tuple[int, str, Viewer | None], _Run] = {}
        # id(operation) -> (operation, whether it is the same for the whole class)
        self._scopes: dict[int, tuple[Any, bool]] = {}

    def shared_by_class(self, executor: LiveExecutor) -> bool:
        """Whether `executor`'s document runs once for the whole class."""
        if not self.by_class:
            return False
        operation = executor.operation
        found = self._scopes.get(id(operation))
        if found is None or found[0] is not operation:
            document = DocumentNode(
                definitions=(operation, *(f.definition for f in executor.fragments.values()))
            )
            found = self._scopes[id(operation)] = (
                operation,
                viewer_scope.shared_by_class(executor.schema, document),
            )
        return found[1]

    def run(
        self, executor: LiveExecutor, viewer: Viewer | None, execute: Callable[[], Any]
    ) -> _Run:
        """The run of `executor`'s operation (for `viewer` alone, or for the class when
        None): executed by the first receiver that asks."""
        operation = executor.operation
        key = (id(operation), _variables_key(executor.variable_values.coerced), viewer)
        found = self._results.get(key)
        if found is None or found.operation is not operation:
            found = self._results[key] = _Run(operation)
            if viewer is None:
                executor.blanks = found.blanks
            outcome = execute()
            if executor.is_awaitable(outcome):
                outcome = asyncio.ensure_future(outcome)
            found.outcome = outcome
        return found


def _variables_key(values: dict[str, Any]) -> str:
    return json.dumps(values, sort_keys=True, default=repr)


class Receipt:
    """What one receiver yields for an event: the class's delivery, who it is, and its own
    value when the class's is not theirs (see `EventShare.delivery`)."""

    __slots__ = ("alone", "delivery", "viewer")

    def __init__(
        self, delivery: Delivery[Any], viewer: Viewer, alone: Callable[[], Any] | None = None
    ) -> None:
        self.delivery = delivery
        self.viewer = viewer
        self.alone = alone

    def value(self) -> Any:
        """The value a document that runs for this receiver alone executes on."""
        return self.delivery.value if self.alone is None else self.alone()


class EventShare:
    """What the receivers of one event share: its loaders and a delivery per class."""

    def __init__(self, db: Database, event: Event) -> None:
        self.loaders = Loaders(db)
        for row in event.rows.values():
            if isinstance(row, models.Post):
                self.loaders.post_by_id.prime(row.id, row)
            elif isinstance(row, models.Thread):
                self.loaders.thread_by_id.prime(row.id, row)
            elif isinstance(row, models.Member):
                self.loaders.member_by_id.prime(row.id, row)
            elif isinstance(row, models.Notification):
                self.loaders.notification_by_id.prime(row.id, row)
        self._deliveries: dict[tuple[Viewer, bool, Hashable], Delivery[Any]] = {}
        self._per_viewer: dict[tuple[str, str], DataLoader[tuple[Viewer, Any], Any]] = {}

    def delivery(
        self,
        ctx: Context,
        viewer: Viewer,
        value: Callable[[], T],
        *,
        variant: Hashable = None,
        personal: bool = False,
        alone: Callable[[], T] | None = None,
    ) -> T:
        """What a receiver authorised as `viewer` yields for the event.

        `value` must be the same for every viewer of the class given the same `variant`
        (say what it depends on there); a `personal` value is delivered per viewer.
        `alone` gives this receiver's own value where it differs from the class's only
        in per-viewer fields (a notification's id): a document that runs once for the
        class fills those from `viewer_scope.PER_VIEWER`, one that runs per viewer
        executes on `alone()`. Typed as the value, which is what the subscription's field
        returns; it is a `Receipt`, which `LiveExecutor` executes once for all the
        class's receivers.
        """
        stand_in = None if personal else viewer_scope.visibility_class(viewer)
        key = (stand_in or viewer, stand_in is not None, variant)
        found = self._deliveries.get(key)
        if found is None:
            context = dataclasses.replace(ctx, viewer=stand_in or viewer, loaders=self.loaders)
            found = self._deliveries[key] = Delivery(
                value(), context, self, by_class=stand_in is not None
            )
        return cast(T, Receipt(found, viewer, alone))

    def per_viewer(self, field: tuple[str, str], context: Context) -> DataLoader[Any, Any]:
        """The loader of a per-viewer field's values: the receivers that ask together are
        answered by one call of the field's function."""
        loader = self._per_viewer.get(field)
        if loader is None:
            fn = viewer_scope.PER_VIEWER[field]

            async def load(pairs: list[tuple[Viewer, Any]]) -> list[Any]:
                return await fn(context, pairs)

            loader = self._per_viewer[field] = DataLoader(
                load_fn=load, cache_key_fn=lambda pair: (pair[0], id(pair[1]))
            )
        return loader


def rows_loader(db: Database) -> Callable[[Event], Awaitable[Event]]:
    """For a broadcaster that receives events from other processes: an event, with the
    rows its receivers here render, loaded once for all of them (as a local event
    carries the rows its write made)."""

    async def load(event: Event) -> Event:
        if event.channel == notifications.NOTIFICATIONS_CHANNEL:
            return await read(db, notifications.load_event_rows, event)
        return await read(db, threads.load_event_rows, event)

    return load


def share_of(event: Event, db: Database) -> EventShare:
    """The event's share, made by its first receiver."""
    share = event.shared.get(_KEY)
    if share is None:
        share = event.shared[_KEY] = EventShare(db, event)
    return cast(EventShare, share)


class LiveExecutor(PlanExecutor):
    """The forum's executor; a subscription event that is a `Receipt` runs once for all
    the receivers of its class (or of its viewer)."""

    # Set on the executor of a class's run: where it left per-viewer fields empty.
    blanks: list[_Blank] | None = None

    def execute_operation(self, serially: bool | None = None) -> Any:
        receipt = self.root_value
        if not isinstance(receipt, Receipt):
            return super().execute_operation(serially)
        delivery = receipt.delivery
        # This executor is the receiver's copy for this one event: it may be changed.
        self.root_value = delivery.value
        execute = super().execute_operation
        if delivery.shared_by_class(self):
            self.context_value = delivery.context
            run = delivery.run(self, None, lambda: execute(serially))
            return _for_viewer(run, receipt.viewer, delivery)
        self.context_value = dataclasses.replace(delivery.context, viewer=receipt.viewer)
        self.root_value = receipt.value()
        run = delivery.run(self, receipt.viewer, lambda: execute(serially))
        return _shielded(run.outcome)

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        blanks = self.blanks
        if blanks is not None:
            field = (parent_type.name, field_details_list[0].node.name.value)
            if viewer_scope.is_per_viewer(field):
                kind = parent_type.fields[field[1]].type
                leaf = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
                blanks.append(
                    _Blank(
                        tuple(path.as_list()),
                        field,
                        source,
                        leaf.coerce_output_value,
                        viewer_scope.PER_VIEWER_NOW.get(field),
                    )
                )
                return None  # each receiver's value takes its place
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


def _shielded(outcome: Any) -> Any:
    if isinstance(outcome, asyncio.Future):
        # A receiver that goes away does not cancel the execution of the others.
        return asyncio.shield(outcome)
    return outcome


def _for_viewer(run: _Run, viewer: Viewer, delivery: Delivery[Any]) -> Any:
    """The class's result, with its per-viewer fields filled for `viewer`."""
    outcome = run.outcome
    if not isinstance(outcome, asyncio.Future):
        return _filled(outcome, run.blanks, viewer, delivery)

    async def filled() -> Any:
        # The receivers after the first find the class's run done: no shield to make.
        result = outcome.result() if outcome.done() else await asyncio.shield(outcome)
        found = _filled(result, run.blanks, viewer, delivery)
        return await found if isinstance(found, Awaitable) else found

    return filled()


def _filled(
    result: ExecutionResult, blanks: list[_Blank], viewer: Viewer, delivery: Delivery[Any]
) -> ExecutionResult | Awaitable[ExecutionResult]:
    """`result` with `viewer`'s values in its blanks: at once when none needs a lookup
    (a notification's id), so that each receiver's result is sent as soon as the class's
    is made, instead of after a batch that waits for all of them."""
    if all(blank.now is not None for blank in blanks):
        context = delivery.context
        return _with_values(
            result,
            blanks,
            [cast(Any, blank.now)(context, viewer, blank.parent) for blank in blanks],
        )
    return _looked_up(result, blanks, viewer, delivery)


async def _looked_up(
    result: ExecutionResult, blanks: list[_Blank], viewer: Viewer, delivery: Delivery[Any]
) -> ExecutionResult:
    context = delivery.context
    found = iter(
        await asyncio.gather(
            *(
                delivery.share.per_viewer(blank.field, context).load((viewer, blank.parent))
                for blank in blanks
                if blank.now is None
            )
        )
    )
    values = [
        next(found) if blank.now is None else blank.now(context, viewer, blank.parent)
        for blank in blanks
    ]
    return _with_values(result, blanks, values)


def _with_values(
    result: ExecutionResult, blanks: list[_Blank], values: list[Any]
) -> ExecutionResult:
    if not blanks:
        return result
    data = result.data
    for blank, value in zip(blanks, values, strict=True):
        data = _with_value(data, blank.path, blank.coerce(value))
    return ExecutionResult(data, result.errors)


def _with_value(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A copy of `data` with `value` at `path` (the containers on the way copied, the rest
    shared); `data` itself when the path is gone (a parent nulled by an error)."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(data, dict) and isinstance(key, str) and key in data:
        found = dict(data)
        found[key] = _with_value(data[key], rest, value)
        return found
    if isinstance(data, list) and isinstance(key, int) and key < len(data):
        items = list(data)
        items[key] = _with_value(data[key], rest, value)
        return items
    return data
