"""Bounds on what one GraphQL operation may ask (SECURITY.md, "GraphQL abuse").

Depth, aliases and tokens are limited by strawberry's extensions; this module adds
the cost check: each connection costs its `first`, multiplied through nesting, like
GitHub's node limit. It runs before execution, with the variables known.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension


class QueryCost(SchemaExtension):
    """Refuse operations whose connections could return more than `max_cost` nodes."""

    def __init__(self, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            schema = context.schema._schema
            cost = operation_cost(
                schema, document.definitions, context.operation_name, context.variables or {}
            )
            if cost > self.max_cost:
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            f"This query could return {cost} nodes; the limit is "
                            f"{self.max_cost}. Ask for smaller pages (`first`) or less nesting.",
                            extensions={
                                "code": "QUERY_TOO_COMPLEX",
                                "cost": cost,
                                "limit": self.max_cost,
                            },
                        )
                    ],
                )
        yield


def operation_cost(
    schema: GraphQLSchema,
    definitions: Any,
    operation_name: str | None,
    variables: Mapping[str, Any],
) -> int:
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    total = 0
    for operation in operations[:1] if operation_name is None else operations:
        root = schema.get_root_type(operation.operation)
        if root is not None:
            total += _cost(
                schema, operation.selection_set, root, 1, fragments, variables, frozenset()
            )
    return total


def _cost(
    schema: GraphQLSchema,
    selection_set: SelectionSetNode | None,
    parent: Any,
    multiplier: int,
    fragments: Mapping[str, FragmentDefinitionNode],
    variables: Mapping[str, Any],
    seen: frozenset[str],
) -> int:
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            fields = getattr(parent, "fields", None) or {}
            definition = fields.get(selection.name.value)
            if definition is None:
                continue
            child_type = get_named_type(definition.type)
            factor = 1
            if child_type.name.endswith("Connection"):
                factor = max(_first(selection, definition, variables), 1)
                total += multiplier * factor
            if hasattr(child_type, "fields"):
                total += _cost(
                    schema,
                    selection.selection_set,
                    child_type,
                    multiplier * factor,
                    fragments,
                    variables,
                    seen,
                )
        elif isinstance(selection, InlineFragmentNode):
            target = _narrow(schema, selection, parent)
            total += _cost(
                schema, selection.selection_set, target, multiplier, fragments, variables, seen
            )
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:
                total += _cost(
                    schema,
                    fragment.selection_set,
                    _narrow(schema, fragment, parent),
                    multiplier,
                    fragments,
                    variables,
                    seen | {name},
                )
    return total


def _narrow(
    schema: GraphQLSchema, node: InlineFragmentNode | FragmentDefinitionNode, parent: Any
) -> Any:
    if node.type_condition is None:
        return parent
    return schema.get_type(node.type_condition.name.value) or parent


def _first(node: FieldNode, definition: Any, variables: Mapping[str, Any]) -> int:
    for argument in node.arguments or ():
        if argument.name.value != "first":
            continue
        value = argument.value
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, VariableNode):
            given = variables.get(value.name.value)
            if isinstance(given, int):
                return given
        break
    default = definition.args.get("first")
    if default is not None and isinstance(default.default_value, int):
        return default.default_value
    return 1
