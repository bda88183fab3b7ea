"""How failures reach the client.

Problems the user can fix come back in a payload's `errors` (UserError). Domain
errors become GraphQL errors with `extensions.code`. Anything else is masked to a
generic message with a request id; the detail goes to the log only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.base import get_object_definition
from strawberry.utils.str_converters import to_camel_case

from server.db import is_unavailable
from server.schema.enums import UserErrorCode
from server.services.errors import (
    BadInput,
    DomainError,
    InvalidInput,
    RateLimited,
    Unavailable,
    internal_error_message,
)

log = logging.getLogger("server.errors")


@strawberry.type(description="A problem with one input field that the user can fix.")
class UserError:
    field: list[str] = strawberry.field(
        description='Path to the input field at fault, e.g. ["input", "title"].'
    )
    message: str = strawberry.field(description="What is wrong, and the limit, in words.")
    code: UserErrorCode = strawberry.field(description="What kind of problem it is.")


# Every mutation takes its input as one argument of this name.
INPUT_ARGUMENT = "input"


def user_errors(error: InvalidInput, input: object) -> list[UserError]:
    """A service's field errors as a mutation's `errors`, each named by its GraphQL path.

    Services name a field as their argument, which is the input type's Python name for
    it (`thread_id`); the path is the one the client sent (`["input", "threadId"]`).
    """
    names = _graphql_names(type(input))
    return [
        UserError(
            field=[INPUT_ARGUMENT, *(names.get(name) or to_camel_case(name) for name in e.field)],
            message=e.message,
            code=e.code,
        )
        for e in error.errors
    ]


# Input type -> its fields' Python name -> GraphQL name (input types are few and fixed).
_NAMES: dict[type[Any], dict[str, str]] = {}


def _graphql_names(input_type: type[Any]) -> dict[str, str]:
    names = _NAMES.get(input_type)
    if names is None:
        fields = get_object_definition(input_type, strict=True).fields
        names = {f.python_name: f.graphql_name or to_camel_case(f.python_name) for f in fields}
        _NAMES[input_type] = names
    return names


class ErrorCodes(SchemaExtension):
    """Give every error a code and mask the unexpected ones.

    Over HTTP the operation's result is converted when it ends; over a WebSocket each
    result is converted before it is sent (`on_stream_result`), so a subscription's
    errors are masked like any other.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        self._convert_all(self.execution_context.result)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        self._convert_all(result)
        yield

    def _convert_all(self, result: Any) -> None:
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = [self._convert(error) for error in errors]

    def _convert(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or isinstance(original, GraphQLError):
            return error
        context = self.execution_context.context
        request_id = getattr(context, "request_id", "-")
        if isinstance(original, Unavailable) or (
            not isinstance(original, DomainError) and is_unavailable(original)
        ):
            log.warning("database unavailable (request %s): %r", request_id, original)
            unavailable = original if isinstance(original, Unavailable) else Unavailable()
            self._set_status(context, 503, unavailable.retry_after)
            return self._error(error, unavailable.message, {"code": unavailable.code})
        if isinstance(original, DomainError):
            extensions: dict[str, object] = {"code": original.code}
            if isinstance(original, RateLimited):
                extensions["retryAfter"] = original.retry_after
                self._set_status(context, 429, original.retry_after)
            return self._error(error, _message(original), extensions)
        log.error("internal error (request %s)", request_id, exc_info=original)
        return self._error(
            error,
            internal_error_message(request_id),
            {"code": "INTERNAL", "requestId": request_id},
        )

    @staticmethod
    def _error(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
        return GraphQLError(
            message, nodes=error.nodes, path=error.path, extensions=extensions, original_error=None
        )

    @staticmethod
    def _set_status(context: object, status: int, retry_after: int) -> None:
        """Over HTTP, the answer's status and Retry-After (a socket has neither)."""
        response = getattr(context, "response", None)
        if response is not None:
            response.status_code = status
            response.headers["Retry-After"] = str(retry_after)


def _message(error: DomainError) -> str:
    """A domain error's message, an argument it names named as GraphQL names it."""
    if isinstance(error, BadInput) and error.argument:
        path = ".".join(to_camel_case(name) for name in error.argument)
        return f"`{path}` {error.problem}"
    return error.message
