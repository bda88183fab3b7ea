"""Link previews in the pages' head, honest 404s, and oEmbed, over HTTP on both databases."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from server.domain import Visibility
from tests.conftest import BASE_URL
from tests.factories import gid, make_member, make_organisation, make_thread


def meta(page: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', page)
    return html.unescape(found.group(1)) if found else None


def link(page: str, rel: str, kind: str | None = None) -> str | None:
    kind_part = f' type="{re.escape(kind)}"' if kind else ""
    found = re.search(rf'<link rel="{rel}"{kind_part}[^>]* href="([^"]*)">', page)
    return html.unescape(found.group(1)) if found else None


async def test_a_thread_page_carries_its_title_description_and_cards(client, db):
    author = await make_member(db)
    thread = await make_thread(
        db,
        author=author,
        title='Green loans & "conditionality"',
        body="We attach **conditions** to green loans. " + "More words here. " * 40,
    )
    url = f"{BASE_URL}/t/{gid('Thread', thread.id)}"

    response = await client.get(f"/t/{gid('Thread', thread.id)}")
    page = response.text

    assert response.status_code == 200
    assert "<title>Green loans &amp; &quot;conditionality&quot; · MOIN Forum</title>" in page
    description = meta(page, "description")
    assert description.startswith("We attach conditions to green loans.")
    assert description.endswith("…") and len(description) <= 301
    assert meta(page, "og:title") == 'Green loans & "conditionality"'
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:url") == url
    assert meta(page, "og:description") == description
    assert meta(page, "twitter:card") == "summary"
    assert meta(page, "twitter:title") == 'Green loans & "conditionality"'
    assert link(page, "canonical") == url
    assert link(page, "alternate", "application/atom+xml") == (
        f"{BASE_URL}/feeds/threads/{gid('Thread', thread.id)}.atom"
    )
    oembed = link(page, "alternate", "application/json+oembed")
    assert oembed == f"{BASE_URL}/oembed?url={quote(url, safe='')}&format=json"
    assert '<script type="module" src="/web/app.js"></script>' in page  # the same client


async def test_an_organisation_page_previews_its_name(client, db):
    organisation = await make_organisation(db, name="Green Bank")

    page = (await client.get(f"/o/{organisation.slug}")).text

    assert meta(page, "og:title") == "Green Bank"
    assert link(page, "canonical") == f"{BASE_URL}/o/{organisation.slug}"
    assert link(page, "alternate", "application/atom+xml") == (
        f"{BASE_URL}/feeds/threads.atom?organisation={organisation.slug}"
    )


async def test_missing_unreadable_and_unknown_pages_are_404_with_the_client(client, db):
    secret = await make_thread(db, author=await make_member(db), visibility=Visibility.MEMBERS)

    for path in (
        f"/t/{gid('Thread', secret.id)}",
        f"/t/{gid('Thread', 999)}",
        "/t/nonsense",
        "/o/no-such-organisation",
        "/no/such/page",
        "/favicon.ico",
    ):
        response = await client.get(path)
        assert response.status_code == 404, path
        assert '<script type="module" src="/web/app.js"></script>' in response.text
        assert '<meta name="robots" content="noindex">' in response.text
        assert "og:title" not in response.text


async def test_the_clients_own_pages_are_200(client, db):
    for path in ("/", "/organisations", "/new", "/signin", "/events", "/?pillar=ASSESSMENT"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert link(response.text, "canonical") is not None


async def test_oembed_gives_a_card_for_a_thread(client, db):
    thread = await make_thread(db, author=await make_member(db), title="Harbours <b>")
    url = f"{BASE_URL}/t/{gid('Thread', thread.id)}"

    answer = await client.get("/oembed", params={"url": url, "maxwidth": "400"})
    body = answer.json()

    assert answer.status_code == 200
    assert body["version"] == "1.0"
    assert body["type"] == "rich"
    assert body["provider_name"] == "MOIN Forum"
    assert body["title"] == "Harbours <b>"
    assert body["width"] == 400 and body["height"] > 0
    assert f'href="{url}"' in body["html"]
    assert "Harbours &lt;b&gt;" in body["html"]


async def test_oembed_gives_the_widget_snippet_for_a_filtered_feed(client, db):
    organisation = await make_organisation(db, name="Green Bank")
    feed = f"{BASE_URL}/?pillar=RISKS_AND_REWARDS&orgType=PUBLIC_BANK&kind=CHALLENGE&topic=procurement&org={gid('Organisation', organisation.id)}"

    snippet = (await client.get("/oembed", params={"url": feed})).json()["html"]

    assert f'<script type="module" src="{BASE_URL}/embed.js"></script>' in snippet
    assert (
        '<moin-feed pillars="RISKS_AND_REWARDS" organisation-types="PUBLIC_BANK" kinds="CHALLENGE" topics="procurement" organisation="'
        + organisation.slug
        + '" limit="5"></moin-feed>'
        in snippet
    )


async def test_oembed_refuses_what_it_cannot_embed(client, db):
    secret = await make_thread(db, author=await make_member(db), visibility=Visibility.MEMBERS)

    cases = {
        f"{BASE_URL}/t/{gid('Thread', secret.id)}": 404,
        "https://elsewhere.example/t/x": 404,
        f"{BASE_URL}/signin": 404,
    }
    for url, status in cases.items():
        assert (await client.get("/oembed", params={"url": url})).status_code == status, url
    assert (await client.get("/oembed")).status_code == 400
    xml = await client.get("/oembed", params={"url": BASE_URL + "/", "format": "xml"})
    assert xml.status_code == 501
    bad = await client.get("/oembed", params={"url": BASE_URL + "/", "maxwidth": "-3"})
    assert bad.status_code == 400


async def add_event(db, *, title: str, visibility: str = "PUBLIC", description_html: str = ""):
    from datetime import timedelta

    from server.models import Event
    from server.models.base import utcnow

    start = utcnow().replace(microsecond=0) + timedelta(days=3)
    async with db.write() as session:
        event = Event(
            title=title,
            description="",
            description_html=description_html,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            time_zone="UTC",
            format="ONLINE",
            join_url=None,
            pillars_mask=1,
            visibility=visibility,
            sequence=0,
            attendee_count=0,
        )
        session.add(event)
        await session.flush()
    return event


async def test_an_events_address_previews_it_and_a_members_event_is_not_found(client, db):
    event = await add_event(
        db,
        title="Masterclass: green procurement",
        description_html="<p>Two hours <em>on</em> it.</p>",
    )
    hidden = await add_event(db, title="Members' exchange", visibility="MEMBERS")
    url = f"{BASE_URL}/events/{gid('Event', event.id)}"

    response = await client.get(f"/events/{gid('Event', event.id)}")
    members_only = await client.get(f"/events/{gid('Event', hidden.id)}")
    unknown = await client.get(f"/events/{gid('Event', 10**6)}")
    calendar = await client.get(f"/events/{gid('Event', event.id)}.ics")

    assert response.status_code == 200
    assert meta(response.text, "og:title") == "Masterclass: green procurement"
    assert meta(response.text, "description") == "Two hours on it."
    assert link(response.text, "canonical") == url
    assert members_only.status_code == unknown.status_code == 404
    assert "Members' exchange" not in members_only.text
    assert calendar.headers["content-type"].startswith("text/calendar")


async def test_the_feed_names_its_oembed_answer_with_its_filters(client, db):
    page = (await client.get("/?pillar=ASSESSMENT&kind=CHALLENGE")).text
    oembed = link(page, "alternate", "application/json+oembed")

    assert oembed == (
        f"{BASE_URL}/oembed?url={quote(BASE_URL + '/?pillar=ASSESSMENT&kind=CHALLENGE', safe='')}"
        "&format=json"
    )
    snippet = (await client.get(oembed.removeprefix(BASE_URL))).json()["html"]
    assert 'pillars="ASSESSMENT"' in snippet and 'kinds="CHALLENGE"' in snippet
