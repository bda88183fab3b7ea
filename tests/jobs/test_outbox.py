"""The outbox and its worker, in this process, on both databases: enqueue in the write,
claim, retry with backoff, give up at the maximum age, leases, graceful stop, periodic work."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from server import jobs
from server.db import Database, utcnow
from server.jobs import GiveUp, Job, Registry, Retry, Schedule, Worker, enqueue, outbox
from server.models import OutboxJob, UsedToken
from server.tokens import USED_TOKENS
from tests.support import counted


class Clock:
    """The worker's time, moved by the test. It starts a second ahead of the real time,
    so that what the test enqueues (at the real time) is due."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or utcnow() + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class Recorder:
    """A handler that keeps the jobs it ran."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []

    async def __call__(self, job: Job) -> None:
        self.jobs.append(job)


def worker_for(db: Database, registry: Registry, clock: Clock, **options) -> Worker:
    return Worker(db, registry, clock=clock, poll_interval=0.05, **options)


async def rows(db: Database) -> list[OutboxJob]:
    async with db.read() as session:
        return list((await session.scalars(sa.select(OutboxJob).order_by(OutboxJob.id))).all())


async def enqueue_one(db: Database, kind: str = "test.record", **options) -> None:
    async with db.write() as session:
        await enqueue(session, kind, {"n": 1}, **options)


async def test_an_enqueue_is_one_insert_in_the_writes_transaction(db):
    async with db.write() as session:
        with counted(db) as statements:
            await enqueue(session, "test.record", {"thread": 7})

    assert len(statements) == 1 and statements[0].startswith("INSERT INTO outbox")


async def test_a_job_enqueued_in_a_write_that_rolls_back_never_runs(db):
    registry = Registry()
    ran = Recorder()
    registry.register("test.record", ran)

    with pytest.raises(RuntimeError):
        async with db.write() as session:
            await enqueue(session, "test.record", {"n": 1})
            raise RuntimeError("the write fails after enqueuing")

    assert await worker_for(db, registry, Clock()).run_once() == 0
    assert ran.jobs == [] and await rows(db) == []


async def test_enqueuing_with_a_dedupe_key_twice_adds_one_job(db):
    async with db.write() as session:
        first = await enqueue(session, "test.record", {"n": 1}, dedupe_key="digest:member-1:day-1")
        again = await enqueue(session, "test.record", {"n": 2}, dedupe_key="digest:member-1:day-1")
    async with db.write() as session:
        later = await enqueue(session, "test.record", {"n": 3}, dedupe_key="digest:member-1:day-1")

    assert (first, again, later) == (True, False, False)
    assert [r.payload for r in await rows(db)] == [{"n": 1}]


async def test_a_due_job_runs_once_and_is_marked_done(db):
    registry = Registry()
    ran = Recorder()
    registry.register("test.record", ran)
    worker = worker_for(db, registry, Clock())
    await enqueue_one(db)

    assert await worker.run_once() == 1
    assert await worker.run_once() == 0
    [row] = await rows(db)
    assert row.state == "done" and row.attempts == 1 and row.lease_token is None
    assert [(j.id, j.attempt, j.payload, j.delivery_id) for j in ran.jobs] == [
        (row.id, 1, {"n": 1}, row.delivery_id)
    ]


async def test_a_job_waits_for_its_run_at(db):
    registry = Registry()
    ran = Recorder()
    registry.register("test.record", ran)
    clock = Clock()
    await enqueue_one(db, run_at=clock.now + timedelta(minutes=5))
    worker = worker_for(db, registry, clock)

    assert await worker.run_once() == 0
    clock.advance(minutes=5)
    assert await worker.run_once() == 1


async def test_a_failing_job_is_retried_with_exponential_backoff_and_the_same_delivery_id(db):
    calls: list[Job] = []

    async def busy_twice(job: Job) -> None:
        calls.append(job)
        if len(calls) <= 2:
            raise Retry("the receiver answered 503")

    registry = Registry(retry_base=timedelta(seconds=10))
    registry.register("test.flaky", busy_twice)
    clock = Clock()
    worker = worker_for(db, registry, clock)
    await enqueue_one(db, "test.flaky")

    waits = []
    for _ in range(2):
        assert await worker.run_once() == 1
        [row] = await rows(db)
        assert row.state == "pending" and row.last_error == "the receiver answered 503"
        waits.append((row.run_at - clock.now).total_seconds())
        assert await worker.run_once() == 0  # not due before its time
        clock.now = row.run_at
    assert await worker.run_once() == 1

    [row] = await rows(db)
    assert row.state == "done" and row.attempts == 3
    # Half of each wait is fixed, half random: 10 s then 20 s at most.
    assert 5 <= waits[0] <= 10 and 10 <= waits[1] <= 20
    assert [c.attempt for c in calls] == [1, 2, 3]
    assert len({c.delivery_id for c in calls}) == 1


async def test_a_job_failing_past_its_maximum_age_fails_and_its_kind_is_told_in_that_write(db):
    told: list[tuple[int, str]] = []

    async def unreachable(_job: Job) -> None:
        raise ConnectionRefusedError("connection refused")

    async def disable_endpoint(session, job: Job, error: str) -> None:
        told.append((job.id, error))
        await enqueue(session, "test.notify-admins", {"failed": job.id})

    registry = Registry(max_age=timedelta(hours=1), retry_base=timedelta(minutes=20))
    registry.register("test.webhook", unreachable, on_failure=disable_endpoint)
    clock = Clock()
    worker = worker_for(db, registry, clock)
    await enqueue_one(db, "test.webhook")
    created = (await rows(db))[0].created_at

    tries = 0
    while (await rows(db))[0].state == "pending":
        assert await worker.run_once() == 1
        tries += 1
        row = (await rows(db))[0]
        if row.state == "pending":
            assert row.run_at <= created + timedelta(hours=1)  # the last try: at the maximum age
            clock.now = row.run_at

    failed, notice = await rows(db)
    assert failed.state == "failed" and failed.finished_at is not None
    assert failed.last_error.startswith(f"gave up after {tries} tries")
    assert "ConnectionRefusedError: connection refused" in failed.last_error
    assert told == [(failed.id, failed.last_error)]
    # The callback's write committed with the failure; a kind nobody handles stays pending.
    assert (notice.kind, notice.payload, notice.state) == (
        "test.notify-admins",
        {"failed": failed.id},
        "pending",
    )


async def test_a_handler_that_gives_up_fails_at_once(db):
    async def rejected(_job: Job) -> None:
        raise GiveUp("550 no such recipient")

    registry = Registry()
    registry.register("test.mail", rejected)
    await enqueue_one(db, "test.mail")

    assert await worker_for(db, registry, Clock()).run_once() == 1
    [row] = await rows(db)
    assert (row.state, row.attempts, row.last_error) == ("failed", 1, "550 no such recipient")


async def test_a_try_that_runs_past_its_timeout_is_abandoned_and_retried(db):
    async def hangs(_job: Job) -> None:
        await asyncio.sleep(30)

    registry = Registry()
    registry.register("test.hangs", hangs, timeout=timedelta(seconds=0.1))
    await enqueue_one(db, "test.hangs")

    assert await worker_for(db, registry, Clock()).run_once() == 1
    [row] = await rows(db)
    assert row.state == "pending" and row.last_error == "timed out after 0.1 s"


async def test_a_job_held_by_a_worker_that_died_is_taken_again_after_its_lease(db):
    registry = Registry()
    ran = Recorder()
    registry.register("test.record", ran)
    clock = Clock()
    await enqueue_one(db)
    async with db.write() as session:  # a worker claims it, then dies
        [lost] = await outbox.claim(
            session,
            ["test.record"],
            now=clock.now,
            limit=10,
            lease_until=clock.now + timedelta(seconds=30),
            worker="dead:1",
        )
    worker = worker_for(db, registry, clock)

    assert await worker.run_once() == 0
    clock.advance(seconds=30)
    assert await worker.run_once() == 1
    assert [(j.attempt, j.delivery_id) for j in ran.jobs] == [(2, lost.delivery_id)]
    async with db.write() as session:  # the dead worker's claim no longer holds the row
        assert not await outbox.mark_done(session, lost)


async def test_a_batch_running_longer_than_its_lease_is_not_taken_by_another_worker(db):
    started, finish = asyncio.Event(), asyncio.Event()

    async def slow(_job: Job) -> None:
        started.set()
        await finish.wait()

    registry = Registry()
    registry.register("test.slow", slow)
    await enqueue_one(db, "test.slow")
    lease = timedelta(seconds=0.6)  # renewed every 0.2 s while the batch runs
    busy = Worker(db, registry, lease=lease)
    other = Worker(db, registry, lease=lease)

    batch = asyncio.create_task(busy.run_once())
    await asyncio.wait_for(started.wait(), 5)
    await asyncio.sleep(1.5)
    assert await other.run_once() == 0
    finish.set()
    assert await batch == 1
    assert [(r.state, r.attempts) for r in await rows(db)] == [("done", 1)]


async def test_a_stopping_worker_finishes_the_job_it_runs_and_releases_the_others(db):
    started, finish = asyncio.Event(), asyncio.Event()

    async def slow(_job: Job) -> None:
        started.set()
        await finish.wait()

    registry = Registry()
    registry.register("test.slow", slow, concurrency=1)
    for _ in range(3):
        await enqueue_one(db, "test.slow")
    clock = Clock()
    worker = worker_for(db, registry, clock)

    batch = asyncio.create_task(worker.run_once())
    await asyncio.wait_for(started.wait(), 5)
    worker.stop()
    finish.set()
    assert await batch == 3

    done, *released = await rows(db)
    assert done.state == "done"
    assert [(r.state, r.attempts, r.lease_token) for r in released] == [("pending", 0, None)] * 2
    assert all(r.run_at <= clock.now for r in released)


async def test_a_handler_may_record_its_job_done_in_its_own_write(db):
    async def fan_out(job: Job) -> None:
        async with db.write() as session:
            await enqueue(session, "test.mail", {"to": "member 1"})
            assert await jobs.mark_done(session, job)

    registry = Registry()
    registry.register("test.fan-out", fan_out)
    await enqueue_one(db, "test.fan-out")

    assert await worker_for(db, registry, Clock()).run_once() == 1
    fanned, mail = await rows(db)
    assert (fanned.state, fanned.attempts, mail.kind) == ("done", 1, "test.mail")


async def test_the_worker_wakes_soon_after_a_commit_that_enqueued_work(db):
    arrived = asyncio.Event()

    async def note(_job: Job) -> None:
        arrived.set()

    registry = Registry()
    registry.register("test.note", note)
    worker = Worker(db, registry, poll_interval=60)
    worker.attach(db)
    running = asyncio.create_task(worker.run())
    try:
        await asyncio.sleep(0.2)  # idle now, for a minute unless woken
        await enqueue_one(db, "test.note")
        await asyncio.wait_for(arrived.wait(), 2)
    finally:
        worker.stop()
        await asyncio.wait_for(running, 5)
    db.after_commit.remove(worker._after_commit)


async def test_jobs_of_a_kind_no_handler_is_registered_for_stay_pending(db):
    registry = Registry()
    registry.register("test.record", Recorder())
    await enqueue_one(db, "test.added-by-a-newer-version")

    assert await worker_for(db, registry, Clock()).run_once() == 0
    assert [r.state for r in await rows(db)] == ["pending"]


async def test_finished_jobs_are_pruned_after_the_retention(db):
    registry = Registry()
    registry.register("test.record", Recorder())
    clock = Clock()
    worker = worker_for(db, registry, clock, retention=timedelta(days=7))
    await enqueue_one(db, dedupe_key="once")
    await worker.run_once()

    clock.advance(days=6)
    assert await worker.prune() == 0
    clock.advance(days=2)
    assert await worker.prune() == 1
    assert await rows(db) == []


def test_a_weekly_schedule_starts_on_monday_and_names_its_period():
    weekly = Schedule("digest.weekly", timedelta(days=7), timedelta(hours=7))

    start, end = weekly.period(datetime(2026, 12, 3, 12, 0, tzinfo=UTC))  # a Thursday

    assert (start, end) == (
        datetime(2026, 11, 30, 7, 0, tzinfo=UTC),
        datetime(2026, 12, 7, 7, 0, tzinfo=UTC),
    )
    assert weekly.period(datetime(2026, 11, 30, 6, 59, tzinfo=UTC))[0] == datetime(
        2026, 11, 23, 7, 0, tzinfo=UTC
    )
    assert weekly.dedupe_key(start) == "digest.weekly@2026-11-30T07:00:00Z"


async def test_periodic_work_runs_once_per_period_with_two_workers(db, database_url):
    periods: list[str] = []

    async def digest(job: Job) -> None:
        periods.append(job.payload["period_start"])

    def registry() -> Registry:
        each = Registry()
        each.register("test.daily-digest", digest)
        each.every("test.daily-digest", timedelta(days=1), offset=timedelta(hours=7))
        return each

    clock = Clock(datetime(2026, 12, 1, 6, 0, tzinfo=UTC))
    other_process = Database.from_url(database_url)  # an engine of its own, as a process has
    try:
        workers = [worker_for(db, registry(), clock), worker_for(other_process, registry(), clock)]
        for _ in range(4):  # 06:00 and 18:00 on two days
            await asyncio.gather(*(w.schedule_periodic() for w in workers))
            await asyncio.gather(*(w.run_once() for w in workers))
            clock.advance(hours=12)
    finally:
        await other_process.dispose()

    assert Counter(periods) == {
        "2026-11-30T07:00:00+00:00": 1,
        "2026-12-01T07:00:00+00:00": 1,
        "2026-12-02T07:00:00+00:00": 1,
    }


def test_a_schedule_needs_a_registered_kind():
    registry = Registry()
    registry.every("test.unhandled", timedelta(days=1))

    with pytest.raises(ValueError, match="test.unhandled"):
        Worker(Database.from_url("sqlite+aiosqlite://"), registry)


def test_the_tables_the_base_modules_write_match_the_models():
    assert set(outbox.OUTBOX.c.keys()) == set(OutboxJob.__table__.c.keys())
    assert set(USED_TOKENS.c.keys()) == set(UsedToken.__table__.c.keys())
