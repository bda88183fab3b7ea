"""Random GraphQL documents over the served schema, seeded and reproducible.

`random_documents(schema, ids, seed=…, count=…)` writes queries the way a curious
client would: random fields of every type reachable from `Query`, random arguments
(mostly in bounds, sometimes out of them), aliases, inline and named fragments on the
`Node` interface, `__typename`, `@include`/`@skip` with literals and variables. Nothing
in it knows which fields the compiled plans support: fields added to the schema later
are picked up as they come.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
)

from server.ids import from_global_id

# Fields a random document leaves out: each costs seconds or a side effect that is not
# about execution (rendering runs in worker processes with a time budget).
LEFT_OUT = {("Query", "renderMarkdown")}
# Bounds of `first` (SECURITY.md): mostly inside, sometimes just outside.
FIRSTS = [1, 2, 3, 5, 5, 5, 10]
BAD_FIRSTS = [0, 101, -1]
# ID arguments that must name an object of one type (else the field fails).
ARGUMENT_KINDS = {"organisation": "Organisation"}
BAD_CURSORS = ["garbage", "WyJMQVNUX0FDVElWSVRZIl0"]


@dataclass
class Document:
    """A query and its variables."""

    query: str
    variables: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Writer:
    schema: GraphQLSchema
    rng: random.Random
    ids: list[str]
    strings: list[str]
    variables: dict[str, tuple[str, Any]] = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)
    # One argument out of bounds at most, and never inside a list: graphql-core resolves
    # siblings concurrently and reports whichever error comes first, so a document with
    # several failing fields has no one answer to compare with.
    may_break: bool = True
    in_list: bool = False

    def document(self, depth: int) -> Document:
        query_type = self.schema.query_type
        assert query_type is not None
        body = self.selection(query_type, depth, root=True)
        definitions = ""
        if self.variables:
            declared = ", ".join(f"${name}: {kind}" for name, (kind, _) in self.variables.items())
            definitions = f"({declared})"
        name = f"Random{self.rng.randrange(10**6)}"
        text = f"query {name}{definitions} {body}\n" + "\n".join(self.fragments.values())
        return Document(text, {name: value for name, (_, value) in self.variables.items()})

    def selection(
        self, kind: GraphQLObjectType | GraphQLInterfaceType, depth: int, root: bool = False
    ) -> str:
        fields = [
            (name, f)
            for name, f in kind.fields.items()
            if (kind.name, name) not in LEFT_OUT
            and (depth > 0 or is_leaf_type(get_named_type(f.type)))
            and not any(
                isinstance(a.type, GraphQLNonNull) and self.value_of(a.type) is None
                for a in f.args.values()
            )
        ]
        if not fields:  # only object fields and no depth left: the type name will do
            return "{ __typename }"
        picked = self.rng.sample(fields, k=min(len(fields), self.rng.randint(1, 5 if root else 6)))
        parts: list[str] = []
        used: set[str] = set()
        for name, f in picked:
            parts.append(self.field(name, f.args, f.type, depth, used))
            if self.rng.random() < 0.1 and (f.args or not is_leaf_type(get_named_type(f.type))):
                parts.append(self.field(name, f.args, f.type, depth, used, alias=True))
        if self.rng.random() < 0.15:
            parts.append("__typename")
        return "{ " + " ".join(parts) + " }"

    def field(
        self,
        name: str,
        args: dict[str, GraphQLArgument],
        kind: GraphQLOutputType,
        depth: int,
        used: set[str],
        alias: bool = False,
    ) -> str:
        key = name
        if alias or name in used:
            key = f"{name}{len(used)}"
            head = f"{key}: {name}"
        else:
            head = name
        used.add(key)
        arguments = self.arguments(args)
        if arguments:
            head += f"({arguments})"
        head += self.directive()
        named = get_named_type(kind)
        if is_leaf_type(named):
            return head
        was_in_list = self.in_list
        self.in_list = was_in_list or _is_list(kind)
        try:
            if isinstance(named, GraphQLObjectType):
                return f"{head} {self.selection(named, depth - 1)}"
            assert isinstance(named, GraphQLInterfaceType | GraphQLUnionType)
            return f"{head} {self.abstract(named, depth - 1)}"
        finally:
            self.in_list = was_in_list

    def abstract(self, kind: GraphQLInterfaceType | GraphQLUnionType, depth: int) -> str:
        parts: list[str] = []
        if isinstance(kind, GraphQLInterfaceType) and self.rng.random() < 0.5:
            parts.append("id" if "id" in kind.fields else "__typename")
        if self.rng.random() < 0.4:
            parts.append("__typename")
        possible = list(self.schema.get_possible_types(kind))
        for concrete in self.rng.sample(possible, k=self.rng.randint(1, len(possible))):
            inner = self.selection(concrete, max(depth, 0))
            if self.rng.random() < 0.3:
                fragment = f"F{len(self.fragments)}{concrete.name}"
                self.fragments[fragment] = f"fragment {fragment} on {concrete.name} {inner}"
                parts.append(f"...{fragment}")
            else:
                parts.append(f"... on {concrete.name}{self.directive()} {inner}")
        return "{ " + " ".join(parts) + " }"

    def directive(self) -> str:
        roll = self.rng.random()
        if roll < 0.06:
            return f" @include(if: {json.dumps(self.rng.random() < 0.7)})"
        if roll < 0.1:
            return f" @skip(if: {json.dumps(self.rng.random() < 0.3)})"
        if roll < 0.13:
            name = f"flag{len(self.variables)}"
            self.variables[name] = ("Boolean!", self.rng.random() < 0.6)
            return f" @include(if: ${name})"
        return ""

    def arguments(self, args: dict[str, GraphQLArgument]) -> str:
        given: list[str] = []
        for name, argument in args.items():
            required = isinstance(argument.type, GraphQLNonNull)
            if not required and self.rng.random() < 0.5:
                continue
            value = self.value_of(argument.type, name)
            if value is None and required:
                continue
            if self.rng.random() < 0.2 and value is not None:
                variable = f"v{len(self.variables)}"
                self.variables[variable] = (str(argument.type), value)
                given.append(f"{name}: ${variable}")
            else:
                given.append(f"{name}: {literal(value)}")
        return ", ".join(given)

    def value_of(self, kind: GraphQLInputType, name: str = "") -> Any:
        if isinstance(kind, GraphQLNonNull):
            kind = kind.of_type
        if isinstance(kind, GraphQLList):
            item = self.value_of(kind.of_type, name)
            return [] if item is None else [item, *([item] if self.rng.random() < 0.2 else [])]
        if isinstance(kind, GraphQLEnumType):
            return Enum(self.rng.choice(list(kind.values)))
        if isinstance(kind, GraphQLInputObjectType):
            chosen = {}
            for field_name, input_field in kind.fields.items():
                if isinstance(input_field.type, GraphQLNonNull) or self.rng.random() < 0.3:
                    chosen[field_name] = self.value_of(input_field.type, field_name)
            return chosen
        assert isinstance(kind, GraphQLScalarType)
        if kind.name == "Int":
            if name == "first":
                return self.rng.choice(BAD_FIRSTS if self.breaks(0.04) else FIRSTS)
            return self.rng.choice([0, 1, 3])
        if kind.name == "Boolean":
            return self.rng.random() < 0.5
        if kind.name == "ID":
            if name in ARGUMENT_KINDS and not self.breaks(0.1):
                wanted = ARGUMENT_KINDS[name]
                return self.rng.choice([i for i in self.ids if _kind_of(i) == wanted])
            return self.rng.choice(self.ids)
        if kind.name == "String":
            if name == "after":
                return self.rng.choice(BAD_CURSORS) if self.breaks(0.1) else None
            return self.rng.choice(self.strings)
        return None

    def breaks(self, chance: float) -> bool:
        """Whether to put a value out of bounds here (at most once, never in a list)."""
        if self.may_break and not self.in_list and self.rng.random() < chance:
            self.may_break = False
            return True
        return False


def _kind_of(global_id: str) -> str | None:
    decoded = from_global_id(global_id)
    return decoded[0] if decoded is not None else None


def _is_list(kind: GraphQLOutputType) -> bool:
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


class Enum(str):
    """An enum value: written without quotes."""


def literal(value: Any) -> str:
    """`value` as a GraphQL literal."""
    if isinstance(value, Enum):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return json.dumps(value)


def random_documents(
    schema: GraphQLSchema, ids: list[str], strings: list[str], *, seed: int, count: int
) -> list[Document]:
    """`count` random queries over `schema` (the same for the same seed and schema)."""
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        writer = _Writer(schema, rng, ids, strings)
        documents.append(writer.document(depth=rng.randint(2, 5)))
    return documents
