"""`moin-forum webhooks add|list|remove|deliveries`: partners' webhook endpoints."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from server.config import Settings
from server.services import webhooks

Work = Callable[[AsyncSession, argparse.Namespace, Settings], Awaitable[str]]


def add_webhook_commands(commands: Any, run: Callable[[Work], Any]) -> None:
    """Add `webhooks …` to the CLI; `run` runs a command in one transaction."""
    parser = commands.add_parser("webhooks", help="partner sites' webhook endpoints")
    sub = parser.add_subparsers(dest="webhooks_command", required=True)
    add = sub.add_parser("add", help="register an endpoint (its signing secret is printed once)")
    add.add_argument("partner", help="the partner's name (see `partners list`)")
    add.add_argument("url", help="the endpoint, https://…")
    add.add_argument(
        "--events",
        required=True,
        help=f"comma-separated, of {','.join(webhooks.EVENT_TYPES)}",
    )
    add.set_defaults(run=run(_add))
    sub.add_parser("list", help="list endpoints").set_defaults(run=run(_list))
    remove = sub.add_parser("remove", help="remove an endpoint and its delivery log")
    remove.add_argument("id", type=int)
    remove.set_defaults(run=run(_remove))
    deliveries = sub.add_parser("deliveries", help="an endpoint's latest delivery attempts")
    deliveries.add_argument("id", type=int)
    deliveries.add_argument("--limit", type=int, default=50)
    deliveries.set_defaults(run=run(_deliveries))


async def _add(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> str:
    endpoint = await webhooks.add_endpoint(
        session,
        partner_name=args.partner,
        url=args.url,
        events=args.events.split(","),
        allow_private=settings.webhooks_allow_private,
    )
    return (
        f"Webhook endpoint {endpoint.id} for {args.partner}: {endpoint.url}\n"
        f"Events: {', '.join(endpoint.events)}\n"
        f"Its signing secret (Standard Webhooks) is\n\n    {endpoint.secret}\n\n"
        "Give it to the partner now: it is not shown again. They verify each request's\n"
        "webhook-signature with it, and drop repeats by webhook-id."
    )


async def _list(session: AsyncSession, _args: argparse.Namespace, _s: Settings) -> str:
    lines = []
    for listing in await webhooks.list_endpoints(session):
        endpoint = listing.endpoint
        state = (
            f"disabled {endpoint.disabled_at:%Y-%m-%d %H:%M} ({endpoint.disabled_reason})"
            if endpoint.disabled_at
            else "active"
        )
        lines.append(
            f"{endpoint.id}\t{listing.partner}\t{endpoint.url}\t{','.join(endpoint.events)}\t{state}"
        )
    return "\n".join(lines) if lines else "No webhook endpoints."


async def _remove(session: AsyncSession, args: argparse.Namespace, _s: Settings) -> str:
    endpoint = await webhooks.remove_endpoint(session, args.id)
    return f"Webhook endpoint {endpoint.id} ({endpoint.url}) is removed."


async def _deliveries(session: AsyncSession, args: argparse.Namespace, _s: Settings) -> str:
    rows = await webhooks.list_deliveries(session, args.id, limit=max(1, min(args.limit, 1000)))
    lines = [
        f"{d.attempted_at:%Y-%m-%d %H:%M:%S}\t{d.event_type}\t{d.webhook_id}\t"
        f"attempt {d.attempt}\t{d.status}\t{d.response_code or '-'}\t"
        f"{d.duration_ms if d.duration_ms is not None else '-'} ms\t{d.error or ''}"
        for d in rows
    ]
    return "\n".join(lines) if lines else "No deliveries yet."
