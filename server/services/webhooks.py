"""Partners' webhooks: endpoints, the events they receive, and the log of deliveries.

A write that starts a public thread, adds a reply to one or accepts a reply calls the
matching `announce_…` in its own transaction: one outbox row per endpoint that wants the
event (server.jobs), delivered after the commit by the worker (server.webhook_delivery),
signed per the Standard Webhooks specification. Only PUBLIC threads that are not hidden
are announced. Payloads carry paths (`/t/<id>`); the sender makes them absolute.
"""

from __future__ import annotations

import base64
import ipaddress
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import ids, jobs
from server.domain import (
    MemberRole,
    NotificationReason,
    Visibility,
    mask_to_pillars,
    mask_to_types,
)
from server.models import (
    Member,
    Partner,
    PostRecord,
    ThreadRecord,
    WebhookDelivery,
    WebhookEndpoint,
)
from server.models.base import utcnow
from server.services import lookups, notifications
from server.services.errors import BadInput
from server.weburl import split_url

WEBHOOK_DELIVER = "webhook.deliver"
THREAD_STARTED = "thread.started"
REPLY_ADDED = "reply.added"
REPLY_ACCEPTED = "reply.accepted"
EVENT_TYPES = (THREAD_STARTED, REPLY_ADDED, REPLY_ACCEPTED)
URL_MAX = 2000
MAX_ENDPOINTS_PER_PARTNER = 10
EXCERPT_CHARS = 280
SECRET_PREFIX = "whsec_"
LOOPBACK_NAMES = ("localhost",)


@dataclass(frozen=True)
class EndpointListing:
    """An endpoint with its partner's name, for `webhooks list`."""

    endpoint: WebhookEndpoint
    partner: str


def check_url(url: str, *, allow_private: bool) -> str:
    """The endpoint's URL if it may be used; BadInput says why not.

    https only (http too when private addresses are allowed, for tests on loopback); no
    credentials in it; a literal address must be public unless allowed. Names are checked
    again after DNS resolution at every delivery.
    """
    url = url.strip()
    if len(url) > URL_MAX:
        raise BadInput(f"A webhook URL has at most {URL_MAX} characters.")
    parts = split_url(url, schemes=("https", "http") if allow_private else ("https",))
    if parts is None or parts.hostname is None:
        raise BadInput(f"{url[:100]!r} is not an https:// URL.")
    if parts.username or parts.password:
        raise BadInput("A webhook URL may not hold a user name or password.")
    if not allow_private and not host_may_be_public(parts.hostname):
        raise BadInput(
            f"{parts.hostname} is a loopback, private or link-local address: webhooks go to "
            "public addresses only (MOIN_WEBHOOKS_ALLOW_PRIVATE=1 allows others, for tests)."
        )
    return url


def host_may_be_public(host: str) -> bool:
    """False for a literal address that is not public, or `localhost`; names pass here."""
    if host.lower().rstrip(".") in LOOPBACK_NAMES or host.lower().endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return True
    return is_public(address)


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether a webhook may go to `address` (not loopback, private, link-local, …)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return address.is_global and not address.is_multicast


def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


async def add_endpoint(
    session: AsyncSession,
    *,
    partner_name: str,
    url: str,
    events: Sequence[str],
    allow_private: bool,
) -> WebhookEndpoint:
    """Register an endpoint of a partner with a live key; its `secret` is to be shown once."""
    partner = await session.scalar(sa.select(Partner).where(Partner.name == partner_name.strip()))
    if partner is None or partner.revoked_at is not None:
        raise BadInput(f"There is no partner called {partner_name!r} with a live key.")
    chosen = sorted({e.strip() for e in events if e.strip()})
    unknown = [e for e in chosen if e not in EVENT_TYPES]
    if not chosen or unknown:
        raise BadInput(
            f"--events takes one or more of {', '.join(EVENT_TYPES)}"
            + (f" (not {', '.join(unknown)})." if unknown else ".")
        )
    count = await session.scalar(
        sa.select(sa.func.count()).where(
            WebhookEndpoint.partner_id == partner.id, WebhookEndpoint.disabled_at.is_(None)
        )
    )
    if (count or 0) >= MAX_ENDPOINTS_PER_PARTNER:
        raise BadInput(f"A partner has at most {MAX_ENDPOINTS_PER_PARTNER} webhook endpoints.")
    endpoint = WebhookEndpoint(
        partner_id=partner.id,
        url=check_url(url, allow_private=allow_private),
        events=chosen,
        secret=new_secret(),
        created_at=utcnow(),
    )
    session.add(endpoint)
    await session.flush()
    return endpoint


async def list_endpoints(session: AsyncSession) -> list[EndpointListing]:
    """Every endpoint with its partner's name, oldest first."""
    rows = await session.execute(
        sa.select(WebhookEndpoint, Partner.name)
        .join(Partner, Partner.id == WebhookEndpoint.partner_id)
        .order_by(WebhookEndpoint.id)
    )
    return [EndpointListing(endpoint, name) for endpoint, name in rows]


async def get_endpoint(session: AsyncSession, endpoint_id: int) -> WebhookEndpoint:
    """The endpoint, or BadInput naming the id."""
    endpoint = await session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise BadInput(f"There is no webhook endpoint {endpoint_id}.")
    return endpoint


async def remove_endpoint(session: AsyncSession, endpoint_id: int) -> WebhookEndpoint:
    """Delete an endpoint and its delivery log; events not yet sent to it are dropped."""
    endpoint = await get_endpoint(session, endpoint_id)
    await session.execute(
        sa.delete(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint_id)
    )
    await session.delete(endpoint)
    await session.flush()
    return endpoint


async def list_deliveries(
    session: AsyncSession, endpoint_id: int, *, limit: int = 50
) -> list[WebhookDelivery]:
    """The endpoint's latest delivery attempts, newest first."""
    await get_endpoint(session, endpoint_id)
    return list(
        (
            await session.execute(
                sa.select(WebhookDelivery)
                .where(WebhookDelivery.endpoint_id == endpoint_id)
                .order_by(WebhookDelivery.id.desc())
                .limit(limit)
            )
        ).scalars()
    )


async def record_attempt(
    session: AsyncSession,
    *,
    endpoint_id: int,
    webhook_id: str,
    event_type: str,
    attempt: int,
    status: str,
    response_code: int | None = None,
    error: str | None = None,
    duration_ms: int | None = None,
) -> None:
    """Log one delivery attempt."""
    session.add(
        WebhookDelivery(
            endpoint_id=endpoint_id,
            webhook_id=webhook_id,
            event_type=event_type,
            attempt=attempt,
            status=status,
            response_code=response_code,
            error=error[:500] if error else None,
            duration_ms=duration_ms,
            attempted_at=utcnow(),
        )
    )
    await session.flush()


async def disable_endpoint(session: AsyncSession, endpoint_id: int, reason: str) -> bool:
    """Stop delivering to an endpoint and tell the admins; returns whether it was active."""
    result = await session.execute(
        sa.update(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint_id, WebhookEndpoint.disabled_at.is_(None))
        .values(disabled_at=utcnow(), disabled_reason=reason[:500])
    )
    if not result.rowcount:  # type: ignore[attr-defined]  # a CursorResult
        return False
    endpoint = await session.get(WebhookEndpoint, endpoint_id)
    partner = await session.get(Partner, endpoint.partner_id) if endpoint is not None else None
    admins = await session.scalars(
        sa.select(Member.id).where(Member.role == MemberRole.ADMIN, Member.banned_at.is_(None))
    )
    await notifications.notify(
        session,
        list(admins),
        NotificationReason.PARTNERS,
        text=(
            f"Webhook endpoint {endpoint_id} of {partner.name if partner else 'a partner'} "
            "was disabled: its deliveries kept failing (see `moin-forum webhooks deliveries "
            f"{endpoint_id}`)."
        ),
        event_key=f"webhook-disabled:{endpoint_id}:{utcnow().isoformat()}",
    )
    return True


# ---------------------------------------------------------------- announcing events


async def _targets(session: AsyncSession, event_type: str) -> list[int]:
    """The active endpoints, of partners with a live key, that want `event_type`."""
    rows = await session.execute(
        sa.select(WebhookEndpoint.id, WebhookEndpoint.events)
        .join(Partner, Partner.id == WebhookEndpoint.partner_id)
        .where(WebhookEndpoint.disabled_at.is_(None), Partner.revoked_at.is_(None))
    )
    return [endpoint_id for endpoint_id, wanted in rows if event_type in (wanted or ())]


async def _enqueue(
    session: AsyncSession, targets: list[int], event_type: str, data: dict[str, Any]
) -> int:
    """One outbox row per endpoint, in the caller's transaction."""
    timestamp = utcnow().isoformat().replace("+00:00", "Z")
    for endpoint_id in targets:
        payload = {"type": event_type, "timestamp": timestamp, "data": data}
        await jobs.enqueue(session, WEBHOOK_DELIVER, {"endpoint_id": endpoint_id, **payload})
    return len(targets)


def _public(visibility: Visibility | str, hidden_at: datetime | None) -> bool:
    return visibility == Visibility.PUBLIC and hidden_at is None


async def _author(session: AsyncSession, author_id: int) -> dict[str, Any]:
    found = (await lookups.members_by_id(session, [author_id])).get(author_id)
    if found is None:
        return {"displayName": "A former member", "organisation": None}
    member, organisation = found
    return {
        "displayName": member.display_name,
        "organisation": organisation.name if organisation is not None else None,
    }


def _thread_data(thread: ThreadRecord) -> dict[str, Any]:
    thread_id = ids.to_global_id("Thread", thread.id)
    return {
        "id": thread_id,
        "path": f"/t/{thread_id}",
        "title": thread.title,
        "kind": thread.kind.value,
        "pillars": [p.value for p in mask_to_pillars(thread.pillars_mask)],
        "organisationTypes": [t.value for t in mask_to_types(thread.organisation_types_mask)],
        "topics": list(thread.topics or ()),
        "createdAt": thread.created_at.isoformat(),
    }


def _post_data(thread_id: int, post: PostRecord) -> dict[str, Any]:
    post_id = ids.to_global_id("Post", post.id)
    text = " ".join(post.body.split())
    return {
        "id": post_id,
        "path": f"/t/{ids.to_global_id('Thread', thread_id)}#post-{post_id}",
        "excerpt": text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…",
        "isExpertReply": post.is_expert,
        "createdAt": post.created_at.isoformat(),
    }


async def announce_thread_started(session: AsyncSession, thread: ThreadRecord) -> int:
    """`thread.started` for a new public thread; returns how many endpoints get it."""
    if not _public(thread.visibility, thread.hidden_at):
        return 0
    targets = await _targets(session, THREAD_STARTED)
    if not targets:
        return 0
    data = {"thread": {**_thread_data(thread), "author": await _author(session, thread.author_id)}}
    return await _enqueue(session, targets, THREAD_STARTED, data)


async def announce_reply(session: AsyncSession, event_type: str, post: PostRecord) -> int:
    """`reply.added` or `reply.accepted` for a reply in a public thread."""
    if post.hidden_at is not None:
        return 0
    targets = await _targets(session, event_type)
    if not targets:
        return 0
    thread = (await lookups.threads_by_id(session, [post.thread_id])).get(post.thread_id)
    if thread is None or not _public(thread.visibility, thread.hidden_at):
        return 0
    data = {
        "thread": _thread_data(thread),
        "reply": {**_post_data(thread.id, post), "author": await _author(session, post.author_id)},
    }
    return await _enqueue(session, targets, event_type, data)
