"""What a field of one parent can come to in a plan's run, besides a plain value: a
resolver's exception, a value already settled, a non-null failure on its way up, or a value
the fast way leaves to graphql-core."""

from __future__ import annotations

import itertools
from typing import Any

from graphql import GraphQLError


class Bubble:
    """A non-null position failed: the error, on its way to the nearest nullable one."""

    __slots__ = ("error",)

    def __init__(self, error: GraphQLError) -> None:
        self.error = error


class Raised:
    """A resolver's exception for one parent, numbered in the order they happened."""

    __slots__ = ("error", "order")

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.order = next(_raised_order)


# graphql-core handles a field's error when it happens, so of two failing fields the
# first to fail is reported first (and, when both null the same parent, alone).
_raised_order = itertools.count()


class Done:
    """A field of one parent already settled (its error handled): its final value."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class _Anomaly:
    """A value the fast way does not complete: graphql-core completes the field."""


ANOMALY = _Anomaly()
