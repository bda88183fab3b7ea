"""`moin-forum organisations|members|partners ...`: the operator's commands.

They act on MOIN_DATABASE_URL directly, as the operator (who may do what an admin
may), each in one transaction. `organisations add` exists so that a new forum can
be set up from the command line: people are attached to organisations by slug.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import migrate
from server.auth.webhook_commands import add_webhook_commands
from server.config import Settings
from server.db import Database
from server.domain import MemberRole, OrganisationType
from server.models import Member, Organisation
from server.services import members, moderation, organisations, partners
from server.services.errors import DomainError
from server.services.viewer import OPERATOR

GRANTABLE = ("researcher", "moderator", "admin")


class CommandError(Exception):
    """The command could not do what was asked; the message says why."""


def add_commands(commands: Any) -> None:
    """Add the `organisations`, `members`, `partners` and `webhooks` commands to the CLI."""
    organisation_parser = commands.add_parser("organisations", help="member organisations")
    organisation_commands = organisation_parser.add_subparsers(
        dest="organisations_command", required=True
    )
    add = organisation_commands.add_parser("add", help="add a member organisation")
    add.add_argument("slug", help="its short name in MOIN_OIDC_PROVIDERS, e.g. acme-agency")
    add.add_argument("--name", required=True, help="its name, e.g. 'Acme Agency'")
    add.add_argument(
        "--type", required=True, choices=[t.value for t in OrganisationType], dest="kind"
    )
    add.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. DE")
    add.add_argument("--website", help="https://...")
    add.set_defaults(run=_run(_add_organisation))
    organisation_commands.add_parser("list", help="list organisations").set_defaults(
        run=_run(_list_organisations)
    )

    member_parser = commands.add_parser("members", help="members' roles and organisations")
    member_commands = member_parser.add_subparsers(dest="members_command", required=True)
    grant = member_commands.add_parser("grant", help="give a member a role")
    grant.add_argument("email", help="the member's e-mail address")
    grant.add_argument("role", choices=GRANTABLE)
    grant.set_defaults(run=_run(_grant))
    revoke = member_commands.add_parser("revoke", help="make a member a plain member again")
    revoke.add_argument("email", help="the member's e-mail address")
    revoke.set_defaults(run=_run(_revoke))
    attach = member_commands.add_parser("attach", help="attach a member to an organisation")
    attach.add_argument("email", help="the member's e-mail address")
    attach.add_argument("organisation", help="the organisation's slug, e.g. acme-agency")
    attach.set_defaults(run=_run(_attach))
    detach = member_commands.add_parser("detach", help="detach a member from their organisation")
    detach.add_argument("email", help="the member's e-mail address")
    detach.set_defaults(run=_run(_detach))
    ban = member_commands.add_parser(
        "ban", help="ban a member: their sessions end, they cannot sign in or write"
    )
    ban.add_argument("email", help="the member's e-mail address")
    ban.add_argument(
        "--reason", default="banned by the operator", help="why; they are told it (500 at most)"
    )
    ban.set_defaults(run=_run(_ban))
    unban = member_commands.add_parser("unban", help="lift a member's ban")
    unban.add_argument("email", help="the member's e-mail address")
    unban.set_defaults(run=_run(_unban))
    listing = member_commands.add_parser("list", help="list members")
    listing.add_argument(
        "--unattached", action="store_true", help="only members without an organisation"
    )
    listing.set_defaults(run=_run(_list_members))

    partner_parser = commands.add_parser("partners", help="partner sites' API keys")
    partner_commands = partner_parser.add_subparsers(dest="partners_command", required=True)
    create = partner_commands.add_parser("create", help="issue a key (printed once)")
    create.add_argument("name", help="the partner's name, e.g. city-portal")
    create.add_argument(
        "--origin",
        action="append",
        default=[],
        help="a browser origin allowed to use the key, e.g. https://partner.example (repeatable)",
    )
    create.add_argument(
        "--rate-limit",
        type=int,
        default=None,
        help="requests per minute (default: MOIN_PARTNER_RATE_LIMIT_PER_MINUTE)",
    )
    create.add_argument(
        "--persisted-only",
        action="store_true",
        help="the key runs only the forum's persisted documents (by SHA-256), no others",
    )
    create.set_defaults(run=_run(_create_partner))
    partner_commands.add_parser("list", help="list partners and their keys' prefixes").set_defaults(
        run=_run(_list_partners)
    )
    revoke_key = partner_commands.add_parser("revoke", help="revoke a partner's key at once")
    revoke_key.add_argument("name")
    revoke_key.set_defaults(run=_run(_revoke_partner))
    add_webhook_commands(commands, _run)


def _run(
    work: Callable[[AsyncSession, argparse.Namespace, Settings], Awaitable[str]],
) -> Callable[[argparse.Namespace], None]:
    """Run one command in one transaction, and print what it says."""

    def command(args: argparse.Namespace) -> None:
        settings = Settings()

        async def go() -> str:
            db = Database.from_url(settings.database_url)
            try:
                await migrate.check_schema_current(db)
                async with db.write() as session:
                    return await work(session, args, settings)
            finally:
                await db.dispose()

        try:
            print(asyncio.run(go()))
        except (CommandError, DomainError) as exc:
            message = getattr(exc, "message", None) or str(exc)
            print(f"moin-forum: {message}", file=sys.stderr)
            raise SystemExit(1) from None

    return command


async def _add_organisation(session: AsyncSession, args: argparse.Namespace, _s: Settings) -> str:
    organisation = await organisations.create_organisation(
        session,
        OPERATOR,
        slug=args.slug,
        name=args.name,
        type=OrganisationType(args.kind),
        country=args.country,
        website=args.website,
    )
    return f"Added {organisation.name} ({organisation.slug})."


async def _list_organisations(
    session: AsyncSession, _args: argparse.Namespace, _s: Settings
) -> str:
    lines = [
        f"{o.slug}\t{o.name}\t{o.type}\t{o.country or '-'}"
        for o in await organisations.all_organisations(session)
    ]
    return "\n".join(lines) if lines else "No organisations."


async def _member(session: AsyncSession, email: str) -> Member:
    member = await members.get_by_email(session, email)
    if member is None:
        raise CommandError(
            f"no member has the e-mail address {email!r} (they appear once they have signed in)"
        )
    return member


async def _grant(session: AsyncSession, args: argparse.Namespace, _settings: Settings) -> str:
    member = await _member(session, args.email)
    role = MemberRole(args.role.upper())
    await members.set_role(session, OPERATOR, member_id=member.id, role=role)
    return f"{member.email} is now {role.value.lower()} (from their next request)."


async def _revoke(session: AsyncSession, args: argparse.Namespace, _settings: Settings) -> str:
    member = await _member(session, args.email)
    await members.set_role(session, OPERATOR, member_id=member.id, role=MemberRole.MEMBER)
    return f"{member.email} is now a member without extra rights."


async def _attach(session: AsyncSession, args: argparse.Namespace, _settings: Settings) -> str:
    member = await _member(session, args.email)
    organisation = await organisations.get_by_slug(session, args.organisation)
    if organisation is None:
        raise CommandError(f"there is no organisation with the slug {args.organisation!r}")
    await members.set_organisation(
        session, OPERATOR, member_id=member.id, organisation_id=organisation.id
    )
    return f"{member.email} is now a member of {organisation.name}."


async def _detach(session: AsyncSession, args: argparse.Namespace, _settings: Settings) -> str:
    member = await _member(session, args.email)
    await members.set_organisation(session, OPERATOR, member_id=member.id, organisation_id=None)
    return f"{member.email} is no longer attached to an organisation (they can read, not write)."


async def _ban(session: AsyncSession, args: argparse.Namespace, _settings: Settings) -> str:
    member = await _member(session, args.email)
    await moderation.set_banned(
        session, OPERATOR, member_id=member.id, banned=True, reason=args.reason
    )
    return f"{member.email} is banned: their sessions have ended and they cannot sign in."


async def _unban(session: AsyncSession, args: argparse.Namespace, _settings: Settings) -> str:
    member = await _member(session, args.email)
    await moderation.set_banned(session, OPERATOR, member_id=member.id, banned=False)
    return f"{member.email} is no longer banned: they can sign in again."


async def _list_members(session: AsyncSession, args: argparse.Namespace, _s: Settings) -> str:
    stmt = (
        sa.select(
            Member.email,
            Member.display_name,
            Member.role,
            Member.oidc_provider,
            Member.banned_at,
            Organisation.slug,
        )
        .outerjoin(Organisation, Organisation.id == Member.organisation_id)
        .order_by(Member.email)
    )
    if args.unattached:
        stmt = stmt.where(Member.organisation_id.is_(None))
    rows = (await session.execute(stmt)).all()
    lines = [
        f"{r.email or '(no e-mail)'}\t{r.display_name}\t{r.role.lower()}\t"
        f"{r.slug or '(no organisation)'}\t{r.oidc_provider or '-'}"
        + ("\tbanned" if r.banned_at else "")
        for r in rows
    ]
    return "\n".join(lines) if lines else "No members."


async def _create_partner(session: AsyncSession, args: argparse.Namespace, _s: Settings) -> str:
    partner, key = await partners.create_partner(
        session,
        name=args.name,
        origins=args.origin,
        rate_limit_per_minute=args.rate_limit,
        persisted_only=args.persisted_only,
    )
    origins = ", ".join(partner.origins) or "none (server-to-server use only)"
    documents = " It runs only the forum's persisted documents." if partner.persisted_only else ""
    return (
        f"Partner {partner.name}: its API key is\n\n    {key}\n\n"
        "It is shown this once and not stored: give it to the partner now. They send it as\n"
        "`Authorization: Bearer <key>` (or `key=<key>` on a GET) to /graphql. "
        f"Browser origins: {origins}.{documents}"
    )


async def _list_partners(session: AsyncSession, _args: argparse.Namespace, s: Settings) -> str:
    listed = await partners.list_partners(session)
    lines = [
        f"{p.name}\t{p.key_prefix}…\t"
        f"{'revoked ' + p.revoked_at.date().isoformat() if p.revoked_at else 'active'}\t"
        f"{p.rate_limit_per_minute or s.partner_rate_limit_per_minute}/min\t"
        f"{'persisted only' if p.persisted_only else 'any document'}\t"
        f"{' '.join(p.origins) or '(no origins)'}"
        for p in listed
    ]
    return "\n".join(lines) if lines else "No partners."


async def _revoke_partner(session: AsyncSession, args: argparse.Namespace, _s: Settings) -> str:
    partner = await partners.revoke_partner(session, args.name)
    return f"The key of partner {partner.name} is revoked."
