"""Schemathesis checks of what the forum may answer, loaded by `st run` (SCHEMATHESIS_HOOKS).

Besides schemathesis's own `not_a_server_error` (no 5xx): no error is INTERNAL, and no
answer shows the server's insides (a traceback, a source file, SQL, a driver's name or
a path on the server). Text the request itself carried (a preview of fuzzed Markdown
echoes it) is not held against the answer.
"""

from __future__ import annotations

import json
import re
from typing import Any

import schemathesis

INSIDES = {
    "a traceback": re.compile(r"Traceback \(most recent call last\)"),
    "a source file": re.compile(r"File \"[^\"]+\.py\", line \d+"),
    "a database driver": re.compile(r"\b(sqlalchemy|asyncpg|aiosqlite|sqlite3|psycopg)\b", re.I),
    "SQL": re.compile(
        r"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^\"]{0,200}\b(FROM|VALUES|SET|WHERE)\b"
    ),
    "a server path": re.compile(r"(site-packages|/\.venv/|/usr/lib/python|/server/\w+\.py)"),
}


def _errors(text: str) -> list[dict[str, Any]]:
    try:
        body = json.loads(text)
    except ValueError:
        return []
    errors = body.get("errors") if isinstance(body, dict) else None
    return [e for e in errors or [] if isinstance(e, dict)]


@schemathesis.check
def no_internal_error(ctx: Any, response: Any, case: Any) -> None:
    """No error of the answer is INTERNAL (an unexpected failure, masked)."""
    for error in _errors(response.text):
        extensions = error.get("extensions") or {}
        if extensions.get("code") == "INTERNAL":
            raise AssertionError(
                f"INTERNAL error (request {extensions.get('requestId')}): the server's log "
                "has the traceback under this id"
            )


@schemathesis.check
def no_insides_shown(ctx: Any, response: Any, case: Any) -> None:
    """The answer shows no traceback, source file, SQL, driver or server path."""
    sent = json.dumps(case.body, ensure_ascii=False) if case.body is not None else ""
    for what, pattern in INSIDES.items():
        found = pattern.search(response.text)
        if found is not None and found.group() not in sent:
            raise AssertionError(f"the answer shows {what}: {found.group()!r}")


@schemathesis.check
def no_server_error(ctx: Any, response: Any, case: Any) -> None:
    """No 5xx. (Schemathesis's own `not_a_server_error` also counts every GraphQL error
    with a path, such as UNAUTHENTICATED or BAD_USER_INPUT, which are the forum's answers.)"""
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}: {response.text[:300]}")
