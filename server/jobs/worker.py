"""The worker: claims due outbox rows, runs their handlers, records how each went.

Delivery is at least once: a row is done only when its handler has returned and the
worker has recorded it. A worker that dies between the two leaves the row leased; it is
due again when the lease ends and its handler runs again with the same delivery id, which
the receiver checks. Several workers share the outbox safely (see `outbox.claim`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.db import Database, is_unavailable, utcnow
from server.jobs import outbox
from server.jobs.outbox import Job
from server.jobs.registry import GiveUp, JobKind, Registry, Retry

log = logging.getLogger(__name__)

# Tries to record a job's outcome while the database is unavailable, one second apart:
# a row left leased would run again (a duplicate for the receiver) once the lease ends.
FINISH_TRIES = 10
PRUNE_EVERY = timedelta(hours=1)


@dataclass(frozen=True)
class _Outcome:
    state: str  # done, retry or failed
    error: str = ""
    retry_after: timedelta | None = None


class Worker:
    """Runs the outbox's jobs until stopped. One per process; several processes may share."""

    def __init__(
        self,
        db: Database,
        registry: Registry,
        *,
        batch_size: int = 20,
        lease: timedelta = timedelta(seconds=60),
        poll_interval: float = 2.0,
        retention: timedelta = timedelta(days=7),
        clock: Callable[[], datetime] = utcnow,
        name: str | None = None,
    ) -> None:
        registry.check()
        # The worker's own bookkeeping (claims, leases, outcomes) is not a forum write: on an
        # engine of its own, without the after-commit hooks that clear response caches.
        self.db = Database(db.engine)
        self.registry = registry
        self.batch_size = batch_size
        self.lease = lease
        self.poll_interval = poll_interval
        self.retention = retention
        self.clock = clock
        self.name = (name or f"{socket.gethostname()}:{os.getpid()}")[:100]
        self._kinds = sorted(registry.kinds)
        self._slots = {k.name: asyncio.Semaphore(k.concurrency) for k in registry.kinds.values()}
        self._wake = asyncio.Event()
        self._stopping = False
        self._scheduled: dict[str, datetime] = {}
        self._pruned_at: datetime | None = None
        self._unavailable = False

    def attach(self, db: Database) -> None:
        """Wake soon after a write through `db` (in this process) enqueues work."""
        db.after_commit.append(self._after_commit)

    def _after_commit(self, session: AsyncSession) -> None:
        if outbox.enqueued(session):
            self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Stop soon: jobs running finish (or time out), claimed ones not started are released."""
        self._stopping = True
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stopping

    async def run(self) -> None:
        """Work until `stop()`; then run the registry's clean-ups."""
        log.info("worker %s started: %s", self.name, ", ".join(self._kinds) or "no job kinds")
        try:
            while not self._stopping:
                ran = await self._cycle()
                if ran < self.batch_size and not self._stopping:
                    await self._idle()
        finally:
            for cleanup in self.registry.cleanups:
                try:
                    await cleanup()
                except Exception:  # a clean-up that fails must not hide the others
                    log.exception("a worker clean-up failed")
            log.info("worker %s stopped", self.name)

    async def _idle(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self.poll_interval)
        self._wake.clear()

    async def _cycle(self) -> int:
        try:
            await self.schedule_periodic()
            if self._pruned_at is None or self.clock() - self._pruned_at >= PRUNE_EVERY:
                await self.prune()
            ran = await self.run_once()
        except Exception as exc:
            if not is_unavailable(exc):
                log.exception("the worker's cycle failed; trying again shortly")
            elif not self._unavailable:
                log.warning("the database is unavailable; the worker waits for it: %r", exc)
            self._unavailable = True
            return 0
        if self._unavailable:
            log.info("the database is back; the worker goes on")
            self._unavailable = False
        return ran

    async def schedule_periodic(self) -> None:
        """Enqueue the current period's run of each schedule (once across all workers)."""
        now = self.clock()
        for schedule in self.registry.schedules:
            start, end = schedule.period(now)
            if self._scheduled.get(schedule.kind) == start:
                continue
            async with self.db.write() as session:
                await outbox.enqueue(
                    session,
                    schedule.kind,
                    {"period_start": start.isoformat(), "period_end": end.isoformat()},
                    dedupe_key=schedule.dedupe_key(start),
                    run_at=start,
                )
            self._scheduled[schedule.kind] = start

    async def prune(self) -> int:
        """Delete rows that finished longer ago than the retention (their dedupe keys too)."""
        now = self.clock()
        async with self.db.write() as session:
            pruned = await outbox.prune(session, finished_before=now - self.retention)
        self._pruned_at = now
        if pruned:
            log.info("pruned %d finished outbox rows", pruned)
        return pruned

    async def run_once(self) -> int:
        """Claim one batch of due jobs and run it to the end; returns how many were claimed."""
        if not self._kinds:
            return 0
        now = self.clock()
        async with self.db.read() as session:
            if not await outbox.any_due(session, self._kinds, now):
                return 0
        async with self.db.write() as session:
            jobs = await outbox.claim(
                session,
                self._kinds,
                now=now,
                limit=self.batch_size,
                lease_until=now + self.lease,
                worker=self.name,
            )
        if not jobs:
            return 0
        heartbeat = asyncio.create_task(self._keep_leased(jobs[0].lease_token))
        try:
            results = await asyncio.gather(
                *(self._run(job) for job in jobs), return_exceptions=True
            )
        finally:
            heartbeat.cancel()
        for job, result in zip(jobs, results, strict=True):
            if isinstance(result, Exception):  # its outcome is unrecorded: due after the lease
                log.error("could not record how job %d (%s) went: %r", job.id, job.kind, result)
        return len(jobs)

    async def _keep_leased(self, token: str) -> None:
        """While a batch runs, push its lease on, so that slow batches are not taken twice."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            try:
                async with self.db.write() as session:
                    await outbox.extend_lease(session, token, lease_until=self.clock() + self.lease)
            except Exception as exc:  # the next beat may get through; the lease is long
                log.warning("could not extend a lease: %r", exc)

    async def _run(self, job: Job) -> None:
        kind = self.registry.kinds[job.kind]
        async with self._slots[kind.name]:
            if self._stopping:
                await self._finish(lambda s: outbox.release(s, [job], now=self.clock()))
                return
            outcome = await self._execute(kind, job)
            # Recorded before the slot is free: with a concurrency of 1, a job is never
            # started while the one before it is done but not yet known to be.
            await self._record(kind, job, outcome)

    async def _execute(self, kind: JobKind, job: Job) -> _Outcome:
        try:
            async with asyncio.timeout(kind.timeout.total_seconds()):
                await kind.handler(job)
        except GiveUp as exc:
            return _Outcome("failed", str(exc) or type(exc).__name__)
        except Retry as exc:
            return _Outcome("retry", str(exc), exc.after)
        except TimeoutError:
            return _Outcome("retry", f"timed out after {kind.timeout.total_seconds():g} s")
        except Exception as exc:
            if is_unavailable(exc):
                # An outage is expected and retried: one line, no traceback.
                log.warning("job %d (%s) waits for the database: %r", job.id, job.kind, exc)
            else:
                log.exception("job %d (%s) raised", job.id, job.kind)
            return _Outcome("retry", f"{type(exc).__name__}: {exc}")
        return _Outcome("done")

    async def _record(self, kind: JobKind, job: Job, outcome: _Outcome) -> None:
        if outcome.state == "done":
            await self._finish(lambda s: outbox.mark_done(s, job))
            return
        now = self.clock()
        deadline = job.created_at + kind.max_age
        if outcome.state == "retry" and now < deadline:
            delay = outcome.retry_after or kind.retry_delay(job.attempt, random.random())
            run_at = min(now + delay, deadline)
            log.warning(
                "job %d (%s) try %d failed, next try at %s: %s",
                job.id,
                job.kind,
                job.attempt,
                run_at.isoformat(timespec="seconds"),
                outcome.error,
            )
            await self._finish(
                lambda s: outbox.reschedule(s, job, run_at=run_at, error=outcome.error)
            )
            return
        error = outcome.error
        if outcome.state == "retry":
            error = f"gave up after {job.attempt} tries over {now - job.created_at}: {error}"
        log.error("job %d (%s) failed for good: %s", job.id, job.kind, error)
        await self._fail(kind, job, error)

    async def _fail(self, kind: JobKind, job: Job, error: str) -> None:
        async def fail_and_tell(session: AsyncSession) -> None:
            if await outbox.mark_failed(session, job, error=error) and kind.on_failure:
                await kind.on_failure(session, job, error)

        try:
            await self._finish(fail_and_tell)
        except Exception:
            if kind.on_failure is None:
                raise
            # The kind's failure callback broke: record the failure all the same.
            log.exception("the failure callback of %s raised for job %d", kind.name, job.id)
            await self._finish(lambda s: outbox.mark_failed(s, job, error=error))

    async def _finish(self, write: Callable[[AsyncSession], Awaitable[object]]) -> None:
        """Record an outcome, waiting out a short database outage rather than losing it."""
        for tries in range(1, FINISH_TRIES + 1):
            try:
                async with self.db.write() as session:
                    await write(session)
                return
            except Exception as exc:
                if not is_unavailable(exc) or tries == FINISH_TRIES:
                    raise
                await asyncio.sleep(1)
