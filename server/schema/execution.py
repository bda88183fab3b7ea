"""A cheaper way through the fields that only read an attribute.

graphql-core executes every field the same way: it builds a ResolveInfo, calls
strawberry's resolver wrapper, checks whether the result is awaitable and
completes it through the generic value completion. For a feed page most fields
are plain attributes of a dataclass (title, kind, pillars, counts…), and that
machinery is most of the cost of the request. This execution context reads such
fields directly and coerces them with the same output coercion graphql-core would
use. Anything unusual (a null, a value the type refuses, middleware) goes the
ordinary way, so errors and their paths are exactly graphql-core's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
)
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# Key in GraphQLField.extensions (the place graphql-core leaves for such data).
PLAN_KEY = "moin-plain-read"


class _Fallback(Exception):
    """The value needs graphql-core's own completion (null, or refused by its type)."""


Plan = Callable[[Any], Any]


def _coerce_leaf(leaf: Any, nullable: bool) -> Callable[[Any], Any]:
    coerce = leaf.coerce_output_value

    def one(value: Any) -> Any:
        if value is None:
            if nullable:
                return None
            raise _Fallback
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _Fallback
        return coerced

    return one


def _plan_for(field: GraphQLField) -> Plan | None:
    """How to read `field` directly, or None if it needs the ordinary execution."""
    definition = field.extensions.get("strawberry-definition")
    resolve = field.resolve
    if definition is None or field.args or not getattr(resolve, "_is_default", False):
        return None
    attribute: str = definition.python_name
    kind: GraphQLOutputType = field.type
    nullable = not isinstance(kind, GraphQLNonNull)
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    if is_leaf_type(kind):
        one = _coerce_leaf(kind, nullable)
        return lambda source: one(getattr(source, attribute))
    if isinstance(kind, GraphQLList):
        item = kind.of_type
        item_nullable = not isinstance(item, GraphQLNonNull)
        if isinstance(item, GraphQLNonNull):
            item = item.of_type
        if not is_leaf_type(item):
            return None
        each = _coerce_leaf(item, item_nullable)

        def many(source: Any) -> Any:
            values = getattr(source, attribute)
            if values is None:
                if nullable:
                    return None
                raise _Fallback
            return [each(value) for value in values]

        return many
    return None


def plan_plain_fields(schema: GraphQLSchema) -> int:
    """Mark every plain attribute field of `schema` with how to read it; returns how many."""
    planned = 0
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named.name.startswith("__"):
            continue
        for field in named.fields.values():
            plan = _plan_for(field)
            if plan is not None:
                field.extensions = {**(field.extensions or {}), PLAN_KEY: plan}
                planned += 1
    return planned


class PlainFieldExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, with plain attribute fields read directly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An extension with a `resolve` hook must see every field: then no shortcut.
        manager = self.middleware_manager
        self.read_plain_fields = manager is None or not manager.middlewares

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        if self.read_plain_fields:
            field = parent_type.fields.get(field_details_list[0].node.name.value)
            plan = field.extensions.get(PLAN_KEY) if field is not None else None
            if plan is not None:
                try:
                    return plan(source)
                except _Fallback:
                    pass  # graphql-core completes it and reports the error where it belongs
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )
