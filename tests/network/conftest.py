"""Fixtures of the network tests: a forum that sends e-mail to a real SMTP server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from server.app import create_app
from server.background import build_worker
from server.config import Settings
from server.db import Database
from tests.conftest import BASE_URL
from tests.smtp import SmtpSink

SENDER = "MOIN Forum <forum@moin.example>"


@pytest.fixture
def settings(settings: Settings, smtp_sink: SmtpSink) -> Settings:
    """The forum's settings, with e-mail going to the test's SMTP server."""
    return settings.model_copy(update={"smtp_url": SecretStr(smtp_sink.url), "mail_from": SENDER})


@pytest.fixture
def app(settings: Settings, db: Database) -> Any:
    return create_app(settings, db)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as http:
        yield http


@pytest.fixture
def deliver(settings: Settings, db: Database, smtp_sink: SmtpSink) -> Any:
    """Run the background worker until the outbox is empty; returns the mail received so far."""

    async def run() -> list[EmailMessage]:
        worker = build_worker(settings, db)
        while await worker.run_once():
            pass
        return smtp_sink.received

    return run


def text_of(message: EmailMessage) -> str:
    """The plain-text part of a message."""
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())
