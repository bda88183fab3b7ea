"""A GET's query string, parsed once per request.

Three layers at the HTTP edge read a GraphQL GET's parameters (the partner key, the checks
of `variables` and `extensions`, a persisted query's hash): each parsing it again cost
more than answering from the cache (profiled: three parses were the largest part of a
cached GET). The parse is kept in the request's state, with the bytes it was made from,
so a layer that rewrites the query string gets a fresh parse.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
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
    """The last value of `name` in the query string (as QueryParams.get), or None.

    Only the parameters that may be `name` are decoded: the partner key is read before
    anything else needs the others (a cached GET may need nothing else), and decoding a
    widget's whole query string (its `variables` and `extensions` are %-encoded JSON) cost
    more than the rest of a cached answer. Each candidate is decoded by the same parse as
    `query_pairs`, so the value is the one it would give.
    """
    raw: bytes = scope.get("query_string", b"")
    state = scope.get("state", {})
    parsed = state.get(_PARSED)
    if parsed is not None and parsed[0] == raw:
        pairs: Iterable[tuple[str, str]] = parsed[1]
    else:
        pairs = (
            pair
            for part in raw.split(b"&")
            if _may_be_named(part.partition(b"=")[0], name)
            for pair in parse_qsl(part.decode("latin-1"), keep_blank_values=True)
        )
    found = None
    for key, value in pairs:
        if key == name:
            found = value
    return found


def _may_be_named(raw_name: bytes, name: str) -> bool:
    # A name %-escaped or with a `+` (a space) may decode to `name`: parse it to know.
    return raw_name == name.encode("latin-1") or b"%" in raw_name or b"+" in raw_name
