"""Fields a plan resolves for a whole list of parents at once.

graphql-core resolves a field once per parent: for the author of twenty threads that
is twenty coroutines and twenty DataLoader futures, awaited one by one. A plan instead
asks for the field of all the parents together. The function that does so is the
field's one rule: the field's resolver calls it with a list of one, so both ways of
executing give the same answer by construction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

S = TypeVar("S")
R = TypeVar("R")

# (context, parents) -> the field's value for each parent, in order.
BatchFn = Callable[[Any, Sequence[Any]], Awaitable[list[Any]]]

# (GraphQL type name, GraphQL field name) -> how to resolve it for many parents.
BATCHED: dict[tuple[str, str], BatchFn] = {}


Batch = Callable[[Any, Sequence[S]], Awaitable[list[R]]]


def batched(type_name: str, field_name: str) -> Callable[[Batch[S, R]], Batch[S, R]]:
    """Register the decorated function as how plans resolve `type_name.field_name`.

    The field must take no arguments; the function must give, for each parent in
    order, exactly what the field's resolver gives for it (it should be what the
    resolver calls).
    """

    def register(fn: Batch[S, R]) -> Batch[S, R]:
        BATCHED[type_name, field_name] = fn
        return fn

    return register


def only(values: Sequence[R | Exception]) -> R:
    """The one value of a batch of one, for a resolver that calls its field's batch."""
    (value,) = values
    if isinstance(value, Exception):
        raise value
    return value
