"""The served schema keeps the public contract and matches the committed schema.graphql."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import build_schema as parse_schema
from graphql import find_breaking_changes

from server.schema import build_schema
from tests.support import REQUIRE_SERVICES

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT.parent / "shared" / "api" / "contract.graphql"


def served() -> str:
    return build_schema().as_str()


def test_the_served_schema_has_no_breaking_change_against_the_contract():
    if not CONTRACT.is_file():
        if REQUIRE_SERVICES:
            pytest.fail(f"the contract is missing at {CONTRACT}")
        pytest.skip(f"no contract at {CONTRACT}")
    changes = find_breaking_changes(parse_schema(CONTRACT.read_text()), parse_schema(served()))
    assert [c.description for c in changes] == []


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
