"""What the feed widget (`<moin-feed>`, web/embed/feed.js) needs of the server: a filter by
an organisation's slug, its script readable from partners' pages, a socket a partner's
page may open with its key (as the partner, never with a member's cookie), and a refusal
of a key that the page may read."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import websockets

from server.config import Settings
from tests.api.test_auth_partners import PARTNER_ORIGIN, issue_key
from tests.api.test_subscriptions import cookie_of, next_message
from tests.conftest import BASE_URL
from tests.factories import make_member, make_organisation, make_thread, sign_in
from tests.support import error_codes, gql

FEED = """
query($filter: ThreadFilter) { threads(filter: $filter) { nodes { title organisation { slug } } } }
"""
THREAD_STARTED = """
subscription($filter: ThreadFilter) { threadStarted(filter: $filter) { title visibility } }
"""
START = """
mutation($input: StartThreadInput!) { startThread(input: $input) { errors { message } } }
"""


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Without the embedded worker, as the other socket tests (tests/api/test_subscriptions.py)."""
    return settings.model_copy(update={"worker": "off"})


async def test_the_feed_filters_by_an_organisations_slug(client, db):
    bank = await make_organisation(db, name="Bank")
    agency = await make_organisation(db, name="Agency")
    await make_thread(db, author=await make_member(db, organisation=bank), title="Of the bank")
    await make_thread(db, author=await make_member(db, organisation=agency), title="Of the agency")

    by_slug = await gql(client, FEED, {"filter": {"organisationSlug": bank.slug}})
    unknown = await gql(client, FEED, {"filter": {"organisationSlug": "no-such-organisation"}})

    assert by_slug["threads"]["nodes"] == [
        {"title": "Of the bank", "organisation": {"slug": bank.slug}}
    ]
    assert unknown["threads"]["nodes"] == []


async def test_a_slug_over_the_limit_is_refused_naming_the_field(client, db):
    body = await gql(client, FEED, {"filter": {"organisationSlug": "x" * 81}}, errors=True)

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "`filter.organisationSlug` takes at most 80 characters" in body["errors"][0]["message"]


async def test_widget_script_and_its_modules_are_readable_from_other_origins(client):
    entry = await client.get("/embed.js", headers={"Origin": PARTNER_ORIGIN})
    widget = await client.get("/web/embed/feed.js", headers={"Origin": PARTNER_ORIGIN})

    assert entry.status_code == widget.status_code == 200
    assert entry.headers["content-type"].startswith("text/javascript")
    assert 'import "/web/embed/feed.js"' in entry.text
    assert entry.headers["access-control-allow-origin"] == "*"
    assert widget.headers["access-control-allow-origin"] == "*"
    assert "customElements.define('moin-feed'" in widget.text


async def test_a_key_refused_for_the_pages_origin_says_why_to_that_page(client, db):
    key = await issue_key(db, origins=("https://elsewhere.example",))

    response = await client.get(
        "/graphql",
        params={"query": "{ __typename }", "key": key},
        headers={"Origin": PARTNER_ORIGIN},
    )

    assert response.status_code == 403
    assert response.headers["access-control-allow-origin"] == PARTNER_ORIGIN
    assert "not registered for the origin of this page" in response.json()["errors"][0]["message"]


async def partner_socket(server: str, key: str, origin: str, cookie: str | None = None):
    return websockets.connect(
        f"ws://{server}/graphql?key={key}",
        subprotocols=["graphql-transport-ws"],
        additional_headers={"Cookie": cookie} if cookie else {},
        origin=origin,
    )


def start_input(title: str, visibility: str = "PUBLIC") -> dict:
    return {
        "input": {
            "kind": "DISCUSSION",
            "title": title,
            "body": "b",
            "pillars": ["ASSESSMENT"],
            "visibility": visibility,
        }
    }


async def subscribed(socket, variables: dict) -> None:
    await socket.send(json.dumps({"type": "connection_init"}))
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    payload = {"query": THREAD_STARTED, "variables": variables}
    await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
    await asyncio.sleep(0.2)  # let the server register the subscription


async def test_a_partners_page_subscribes_with_its_key_as_the_partner_never_the_member(
    client, db, settings, live_server
):
    organisation = await make_organisation(db)
    author = await make_member(db, organisation=organisation)
    await sign_in(client, db, settings, author)  # the socket carries the member's cookie too
    key = await issue_key(db)
    flt = {"filter": {"organisationSlug": organisation.slug}}

    async with await partner_socket(live_server, key, PARTNER_ORIGIN, cookie_of(client)) as socket:
        await subscribed(socket, flt)
        await gql(client, START, start_input("For members", "MEMBERS"))
        await gql(client, START, start_input("For everyone"))
        message = await next_message(socket)

    assert message["payload"]["data"]["threadStarted"] == {
        "title": "For everyone",
        "visibility": "PUBLIC",
    }


@pytest.mark.parametrize("key_origin", ["https://elsewhere.example", None])
async def test_a_socket_from_an_origin_the_key_does_not_allow_is_refused(
    db, live_server, key_origin
):
    key = await issue_key(db, origins=(key_origin,)) if key_origin else "moin_pk_not-a-key"

    with pytest.raises(websockets.exceptions.InvalidStatus):
        async with await partner_socket(live_server, key, PARTNER_ORIGIN):
            pass


async def test_new_threads_by_slug_come_from_that_organisation_only(
    app, client, db, settings, live_server
):
    organisation = await make_organisation(db)
    await sign_in(client, db, settings, await make_member(db, organisation=organisation))
    key = await issue_key(db)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as elsewhere:
        await sign_in(elsewhere, db, settings, await make_member(db))

        async with await partner_socket(live_server, key, PARTNER_ORIGIN) as socket:
            await subscribed(socket, {"filter": {"organisationSlug": organisation.slug}})
            await gql(elsewhere, START, start_input("Of another organisation"))
            await gql(client, START, start_input("Of the organisation"))
            message = await next_message(socket)

    assert message["payload"]["data"]["threadStarted"]["title"] == "Of the organisation"
