"""Signed single-purpose tokens: purpose, expiry, forgery, and single use in the caller's write."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from server import tokens
from server.models import UsedToken
from server.tokens import Signer, TokenError
from tests.conftest import TEST_SECRET

SIGNER = Signer(TEST_SECRET)


def test_a_token_carries_its_data_for_its_purpose_only():
    token = SIGNER.sign("unsubscribe", {"member": 7}, valid_for=timedelta(days=30))

    assert SIGNER.read("unsubscribe", token).data == {"member": 7}
    with pytest.raises(TokenError) as refused:
        SIGNER.read("invitation", token)
    assert refused.value.reason == "invalid"


def test_a_forged_or_foreign_token_is_invalid_and_an_old_one_expired():
    token = SIGNER.sign("unsubscribe", {"member": 7}, valid_for=timedelta(days=30))
    expired = SIGNER.sign("unsubscribe", {"member": 7}, valid_for=timedelta(seconds=-1))
    foreign = Signer("another-forum-secret-key-0123456789abcdef").sign(
        "unsubscribe", {"member": 7}, valid_for=timedelta(days=30)
    )

    for bad, reason in [
        (token[:-2] + ("AA" if token[-2:] != "AA" else "BB"), "invalid"),
        (foreign, "invalid"),
        ("not a token", "invalid"),
        (expired, "expired"),
    ]:
        with pytest.raises(TokenError) as refused:
            SIGNER.read("unsubscribe", bad)
        assert refused.value.reason == reason


async def test_a_single_use_token_is_spent_by_the_write_that_uses_it(db):
    token = SIGNER.read(
        "invitation", SIGNER.sign("invitation", {"org": 3}, valid_for=timedelta(days=14))
    )

    with pytest.raises(RuntimeError):
        async with db.write() as session:
            await tokens.spend(session, token)
            raise RuntimeError("the sign-in it belongs to fails")
    async with db.write() as session:  # the rolled-back use did not count
        await tokens.spend(session, token)

    with pytest.raises(TokenError) as refused:
        async with db.write() as session:
            await tokens.spend(session, token)
    assert refused.value.reason == "used"


async def test_spent_tokens_are_forgotten_once_expired(db):
    live = SIGNER.read("invitation", SIGNER.sign("invitation", {}, valid_for=timedelta(days=1)))
    old = SIGNER.read("invitation", SIGNER.sign("invitation", {}, valid_for=timedelta(days=1)))
    old = tokens.Token(old.purpose, old.data, old.token_id, old.expires_at - timedelta(days=2))
    async with db.write() as session:
        await tokens.spend(session, live)
        await tokens.spend(session, old)

    async with db.write() as session:
        assert await tokens.prune(session) == 1
    async with db.read() as session:
        assert await session.scalar(sa.select(UsedToken.token_id)) == live.token_id
