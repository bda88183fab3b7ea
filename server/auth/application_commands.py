"""`moin-forum applications list|approve|reject`: the admins' queue at the command line.

They act as the operator, each in one transaction, and send the same e-mails as the web
client's decisions (through the outbox: a worker delivers them).
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from server.auth.commands import CommandError, _run
from server.config import Settings
from server.domain import ApplicationStatus
from server.links import InvitationLinks
from server.models import MembershipApplication
from server.services import applications
from server.services.viewer import OPERATOR


def add_application_commands(commands: Any) -> None:
    """Add `applications list|approve|reject` to the CLI's subcommands."""
    parser = commands.add_parser("applications", help="applications to join the network")
    sub = parser.add_subparsers(dest="applications_command", required=True)
    listing = sub.add_parser("list", help="list applications, newest first")
    listing.add_argument(
        "--status",
        choices=[s.value.lower() for s in ApplicationStatus],
        help="only applications in this state (default: all)",
    )
    listing.set_defaults(run=_run(_list))
    approve = sub.add_parser(
        "approve", help="approve: create the organisation and e-mail its contact an invitation"
    )
    approve.add_argument("id", type=int, help="the application's number (from `list`)")
    approve.add_argument("--slug", help="the new organisation's slug (default: from its name)")
    approve.set_defaults(run=_run(_approve))
    reject = sub.add_parser("reject", help="reject, e-mailing the reason to the contact")
    reject.add_argument("id", type=int, help="the application's number (from `list`)")
    reject.add_argument("--reason", required=True, help="why (500 characters at most)")
    reject.set_defaults(run=_run(_reject))


def _links(settings: Settings) -> InvitationLinks:
    if settings.secret_key is None:
        raise CommandError("MOIN_SECRET_KEY is not set: it signs the invitation link")
    return InvitationLinks(settings.secret(), settings.public_url)


async def _list(session: AsyncSession, args: argparse.Namespace, _s: Settings) -> str:
    status = ApplicationStatus(args.status.upper()) if args.status else None
    lines: list[str] = []
    after: str | None = None
    while True:
        page = await applications.list_applications(
            session, OPERATOR, status=status, first=100, after=after
        )
        lines += [
            f"{a.id}\t{a.status.value.lower()}\t{a.submitted_at:%Y-%m-%d}\t"
            f"{a.organisation_name}\t{a.organisation_type.value}\t{a.country}\t"
            f"{a.contact_name} <{a.contact_email}>"
            for a in page.items
        ]
        if not page.has_next or not page.items:
            break
        after = page.cursor_of(page.items[-1])
    return "\n".join(lines) if lines else "No applications."


async def _decide(
    session: AsyncSession,
    args: argparse.Namespace,
    settings: Settings,
    *,
    approve: bool,
) -> MembershipApplication:
    # A refusal (decided already, no reason) is a DomainError: `_run` prints its message.
    return await applications.decide(
        session,
        OPERATOR,
        application_id=args.id,
        approve=approve,
        reason=getattr(args, "reason", None),
        slug=getattr(args, "slug", None),
        links=_links(settings),
    )


async def _approve(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> str:
    application = await _decide(session, args, settings, approve=True)
    return (
        f"Approved application {application.id}: {application.organisation_name} is a member; "
        f"its contact is e-mailed an invitation to sign in as its lead contact."
    )


async def _reject(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> str:
    application = await _decide(session, args, settings, approve=False)
    return (
        f"Rejected application {application.id} ({application.organisation_name}); "
        "the contact is e-mailed the reason."
    )
