"""The operator's commands: `moin-forum members ...` and `moin-forum partners ...`.

They run in-process (in a thread, since each makes its own event loop); one test runs
the real console command to prove the wiring.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from server.cli import main
from server.models import Member, Partner
from server.services import partners
from tests.factories import make_member, make_organisation, sign_in
from tests.support import gql


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(database_url, monkeypatch, capsys):
    monkeypatch.setenv("MOIN_DATABASE_URL", database_url)

    async def run(*args: str) -> Ran:
        capsys.readouterr()
        try:
            await asyncio.to_thread(main, list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


async def member_row(db, member_id: int) -> Member:
    async with db.read() as session:
        member = await session.get(Member, member_id)
        assert member is not None
        return member


async def test_members_commands_grant_revoke_attach_and_detach(db, cli):
    member = await make_member(db, with_organisation=False)
    organisation = await make_organisation(db, name="City of X")

    granted = await cli("members", "grant", member.email.upper(), "moderator")
    assert granted.returncode == 0, granted.stderr
    assert (await member_row(db, member.id)).role == "MODERATOR"

    attached = await cli("members", "attach", member.email, organisation.slug)
    assert attached.returncode == 0, attached.stderr
    assert "City of X" in attached.stdout
    assert (await member_row(db, member.id)).organisation_id == organisation.id

    listed = await cli("members", "list")
    assert re.search(
        rf"{re.escape(member.email)}\t.*\tmoderator\t{organisation.slug}", listed.stdout
    )

    assert (await cli("members", "revoke", member.email)).returncode == 0
    assert (await cli("members", "detach", member.email)).returncode == 0
    after = await member_row(db, member.id)
    assert (after.role, after.organisation_id) == ("MEMBER", None)
    assert member.email in (await cli("members", "list", "--unattached")).stdout


async def test_members_ban_and_unban_end_sessions_and_let_the_member_back(
    client, db, settings, cli
):
    member = await make_member(db)
    await sign_in(client, db, settings, member)

    banned = await cli("members", "ban", member.email, "--reason", "Spam campaign")

    assert banned.returncode == 0, banned.stderr
    row = await member_row(db, member.id)
    assert (row.banned_at is not None, row.banned_reason) == (True, "Spam campaign")
    assert (await gql(client, "{ viewer { id } }"))["viewer"] is None
    assert re.search(
        rf"{re.escape(member.email)}\t.*\tbanned$", (await cli("members", "list")).stdout, re.M
    )
    too_long = await cli("members", "ban", member.email, "--reason", "x" * 501)
    assert too_long.returncode == 1 and "the limit is 500" in too_long.stderr

    unbanned = await cli("members", "unban", member.email)

    assert unbanned.returncode == 0, unbanned.stderr
    assert (await member_row(db, member.id)).banned_at is None
    # The old session ended with the ban; signing in again works.
    assert (await gql(client, "{ viewer { id } }"))["viewer"] is None
    await sign_in(client, db, settings, member)
    assert (await gql(client, "{ viewer { id } }"))["viewer"] is not None


async def test_members_commands_explain_what_they_cannot_do(db, cli):
    member = await make_member(db)

    unknown = await cli("members", "grant", "nobody@example.org", "admin")
    no_org = await cli("members", "attach", member.email, "no-such-org")
    bad_role = await cli("members", "grant", member.email, "emperor")

    assert unknown.returncode == 1 and "no member has the e-mail address" in unknown.stderr
    assert no_org.returncode == 1 and "no organisation with the slug" in no_org.stderr
    assert bad_role.returncode == 2 and "invalid choice" in bad_role.stderr


async def test_partners_commands_print_a_key_once_and_store_its_hash(db, cli):
    created = await cli(
        "partners",
        "create",
        "city-portal",
        "--origin",
        "https://portal.city.example",
        "--rate-limit",
        "120",
    )
    assert created.returncode == 0, created.stderr
    [key] = re.findall(r"moin_pk_[A-Za-z0-9_-]+", created.stdout)
    async with db.read() as session:
        partner = (await session.execute(sa.select(Partner))).scalar_one()
    assert partner.key_hash == partners.hash_key(key)
    assert (partner.origins, partner.rate_limit_per_minute) == (
        ["https://portal.city.example"],
        120,
    )

    listed = await cli("partners", "list")
    assert "city-portal" in listed.stdout and "active" in listed.stdout
    assert key not in listed.stdout

    assert (await cli("partners", "revoke", "city-portal")).returncode == 0
    assert "revoked" in (await cli("partners", "list")).stdout
    bad = await cli("partners", "create", "other", "--origin", "https://x.example/path")
    assert bad.returncode == 1 and "is not an origin" in bad.stderr


async def test_the_console_command_is_wired(db, database_url):
    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "server", "partners", "list"],
        env={**os.environ, "MOIN_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert (result.returncode, result.stdout.strip()) == (0, "No partners."), result.stderr


async def test_organisations_are_added_for_providers_to_name(db, cli):
    added = await cli(
        "organisations",
        "add",
        "acme-agency",
        "--name",
        "Acme Agency",
        "--type",
        "STRATEGIC_DESIGN_AGENCY",
        "--country",
        "de",
    )
    again = await cli(
        "organisations", "add", "acme-agency", "--name", "Acme", "--type", "PUBLIC_BANK"
    )
    bad_slug = await cli(
        "organisations", "add", "Acme Agency", "--name", "x", "--type", "PUBLIC_BANK"
    )
    listed = await cli("organisations", "list")

    assert added.returncode == 0, added.stderr
    assert again.returncode == 1 and "already an organisation" in again.stderr
    assert bad_slug.returncode == 1 and "slug" in bad_slug.stderr
    assert listed.stdout.strip() == "acme-agency\tAcme Agency\tSTRATEGIC_DESIGN_AGENCY\tDE"
