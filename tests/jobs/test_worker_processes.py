"""`moin-forum worker` as real processes: killed with SIGKILL mid-batch and restarted, two
side by side on PostgreSQL, and a graceful stop on SIGTERM. The receiver is a real SMTP
server; a repeated Message-ID is the one message a receiver can tell was sent twice."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from server import background, mail
from server.mail import Mail, html_document
from server.models import OutboxJob
from server.redis_link import RedisLink
from tests.conftest import TEST_SECRET
from tests.smtp import SmtpSink
from tests.support import REDIS_URL, require_redis

SENDER = "MOIN Forum <forum@moin.example>"


class WorkerProcess:
    """`python -m server worker` with short leases and polls, its log in a file."""

    def __init__(self, database_url: str, smtp_url: str, log: Path, **settings: str) -> None:
        self.log = log
        env = {
            **os.environ,
            "MOIN_DATABASE_URL": database_url,
            "MOIN_SECRET_KEY": TEST_SECRET,
            "MOIN_SMTP_URL": smtp_url,
            "MOIN_MAIL_FROM": SENDER,
            "MOIN_WORKER_LEASE_SECONDS": "2",
            "MOIN_WORKER_POLL_SECONDS": "0.2",
            "MOIN_JOBS_RETRY_SECONDS": "0.5",
            **settings,
        }
        with log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server", "worker"], env=env, stderr=out, stdout=out
            )

    async def started(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while "worker " not in self.log.read_text() or " started" not in self.log.read_text():
            assert self.process.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, self.log.read_text()
            await asyncio.sleep(0.05)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)

    async def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 30
        while self.process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if self.process.poll() is None:
            self.process.kill()
        return self.process.wait(10)


async def queue_messages(db, count: int) -> None:
    async with db.write() as session:
        for n in range(count):
            await mail.queue(
                session,
                Mail(
                    to=f"member{n}@bank.example",
                    subject=f"New reply {n}",
                    text=f"Reply {n}",
                    html=html_document(title=f"New reply {n}", body=f"Reply {n}"),
                ),
            )


async def mail_rows(db) -> list[OutboxJob]:
    """The outbox's mail jobs (the workers also schedule periodic work of their own)."""
    async with db.read() as session:
        query = sa.select(OutboxJob).where(OutboxJob.kind == mail.MAIL_SEND).order_by(OutboxJob.id)
        return list((await session.scalars(query)).all())


async def test_a_worker_killed_mid_batch_loses_nothing_and_repeats_at_most_one_message(
    db, database_url, tmp_path
):
    with SmtpSink(delay=0.03) as sink:
        await queue_messages(db, 60)
        first = WorkerProcess(database_url, sink.url, tmp_path / "first.log")
        try:
            await sink.wait_for(15, timeout=60)
        finally:
            first.kill()  # SIGKILL: no chance to finish or release anything
        before_restart = len(sink.by_message_id())
        second = WorkerProcess(database_url, sink.url, tmp_path / "second.log")
        try:
            await sink.wait_for(60, timeout=60)
        finally:
            stopped = await second.terminate()

    assert before_restart < 60, "the kill came after the batch: nothing was tested"
    assert stopped == 0, (tmp_path / "second.log").read_text()
    rows = await mail_rows(db)
    assert {r.state for r in rows} == {"done"}
    assert {str(m["Message-ID"]) for m in sink.received} == {
        f"<{r.delivery_id}@moin.example>" for r in rows
    }
    # The one message being sent when the worker died may arrive twice, with one Message-ID.
    assert sink.repeats() <= 1
    assert len(sink.received) - len(rows) == sink.repeats()


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
async def test_two_worker_processes_on_postgres_deliver_200_messages_once_each(
    db, database_url, tmp_path
):
    with SmtpSink(delay=0.005) as sink:
        workers = [
            WorkerProcess(database_url, sink.url, tmp_path / f"worker{n}.log") for n in (1, 2)
        ]
        try:
            for worker in workers:
                await worker.started()
            await queue_messages(db, 200)
            await sink.wait_for(200, timeout=120)
        finally:
            codes = [await worker.terminate() for worker in workers]

    assert codes == [0, 0]
    assert len(sink.received) == 200 and sink.repeats() == 0
    rows = await mail_rows(db)
    assert {(r.state, r.attempts) for r in rows} == {("done", 1)}
    # Both took part: the rows were shared, not taken by one while the other waited.
    assert len({r.claimed_by for r in rows}) == 2


@pytest.mark.redis
async def test_a_worker_process_starts_at_once_on_work_another_process_commits(
    db, database_url, tmp_path
):
    await require_redis()
    prefix = f"moin-test-{secrets.token_hex(6)}"
    link = RedisLink(REDIS_URL, prefix=prefix)
    background.announce_jobs(db, link)  # as a server process joined to Redis does
    await link.start()
    with SmtpSink() as sink:
        # It polls every 30 s: only the message through Redis can wake it sooner.
        worker = WorkerProcess(
            database_url,
            sink.url,
            tmp_path / "worker.log",
            MOIN_WORKER_POLL_SECONDS="30",
            MOIN_REDIS_URL=REDIS_URL,
            MOIN_REDIS_PREFIX=prefix,
        )
        try:
            await worker.started()
            await asyncio.sleep(1)  # past its first, empty, cycle
            await queue_messages(db, 1)
            await sink.wait_for(1, timeout=10)
        finally:
            await worker.terminate()
            await link.close()
    assert len(sink.received) == 1
