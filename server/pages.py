"""The web client's pages as the server answers them: link previews and honest status codes.

Every page is the same client shell (web/index.html). For a thread's or an organisation's
address the server fills the head first, so that a link pasted into a chat or a
newsletter previews properly: the title, a description (the first words of the opening
post, as text), OpenGraph and Twitter card tags, a canonical link, the Atom feed and the
oEmbed discovery links. A thread that does not exist or that a visitor may not read, an
organisation that does not exist, and any address that is no page of the client answer
404 with the same shell, which shows the client's not-found page.

An event's address (`/events/<id>`) previews with its title and the first words of its
description, and the feed (`/`) names the oEmbed answer for itself with its filters (the
widget's snippet).

The client's pages are read from the client itself: every `pattern: /…/` of its route
tables (web/app.js), so that a page added there is served here without a second list.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import nh3
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from server import ids
from server.db import Database
from server.models import Thread
from server.services import events, lookups, organisations
from server.services.threads import reading
from server.services.viewer import VISITOR

# Paths that belong to the server, never to the client's pages.
SERVER_PREFIXES = ("/graphql", "/auth/", "/web/", "/healthz", "/readyz", "/feeds/", "/oembed")
SITE_NAME = "MOIN Forum"
DESCRIPTION_WORDS = 40
DESCRIPTION_CHARS = 300
# A route's `pattern: /^…$/,` in the client's modules (a JavaScript regular expression,
# which Python reads alike once its `\/` are plain slashes).
_ROUTE_PATTERN = re.compile(r"pattern:\s*/(\^[^\n]*?\$)/\s*,")
_THREAD = re.compile(r"^/t/([^/]+)/?$")
_ORGANISATION = re.compile(r"^/o/([^/]+)/?$")
# An event's page (its calendar file, `/events/<id>.ics`, is the server's).
_EVENT = re.compile(r"^/events/([^/.]+)/?$")
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="[^"]*">')


def client_route_patterns(web_dir: Path) -> list[re.Pattern[str]]:
    """The path patterns of the client's routes (`pattern: /^…$/` in its modules)."""
    found: list[re.Pattern[str]] = []
    for script in sorted([web_dir / "app.js", *(web_dir / "lib").glob("*.js")]):
        if script.is_file():
            for source in _ROUTE_PATTERN.findall(script.read_text("utf-8")):
                found.append(re.compile(source.replace("\\/", "/")))
    return found


def first_words(body_html: str) -> str:
    """The first words of a post as plain text, for a description."""
    text = html.unescape(nh3.clean(body_html, tags=set()))
    words = text.split()
    short = " ".join(words[:DESCRIPTION_WORDS])
    if len(short) > DESCRIPTION_CHARS:
        short = short[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0]
    return short + ("…" if len(words) > DESCRIPTION_WORDS or short != " ".join(words) else "")


async def public_thread(db: Database, global_id: str) -> tuple[Thread, str] | None:
    """The thread a visitor may read at `/t/<global_id>`, and its first words; or None."""
    thread_id = ids.row_id(global_id, "Thread")
    if thread_id is None:
        return None
    async with db.read() as session:
        thread = await reading.get_thread(session, VISITOR, thread_id)
        if thread is None:
            return None
        opening = (await lookups.opening_posts(session, [thread.id])).get(thread.id)
    shown = opening is not None and opening.hidden_at is None
    return thread, first_words(opening.body_html) if opening is not None and shown else ""


@dataclass(frozen=True)
class Preview:
    """What a page's head says about it."""

    title: str
    description: str
    url: str
    kind: str = "website"
    feed: str | None = None
    oembed: bool = False
    # The address the oEmbed discovery link names when it is not `url` (the feed's, with
    # the filters of the page's query string).
    embed_url: str | None = None


class Pages:
    """The catch-all GET route of the client's pages."""

    def __init__(self, db: Database, *, public_url: str, web_dir: Path) -> None:
        self.db = db
        self.base = public_url.rstrip("/")
        index = web_dir / "index.html"
        self.shell = index.read_text("utf-8") if index.is_file() else None
        self.routes = client_route_patterns(web_dir)

    async def page(self, request: Request) -> Response:
        """Any GET no other route answers: a page of the client, or 404."""
        path = request.url.path
        if path.startswith(SERVER_PREFIXES) or self.shell is None:
            return PlainTextResponse("Not found", status_code=404)
        preview: Preview | None
        thread = _THREAD.match(path)
        organisation = _ORGANISATION.match(path)
        event = _EVENT.match(path)
        if thread is not None:
            preview = await self._thread(thread.group(1))
        elif organisation is not None:
            preview = await self._organisation(organisation.group(1))
        elif event is not None:
            preview = await self._event(event.group(1))
        elif path == "/":
            preview = self._home(request.url.query)
        elif any(route.match(path) for route in self.routes):
            preview = self._home()
        else:
            preview = None
        if preview is None:
            return self._page(
                Preview("Page not found", "There is no such page.", self.base + "/"),
                status=404,
            )
        return self._page(preview)

    def _home(self, feed_query: str | None = None) -> Preview:
        """The site's preview; on the feed (`/`), with oEmbed discovery of the feed as
        filtered by `feed_query` (the widget's snippet with those filters)."""
        embed_url = None
        if feed_query is not None:
            embed_url = self.base + "/" + (f"?{feed_query}" if feed_query else "")
        return Preview(
            title=SITE_NAME,
            description=(
                "The peer-learning forum of the Mission-Oriented Innovation Network: "
                "public-sector organisations learning from each other how to run "
                "mission-oriented innovation policy."
            ),
            url=self.base + "/",
            feed=self.base + "/feeds/threads.atom",
            oembed=embed_url is not None,
            embed_url=embed_url,
        )

    async def _event(self, global_id: str) -> Preview | None:
        event_id = ids.row_id(global_id, "Event")
        if event_id is None:
            return None
        async with self.db.read() as session:
            found = await events.get_event(session, VISITOR, event_id)
        if found is None:
            return None
        return Preview(
            title=found.title,
            description=first_words(found.description_html) or f"An event of the {SITE_NAME}.",
            url=f"{self.base}/events/{ids.to_global_id('Event', found.id)}",
        )

    async def _thread(self, global_id: str) -> Preview | None:
        found = await public_thread(self.db, global_id)
        if found is None:
            return None
        thread, description = found
        canonical_id = ids.to_global_id("Thread", thread.id)
        return Preview(
            title=thread.title,
            description=description or f"A thread of the {SITE_NAME}.",
            url=f"{self.base}/t/{canonical_id}",
            kind="article",
            feed=f"{self.base}/feeds/threads/{canonical_id}.atom",
            oembed=True,
        )

    async def _organisation(self, slug: str) -> Preview | None:
        async with self.db.read() as session:
            found = await organisations.get_by_slug(session, slug)
        if found is None:
            return None
        about = (found.description or "").strip()
        return Preview(
            title=found.name,
            description=about[:DESCRIPTION_CHARS] or f"A member organisation of the {SITE_NAME}.",
            url=f"{self.base}/o/{quote(found.slug)}",
            feed=f"{self.base}/feeds/threads.atom?{urlencode({'organisation': found.slug})}",
            oembed=True,
        )

    def _page(self, preview: Preview, *, status: int = 200) -> Response:
        assert self.shell is not None
        page = _TITLE.sub(
            lambda _m: f"<title>{_esc(_title(preview.title))}</title>", self.shell, count=1
        )
        page = _DESCRIPTION.sub(
            lambda _m: f'<meta name="description" content="{_esc(preview.description)}">',
            page,
            count=1,
        )
        page = page.replace("</head>", _head_tags(preview, self.base, status) + "</head>", 1)
        return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-cache"})


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _title(title: str) -> str:
    return title if title == SITE_NAME else f"{title} · {SITE_NAME}"


def _head_tags(preview: Preview, base: str, status: int) -> str:
    lines = []
    if status == 404:
        lines.append('<meta name="robots" content="noindex">')
    else:
        lines.append(f'<link rel="canonical" href="{_esc(preview.url)}">')
        for prop, value in (
            ("og:type", preview.kind),
            ("og:site_name", SITE_NAME),
            ("og:title", preview.title),
            ("og:description", preview.description),
            ("og:url", preview.url),
        ):
            lines.append(f'<meta property="{prop}" content="{_esc(value)}">')
        for name, value in (
            ("twitter:card", "summary"),
            ("twitter:title", preview.title),
            ("twitter:description", preview.description),
        ):
            lines.append(f'<meta name="{name}" content="{_esc(value)}">')
    if preview.feed is not None and status != 404:
        lines.append(
            f'<link rel="alternate" type="application/atom+xml" title="{_esc(preview.title)}" '
            f'href="{_esc(preview.feed)}">'
        )
    if preview.oembed and status != 404:
        embedded = preview.embed_url or preview.url
        oembed = f"{base}/oembed?{urlencode({'url': embedded, 'format': 'json'})}"
        lines.append(
            f'<link rel="alternate" type="application/json+oembed" '
            f'title="{_esc(preview.title)}" href="{_esc(oembed)}">'
        )
    return "".join(f"  {line}\n" for line in lines)
