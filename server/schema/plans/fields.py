"""A field's raw value for every parent of a level at once: read, batch-resolved, or
resolved parent by parent; a resolver's exception becomes the parent's `Raised`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any

from graphql.execution import Executor as GenericExecutor
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path

from server.schema.plans.compiler import BATCH, READ, RESOLVE, TYPENAME, FieldStep
from server.schema.plans.outcomes import Raised

# The executor a plan runs in (its context type is the forum's, left open here).
Executor = GenericExecutor[Any]


def field_values(
    ex: Executor, step: FieldStep, sources: Sequence[Any], paths: Sequence[Path | None]
) -> list[Any] | Awaitable[list[Any]]:
    """The field's raw value for each source (a Raised where its resolver raised)."""
    how = step.how
    if how == READ:
        attribute = step.attribute
        try:
            return [getattr(source, attribute) for source in sources]
        except Exception:  # the one that fails is reported alone
            return [_get(source, attribute) for source in sources]
    if how == TYPENAME:
        return [step.parent_type.name] * len(sources)
    if how == BATCH:
        return _batch(ex, step, sources)
    assert how == RESOLVE
    return _resolve(ex, step, sources, paths)


def _get(source: Any, attribute: str) -> Any:
    try:
        return getattr(source, attribute)
    except Exception as exc:  # reported as the field's error
        return Raised(exc)


async def _batch(ex: Executor, step: FieldStep, sources: Sequence[Any]) -> list[Any]:
    assert step.batch is not None
    try:
        values = await step.batch(ex.context_value, sources)
    except Exception as exc:  # each parent's field fails with it
        return [Raised(exc)] * len(sources)
    return [Raised(value) if isinstance(value, Exception) else value for value in values]


def _resolve(
    ex: Executor, step: FieldStep, sources: Sequence[Any], paths: Sequence[Path | None]
) -> list[Any] | Awaitable[list[Any]]:
    field_def = step.field_def
    assert field_def is not None
    resolve = field_def.resolve or ex.field_resolver
    node = step.nodes[0]
    values: list[Any] = []
    awaiting: list[int] = []
    try:
        args = (
            get_argument_values(
                field_def,
                node,
                ex.variable_values,
                step.details[0].fragment_variable_values,
                ex.hide_suggestions,
            )
            if field_def.args or node.arguments
            else {}
        )
    except Exception as exc:  # graphql-core reports it at each parent's field
        return [Raised(exc)] * len(sources)
    for source, path in zip(sources, paths, strict=True):
        field_path = Path(path, step.key, step.parent_type.name)
        info = ex.build_resolve_info(field_def, step.nodes, step.parent_type, field_path)
        try:
            value = resolve(source, info, **args)
        except Exception as exc:  # reported as the field's error
            value = Raised(exc)
        else:
            if ex.is_awaitable(value):
                awaiting.append(len(values))
        values.append(value)
    if not awaiting:
        return values
    return _await_each(values, awaiting)


async def _await_each(values: list[Any], awaiting: list[int]) -> list[Any]:
    async def one(awaitable: Awaitable[Any]) -> Any:
        try:
            return await awaitable
        except Exception as exc:  # reported as the field's error
            return Raised(exc)

    found = await asyncio.gather(*(one(values[i]) for i in awaiting))
    for index, value in zip(awaiting, found, strict=True):
        values[index] = value
    return values
