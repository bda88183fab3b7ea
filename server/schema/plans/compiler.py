"""Compiling an operation into a plan: how each field of its selection is read.

A plan is made once per operation (and per value of the variables its `@skip` and
`@include` read) from the validated document: the selections are collected, fragments
merged and every field is given the cheapest way to produce it that gives the same
answer:

- a plain attribute (strawberry's default resolver, no arguments): read directly;
- a field registered in `batched.BATCHED`: resolved for all its parents at once;
- any other field: its resolver, called as graphql-core calls it;
- `__typename`: the type's name.

What a plan cannot do is refused here, for the whole operation, with a reason: then the
operation runs on graphql-core's generic execution (`Refusal`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DirectiveNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLAbstractType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    OperationDefinitionNode,
    OperationType,
    VariableNode,
    is_abstract_type,
    is_leaf_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetails

from server.schema.plans.batched import BATCHED, BatchFn

# The directives a plan knows: they only decide, with the variables, what is selected.
KNOWN_DIRECTIVES = frozenset({"skip", "include"})
INTROSPECTION = frozenset({"__schema", "__type"})


class Refusal(Exception):
    """The operation cannot be planned: it runs on graphql-core. The message says why."""


# How a field's value is completed into the response (one class per output type kind).
@dataclass(frozen=True, slots=True)
class Leaf:
    """A scalar or enum, coerced as graphql-core coerces it."""

    nullable: bool
    coerce: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class ObjectPlan:
    """An object type's selection: its fields, in response order."""

    type: GraphQLObjectType
    fields: tuple[FieldStep, ...]
    # strawberry's check that a value is of this type (for types with interfaces).
    is_type_of: Callable[[Any, Any], Any] | None


@dataclass(frozen=True, slots=True)
class Obj:
    """An object."""

    nullable: bool
    plan: ObjectPlan


@dataclass(frozen=True, slots=True)
class Abstract:
    """An interface or union: the plan of each possible type, by its Python class."""

    nullable: bool
    by_class: dict[type, ObjectPlan]


@dataclass(frozen=True, slots=True)
class ListOf:
    """A list of items completed alike."""

    nullable: bool
    item: Completion


Completion = Leaf | Obj | Abstract | ListOf

# How a step gets its values.
READ = "read"
BATCH = "batch"
RESOLVE = "resolve"
TYPENAME = "typename"


@dataclass(frozen=True, slots=True)
class FieldStep:
    """One field of a selection: how to get its value for each parent and complete it."""

    key: str
    how: str
    parent_type: GraphQLObjectType
    field_def: GraphQLField | None
    details: list[FieldDetails]
    nodes: list[FieldNode]
    completion: Completion | None
    attribute: str = ""
    batch: BatchFn | None = None

    @property
    def return_type(self) -> GraphQLOutputType:
        """The field's declared type."""
        assert self.field_def is not None
        return self.field_def.type


# Collects the sub-selections of a field for an object type, as graphql-core does.
CollectSubfields = Callable[[GraphQLObjectType, list[FieldDetails]], dict[str, list[FieldDetails]]]


def directive_variables(
    operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
) -> tuple[str, ...]:
    """The variables `@skip`/`@include` read (the plan depends on their values).

    Refuses a document with any other directive.
    """
    names: set[str] = set()
    stack: list[Any] = [operation, *fragments.values()]
    while stack:
        node = stack.pop()
        if isinstance(node, FragmentDefinitionNode) and node.variable_definitions:
            raise Refusal("fragment variables")
        for directive in getattr(node, "directives", None) or ():
            _check_directive(directive, names)
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)
    return tuple(sorted(names))


def _check_directive(directive: DirectiveNode, names: set[str]) -> None:
    if directive.name.value not in KNOWN_DIRECTIVES:
        raise Refusal(f"directive @{directive.name.value}")
    for argument in directive.arguments or ():
        if isinstance(argument.value, VariableNode):
            names.add(argument.value.name.value)


def compile_operation(
    operation: OperationDefinitionNode,
    root_type: GraphQLObjectType,
    grouped: dict[str, list[FieldDetails]],
    collect_subfields: CollectSubfields,
    possible_types: Callable[[GraphQLAbstractType], list[GraphQLObjectType]],
) -> ObjectPlan:
    """The plan of `operation`, whose root fields are `grouped`; Refusal if it has none."""
    if operation.operation != OperationType.QUERY:
        raise Refusal(f"a {operation.operation.value}")
    return _Compiler(collect_subfields, possible_types).object_plan(root_type, grouped)


class _Compiler:
    def __init__(
        self,
        collect_subfields: CollectSubfields,
        possible_types: Callable[[GraphQLAbstractType], list[GraphQLObjectType]],
    ) -> None:
        self.collect_subfields = collect_subfields
        self.possible_types = possible_types

    def object_plan(
        self, parent: GraphQLObjectType, grouped: dict[str, list[FieldDetails]]
    ) -> ObjectPlan:
        steps = tuple(self.step(parent, key, details) for key, details in grouped.items())
        return ObjectPlan(type=parent, fields=steps, is_type_of=parent.is_type_of)

    def step(self, parent: GraphQLObjectType, key: str, details: list[FieldDetails]) -> FieldStep:
        nodes = [d.node for d in details]
        name = nodes[0].name.value
        if name == "__typename":
            return FieldStep(key, TYPENAME, parent, None, details, nodes, None)
        if name in INTROSPECTION:
            raise Refusal("introspection")
        field_def = parent.fields.get(name)
        if field_def is None:  # validation refuses this: graphql-core leaves it out too
            raise Refusal(f"unknown field {parent.name}.{name}")
        completion = self.completion(field_def.type, details)
        has_args = bool(field_def.args) or any(node.arguments for node in nodes)
        definition = field_def.extensions.get("strawberry-definition")
        if (
            not has_args
            and definition is not None
            and getattr(field_def.resolve, "_is_default", False)
        ):
            attribute: str = definition.python_name
            return FieldStep(key, READ, parent, field_def, details, nodes, completion, attribute)
        batch = BATCHED.get((parent.name, name))
        if batch is not None and not has_args:
            return FieldStep(key, BATCH, parent, field_def, details, nodes, completion, batch=batch)
        return FieldStep(key, RESOLVE, parent, field_def, details, nodes, completion)

    def completion(self, kind: GraphQLOutputType, details: list[FieldDetails]) -> Completion:
        nullable = not isinstance(kind, GraphQLNonNull)
        if isinstance(kind, GraphQLNonNull):
            kind = kind.of_type
        if isinstance(kind, GraphQLList):
            return ListOf(nullable, self.completion(kind.of_type, details))
        if is_leaf_type(kind):
            return Leaf(nullable, kind.coerce_output_value)
        if is_object_type(kind):
            assert isinstance(kind, GraphQLObjectType)
            return Obj(nullable, self.object_plan(kind, self.collect_subfields(kind, details)))
        if is_abstract_type(kind):
            assert isinstance(kind, GraphQLAbstractType)
            by_class: dict[type, ObjectPlan] = {}
            for possible in self.possible_types(kind):
                definition = possible.extensions.get("strawberry-definition")
                if definition is None:
                    raise Refusal(f"{possible.name} has no Python class")
                plan = self.object_plan(possible, self.collect_subfields(possible, details))
                by_class[definition.origin] = plan
            return Abstract(nullable, by_class)
        raise Refusal(f"output type {kind}")  # pragma: no cover: none other exists
