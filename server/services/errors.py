"""The one family of errors the services raise."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class UserErrorCode(enum.Enum):
    INVALID = "INVALID"
    TOO_LONG = "TOO_LONG"
    TOO_SHORT = "TOO_SHORT"
    REQUIRED = "REQUIRED"
    DUPLICATE = "DUPLICATE"
    CLOSED = "CLOSED"
    TOO_COMPLEX = "TOO_COMPLEX"


@dataclass(frozen=True)
class FieldError:
    """A problem the user can fix in one input field.

    `field` is the field's path in the service's own words: its argument's name (e.g.
    `("thread_id",)`); the schema maps it to the GraphQL input's path.
    """

    field: tuple[str, ...]
    message: str
    code: UserErrorCode


class DomainError(Exception):
    """Base of the errors a service raises; `code` is the GraphQL extensions code."""

    code = "INTERNAL"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"


class Forbidden(DomainError):
    code = "FORBIDDEN"


class NotFound(DomainError):
    code = "NOT_FOUND"


class BadInput(DomainError):
    """An argument outside its bounds where no payload can carry the error (a query).

    `argument` names the argument at fault in the service's own words (e.g.
    `("filter", "organisation_slug")`); the message given then says only what is wrong with
    it (kept as `problem`; `message` is both, for the command line), and the schema names
    the argument as GraphQL does (`filter.organisationSlug`).
    """

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, argument: tuple[str, ...] = ()) -> None:
        super().__init__(f"`{'.'.join(argument)}` {message}" if argument else message)
        self.argument = argument
        self.problem = message


class RateLimited(DomainError):
    code = "RATE_LIMITED"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(DomainError):
    """The database cannot be reached just now; the client may retry."""

    code = "UNAVAILABLE"
    # Seconds a client should wait before it retries (HTTP Retry-After).
    retry_after = 2

    def __init__(
        self, message: str = "The forum's database is not available just now; retry shortly."
    ) -> None:
        super().__init__(message)


def internal_error_message(request_id: str) -> str:
    """What a client is told of an unexpected error: nothing but the id to quote."""
    return f"Internal error. Quote request id {request_id} when reporting it."


class InvalidInput(DomainError):
    """One or more field errors: nothing was written. Mutations return them in `errors`."""

    code = "BAD_USER_INPUT"

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    @classmethod
    def of(
        cls, field: str, message: str, code: UserErrorCode = UserErrorCode.INVALID
    ) -> InvalidInput:
        """The error of one field (named as the service's argument)."""
        return cls([FieldError((field,), message, code)])


class TimedOut(DomainError):
    """The database stopped a statement at the statement timeout (MOIN_STATEMENT_TIMEOUT_MS)."""

    code = "TIMEOUT"
