"""Input bounds, one place for each, collected as field errors."""

from __future__ import annotations

import re
from collections.abc import Sequence

from server import markdown
from server.services.errors import FieldError, InvalidInput, UserErrorCode

TITLE_MAX = 200
BODY_MAX = 50_000
TOPICS_MAX = 10
TOPIC_PATTERN = re.compile(r"[a-z0-9-]{1,40}")
IDEMPOTENCY_KEY_MAX = 200
SEARCH_MAX = 200
SLUG_MAX = 80  # an organisation's slug, as in its address /o/<slug>
REASON_MAX = 500  # a moderator's reason for hiding a post or banning a member


async def rendered(field: str, body: str, *, label: str = "Body") -> str:
    """`body` (checked already) rendered to sanitised HTML, off the event loop.

    Markdown that would cost too much to render is refused as `field`, TOO_COMPLEX, so that
    nothing is stored without its HTML.
    """
    try:
        return await markdown.render(body)
    except markdown.MarkdownTooComplex as exc:
        raise InvalidInput(
            [FieldError((field,), f"{label} {exc.problem}", UserErrorCode.TOO_COMPLEX)]
        ) from None


class Collector:
    """Gathers every field error of one input, then raises them together.

    Fields are named as the service's arguments are (`title`, `idempotency_key`).
    """

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str | Sequence[str], message: str, code: UserErrorCode) -> None:
        """Record a problem with `field` (a name, or a path of names)."""
        path = (field,) if isinstance(field, str) else tuple(field)
        self.errors.append(FieldError(path, message, code))

    def text(self, field: str, value: str, *, label: str, max_length: int) -> str:
        """Strip a required text and check its length; returns the stripped text."""
        stripped = value.strip()
        if not stripped:
            self.add(field, f"{label} is required.", UserErrorCode.REQUIRED)
        elif len(stripped) > max_length:
            self.add(
                field,
                f"{label} is too long: {len(stripped)} characters, the limit is {max_length}.",
                UserErrorCode.TOO_LONG,
            )
        return stripped

    def topics(self, field: str, values: Sequence[str] | None) -> list[str]:
        """Normalise topics (stripped, lower-case, no repeats); check each, and how many."""
        topics: list[str] = []
        for value in values or ():
            topic = value.strip().lower()
            if not TOPIC_PATTERN.fullmatch(topic):
                self.add(
                    field,
                    f"Topic {value[:50]!r} is not valid: use 1 to 40 lower-case letters, "
                    "digits or hyphens.",
                    UserErrorCode.INVALID,
                )
            elif topic not in topics:
                topics.append(topic)
        if len(topics) > TOPICS_MAX:
            self.add(
                field,
                f"Too many topics: {len(topics)}, the limit is {TOPICS_MAX}.",
                UserErrorCode.TOO_LONG,
            )
        return topics

    def idempotency_key(self, field: str, value: str | None) -> str | None:
        """Check an idempotency key's length; None means the request has none."""
        if value is None:
            return None
        if not value or len(value) > IDEMPOTENCY_KEY_MAX:
            self.add(
                field,
                f"The idempotency key must have 1 to {IDEMPOTENCY_KEY_MAX} characters.",
                UserErrorCode.INVALID,
            )
        return value

    def raise_if_any(self) -> None:
        """Raise every problem recorded so far, together, if there is any."""
        if self.errors:
            raise InvalidInput(self.errors)
