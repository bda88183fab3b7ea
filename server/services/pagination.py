"""Keyset pagination: a cursor holds the sort key and the id of the last row seen.

A cursor is opaque to clients (url-safe base64 of a small JSON list) and names the
ordering it belongs to, so a cursor from one ordering is refused by another.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.services.errors import BadInput
from server.text import text_problem

T = TypeVar("T")

FIRST_MIN = 1
FIRST_MAX = 100


def check_first(first: int) -> int:
    """`first` if it is within FIRST_MIN..FIRST_MAX, else BadInput naming the bounds."""
    if not FIRST_MIN <= first <= FIRST_MAX:
        raise BadInput(f"`first` must be between {FIRST_MIN} and {FIRST_MAX}; it was {first}.")
    return first


def encode_cursor(ordering: str, key: Sequence[Any]) -> str:
    """The opaque cursor of a row at `key` (its sort values and id) in `ordering`."""
    values = [v.isoformat() if isinstance(v, datetime) else v for v in key]
    raw = json.dumps([ordering, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, ordering: str, types: Sequence[type]) -> tuple[Any, ...]:
    """Decode `cursor` for `ordering` into values of `types`; BadInput when it is not one.

    A cursor comes from the client: its values are checked as well as parsed, so that each
    is one the list could have written (an id within a 64-bit column, a time within
    range, text), never one the database refuses.
    """
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(data, list) or len(data) != len(types) + 1 or data[0] != ordering:
            raise ValueError
        return tuple(_convert(value, kind) for value, kind in zip(data[1:], types, strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise BadInput("`after` is not a cursor of this list.") from None


def _convert(value: Any, kind: type) -> Any:
    if kind is datetime:
        if not isinstance(value, str):
            raise ValueError
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError
        # In UTC, as the database compares it (OverflowError, a ValueError's kin, for a
        # time that has none).
        try:
            return parsed.astimezone(UTC)
        except OverflowError:
            raise ValueError from None
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError
        return float(value)
    if kind is str and isinstance(value, str):
        if text_problem(value) is not None:
            raise ValueError
        return value
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        # Every integer of a cursor is an id, a position, a count or a group.
        if not 0 <= value < 2**63:
            raise ValueError
        return value
    raise ValueError


@dataclass
class Page(Generic[T]):
    """One page of a list, with what the connection needs to describe it."""

    items: list[T]
    has_next: bool
    has_previous: bool
    cursor_of: Callable[[T], str]


def take_page(rows: list[T], first: int) -> tuple[list[T], bool]:
    """Rows were fetched with limit first + 1: the extra one tells there is a next page."""
    return rows[:first], len(rows) > first


async def newest_first(
    session: AsyncSession,
    stmt: sa.Select[Any],
    id_column: Any,
    ordering: str,
    *,
    first: int,
    after: str | None,
) -> Page[sa.Row[Any]]:
    """A page of `stmt`'s rows by descending id (`id_column`, which the rows hold as `id`):
    the keyset of lists in the order things were made."""
    check_first(first)
    if after is not None:
        (last_id,) = decode_cursor(after, ordering, (int,))
        stmt = stmt.where(id_column < last_id)
    rows = (await session.execute(stmt.order_by(id_column.desc()).limit(first + 1))).all()
    items, has_next = take_page(list(rows), first)
    return Page(
        items=items,
        has_next=has_next,
        has_previous=after is not None,
        cursor_of=lambda row: encode_cursor(ordering, (row.id,)),
    )
