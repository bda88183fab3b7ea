"""Compiled plans answer exactly as graphql-core does: the same bytes, for every viewer.

Every query the web client sends (read from `web/graphql/documents.json`, so new
documents are picked up as they are written), every query of `bench/queries.py`, a few
hundred random documents over the public schema (seeded: `PLANS_SEED` reproduces a
run) and documents that break the limits are sent to the demo forum twice, once to
each app, and the two answers compared byte for byte: data, errors with messages,
paths, locations and codes, and the nulls errors propagate.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    OperationType,
    TypeNode,
    parse,
)

from bench import queries
from server.schema import build_schema
from tests.plans.conftest import VIEWERS, DemoForum
from tests.plans.documents import random_documents

WEB_DOCUMENTS = Path(__file__).parents[2] / "web" / "graphql" / "documents.json"
SEED = int(os.environ.get("PLANS_SEED", "13"))
RANDOM_DOCUMENTS = 300
CHUNKS = 6


def _queries(documents: dict[str, str]) -> dict[str, str]:
    """The queries among `documents` (mutations and subscriptions are not planned)."""
    found = {}
    for name, text in documents.items():
        operation = next(
            d for d in parse(text).definitions if isinstance(d, OperationDefinitionNode)
        )
        if operation.operation == OperationType.QUERY:
            found[name] = text
    return found


def _variables_for(text: str, forum: DemoForum) -> list[dict[str, Any]]:
    """A few sets of variables for a known document, from the demo forum's IDs."""
    operation = next(d for d in parse(text).definitions if isinstance(d, OperationDefinitionNode))
    choices: dict[str, list[Any]] = {}
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        required = isinstance(definition.type, NonNullTypeNode)
        kind: TypeNode = definition.type
        while not isinstance(kind, NamedTypeNode):
            kind = kind.type  # type: ignore[attr-defined]
        named = kind.name.value
        options: list[Any]
        if named == "ID":
            options = forum.ids[:: max(1, len(forum.ids) // 12)] + forum.ids[-2:]
        elif named == "Int":
            options = [1, 5, 20, 50]
        elif named == "Boolean":
            options = [True, False]
        elif named == "ThreadOrder":
            options = ["LAST_ACTIVITY", "NEWEST", "MOST_REPLIES"]
        elif named == "ThreadFilter":
            options = [
                None,
                {"pillars": ["RISKS_AND_REWARDS", "ASSESSMENT"]},
                {"organisationTypes": ["PUBLIC_BANK", "CITY"], "kinds": ["CHALLENGE"]},
                {"search": "procurement"},
                {"hasExpertReply": True},
            ]
        elif named == "String" and name in ("search", "slug"):
            options = ["procurement", "climate finance"]
        else:
            options = [None]
        if not required:
            options = [*options, None]
        choices[name] = options
    if not choices:
        return [{}]
    names = list(choices)
    # Each value of each variable at least once, beside the first value of the others.
    sets = []
    for name in names:
        for value in choices[name]:
            variables = {other: choices[other][0] for other in names}
            variables[name] = value
            sets.append({k: v for k, v in variables.items() if v is not None})
    return sets


async def _compare(forum: DemoForum, viewer: str, text: str, variables: dict[str, Any]) -> None:
    compiled, generic = await forum.both(viewer, text, variables)
    assert compiled == generic, f"{viewer}: {text}\nvariables: {json.dumps(variables)}"


def test_the_web_client_has_queries_to_compare() -> None:
    documents = _queries(json.loads(WEB_DOCUMENTS.read_text()))
    assert {"Feed", "Thread"} <= set(documents)


@pytest.mark.parametrize("viewer", VIEWERS)
async def test_the_web_clients_queries_answer_alike(demo_forum: DemoForum, viewer: str) -> None:
    documents = _queries(json.loads(WEB_DOCUMENTS.read_text()))
    for text in documents.values():
        for variables in _variables_for(text, demo_forum):
            await _compare(demo_forum, viewer, text, variables)


@pytest.mark.parametrize("viewer", VIEWERS)
async def test_the_benchmarks_queries_answer_alike(demo_forum: DemoForum, viewer: str) -> None:
    documents = {
        name: getattr(queries, name)
        for name in dir(queries)
        if name.isupper() and isinstance(getattr(queries, name), str)
    }
    for text in _queries(documents).values():
        for variables in _variables_for(text, demo_forum):
            await _compare(demo_forum, viewer, text, variables)


@pytest.mark.parametrize("chunk", range(CHUNKS))
async def test_random_documents_answer_alike(demo_forum: DemoForum, chunk: int) -> None:
    schema = build_schema()._schema
    documents = random_documents(
        schema, demo_forum.ids, demo_forum.strings, seed=SEED, count=RANDOM_DOCUMENTS
    )
    viewers = itertools.cycle(VIEWERS)
    plans = demo_forum.plans()
    executed, sent = plans.executed, 0
    for index, document in enumerate(documents):
        viewer = next(viewers)
        if index % CHUNKS == chunk:
            await _compare(demo_forum, viewer, document.query, document.variables)
            sent += 1
    # Most documents are valid and within the limits: they ran on plans, not beside them.
    assert plans.executed - executed >= sent * 0.8, dict(plans.fallbacks)


HOSTILE = {
    "too deep": "{ threads { nodes { author { organisation { threads { nodes { author { "
    "organisation { threads { nodes { author { organisation { name } } } } } } } } } } } } }",
    "too many aliases": "{ " + " ".join(f"a{i}: viewer {{ id }}" for i in range(40)) + " }",
    "too costly": "{ threads(first: 100) { nodes { replies(first: 100) { nodes { author { "
    "organisation { threads(first: 100) { nodes { id } } } } } } } } }",
    "invalid": "{ threads { nodes { nope } } }",
    "bad argument": "{ threads(first: 101) { nodes { id } } }",
    "bad cursor": '{ threads(after: "nope") { nodes { id } } }',
    "not a document": "{ threads {",
    "too many tokens": "{ " + " ".join("__typename" for _ in range(6000)) + " }",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
async def test_limits_and_validation_apply_alike(demo_forum: DemoForum, name: str) -> None:
    compiled, generic = await demo_forum.both("visitor", HOSTILE[name])
    assert compiled == generic
    assert "errors" in compiled[1]


async def test_a_body_over_the_cap_is_refused_alike(demo_forum: DemoForum) -> None:
    query = "{ threads { nodes { id } } }" + " " * 300_000
    compiled, generic = await demo_forum.both("visitor", query)
    assert compiled == generic
    assert compiled[0] == 413
