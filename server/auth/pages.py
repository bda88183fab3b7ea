"""The small server-made pages that signed links open (invitations, e-mail settings)."""

from __future__ import annotations

import html

from starlette.responses import HTMLResponse


def link_page(title: str, body: str, status: int = 200, *, kind: str) -> HTMLResponse:
    """A whole page: `title` is escaped, `body` is HTML the caller escaped; `kind` names
    the page for the style sheet. Never cached, and no Referer leaves it: the token is in
    its address."""
    return HTMLResponse(
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} — MOIN Forum</title>"
        '<link rel=stylesheet href="/web/style.css"></head>'
        f"<body><main class={kind}><h1>{html.escape(title)}</h1>{body}"
        '<p><a href="/">Go to the forum</a></p></main></body></html>',
        status,
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )
