"""Webhooks to a real receiver on loopback, delivered by the real worker, on both databases:
signed per Standard Webhooks, retried with the same webhook-id, durable, guarded."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

import httpx
import pytest
import sqlalchemy as sa
from standardwebhooks.webhooks import Webhook

from server import background
from server.config import load_settings
from server.domain import MemberRole, Visibility
from server.models import Notification, OutboxJob, WebhookDelivery, WebhookEndpoint
from server.services import webhooks
from server.services.errors import BadInput
from server.webhook_delivery import Refused, resolve
from tests.api.test_auth_partners import issue_key
from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import gid, make_member, make_reply, make_thread, viewer_of
from tests.webhooks.receiver import Receiver, receiving


def webhook_settings(database_url: str, **overrides):
    options = {
        "webhooks_allow_private": True,
        "jobs_retry_seconds": 0.05,
        "worker_poll_seconds": 0.05,
        **overrides,
    }
    return load_settings(
        database_url=database_url, secret_key=TEST_SECRET, base_url=BASE_URL, **options
    )


@contextlib.asynccontextmanager
async def running_worker(settings, db):
    worker = background.build_worker(settings, db)
    worker.attach(db)
    task = asyncio.create_task(worker.run())
    try:
        yield worker
    finally:
        worker.stop()
        await task


async def add_endpoint(db, url, events=webhooks.EVENT_TYPES, partner="city-portal"):
    await issue_key(db, name=partner)
    async with db.write() as session:
        endpoint = await webhooks.add_endpoint(
            session, partner_name=partner, url=url, events=events, allow_private=True
        )
    return endpoint


async def deliveries(db, endpoint_id):
    async with db.read() as session:
        rows = await session.execute(
            sa.select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id)
            .order_by(WebhookDelivery.id)
        )
        return list(rows.scalars())


async def test_a_new_public_thread_is_delivered_signed(db, settings):
    settings = webhook_settings(settings.database_url)
    async with receiving(Receiver()) as receiver:
        endpoint = await add_endpoint(db, receiver.url)
        author = await make_member(db, name="Ada")
        thread = await make_thread(db, author=author, title="Signed news")
        async with running_worker(settings, db):
            [received] = await receiver.wait_for(1)

    payload = Webhook(endpoint.secret).verify(received.body, received.headers)
    assert payload["type"] == "thread.started"
    assert payload["data"]["thread"]["title"] == "Signed news"
    assert payload["data"]["thread"]["url"] == f"{BASE_URL}/t/{gid('Thread', thread.id)}"
    assert payload["data"]["thread"]["author"]["displayName"] == "Ada"
    assert received.headers["webhook-id"]
    with pytest.raises(Exception):  # noqa: B017 - any verification failure will do
        Webhook(webhooks.new_secret()).verify(received.body, received.headers)
    [logged] = await deliveries(db, endpoint.id)
    assert (logged.status, logged.response_code, logged.attempt) == ("delivered", 200, 1)


async def test_a_receiver_failing_twice_gets_the_event_three_times_with_one_id(db, settings):
    settings = webhook_settings(settings.database_url)
    async with receiving(Receiver(answers=[500, 503])) as receiver:
        endpoint = await add_endpoint(db, receiver.url)
        await make_thread(db, author=await make_member(db))
        async with running_worker(settings, db):
            received = await receiver.wait_for(3)
            await asyncio.sleep(0.3)  # a fourth would come now, if any

    assert len(receiver.received) == 3
    assert len({r.headers["webhook-id"] for r in received}) == 1
    assert [r.body for r in received] == [received[0].body] * 3
    log = await deliveries(db, endpoint.id)
    assert [(d.attempt, d.status, d.response_code) for d in log] == [
        (1, "failed", 500),
        (2, "failed", 503),
        (3, "delivered", 200),
    ]
    assert {d.webhook_id for d in log} == {received[0].headers["webhook-id"]}


async def test_only_public_threads_and_wanted_events_are_announced(db, settings):
    settings = webhook_settings(settings.database_url)
    async with receiving(Receiver()) as receiver:
        await add_endpoint(db, receiver.url, events=["reply.added", "reply.accepted"])
        author = await make_member(db)
        await make_thread(db, author=author, title="Secret", visibility=Visibility.MEMBERS)
        public = await make_thread(db, author=author, title="Open")
        reply = await make_reply(db, thread=public, author=await make_member(db), body="Try X")
        async with db.write() as session:
            from server.services import threads

            await threads.accept_reply(session, viewer_of(author), post_id=reply.id)
        async with running_worker(settings, db):
            received = await receiver.wait_for(2)
            await asyncio.sleep(0.3)

    types = sorted(json.loads(r.body)["type"] for r in received)
    assert types == ["reply.accepted", "reply.added"]
    added = next(json.loads(r.body) for r in received if b"reply.added" in r.body)
    assert added["data"]["thread"]["title"] == "Open"
    assert added["data"]["reply"]["excerpt"] == "Try X"
    assert added["data"]["reply"]["url"].startswith(f"{BASE_URL}/t/")


async def test_no_outbox_row_without_endpoints(db):
    await make_thread(db, author=await make_member(db))

    async with db.read() as session:
        kinds = (await session.execute(sa.select(OutboxJob.kind))).scalars().all()

    assert webhooks.WEBHOOK_DELIVER not in kinds


async def test_a_redirect_is_not_followed(db, settings):
    settings = webhook_settings(settings.database_url)
    redirect = Receiver(answers=[302, 302], headers={"location": "http://169.254.169.254/x"})
    async with receiving(redirect) as receiver:
        endpoint = await add_endpoint(db, receiver.url)
        await make_thread(db, author=await make_member(db))
        async with running_worker(settings, db):
            await receiver.wait_for(3)

    log = await deliveries(db, endpoint.id)
    assert log[0].status == "failed" and log[0].response_code == 302
    assert "was not followed" in log[0].error
    assert log[-1].status == "delivered"


async def test_private_addresses_are_refused_after_resolution(db, settings):
    with pytest.raises(Refused, match="loopback, private or link-local"):
        await resolve(httpx.URL("https://localhost:9/hook"), allow_private=False)
    with pytest.raises(BadInput, match="public addresses only"):
        webhooks.check_url("https://10.1.2.3/hook", allow_private=False)
    with pytest.raises(BadInput, match="https"):
        webhooks.check_url("http://partner.example/hook", allow_private=False)
    assert await resolve(httpx.URL("http://127.0.0.1:9/"), allow_private=True) == "127.0.0.1"


async def test_a_loopback_endpoint_is_refused_by_the_worker_without_the_switch(db, settings):
    settings = webhook_settings(settings.database_url, webhooks_allow_private=False)
    async with receiving(Receiver()) as receiver:
        endpoint = await add_endpoint(db, receiver.url)
        await make_thread(db, author=await make_member(db))
        async with running_worker(settings, db):
            for _ in range(200):
                if await deliveries(db, endpoint.id):
                    break
                await asyncio.sleep(0.05)

    assert receiver.received == []
    log = await deliveries(db, endpoint.id)
    assert log[0].status == "refused"
    assert "127.0.0.1" in log[0].error


async def test_an_endpoint_failing_past_the_retry_window_is_disabled(db, settings, caplog):
    settings = webhook_settings(settings.database_url, webhooks_retry_hours=0.0003)
    caplog.set_level(logging.WARNING, logger="server.webhook_delivery")
    admin = await make_member(db, role=MemberRole.ADMIN)
    async with receiving(Receiver(answers=[500] * 1000)) as receiver:
        endpoint = await add_endpoint(db, receiver.url)
        await make_thread(db, author=await make_member(db))
        async with running_worker(settings, db):
            for _ in range(400):
                async with db.read() as session:
                    row = await session.get(WebhookEndpoint, endpoint.id)
                    if row.disabled_at is not None:
                        break
                await asyncio.sleep(0.05)

    assert row.disabled_at is not None
    assert "retry window" in row.disabled_reason
    assert any("ADMIN NOTICE" in r.message for r in caplog.records)
    async with db.read() as session:
        notices = (
            await session.execute(
                sa.select(Notification.reason, Notification.text).where(
                    Notification.member_id == admin.id
                )
            )
        ).all()
    assert [(reason, "disabled" in text) for reason, text in notices] == [("PARTNERS", True)]
