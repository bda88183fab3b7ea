"""The demo network is loaded through the services and is as rich as the issue asks."""

from __future__ import annotations

import pytest

from server.demo.loader import AlreadyLoaded, load_demo
from tests.support import gql


async def test_demo_content_covers_the_network(client, db):
    counts = await load_demo(db)
    assert counts["organisations"] >= 24 and counts["members"] >= 60 and counts["threads"] >= 60

    orgs = await gql(
        client,
        "{ organisations(first: 100) { nodes { type country members(first: 20) { nodes { role } } } } }",
    )
    nodes = orgs["organisations"]["nodes"]
    roles = [m["role"] for o in nodes for m in o["members"]["nodes"]]
    assert {o["type"] for o in nodes} == {
        "GOVERNMENT_DEPARTMENT",
        "PUBLIC_BANK",
        "INTERNATIONAL_AGENCY",
        "STRATEGIC_DESIGN_AGENCY",
        "RESEARCH_INNOVATION_AGENCY",
        "DIGITAL_AGENCY",
        "LOCAL_REGIONAL_GOVERNMENT",
        "SPACE_AGENCY",
        "RESEARCH_INSTITUTE",
    }
    assert len({o["country"] for o in nodes if o["country"]}) >= 10
    assert {"RESEARCHER", "MODERATOR", "ADMIN"} <= set(roles)

    feed = await gql(
        client,
        "{ threads(first: 100) { totalCount nodes { kind status pillars visibility expertReplyCount acceptedReply { id } } } }",
    )
    threads = feed["threads"]["nodes"]
    assert {t["kind"] for t in threads} == {"CHALLENGE", "DISCUSSION", "CASE_EXAMPLE"}
    assert {p for t in threads for p in t["pillars"]} == {
        "ROUTES_AND_DIRECTIONS",
        "ORGANISATIONAL_CAPACITY",
        "ASSESSMENT",
        "RISKS_AND_REWARDS",
    }
    assert {t["status"] for t in threads} == {"OPEN", "ANSWERED", "CLOSED"}
    assert any(t["expertReplyCount"] for t in threads)
    assert all(t["visibility"] == "PUBLIC" for t in threads), "visitors see no MEMBERS thread"

    with pytest.raises(AlreadyLoaded):
        await load_demo(db)
