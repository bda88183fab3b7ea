"""What the worker knows: a handler per kind of job, how each retries, and periodic work.

The layer that owns a kind of work registers it (mail delivery, webhooks, notification
fan-out); this module knows none of them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.jobs.outbox import Job

Handler = Callable[[Job], Awaitable[None]]
# Told of a job given up for good, in the transaction that marks it failed.
FailureHandler = Callable[[AsyncSession, Job, str], Awaitable[None]]
Cleanup = Callable[[], Awaitable[None]]


class Retry(Exception):
    """Raised by a handler: try again later (after `after`, or by the kind's backoff)."""

    def __init__(self, reason: str, *, after: timedelta | None = None) -> None:
        super().__init__(reason)
        self.after = after


class GiveUp(Exception):
    """Raised by a handler: the work can never succeed (e.g. an address the server rejects)."""


@dataclass(frozen=True)
class JobKind:
    name: str
    handler: Handler
    # A try still running after this is abandoned and retried.
    timeout: timedelta
    # Past this age a job that fails is given up instead of retried.
    max_age: timedelta
    # How many jobs of this kind one worker process runs at once.
    concurrency: int
    on_failure: FailureHandler | None
    # The first retry waits about this long; each next one twice as long, up to the cap.
    retry_base: timedelta
    retry_cap: timedelta

    def retry_delay(self, attempt: int, jitter: float) -> timedelta:
        """The wait before try `attempt + 1`; `jitter` in [0, 1) spreads retries of a burst
        of failures (half the delay is fixed, half random)."""
        # int ** int is typed Any (a negative exponent gives a float): say what it is here.
        factor: float = 2 ** min(attempt - 1, 30)
        delay = min(self.retry_cap, self.retry_base * factor)
        return delay * (0.5 + jitter / 2)


# Weeks start on Monday at 00:00 UTC: 2024-01-01 was a Monday.
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Schedule:
    """Run `kind` once per period of length `every`, starting `offset` into each period.

    Periods are counted from Monday 2024-01-01 00:00 UTC, so `every=timedelta(days=7)` is
    a week from Monday and `offset=timedelta(hours=7)` starts it at 07:00 UTC. The job's
    payload names the period (`period_start`, `period_end`, ISO 8601).
    """

    kind: str
    every: timedelta
    offset: timedelta = timedelta(0)

    def period(self, now: datetime) -> tuple[datetime, datetime]:
        """The period `now` falls in."""
        start = _EPOCH + self.offset + self.every * ((now - _EPOCH - self.offset) // self.every)
        return start, start + self.every

    def dedupe_key(self, start: datetime) -> str:
        """One job per period, however many workers enqueue it."""
        return f"{self.kind}@{start.strftime('%Y-%m-%dT%H:%M:%SZ')}"


class Registry:
    """The kinds of work a worker can do, and the periodic work it schedules."""

    def __init__(
        self,
        *,
        max_age: timedelta = timedelta(hours=24),
        retry_base: timedelta = timedelta(seconds=30),
        retry_cap: timedelta = timedelta(hours=1),
    ) -> None:
        self.max_age = max_age
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self.kinds: dict[str, JobKind] = {}
        self.schedules: list[Schedule] = []
        self.cleanups: list[Cleanup] = []

    def register(
        self,
        name: str,
        handler: Handler,
        *,
        timeout: timedelta = timedelta(seconds=30),
        max_age: timedelta | None = None,
        concurrency: int = 8,
        on_failure: FailureHandler | None = None,
    ) -> None:
        """Let the worker run jobs of kind `name` with `handler`.

        `handler(job)` succeeds by returning; it raises `Retry` (or anything else) to be
        tried again later with exponential backoff, or `GiveUp` to fail at once. A job
        still failing at `max_age` (default: the registry's) fails for good, and
        `on_failure(session, job, error)` runs in the transaction that records it.
        """
        if name in self.kinds:
            raise ValueError(f"job kind {name!r} is registered twice")
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.kinds[name] = JobKind(
            name=name,
            handler=handler,
            timeout=timeout,
            max_age=max_age or self.max_age,
            concurrency=concurrency,
            on_failure=on_failure,
            retry_base=self.retry_base,
            retry_cap=self.retry_cap,
        )

    def every(self, kind: str, every: timedelta, *, offset: timedelta = timedelta(0)) -> Schedule:
        """Enqueue `kind` (registered too) once per period; see `Schedule`."""
        if every <= timedelta(0) or not timedelta(0) <= offset < every:
            raise ValueError("a schedule needs every > 0 and 0 <= offset < every")
        schedule = Schedule(kind, every, offset)
        self.schedules.append(schedule)
        return schedule

    def on_stop(self, cleanup: Cleanup) -> None:
        """Run `cleanup` when the worker stops (close a connection the handlers share)."""
        self.cleanups.append(cleanup)

    def check(self) -> None:
        """Every schedule names a registered kind."""
        for schedule in self.schedules:
            if schedule.kind not in self.kinds:
                raise ValueError(f"the schedule of {schedule.kind!r} has no registered handler")
