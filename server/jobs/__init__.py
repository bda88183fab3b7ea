"""Background work through the outbox: enqueue in the write, run after the commit.

A write calls `enqueue(session, kind, payload)` in its own transaction (one INSERT); the
layer that owns a kind registers its handler in a `Registry`; a `Worker` (inside
`moin-forum serve`, or `moin-forum worker` processes) claims due rows, runs them, and
retries failures with exponential backoff. See README "Background work".
"""

from server.jobs.outbox import Job, enqueue, mark_done
from server.jobs.registry import GiveUp, JobKind, Registry, Retry, Schedule
from server.jobs.worker import Worker

__all__ = [
    "GiveUp",
    "Job",
    "JobKind",
    "Registry",
    "Retry",
    "Schedule",
    "Worker",
    "enqueue",
    "mark_done",
]
