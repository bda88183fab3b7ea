"""What the outbox costs, as ratios against baselines run side by side.

1. Enqueue: the time of a reply written with one e-mail queued in its transaction, against
   the same reply without it (p50 and p99 of each, the two alternated in rounds).
2. Delivery: messages sent by one `moin-forum worker` process through the outbox to a
   local SMTP server (aiosmtpd), against the same messages sent by a bare aiosmtplib loop
   over one connection (no database at all): messages per second of each.

    .venv/bin/python -m bench.outbox --database-url sqlite+aiosqlite:////tmp/outbox-bench.db
    .venv/bin/python -m bench.outbox \
        --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/moin_bench_outbox

The database is made afresh and dropped at the end (SQLite: the file is removed).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiosmtplib
from sqlalchemy.engine import make_url

from server import mail, migrate
from server.db import Database
from server.domain import MemberRole, OrganisationType, RoarPillar, ThreadKind
from server.mail import Mail, html_document
from server.models import Member, Organisation
from server.services import threads
from server.services.viewer import Viewer
from tests.smtp import SmtpSink  # the real SMTP server the tests use

SECRET = "bench-secret-key-that-is-long-enough-0123456789"
SENDER = "MOIN Forum <forum@moin.example>"


def _mail(n: int) -> Mail:
    return Mail(
        to=f"member{n}@bank.example",
        subject=f"New reply {n}",
        text=f"A new reply in a thread you follow ({n}).",
        html=html_document(
            title=f"New reply {n}", body=f"A new reply in a thread you follow ({n})."
        ),
    )


async def _postgres_admin(url: str, *statements: str) -> None:
    # DROP DATABASE waits for a checkpoint, which takes seconds on a busy machine.
    admin = Database.from_url(
        make_url(url).set(database="postgres").render_as_string(False),
        statement_timeout_ms=120_000,
    )
    try:
        async with admin.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            for statement in statements:
                await conn.exec_driver_sql(statement)
    finally:
        await admin.dispose()


async def _fresh_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        await asyncio.to_thread(Path(parsed.database or "").unlink, missing_ok=True)
    else:
        name = parsed.database
        await _postgres_admin(
            url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
        )
    await asyncio.to_thread(migrate.upgrade, url)


async def _drop_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        await asyncio.to_thread(Path(parsed.database or "").unlink, missing_ok=True)
    else:
        await _postgres_admin(url, f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')


async def _author_and_thread(db: Database) -> tuple[Viewer, int]:
    async with db.write() as session:
        org = Organisation(slug="bench", name="Bench", type=OrganisationType.PUBLIC_BANK.value)
        session.add(org)
        await session.flush()
        member = Member(display_name="Bench", role="MEMBER", organisation_id=org.id)
        session.add(member)
        await session.flush()
    viewer = Viewer(member_id=member.id, role=MemberRole.MEMBER, organisation_id=org.id)
    async with db.write() as session:
        thread = await threads.start_thread(
            session,
            viewer,
            kind=ThreadKind.CHALLENGE,
            title="Bench",
            body="Bench.",
            pillars=[RoarPillar.ASSESSMENT],
        )
    return viewer, thread.id


async def _replies(
    db: Database, viewer: Viewer, thread_id: int, n: int, queue: bool
) -> list[float]:
    times = []
    for i in range(n):
        started = time.perf_counter()
        async with db.write() as session:
            await threads.reply(session, viewer, thread_id=thread_id, body=f"Reply {i}.")
            if queue:
                await mail.queue(session, _mail(i))
        times.append(time.perf_counter() - started)
    return times


def _p(times: list[float], q: float) -> float:
    return statistics.quantiles(times, n=100)[int(q) - 1] * 1000


async def measure_enqueue(url: str, writes: int, rounds: int) -> dict[str, float]:
    db = Database.from_url(url)
    try:
        viewer, thread_id = await _author_and_thread(db)
        await _replies(db, viewer, thread_id, 50, True)  # warm up both paths
        await _replies(db, viewer, thread_id, 50, False)
        plain: list[float] = []
        queued: list[float] = []
        for _ in range(rounds):
            plain += await _replies(db, viewer, thread_id, writes // rounds, False)
            queued += await _replies(db, viewer, thread_id, writes // rounds, True)
    finally:
        await db.dispose()
    return {
        "reply p50 ms": _p(plain, 50),
        "reply+mail p50 ms": _p(queued, 50),
        "reply p99 ms": _p(plain, 99),
        "reply+mail p99 ms": _p(queued, 99),
        "p50 ratio": _p(queued, 50) / _p(plain, 50),
        "p99 ratio": _p(queued, 99) / _p(plain, 99),
    }


async def _bare_smtp(port: int, messages: int) -> float:
    client = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, start_tls=False)
    await client.connect()
    started = time.perf_counter()
    for n in range(messages):
        message = mail.build_message(_mail(n), delivery_id=f"bare-{n}", sender=SENDER)
        await client.send_message(message)
    elapsed = time.perf_counter() - started
    await client.quit()
    return messages / elapsed


def _through_worker(url: str, sink: SmtpSink, messages: int, log: Path) -> float:
    """Messages a second from one worker process, from its first delivery to its last."""
    env = {
        **os.environ,
        "MOIN_DATABASE_URL": url,
        "MOIN_SECRET_KEY": SECRET,
        "MOIN_SMTP_URL": f"smtp://127.0.0.1:{sink.port}",
        "MOIN_MAIL_FROM": SENDER,
        "MOIN_WORKER_POLL_SECONDS": "0.1",
    }
    before = len(sink.received)
    with log.open("w") as out:
        worker = subprocess.Popen([sys.executable, "-m", "server", "worker"], env=env, stderr=out)
    try:
        while len(sink.received) == before:  # start-up (imports) is not delivery
            time.sleep(0.01)
        started = time.perf_counter()
        while len(sink.received) < before + messages:
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(30)
    return (messages - 1) / elapsed


async def _queue(url: str, messages: int) -> None:
    db = Database.from_url(url)
    try:
        async with db.write() as session:
            for n in range(messages):
                await mail.queue(session, _mail(n))
    finally:
        await db.dispose()


async def measure_delivery(url: str, messages: int) -> dict[str, float]:
    with SmtpSink() as sink, tempfile.TemporaryDirectory() as tmp:
        bare = await _bare_smtp(sink.port, messages)
        await _queue(url, messages)
        log = Path(tmp) / "worker.log"
        worker = await asyncio.to_thread(_through_worker, url, sink, messages, log)
    return {"bare SMTP msg/s": bare, "worker msg/s": worker, "ratio": worker / bare}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--messages", type=int, default=500)
    args = parser.parse_args()
    await _fresh_database(args.database_url)
    try:
        results = {
            "enqueue": await measure_enqueue(args.database_url, args.writes, args.rounds),
            "delivery": await measure_delivery(args.database_url, args.messages),
        }
    finally:
        await _drop_database(args.database_url)
    for part, figures in results.items():
        print(part + ": " + ", ".join(f"{k} {v:.2f}" for k, v in figures.items()))


if __name__ == "__main__":
    asyncio.run(main())
