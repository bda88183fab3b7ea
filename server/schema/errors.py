"""How failures reach the client.

Problems the user can fix come back in a payload's `errors` (UserError). Domain
errors become GraphQL errors with `extensions.code`. Anything else is masked to a
generic message with a request id; the detail goes to the log only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import strawberry
from graphql import GraphQLError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from strawberry.extensions import SchemaExtension

from server.schema.enums import UserErrorCode
from server.services.errors import DomainError, InvalidInput, RateLimited, Unavailable

log = logging.getLogger("server.errors")


@strawberry.type(description="A problem with one input field that the user can fix.")
class UserError:
    field: list[str] = strawberry.field(
        description='Path to the input field at fault, e.g. ["input", "title"].'
    )
    message: str = strawberry.field(description="What is wrong, and the limit, in words.")
    code: UserErrorCode = strawberry.field(description="What kind of problem it is.")


def user_errors(error: InvalidInput) -> list[UserError]:
    return [UserError(field=list(e.field), message=e.message, code=e.code) for e in error.errors]


def _unavailable(exc: Exception) -> bool:
    if isinstance(exc, PoolTimeout | ConnectionError | OSError):
        return True
    if isinstance(exc, OperationalError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


class ErrorCodes(SchemaExtension):
    """Give every error a code and mask the unexpected ones."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        result.errors = [self._convert(error) for error in result.errors]

    def _convert(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or isinstance(original, GraphQLError):
            return error
        context = self.execution_context.context
        request_id = getattr(context, "request_id", "-")
        if isinstance(original, DomainError):
            extensions: dict[str, object] = {"code": original.code}
            if isinstance(original, RateLimited):
                extensions["retryAfter"] = original.retry_after
            return self._error(error, original.message, extensions)
        if _unavailable(original):
            log.warning("database unavailable (request %s): %r", request_id, original)
            self._set_status(context, 503)
            unavailable = Unavailable(
                "The forum's database is not available just now; retry shortly."
            )
            return self._error(error, unavailable.message, {"code": unavailable.code})
        log.error("internal error (request %s)", request_id, exc_info=original)
        return self._error(
            error,
            f"Internal error. Quote request id {request_id} when reporting it.",
            {"code": "INTERNAL", "requestId": request_id},
        )

    @staticmethod
    def _error(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
        return GraphQLError(
            message, nodes=error.nodes, path=error.path, extensions=extensions, original_error=None
        )

    @staticmethod
    def _set_status(context: object, status: int) -> None:
        response = getattr(context, "response", None)
        if response is not None:
            response.status_code = status
            response.headers["Retry-After"] = "2"
