"""The plain-field shortcut gives exactly what graphql-core's own execution gives."""

from __future__ import annotations

import enum
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension

from server.schema.execution import PlainFieldExecutionContext, plan_plain_fields


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    name: str
    note: str | None
    colour: Colour
    colours: list[Colour]
    maybe_tags: list[str | None] | None
    count: int

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()


def _items() -> list[Item]:
    # The second item breaks its promises: nulls where the types say non-null.
    broken: Any = None
    return [
        Item(
            name="a",
            note=None,
            colour=Colour.RED,
            colours=[Colour.RED, Colour.BLUE],
            maybe_tags=["x", None],
            count=1,
        ),
        Item(
            name=broken,
            note="n",
            colour=broken,
            colours=[Colour.BLUE, broken],
            maybe_tags=None,
            count=broken,
        ),
    ]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        return list(_items())


QUERY = "{ items { name note colour colours maybeTags count shout } }"


def _schema(fast: bool, extensions: list[Any] | None = None) -> strawberry.Schema:
    if not fast:
        return strawberry.Schema(query=Query, extensions=extensions or [])
    schema = strawberry.Schema(
        query=Query,
        extensions=extensions or [],
        execution_context_class=PlainFieldExecutionContext,
    )
    assert plan_plain_fields(schema._schema) >= 6
    return schema


def _outcome(result: Any) -> tuple[Any, list[tuple[str, list[Any]]]]:
    errors = sorted((e.message, e.path) for e in result.errors or [])
    return result.data, errors


@pytest.mark.asyncio
async def test_same_data_and_errors_as_graphql_core() -> None:
    ordinary = await _schema(fast=False).execute(QUERY)
    shortcut = await _schema(fast=True).execute(QUERY)
    assert _outcome(shortcut) == _outcome(ordinary)
    # The case is not trivial: the first item is whole, the second is nulled with errors.
    assert shortcut.data == {
        "items": [
            {
                "name": "a",
                "note": None,
                "colour": "RED",
                "colours": ["RED", "BLUE"],
                "maybeTags": ["x", None],
                "count": 1,
                "shout": "A",
            },
            None,
        ]
    }
    assert {tuple(e.path) for e in shortcut.errors or []} >= {("items", 1, "name")}


class CountResolves(SchemaExtension):
    seen: list[str] = []  # noqa: RUF012 - reset by the test

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        CountResolves.seen.append(info.field_name)
        return _next(root, info, *args, **kwargs)


@pytest.mark.asyncio
async def test_an_extension_that_hooks_resolve_still_sees_every_field() -> None:
    seen = {}
    for fast in (False, True):
        CountResolves.seen = []
        await _schema(fast, extensions=[CountResolves]).execute("{ items { note count } }")
        seen[fast] = CountResolves.seen
    assert seen[True] == seen[False]
    assert seen[True].count("note") == 2
