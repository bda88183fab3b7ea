"""oEmbed (`/oembed?url=…`): what a site that embeds a forum link shows in its place.

For a thread's address, a card (a quote of its title and first words, linking to it);
for the forum's feed (`/`, with the feed's filters in its query string) or an
organisation's page, the feed widget's snippet with those filters. JSON only, type
`rich`, as the oEmbed 1.0 specification describes; pages name this endpoint in their
discovery links (server.pages).
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from server import ids
from server.db import Database
from server.domain import OrganisationType, RoarPillar, ThreadKind
from server.pages import SITE_NAME, public_thread
from server.services import organisations
from server.text import text_problem
from server.weburl import split_url

DEFAULT_WIDTH = 600
DEFAULT_HEIGHT = 480
CACHE_AGE = 3600


class OEmbed:
    """The `/oembed` route of one forum."""

    def __init__(self, db: Database, *, public_url: str) -> None:
        self.db = db
        self.base = public_url.rstrip("/")

    async def answer(self, request: Request) -> Response:
        """GET /oembed?url=…[&maxwidth=…&maxheight=…&format=json]."""
        url = request.query_params.get("url")
        if not url:
            return PlainTextResponse("`url` is required: the address of a forum page.", 400)
        if request.query_params.get("format", "json") != "json":
            return PlainTextResponse("Only `format=json` is offered.", 501)
        width = _bound(request.query_params.get("maxwidth"), DEFAULT_WIDTH)
        height = _bound(request.query_params.get("maxheight"), DEFAULT_HEIGHT)
        if width is None or height is None:
            return PlainTextResponse("`maxwidth` and `maxheight` are whole numbers above 0.", 400)
        parts = split_url(url)
        own = urlsplit(self.base)
        if parts is None or (parts.scheme, parts.netloc.lower()) != (
            own.scheme,
            own.netloc.lower(),
        ):
            return PlainTextResponse("Not a page of this forum.", 404)
        # The page's own parameters, decoded once more (`%2500` is a NUL now).
        page_query = parse_qs(parts.query)
        for name, values in page_query.items():
            problem = next(filter(None, (text_problem(v) for v in [name, *values])), None)
            if problem is not None:
                return PlainTextResponse(f"A parameter of the page's address {problem}.", 400)
        path = parts.path.rstrip("/") or "/"
        found: tuple[str, str] | None
        if path.startswith("/t/"):
            found = await self._thread(path[len("/t/") :])
        elif path.startswith("/o/"):
            found = await self._feed({"organisation": [path[len("/o/") :]]})
        elif path == "/":
            found = await self._feed(page_query)
        else:
            found = None
        if found is None:
            return PlainTextResponse("There is nothing to embed at this address.", 404)
        title, snippet = found
        return JSONResponse(
            {
                "version": "1.0",
                "type": "rich",
                "provider_name": SITE_NAME,
                "provider_url": self.base + "/",
                "title": title,
                "html": snippet,
                "width": width,
                "height": height,
                "cache_age": CACHE_AGE,
            },
            headers={"Cache-Control": f"public, max-age={CACHE_AGE}"},
        )

    async def _thread(self, global_id: str) -> tuple[str, str] | None:
        found = await public_thread(self.db, global_id)
        if found is None:
            return None
        thread, words = found
        url = f"{self.base}/t/{ids.to_global_id('Thread', thread.id)}"
        snippet = (
            f'<blockquote class="moin-thread"><p><a href="{_e(url)}">{_e(thread.title)}</a></p>'
            + (f"<p>{_e(words)}</p>" if words else "")
            + f"<p>— {_e(SITE_NAME)}</p></blockquote>"
        )
        return thread.title, snippet

    async def _feed(self, query: dict[str, list[str]]) -> tuple[str, str] | None:
        attributes: list[tuple[str, str]] = []
        for name, attribute, enum in (
            ("pillar", "pillars", RoarPillar),
            ("orgType", "organisation-types", OrganisationType),
            ("kind", "kinds", ThreadKind),
        ):
            values = [v for v in query.get(name, []) if v in enum.__members__]
            if values:
                attributes.append((attribute, " ".join(values)))
        topics = [t.strip().lower().lstrip("#") for t in query.get("topic", []) if t.strip()]
        if topics:
            attributes.append(("topics", " ".join(topics)))
        slugs = list(query.get("organisation", []))
        for global_id in query.get("org", []):
            organisation_id = ids.row_id(global_id, "Organisation")
            if organisation_id is not None:
                async with self.db.read() as session:
                    found = await organisations.get_by_id(session, organisation_id)
                if found is not None:
                    slugs.append(found.slug)
        title = f"{SITE_NAME}: threads"
        if slugs:
            async with self.db.read() as session:
                found = await organisations.get_by_slug(session, slugs[0])
            if found is None:
                return None
            attributes.append(("organisation", found.slug))
            title = f"{SITE_NAME}: threads of {found.name}"
        attributes.append(("limit", "5"))
        element = " ".join(f'{name}="{_e(value)}"' for name, value in attributes)
        snippet = (
            f'<script type="module" src="{_e(self.base)}/embed.js"></script>'
            f"<moin-feed {element}></moin-feed>"
        )
        return title, snippet


def _bound(raw: str | None, default: int) -> int | None:
    if raw is None:
        return default
    # ASCII digits only, and few: int() refuses "²" and numbers of 4,300 digits or more.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9 or int(raw) < 1:
        return None
    return min(int(raw), default)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
