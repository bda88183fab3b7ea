"""The web client's JavaScript: its type check, its unit tests and its GraphQL documents.

`tsc --noEmit` (TypeScript from tests/browser/package.json, installed on first use) checks
every file of web/ against its JSDoc types and the types generated from the schema;
Node's test runner runs the unit tests in this folder; the documents generated from
web/graphql/*.graphql must be current and valid against schema.graphql.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.npm import ensure_npm_packages, find_node
from tests.support import require_or_skip
from tests.web.documents import COMMAND, DocumentError, stale_files

ROOT = Path(__file__).resolve().parents[2]
NPM_DIR = ROOT / "tests" / "browser"
TSC = NPM_DIR / "node_modules" / "typescript" / "bin" / "tsc"
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def node() -> str:
    """Node.js, with TypeScript installed; skips (fails under MOIN_REQUIRE_SERVICES=1) without."""
    reason = ensure_npm_packages(NPM_DIR)
    node = find_node()
    if reason is not None or node is None:
        require_or_skip(reason or "Node.js is not on PATH")
    return node


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_the_web_client_type_checks(node: str) -> None:
    result = run(node, str(TSC), "--noEmit", "-p", "web/tsconfig.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_web_clients_unit_tests_type_check(node: str) -> None:
    result = run(node, str(TSC), "--noEmit", "-p", "tests/web/tsconfig.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_web_clients_unit_tests_pass(node: str) -> None:
    tests = sorted(str(p.relative_to(ROOT)) for p in HERE.glob("*.test.js"))
    assert tests, "no unit tests found"
    # web/ has no package.json saying its .js files are ES modules: Node detects it (the
    # default from Node 20.19; the flag makes 20.10 to 20.18 do it too).
    result = run(node, "--experimental-detect-module", "--test", "--test-reporter=dot", *tests)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_generated_documents_are_valid_and_current() -> None:
    try:
        stale = stale_files()
    except DocumentError as exc:
        pytest.fail(f"a document of web/graphql/ is refused:\n{exc}")
    assert not stale, f"web/graphql/ is not current ({', '.join(stale)}): run {COMMAND}"
