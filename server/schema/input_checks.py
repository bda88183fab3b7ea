"""What an operation may bring, checked once it is parsed and before it runs.

- Every string it carries, in its variables or written in the document, is text
  (`server.text`): a NUL or control character or a lone surrogate is refused with
  BAD_USER_INPUT, naming where it is, before any resolver sees it, on every transport
  alike.
- A subscription runs over the WebSocket only: sent over HTTP, it would run as a query
  and fail; it is refused with a message that says where to send it.

Both are pre-execution errors (as validation errors are), so nothing runs. A validation
error that carries an exception (a literal graphql-core could not read) is the client's
too: BAD_USER_INPUT, never INTERNAL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError, StringValueNode, Visitor, visit
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from server.text import text_problem


class InputChecks(SchemaExtension):
    """Refuse an operation whose strings are not text, or a subscription sent over HTTP.

    Listed after ValidationCache: it reports its errors where validation found none.
    """

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors:
            context.pre_execution_errors = [_readable(e) for e in context.pre_execution_errors]
        else:
            error = self._subscription_over_http() or self._not_text()
            if error is not None:
                context.pre_execution_errors = [error]
        yield

    def _subscription_over_http(self) -> GraphQLError | None:
        context = self.execution_context
        request = getattr(context.context, "request", None)
        if context.operation_type is not OperationType.SUBSCRIPTION or isinstance(
            request, WebSocket
        ):
            return None
        response = getattr(context.context, "response", None)
        if response is not None:
            response.status_code = 400
        return GraphQLError(
            "Subscriptions are served over a WebSocket at /graphql (protocol "
            "graphql-transport-ws), not over HTTP; queries and mutations are sent over HTTP.",
            extensions={"code": "BAD_REQUEST"},
        )

    def _not_text(self) -> GraphQLError | None:
        context = self.execution_context
        for name, value in (context.variables or {}).items():
            found = _first_not_text(value, f"${name}")
            if found is not None:
                where, problem = found
                return GraphQLError(
                    f"Variable `{where}` {problem}.", extensions={"code": "BAD_USER_INPUT"}
                )
        # In the document, a string holds what is not text when the document does (the
        # lexer takes a raw NUL or U+0001 in a string as it is) or through an escape
        # (\u0000); lone surrogates in escapes the lexer refuses itself.
        document = context.graphql_document
        query = context.query or ""
        if document is not None and ("\\u" in query or text_problem(query) is not None):
            literals = _Literals()
            visit(document, literals)
            if literals.found is not None:
                node, problem = literals.found
                return GraphQLError(
                    f"A string in the document {problem}.",
                    nodes=[node],
                    extensions={"code": "BAD_USER_INPUT"},
                )
        return None


def _readable(error: GraphQLError) -> GraphQLError:
    """A validation error as the client's: graphql-core reports a literal whose coercion
    raised (int() refuses an Int literal of 4,300 digits or more) with the exception
    attached, which the error masking would answer as INTERNAL."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error
    return GraphQLError(
        "A value written in the document cannot be read as its type (a number of "
        "thousands of digits, for one).",
        nodes=error.nodes,
        extensions={"code": "BAD_USER_INPUT"},
    )


def _first_not_text(value: Any, path: str) -> tuple[str, str] | None:
    """The path and problem of the first string in a JSON value that is not text."""
    pending = [(value, path)]
    while pending:  # a loop, not recursion: a client chooses how deep the value nests
        item, where = pending.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem is not None:
                return where, problem
        elif isinstance(item, dict):
            for key, child in item.items():
                key_problem = text_problem(key) if isinstance(key, str) else None
                if key_problem is not None:
                    return f"{where} (a key)", key_problem
                pending.append((child, f"{where}.{key}"))
        elif isinstance(item, list):
            pending.extend((child, f"{where}[{index}]") for index, child in enumerate(item))
    return None


class _Literals(Visitor):
    """Finds the first string literal that is not text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: tuple[StringValueNode, str] | None = None

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> Any:
        problem = text_problem(node.value)
        if problem is not None:
            self.found = (node, problem)
            return self.BREAK
        return None
