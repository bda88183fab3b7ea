"""Delivering webhooks: the worker's handler of `webhook.deliver` jobs.

Each job is one event for one endpoint. The body is JSON (`type`, `timestamp`, `data`),
signed per the Standard Webhooks specification with the endpoint's secret: headers
`webhook-id` (the outbox row's delivery id, the same on every attempt, so the receiver
can drop a repeat), `webhook-timestamp` and `webhook-signature`. An attempt:

1. resolves the endpoint's host and refuses loopback, private, link-local and other
   non-public addresses (unless MOIN_WEBHOOKS_ALLOW_PRIVATE=1), then connects to the
   address it checked (the name is kept for `Host` and TLS), so a second resolution
   cannot swap in another address;
2. posts with a 5 s timeout and never follows a redirect (a 3xx is a failure);
3. logs the attempt (status, response code, error, duration) in `webhook_deliveries`.

A failure is retried by the worker with exponential backoff; after the retry window
(24 h by default) the endpoint is disabled and the admins are told (a warning in the log
and the endpoint's `disabled_reason`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import socket
import time
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession
from standardwebhooks.webhooks import Webhook

from server.db import Database
from server.jobs import Job, Retry
from server.models import WebhookEndpoint
from server.services import webhooks

log = logging.getLogger(__name__)

USER_AGENT = "MOIN-Forum-Webhooks/1"


class Refused(Exception):
    """The endpoint's address may not be reached; the message says why."""


async def resolve(url: httpx.URL, *, allow_private: bool) -> str:
    """The address to connect to for `url`'s host, checked; Refused if it is not public."""
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise Refused(f"{host} could not be resolved ({exc})") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise Refused(f"{host} has no address")
    if not allow_private:
        for address in addresses:
            if not webhooks.is_public(address):
                raise Refused(
                    f"{host} resolves to {address}, a loopback, private or link-local address"
                )
    return str(addresses[0])


class WebhookSender:
    """Sends `webhook.deliver` jobs (one shared HTTP client per worker)."""

    def __init__(
        self,
        db: Database,
        *,
        public_url: str,
        allow_private: bool,
        timeout_seconds: float = 5.0,
    ) -> None:
        self.db = db
        self.base = public_url.rstrip("/")
        self.allow_private = allow_private
        self.client = httpx.AsyncClient(
            timeout=timeout_seconds,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        )

    async def close(self) -> None:
        await self.client.aclose()

    async def deliver(self, job: Job) -> None:
        """Send one event to one endpoint; raise Retry on failure (logged either way)."""
        endpoint_id = int(job.payload["endpoint_id"])
        event_type = str(job.payload["type"])
        async with self.db.read() as session:
            endpoint = await session.get(WebhookEndpoint, endpoint_id)
            if endpoint is not None:
                url, secret, disabled = endpoint.url, endpoint.secret, endpoint.disabled_at
        if endpoint is None:
            return  # removed: nothing to deliver, nowhere to log
        if disabled is not None:
            await self._record(job, endpoint_id, "dropped", error="the endpoint is disabled")
            return
        body = json.dumps(
            {
                "type": event_type,
                "timestamp": job.payload["timestamp"],
                "data": self._absolute(job.payload["data"]),
            },
            separators=(",", ":"),
        )
        now = datetime.now(UTC)
        headers = {
            "content-type": "application/json",
            "webhook-id": job.delivery_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(secret).sign(job.delivery_id, now, body),
        }
        started = time.monotonic()
        status, code, error = await self._post(url, headers, body)
        duration = int((time.monotonic() - started) * 1000)
        await self._record(
            job, endpoint_id, status, response_code=code, error=error, duration_ms=duration
        )
        if status != "delivered":
            raise Retry(f"{url}: {error}")

    async def _post(
        self, url: str, headers: dict[str, str], body: str
    ) -> tuple[str, int | None, str | None]:
        """(status, response code, error) of one POST to the checked address."""
        target = httpx.URL(url)
        try:
            address = await resolve(target, allow_private=self.allow_private)
        except Refused as exc:
            return "refused", None, str(exc)
        pinned = target.copy_with(host=address)
        extensions: dict[str, Any] = {}
        if target.scheme == "https":
            extensions["sni_hostname"] = target.host
        request = self.client.build_request(
            "POST",
            pinned,
            content=body.encode(),
            headers={**headers, "host": target.netloc.decode("ascii")},
            extensions=extensions,
        )
        try:
            response = await self.client.send(request)
        except httpx.TimeoutException:
            return "failed", None, "no answer within the timeout"
        except httpx.HTTPError as exc:
            return "failed", None, f"{type(exc).__name__}: {exc}"[:500]
        await response.aclose()
        if 200 <= response.status_code < 300:
            return "delivered", response.status_code, None
        if response.is_redirect:
            return "failed", response.status_code, await self._redirect_error(response)
        return "failed", response.status_code, f"the receiver answered {response.status_code}"

    async def _redirect_error(self, response: httpx.Response) -> str:
        location = response.headers.get("location", "")
        error = f"a redirect to {location[:200]} was not followed"
        try:
            target = httpx.URL(location)
            if target.is_absolute_url:
                await resolve(target, allow_private=self.allow_private)
        except Refused as exc:
            error += f" ({exc})"
        except httpx.InvalidURL:
            pass
        return error

    def _absolute(self, data: Any) -> Any:
        """The payload's `path`s, each with a `url` beside it."""
        if isinstance(data, dict):
            out = {k: self._absolute(v) for k, v in data.items()}
            if isinstance(data.get("path"), str):
                out["url"] = self.base + data["path"]
            return out
        return data

    async def _record(self, job: Job, endpoint_id: int, status: str, **details: Any) -> None:
        async with self.db.write() as session:
            await webhooks.record_attempt(
                session,
                endpoint_id=endpoint_id,
                webhook_id=job.delivery_id,
                event_type=str(job.payload["type"]),
                attempt=job.attempt,
                status=status,
                **details,
            )

    async def gave_up(self, session: AsyncSession, job: Job, error: str) -> None:
        """The retry window has passed: disable the endpoint and tell the admins."""
        endpoint_id = int(job.payload["endpoint_id"])
        reason = f"disabled after failing for the whole retry window; last error: {error}"
        if await webhooks.disable_endpoint(session, endpoint_id, reason):
            log.warning(
                "ADMIN NOTICE: webhook endpoint %s disabled: %s (see `moin-forum webhooks "
                "deliveries %s`)",
                endpoint_id,
                error,
                endpoint_id,
            )
