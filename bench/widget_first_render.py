"""How long the feed widget takes to show its feed on a partner's page, in headless Chromium.

Speed is measured here, not asserted in a test (the issue's aim: under 300 ms on a warm
server). Start a forum first, then give its address and its database (where a partner key
for the page's origin is issued):

    python -m bench.widget_first_render http://127.0.0.1:8000 \\
        postgresql+asyncpg://postgres@127.0.0.1:5432/moin_bench [runs]

The partner's page is served from another origin (a local port of its own) under a strict
CSP, with the README's two lines. Each run is a cold browser context (empty cache: the
widget's modules are fetched too); the time is from the page's navigation start to the
widget's `moin-feed:rendered` mark. The first run warms the server and is not counted.
"""

from __future__ import annotations

import asyncio
import secrets
import statistics
import sys
from typing import Any

from playwright.sync_api import sync_playwright

from bench.run import issue_partner_key
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, static_site, wait_until_cors_allows

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script type="module" src="{forum}/embed.js"></script></head>
<body><h1>News</h1><moin-feed limit="5" key="{key}"></moin-feed></body></html>"""


def measure(browser: Any, url: str) -> tuple[float, int]:
    """Milliseconds to the widget's first render, and the GraphQL requests it made."""
    context = browser.new_context()
    page = context.new_page()
    graphql: list[str] = []
    page.on("request", lambda r: graphql.append(r.url) if "/graphql?" in r.url else None)
    page.goto(url)
    page.locator("moin-feed li").first.wait_for()
    elapsed = page.evaluate("performance.getEntriesByName('moin-feed:rendered')[0].startTime")
    context.close()
    return float(elapsed), len(graphql)


def main() -> None:
    args = sys.argv[1:]
    runs = int(args.pop()) if len(args) > 2 and args[-1].isdigit() else 11
    forum, database_url = args[0].rstrip("/"), args[1]
    with static_site() as site:
        key = asyncio.run(
            issue_partner_key(database_url, f"bench-embed-{secrets.token_hex(4)}", (site.url,))
        )
        csp = f"default-src 'none'; script-src {forum}; connect-src {forum} ws{forum[4:]}"
        site.files["/"] = (
            PAGE.format(forum=forum, key=key),
            {"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": csp},
        )
        wait_until_cors_allows(forum, site.url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            measure(browser, site.url + "/")  # warms the server: not counted
            results = [measure(browser, site.url + "/") for _ in range(runs)]
            browser.close()
    timings = [t for t, _ in results]
    print("widget first render (ms):", " ".join(f"{t:.0f}" for t in timings))
    print(
        f"best {min(timings):.0f} ms, median {statistics.median(timings):.0f} ms, "
        f"worst {max(timings):.0f} ms over {runs} cold page loads; "
        f"GraphQL requests per load: {sorted({n for _, n in results})}"
    )


if __name__ == "__main__":
    main()
