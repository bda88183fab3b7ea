"""The served schema keeps the public contract and matches the committed schema.graphql.

The contract lives outside the repository, in the network's shared folder beside the
checkout (`../shared/api/`): the checks against it run where that folder exists, and CI,
which has it, fails rather than skips without it. The committed `schema.graphql` is checked
everywhere, a plain clone included.
"""

from __future__ import annotations

from pathlib import Path

from graphql import build_schema as parse_schema
from graphql import find_breaking_changes

from server.schema import build_schema
from tests.support import require_or_skip

ROOT = Path(__file__).resolve().parent.parent
SHARED_API = ROOT.parent / "shared" / "api"
CONTRACT = SHARED_API / "contract.graphql"
ADDITIONS = SHARED_API / "additions"

# Additions to the contract (../shared/api/additions/) that the forum serves in full: add a
# file's name here when you resolve the issue that names it (engagement.graphql: issue 10,
# network.graphql: issue 11).
SERVED_ADDITIONS: list[str] = ["engagement.graphql", "network.graphql"]


def served() -> str:
    return build_schema().as_str()


def contract_text() -> str:
    if not CONTRACT.is_file():
        require_or_skip(f"no contract at {CONTRACT} (the shared folder beside the checkout)")
    return CONTRACT.read_text()


def breaking_changes(expected: str, actual: str) -> list[str]:
    """What `actual` lacks or changes of the schema `expected` (both SDL)."""
    return [
        c.description for c in find_breaking_changes(parse_schema(expected), parse_schema(actual))
    ]


def test_the_served_schema_has_no_breaking_change_against_the_contract():
    assert breaking_changes(contract_text(), served()) == []


def test_the_served_schema_serves_every_addition_on_the_list_in_full():
    contract = contract_text()
    lacking = {
        name: breaking_changes(f"{contract}\n{(ADDITIONS / name).read_text()}", served())
        for name in SERVED_ADDITIONS
    }
    assert {name: changes for name, changes in lacking.items() if changes} == {}


def test_an_addition_served_in_full_is_on_the_list():
    contract = contract_text()
    for path in sorted(ADDITIONS.glob("*.graphql")):
        if path.name not in SERVED_ADDITIONS:
            assert breaking_changes(f"{contract}\n{path.read_text()}", served()), (
                f"{path.name} is served in full: add it to SERVED_ADDITIONS"
            )


def test_an_addition_the_forum_does_not_serve_in_full_is_reported():
    # Checked against the committed schema, so that it runs in a plain clone too.
    committed = (ROOT / "schema.graphql").read_text()
    addition = "extend type Query { notServedByTheForum(first: Int): Int! }"
    assert breaking_changes(f"{committed}\n{addition}", served()) == [
        "Field Query.notServedByTheForum was removed."
    ]


def test_the_committed_schema_graphql_is_current():
    committed = (ROOT / "schema.graphql").read_text()
    assert committed.strip() == served().strip(), (
        "schema.graphql is stale: run `moin-forum schema > schema.graphql`"
    )


def test_every_type_and_field_has_a_description():
    schema = parse_schema(served())
    missing = []
    for name, named in schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Boolean", "ID", "Float"}:
            continue
        if not named.description:
            missing.append(name)
        for field_name, field in (getattr(named, "fields", None) or {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
    assert missing == []
