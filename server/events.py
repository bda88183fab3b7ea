"""Events a write announces once its transaction has committed (to live subscribers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

_KEY = "moin_events"


@dataclass(frozen=True)
class Event:
    """Something that happened: `channel` says who may care, `data` what happened."""

    channel: str
    data: dict[str, Any]
    # The rows the event is about, as written: in-process subscribers render from them
    # instead of each querying the same rows again. Never sent over a wire.
    rows: dict[str, Any] = field(default_factory=dict, compare=False)
    # What this process's receivers work out from the event once and share (the
    # rendering of its rows, see server.schema.live). Never sent over a wire.
    shared: dict[str, Any] = field(default_factory=dict, compare=False)


def replies_channel(thread_id: int) -> str:
    """The channel of a thread's new replies."""
    return f"thread:{thread_id}:replies"


def updates_channel(thread_id: int) -> str:
    """The channel of changes to one thread (edits, answers, status, hiding, counts)."""
    return f"thread:{thread_id}:updates"


THREADS_CHANNEL = "threads"
# Changes to any thread, for lists that show many (the feed's counts).
THREAD_UPDATES_CHANNEL = "threads:updates"


def record(session: AsyncSession, event: Event) -> None:
    """Keep an event to publish after the session's transaction commits."""
    session.info.setdefault(_KEY, []).append(event)


def take(session: AsyncSession) -> list[Event]:
    """The events recorded in this session, once (the caller publishes them)."""
    events: list[Event] = session.info.pop(_KEY, [])
    return events
