"""The feed widget for partner sites: `/embed.js`, and the client's modules open to them.

A partner's page loads the widget with

    <script type="module" src="https://forum.example/embed.js"></script>
    <moin-feed pillars="RISKS_AND_REWARDS" limit="5" key="moin_pk_…"></moin-feed>

`/embed.js` is one line that imports the widget's module, `web/embed/feed.js`, by its
address under `/web/`: the widget's own imports (the socket client, the labels, its
GraphQL documents) are then relative to where it lies among the client's modules, which
`tsc` checks like the rest of the client, and nothing is copied.

A module script from another origin is fetched with CORS, and so is every module it
imports; so `/embed.js` and the client's files under `/web/` carry
`Access-Control-Allow-Origin: *`. They are the same public files for everyone, read
without credentials, so `*` gives away nothing.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

EMBED_PATH = "/embed.js"
WIDGET_MODULE = "/web/embed/feed.js"
# A partner's page asks for /embed.js on every visit: cached for five minutes, and
# revalidated (ETag of the one line) after that, so that a new widget reaches every
# partner within minutes.
EMBED_MAX_AGE = 300
PUBLIC_PREFIXES = ("/web/",)


async def embed_script(_request: Request) -> Response:
    """GET /embed.js: the widget's entry, which loads `web/embed/feed.js`."""
    return Response(
        f'import "{WIDGET_MODULE}";\n',
        media_type="text/javascript",
        headers={"Cache-Control": f"public, max-age={EMBED_MAX_AGE}"},
    )


def routes() -> list[Route]:
    """The widget's entry script."""
    return [Route(EMBED_PATH, embed_script, methods=["GET"])]


class PublicScripts:
    """`Access-Control-Allow-Origin: *` on /embed.js and the client's files (see above)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == EMBED_PATH or path.startswith(PUBLIC_PREFIXES)):
            await self.app(scope, receive, send)
            return

        async def send_public(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Access-Control-Allow-Origin"] = "*"
                headers["Cross-Origin-Resource-Policy"] = "cross-origin"
            await send(message)

        await self.app(scope, receive, send_public)
