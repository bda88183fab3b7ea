"""A worker process killed while delivering a committed event: after a restart the event is
delivered, with the same webhook-id. Real `moin-forum worker` processes, a real receiver."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

from standardwebhooks.webhooks import Webhook

from tests.conftest import BASE_URL, TEST_SECRET
from tests.factories import make_member, make_thread
from tests.webhooks.receiver import Receiver, receiving
from tests.webhooks.test_webhooks import add_endpoint, deliveries


def start_worker(database_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MOIN_DATABASE_URL": database_url,
        "MOIN_SECRET_KEY": TEST_SECRET,
        "MOIN_BASE_URL": BASE_URL,
        "MOIN_WEBHOOKS_ALLOW_PRIVATE": "1",
        "MOIN_WORKER_LEASE_SECONDS": "2",
        "MOIN_WORKER_POLL_SECONDS": "0.2",
        "MOIN_JOBS_RETRY_SECONDS": "0.5",
    }
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "server", "worker"], env=env, stdout=out, stderr=out
        )


async def test_a_worker_killed_mid_delivery_delivers_after_restart(db, database_url, tmp_path):
    # The first request hangs: the worker is killed while it waits for the answer.
    async with receiving(Receiver(hang_first=8)) as receiver:
        endpoint = await add_endpoint(db, receiver.url)
        await make_thread(db, author=await make_member(db), title="Durable")  # committed
        first = start_worker(database_url, tmp_path / "first.log")
        try:
            await receiver.wait_for(1, timeout=60)
        finally:
            first.kill()  # SIGKILL: no chance to record or release anything
            first.wait(10)
        second = start_worker(database_url, tmp_path / "second.log")
        try:
            received = await receiver.wait_for(2, timeout=60)
            deadline = time.monotonic() + 30
            while not await deliveries(db, endpoint.id):
                assert time.monotonic() < deadline, (tmp_path / "second.log").read_text()
                await asyncio.sleep(0.1)
        finally:
            second.terminate()
            second.wait(30)

    assert received[0].headers["webhook-id"] == received[1].headers["webhook-id"]
    payload = Webhook(endpoint.secret).verify(received[1].body, received[1].headers)
    assert payload["data"]["thread"]["title"] == "Durable"
    [logged] = await deliveries(db, endpoint.id)
    assert logged.status == "delivered"
    assert logged.attempt == 2
