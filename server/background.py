"""The forum's background work: which handlers the worker runs, and where it runs.

The entry layer wires the kinds of work here (each layer that owns one provides its
handler); the worker runs inside `moin-forum serve` (MOIN_WORKER=embedded, the default)
or as `moin-forum worker` processes.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from server import events, jobs, mail, tokens
from server.config import Settings
from server.db import Database
from server.domain import EmailFrequency
from server.links import EmailSettingsLinks
from server.pubsub import Broadcaster, RedisBroadcaster
from server.redis_link import RedisLink
from server.services import emails, fanout, network_fanout, webhooks
from server.webhook_delivery import WebhookSender

log = logging.getLogger(__name__)

TOKENS_PRUNE = "tokens.prune"
# The kind of link message that says "a commit added work to the outbox": the workers of
# the other processes start on it at once instead of at their next poll (MOIN_WORKER_
# POLL_SECONDS, 2 s by default, which a notification's delivery would wait on).
JOBS = "jobs"


def announce_jobs(db: Database, link: RedisLink) -> None:
    """Tell the other processes' workers when a commit through `db` adds work."""
    db.after_commit.append(
        lambda session: link.publish(JOBS) if jobs.outbox.enqueued(session) else None
    )


def wake_on_jobs(worker: jobs.Worker, db: Database, link: RedisLink | None) -> None:
    """Wake `worker` when a commit, here or in another process, adds work."""
    worker.attach(db)
    if link is not None:

        async def wake(_body: dict[str, object]) -> None:
            worker.wake()

        link.on(JOBS, wake)


def build_worker(
    settings: Settings, db: Database, broadcaster: Broadcaster | None = None
) -> jobs.Worker:
    """A worker for every kind of background work the forum has; what it makes that is
    live (new notifications) goes out through `broadcaster`."""
    registry = jobs.Registry(
        max_age=timedelta(hours=settings.jobs_max_age_hours),
        retry_base=timedelta(seconds=settings.jobs_retry_seconds),
    )
    mailer = mail.Mailer(
        settings.smtp_server, settings.mail_from, timeout=settings.smtp_timeout_seconds
    )
    # One message at a time per process, each recorded as sent before the next starts: a
    # worker killed mid-batch can repeat at most the one message it was sending.
    registry.register(
        mail.MAIL_SEND,
        mailer.deliver,
        concurrency=1,
        # Connecting, TLS, login and sending each have the SMTP timeout; a try may use several.
        timeout=timedelta(seconds=settings.smtp_timeout_seconds * 4),
    )
    registry.on_stop(mailer.close)

    # Webhooks keep their own books (the delivery log): on an engine without the forum's
    # after-commit hooks, as the worker's bookkeeping is.
    sender = WebhookSender(
        Database(db.engine),
        public_url=settings.public_url,
        allow_private=settings.webhooks_allow_private,
        timeout_seconds=settings.webhooks_timeout_seconds,
    )
    registry.register(
        webhooks.WEBHOOK_DELIVER,
        sender.deliver,
        timeout=timedelta(seconds=settings.webhooks_timeout_seconds * 2 + 5),
        max_age=timedelta(hours=settings.webhooks_retry_hours),
        on_failure=sender.gave_up,
    )
    registry.on_stop(sender.close)

    async def prune_tokens(_job: jobs.Job) -> None:
        async with db.write() as session:
            await tokens.prune(session)

    registry.register(TOKENS_PRUNE, prune_tokens)

    async def fan_out(job: jobs.Job) -> None:
        # The notifications and the job's completion commit together: a worker that dies
        # before the commit leaves neither, one that dies after has nothing left to do.
        async with db.write() as session:
            await fanout.run(session, job.payload)
            if not await jobs.mark_done(session, job):
                raise jobs.Retry("the job's lease ran out while it ran")
        if broadcaster is not None:
            for event in events.take(session):
                await broadcaster.publish(event)

    registry.register(fanout.FAN_OUT, fan_out, concurrency=2, timeout=timedelta(minutes=2))

    async def network_fan_out(job: jobs.Job) -> None:
        # As `fan_out`: the notifications and the job's completion commit together.
        async with db.write() as session:
            await network_fanout.run(session, job.payload)
            if not await jobs.mark_done(session, job):
                raise jobs.Retry("the job's lease ran out while it ran")
        if broadcaster is not None:
            for event in events.take(session):
                await broadcaster.publish(event)

    registry.register(network_fanout.NETWORK_FAN_OUT, network_fan_out, timeout=timedelta(minutes=2))
    _register_notification_mail(registry, settings, db, mailer)
    registry.every(TOKENS_PRUNE, timedelta(days=1), offset=timedelta(hours=3))
    return jobs.Worker(
        db,
        registry,
        lease=timedelta(seconds=settings.worker_lease_seconds),
        poll_interval=settings.worker_poll_seconds,
        retention=timedelta(days=settings.jobs_retention_days),
    )


def _register_notification_mail(
    registry: jobs.Registry, settings: Settings, db: Database, mailer: mail.Mailer
) -> None:
    """Notification e-mail: at once for those who want it, and the daily and weekly
    digests (07:00 UTC; weeks from Monday). With e-mail off the work is done as nothing."""
    site = emails.MailSite(
        settings.public_url, EmailSettingsLinks(settings.secret(), settings.public_url)
    )

    async def immediately(job: jobs.Job) -> None:
        if not mailer.enabled:
            return
        # The messages and the job's completion commit together: queued exactly once.
        async with db.write() as session:
            await emails.send_immediately(session, site, job.payload["ids"])
            if not await jobs.mark_done(session, job):
                raise jobs.Retry("the job's lease ran out while it ran")

    registry.register(emails.EMAIL_IMMEDIATELY, immediately, concurrency=2)
    for kind, frequency, every in (
        (emails.DIGEST_DAILY, EmailFrequency.DAILY, timedelta(days=1)),
        (emails.DIGEST_WEEKLY, EmailFrequency.WEEKLY, timedelta(days=7)),
    ):
        registry.register(
            kind,
            functools.partial(_digests, db, site, mailer, frequency, every),
            timeout=timedelta(minutes=30),
        )
        registry.every(kind, every, offset=timedelta(hours=7))


async def _digests(
    db: Database,
    site: emails.MailSite,
    mailer: mail.Mailer,
    frequency: EmailFrequency,
    every: timedelta,
    job: jobs.Job,
) -> None:
    if not mailer.enabled:
        return
    start = datetime.fromisoformat(job.payload["period_start"])
    await emails.send_digests(db.write, site, frequency, period_start=start, every=every)


def announce_mail(settings: Settings) -> None:
    """Say once, at start, whether and where e-mail goes (never the password)."""
    server = settings.smtp_server
    if server is None:
        log.warning("e-mail is off: MOIN_SMTP_URL is not set, so the forum sends no e-mail")
    else:
        log.info("e-mail goes through %s", server.describe())


@asynccontextmanager
async def embedded_worker(
    settings: Settings,
    db: Database,
    broadcaster: Broadcaster | None = None,
    link: RedisLink | None = None,
) -> AsyncIterator[jobs.Worker | None]:
    """Run the worker in this process while the block runs, unless MOIN_WORKER=off."""
    announce_mail(settings)
    if settings.worker == "off":
        log.info("the embedded worker is off (MOIN_WORKER=off): run `moin-forum worker`")
        yield None
        return
    worker = build_worker(settings, db, broadcaster)
    wake_on_jobs(worker, db, link)
    task = asyncio.create_task(worker.run(), name="moin-worker")
    try:
        yield worker
    finally:
        worker.stop()
        await task


async def run_worker(settings: Settings) -> None:
    """`moin-forum worker`: work until SIGTERM or SIGINT, then stop gracefully."""
    announce_mail(settings)
    db = Database.from_url(
        settings.database_url,
        pool_size=settings.db_pool_size,
        pool_timeout=settings.db_pool_timeout_seconds,
        statement_timeout_ms=settings.statement_timeout_ms,
    )
    # New notifications reach the server processes' subscribers through Redis; without
    # it they are listed, but not pushed live, when a worker of its own makes them.
    link: RedisLink | None = None
    broadcaster: Broadcaster | None = None
    if settings.redis_url is not None:
        link = RedisLink(settings.redis_url.get_secret_value(), prefix=settings.redis_prefix)
        broadcaster = RedisBroadcaster(link)
        announce_jobs(db, link)
    worker = build_worker(settings, db, broadcaster)
    wake_on_jobs(worker, db, link)
    if link is not None:
        await link.start()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, worker.stop)
    try:
        await worker.run()
    finally:
        if link is not None:
            await link.close()
        await db.dispose()
