"""The worker inside `moin-forum serve`: on by default, woken by its process's writes, and off
with MOIN_WORKER=off."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa
from pydantic import SecretStr

from server import mail
from server.app import create_app
from server.db import Database
from server.mail import Mail, html_document
from server.models import OutboxJob
from tests.support import serve

SENDER = "MOIN Forum <forum@moin.example>"
WELCOME = Mail(
    to="ana@bank.example",
    subject="Welcome",
    text="Welcome to the network.",
    html=html_document(title="Welcome", body="Welcome to the network."),
)


async def test_serve_runs_a_worker_that_a_write_of_its_process_wakes(
    db, settings, database_url, smtp_sink
):
    # Polling once a minute: only the wake-up after the commit can deliver in time.
    settings = settings.model_copy(
        update={
            "smtp_url": SecretStr(smtp_sink.url),
            "mail_from": SENDER,
            "worker_poll_seconds": 60.0,
        }
    )
    # A database of the app's own: its lifespan disposes of it at the end.
    app_db = Database.from_url(database_url, pool_size=2)
    app = create_app(settings, app_db)
    async with serve(app, lifespan="on"):
        await asyncio.sleep(0.5)  # the worker's first look at the outbox is behind it
        async with app_db.write() as session:
            await mail.queue(session, WELCOME)
        await smtp_sink.wait_for(1, timeout=5)

    assert smtp_sink.received[0]["Subject"] == "Welcome"


async def test_with_the_worker_off_serve_leaves_the_outbox_to_worker_processes(
    db, settings, database_url, smtp_sink
):
    settings = settings.model_copy(
        update={"smtp_url": SecretStr(smtp_sink.url), "mail_from": SENDER, "worker": "off"}
    )
    # A database of the app's own: its lifespan disposes of it at the end.
    app_db = Database.from_url(database_url, pool_size=2)
    app = create_app(settings, app_db)
    async with serve(app, lifespan="on"):
        async with app_db.write() as session:
            await mail.queue(session, WELCOME)
        await asyncio.sleep(1)

    async with db.read() as session:
        states = (await session.scalars(sa.select(OutboxJob.state))).all()
    assert states == ["pending"]
    assert smtp_sink.received == []
