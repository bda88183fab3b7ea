"""The feed widget for partner sites: `/embed.js`, and the client's modules open to them.

A partner's page loads the widget with

    <script type="module" src="https://forum.example/embed.js"></script>
    <moin-feed pillars="RISKS_AND_REWARDS" limit="5" key="moin_pk_…"></moin-feed>

`/embed.js` imports the widget's module, `web/embed/feed.js`, by its address under
`/web/`: the widget's own imports (the socket client, the labels, its GraphQL documents)
are then relative to where it lies among the client's modules, which `tsc` checks like the
rest of the client, and nothing is copied. It names those modules too, so that the
browser fetches them all at once.

A module script from another origin is fetched with CORS, and so is every module it
imports; so `/embed.js` and the client's files under `/web/` carry
`Access-Control-Allow-Origin: *`. They are the same public files for everyone, read
without credentials, so `*` gives away nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

EMBED_PATH = "/embed.js"
WIDGET_MODULE = "/web/embed/feed.js"
# A partner's page asks for /embed.js on every visit: cached for five minutes, and
# revalidated after that, so that a new widget reaches every partner within minutes.
EMBED_MAX_AGE = 300
PUBLIC_PREFIXES = ("/web/",)
# `import … from './x.js'` and `export … from './x.js'` (JSDoc's `@import` is a comment).
_IMPORT = re.compile(r"^\s*(?:import|export)\b[^;]*?from\s+'(\.[^']+)'", re.M)


def module_graph(entry: Path) -> list[Path]:
    """`entry` and every module it imports, directly or not (relative imports only)."""
    seen: list[Path] = []
    todo = [entry]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.append(module)
        todo.extend(
            (module.parent / found).resolve() for found in _IMPORT.findall(module.read_text())
        )
    return seen


def entry_script(web_dir: Path) -> str:
    """The text of /embed.js: an import of the widget and of every module it needs.

    Listed here, they are all fetched at once when /embed.js arrives, instead of level by
    level as each module names its own (the browser's module map loads each only once).
    """
    web_dir = web_dir.resolve()
    widget = web_dir / WIDGET_MODULE.removeprefix("/web/")
    modules = module_graph(widget) if widget.is_file() else []
    lines = [f'import "/web/{m.relative_to(web_dir).as_posix()}";' for m in modules[1:]]
    return "\n".join([*sorted(lines), f'import "{WIDGET_MODULE}";', ""])


def routes(web_dir: Path) -> list[Route]:
    """The widget's entry script (made once, at start-up)."""
    text = entry_script(web_dir)

    async def embed_script(_request: Request) -> Response:
        """GET /embed.js: the widget's entry, which loads `web/embed/feed.js`."""
        return Response(
            text,
            media_type="text/javascript",
            headers={"Cache-Control": f"public, max-age={EMBED_MAX_AGE}"},
        )

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
