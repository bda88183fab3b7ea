"""`moin-forum webhooks add|list|deliveries|remove`, run in-process as the operator."""

from __future__ import annotations

import re

import pytest

# The operator's commands run in-process, as in the partners' and members' tests.
from tests.api.test_auth_commands import cli as cli
from tests.api.test_auth_partners import issue_key


async def test_an_endpoint_is_added_listed_and_removed(db, cli):
    await issue_key(db, name="city-portal")

    added = await cli(
        "webhooks", "add", "city-portal", "https://hooks.partner.example/moin",
        "--events", "thread.started,reply.added",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert re.search(r"whsec_[A-Za-z0-9+/=]{40,}", added.stdout)
    endpoint_id = re.search(r"Webhook endpoint (\d+)", added.stdout).group(1)

    listed = await cli("webhooks", "list")
    assert (
        "city-portal\thttps://hooks.partner.example/moin\treply.added,thread.started\tactive"
        in (listed.stdout)
    )
    assert "whsec_" not in listed.stdout
    assert (await cli("webhooks", "deliveries", endpoint_id)).stdout.strip() == "No deliveries yet."

    removed = await cli("webhooks", "remove", endpoint_id)
    assert removed.returncode == 0
    assert (await cli("webhooks", "list")).stdout.strip() == "No webhook endpoints."


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("nobody", "https://x.example/h", "--events", "thread.started"), "no partner called"),
        (
            ("city-portal", "https://x.example/h", "--events", "thread.deleted"),
            "not thread.deleted",
        ),
        (("city-portal", "http://x.example/h", "--events", "thread.started"), "https:// URL"),
        (
            ("city-portal", "https://192.168.1.9/h", "--events", "thread.started"),
            "public addresses",
        ),
    ],
)
async def test_a_wrong_add_says_what_is_wrong_and_adds_nothing(db, cli, args, words):
    await issue_key(db, name="city-portal")

    ran = await cli("webhooks", "add", *args)

    assert ran.returncode == 1
    assert words in ran.stderr
    assert (await cli("webhooks", "list")).stdout.strip() == "No webhook endpoints."
