"""Running a plan: a selection executed for all the objects of one level at once.

graphql-core walks the response object by object and field by field, each field a
resolver call, a ResolveInfo, an awaitable check and a generic completion. A plan walks
it level by level: a field is read (or batch-resolved) for every parent in one go, and
its values completed for all of them together, so the twenty authors of a feed page are
one call, not twenty.

Only clean values take this way. Anything else at a field of one parent (its resolver
raised, a null where the type forbids one, a value its type refuses, an unexpected
runtime type) is handed to graphql-core's own completion for that field of that parent
(`Executor.complete_value` and `handle_field_error`), so error messages, paths and the
nulls they propagate are graphql-core's. Errors are collected into the executor's
`collected_errors` like graphql-core's; a non-null violation travels up as a `Bubble`
to the nearest nullable position, as graphql-core's exception does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any

from graphql import GraphQLError, Undefined
from graphql.pyutils import Path

from server.schema.plans.compiler import (
    Abstract,
    Completion,
    FieldStep,
    Leaf,
    ListOf,
    Obj,
    ObjectPlan,
)
from server.schema.plans.fields import Executor, field_values
from server.schema.plans.outcomes import ANOMALY, Bubble, Done, Raised


async def run(executor: Executor, plan: ObjectPlan, root_value: Any) -> dict[str, Any]:
    """The response data of the operation planned as `plan` (graphql-core's shape).

    A non-null failure that reaches the root raises its GraphQLError, which graphql-core's
    `execute_operation` turns into `data: null`.
    """
    (data,) = await _objects(executor, plan, [root_value], [None])
    if isinstance(data, Bubble):
        raise data.error
    return data


async def _objects(
    ex: Executor, plan: ObjectPlan, sources: Sequence[Any], paths: Sequence[Path | None]
) -> list[dict[str, Any] | Bubble]:
    """Each source's selection of `plan`, or a Bubble for a source a non-null field failed."""
    steps = plan.fields
    columns: list[Any] = [None] * len(steps)
    waiting: list[tuple[int, Awaitable[list[Any]]]] = []
    for index, step in enumerate(steps):
        values = field_values(ex, step, sources, paths)
        if isinstance(values, list):
            columns[index] = values
        else:
            waiting.append((index, values))
    if waiting:
        await _settle(columns, waiting)
    _settle_errors(ex, steps, columns, paths)
    for index, step in enumerate(steps):
        completed = _complete_field(ex, step, columns[index], paths)
        if isinstance(completed, list):
            columns[index] = completed
        else:
            waiting.append((index, completed))
    if waiting:
        await _settle(columns, waiting)
    results: list[dict[str, Any] | Bubble] = []
    for row in range(len(sources)):
        result: dict[str, Any] | Bubble = {}
        for index, step in enumerate(steps):
            value = columns[index][row]
            if isinstance(value, Bubble):
                result = value
                break
            result[step.key] = value  # type: ignore[index]
        results.append(result)
    return results


def _settle_errors(
    ex: Executor, steps: Sequence[FieldStep], columns: list[Any], paths: Sequence[Path | None]
) -> None:
    """Handle the resolvers' errors first, as graphql-core does when they happen: a parent
    a non-null field fails for is nulled, and its other fields are not completed (graphql-
    core cancels them), so they add no errors of their own."""
    raised = [
        (value.order, index, row)
        for index, column in enumerate(columns)
        for row, value in enumerate(column)
        if isinstance(value, Raised)
    ]
    if not raised:
        return
    nulled: set[int] = set()
    for _order, index, row in sorted(raised):
        column = columns[index]
        if row in nulled:
            # graphql-core cancelled it when the parent was nulled: it reports nothing.
            column[row] = Done(None)
            continue
        outcome = _field_error(ex, steps[index], paths[row], column[row].error)
        column[row] = Done(outcome)
        if isinstance(outcome, Bubble):
            nulled.add(row)
    if nulled:
        for column in columns:
            for row in nulled:
                if not isinstance(column[row], Done):
                    column[row] = Done(None)


def _field_error(ex: Executor, step: FieldStep, parent: Path | None, error: Exception) -> Any:
    """graphql-core's handling of a field's error: None, or a Bubble if it is non-null."""
    path = Path(parent, step.key, step.parent_type.name)
    try:
        ex.handle_field_error(error, step.return_type, step.details, path)
    except GraphQLError as located:
        return Bubble(located)
    return None


async def _settle(columns: list[Any], waiting: list[tuple[int, Awaitable[list[Any]]]]) -> None:
    if len(waiting) == 1:
        index, awaitable = waiting[0]
        columns[index] = await awaitable
    else:
        found = await asyncio.gather(*(awaitable for _, awaitable in waiting))
        for (index, _), values in zip(waiting, found, strict=True):
            columns[index] = values
    waiting.clear()


def _complete_field(
    ex: Executor, step: FieldStep, values: list[Any], paths: Sequence[Path | None]
) -> list[Any] | Awaitable[list[Any]]:
    """Each source's completed value of `step` (or a Bubble)."""
    completion = step.completion
    if completion is None:  # __typename
        return [value.value if isinstance(value, Done) else value for value in values]
    if isinstance(completion, Leaf):
        done = _leaves(completion, values)
        if not any(value is ANOMALY for value in done):
            return done
        return _with_generic(ex, step, values, done, paths)
    return _complete_nested(ex, step, completion, values, paths)


async def _complete_nested(
    ex: Executor,
    step: FieldStep,
    completion: Completion,
    values: list[Any],
    paths: Sequence[Path | None],
) -> list[Any]:
    key, type_name = step.key, step.parent_type.name
    positions = [Path(path, key, type_name) for path in paths]
    done = await _complete(ex, completion, values, positions)
    if any(value is ANOMALY for value in done):
        return await _with_generic(ex, step, values, done, paths)
    return done


async def _with_generic(
    ex: Executor,
    step: FieldStep,
    values: list[Any],
    done: list[Any],
    paths: Sequence[Path | None],
) -> list[Any]:
    """`done`, with each ANOMALY completed by graphql-core from its raw value."""
    for row, value in enumerate(done):
        if value is ANOMALY:
            done[row] = await _generic(ex, step, paths[row], values[row])
    return done


async def _generic(ex: Executor, step: FieldStep, parent: Path | None, value: Any) -> Any:
    """One field of one parent, completed exactly as graphql-core's execute_field does."""
    path = Path(parent, step.key, step.parent_type.name)
    assert step.field_def is not None
    try:
        if isinstance(value, Raised):
            raise value.error
        info = ex.build_resolve_info(step.field_def, step.nodes, step.parent_type, path)
        completed = ex.complete_value(step.return_type, step.details, info, path, value, None)
        if ex.is_awaitable(completed):
            completed = await completed
        return completed
    except Exception as raw:  # graphql-core's own handling decides
        try:
            ex.handle_field_error(raw, step.return_type, step.details, path)
        except GraphQLError as error:
            return Bubble(error)
        return None


def _leaves(completion: Leaf, values: list[Any]) -> list[Any]:
    coerce, nullable = completion.coerce, completion.nullable
    done: list[Any] = []
    for value in values:
        if value is None:
            done.append(None if nullable else ANOMALY)
            continue
        if isinstance(value, Done):
            done.append(value.value)
            continue
        if isinstance(value, Raised):
            done.append(ANOMALY)
            continue
        try:
            coerced = coerce(value)
        except Exception:  # graphql-core reports it
            coerced = None
        done.append(ANOMALY if coerced is None or coerced is Undefined else coerced)
    return done


async def _complete(
    ex: Executor, completion: Completion, values: list[Any], positions: list[Path]
) -> list[Any]:
    """Complete `values` (at `positions`) by `completion`: a value, a Bubble (a non-null
    failure inside), or ANOMALY (for graphql-core to complete the whole field)."""
    if isinstance(completion, Leaf):
        return _leaves(completion, values)
    done: list[Any] = [None] * len(values)
    objects: list[int] = []
    for row, value in enumerate(values):
        if isinstance(value, Done):
            done[row] = value.value
        elif isinstance(value, Raised):
            done[row] = ANOMALY
        elif value is None:
            if not completion.nullable:
                done[row] = ANOMALY
        else:
            objects.append(row)
    if not objects:
        return done
    if isinstance(completion, ListOf):
        await _lists(ex, completion, values, positions, objects, done)
    elif isinstance(completion, Obj):
        await _objects_at(ex, completion.plan, values, positions, objects, done)
    else:
        await _abstracts(ex, completion, values, positions, objects, done)
    if completion.nullable:
        for row in objects:
            value = done[row]
            if isinstance(value, Bubble):
                ex.collected_errors.add(value.error, positions[row])
                done[row] = None
    return done


async def _objects_at(
    ex: Executor,
    plan: ObjectPlan,
    values: list[Any],
    positions: list[Path],
    rows: list[int],
    done: list[Any],
) -> None:
    is_type_of = plan.is_type_of
    if is_type_of is not None:
        wrong = [row for row in rows if not is_type_of(values[row], None)]
        if wrong:
            for row in wrong:
                done[row] = ANOMALY
            rows = [row for row in rows if row not in wrong]
    results = await _objects(ex, plan, [values[r] for r in rows], [positions[r] for r in rows])
    for row, result in zip(rows, results, strict=True):
        done[row] = result


async def _abstracts(
    ex: Executor,
    completion: Abstract,
    values: list[Any],
    positions: list[Path],
    rows: list[int],
    done: list[Any],
) -> None:
    groups: dict[type, list[int]] = {}
    for row in rows:
        groups.setdefault(type(values[row]), []).append(row)
    for cls, members in groups.items():
        plan = completion.by_class.get(cls)
        if plan is None:
            for row in members:
                done[row] = ANOMALY
        else:
            await _objects_at(ex, plan, values, positions, members, done)


async def _lists(
    ex: Executor,
    completion: ListOf,
    values: list[Any],
    positions: list[Path],
    rows: list[int],
    done: list[Any],
) -> None:
    items: list[Any] = []
    item_positions: list[Path] = []
    spans: list[tuple[int, int, int]] = []
    for row in rows:
        value = values[row]
        if not isinstance(value, list | tuple):
            done[row] = ANOMALY
            continue
        start = len(items)
        items.extend(value)
        position = positions[row]
        item_positions.extend(Path(position, index, None) for index in range(len(value)))
        spans.append((row, start, len(items)))
    completed = await _complete(ex, completion.item, items, item_positions)
    for row, start, end in spans:
        part = completed[start:end]
        if any(item is ANOMALY for item in part):
            done[row] = ANOMALY
        else:
            bubble = next((item for item in part if isinstance(item, Bubble)), None)
            done[row] = bubble if bubble is not None else part
