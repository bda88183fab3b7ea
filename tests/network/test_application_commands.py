"""`moin-forum applications list|approve|reject`: the queue at the command line."""

from __future__ import annotations

import sqlalchemy as sa

from server.models import MembershipApplication, Organisation
from tests.api.test_auth_commands import cli  # noqa: F401  # the fixture
from tests.network.conftest import text_of
from tests.network.test_applications import APPLY, application
from tests.support import gql


async def test_the_operator_lists_approves_and_rejects_applications(
    cli,  # noqa: F811
    client,
    db,
    deliver,
    monkeypatch,
    settings,
):
    monkeypatch.setenv("MOIN_SECRET_KEY", settings.secret())
    monkeypatch.setenv("MOIN_SMTP_URL", settings.smtp_url.get_secret_value())
    monkeypatch.setenv("MOIN_MAIL_FROM", settings.mail_from)
    await gql(client, APPLY, {"input": application()})
    await gql(client, APPLY, {"input": application(organisationName="Spam Ltd", website=None)})
    async with db.read() as session:
        first, second = (
            await session.scalars(sa.select(MembershipApplication.id).order_by("id"))
        ).all()

    listed = await cli("applications", "list", "--status", "pending")
    approved = await cli("applications", "approve", str(first), "--slug", "ani")
    again = await cli("applications", "approve", str(first))
    no_reason = await cli("applications", "reject", str(second), "--reason", " ")
    rejected = await cli("applications", "reject", str(second), "--reason", "Not public.")

    assert listed.returncode == 0
    assert "Agência Nacional de Inovação" in listed.stdout and "Spam Ltd" in listed.stdout
    assert "joana@ani.example" in listed.stdout
    assert approved.returncode == 0, approved.stderr
    assert again.returncode == 1 and "already" in again.stderr
    assert no_reason.returncode == 1 and "required" in no_reason.stderr
    assert rejected.returncode == 0, rejected.stderr
    async with db.read() as session:
        assert (await session.scalars(sa.select(Organisation.slug))).all() == ["ani"]
    received = await deliver()
    assert "/auth/invitation/" in text_of(received[2])
    assert "Not public." in text_of(received[3])
