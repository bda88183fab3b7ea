"""A GET's query string, parsed once per request.

Three layers at the HTTP edge read a GraphQL GET's parameters (the partner key, the checks
of `variables` and `extensions`, a persisted query's hash): each parsing it again cost
more than answering from the cache (profiled: three parses were the largest part of a
cached GET). The parse is kept in the request's state, with the bytes it was made from,
so a layer that rewrites the query string gets a fresh parse.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qsl

_PARSED = "querystring_parsed"


def query_pairs(scope: MutableMapping[str, Any]) -> list[tuple[str, str]]:
    """The (name, value) pairs of the request's query string, in order, %-decoded as
    Starlette's QueryParams decode them (the bytes as latin-1, escapes as UTF-8)."""
    raw: bytes = scope.get("query_string", b"")
    state = scope.setdefault("state", {})
    parsed = state.get(_PARSED)
    if parsed is not None and parsed[0] == raw:
        return list(parsed[1])
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    state[_PARSED] = (raw, tuple(pairs))
    return pairs


def query_value(scope: MutableMapping[str, Any], name: str) -> str | None:
    """The last value of `name` in the query string (as QueryParams.get), or None."""
    found = None
    for key, value in query_pairs(scope):
        if key == name:
            found = value
    return found
