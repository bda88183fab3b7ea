"""How long the web client's first page takes to show data, in headless Chromium.

Speed is measured here, not asserted in a test. Start a forum first, then:

    python -m bench.web_first_page http://127.0.0.1:8000 [runs]

Each run is a cold browser context (empty cache); the time is from navigation start to
the client's `moin:feed-rendered` mark, so Chromium's own start-up does not count. The
requests of the page (GraphQL operations, script files and bytes) are counted too.

To compare two clients side by side (say, a copy of the old `web/` served with
`MOIN_WEB_DIR=…` on another port), give both addresses: the runs alternate between them,
so that the machine's load falls on both alike, and the last line is the ratio of the
medians (the second against the first):

    python -m bench.web_first_page http://127.0.0.1:8001 http://127.0.0.1:8002 21
"""

from __future__ import annotations

import json
import statistics
import sys
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import sync_playwright

# The same Chromium, started the same way, as the browser tests use.
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS


@dataclass
class Client:
    url: str
    timings: list[float] = field(default_factory=list)
    operations: list[str] = field(default_factory=list)
    scripts: int = 0
    script_bytes: int = 0


def _operation(request: Any) -> str:
    try:
        body = json.loads(request.post_data or "{}")
    except ValueError:
        return "?"
    query = str(body.get("query", ""))
    words = query.split("(")[0].split("{")[0].split()
    return " ".join(words[:2]) or "?"


def measure(browser: Any, client: Client) -> None:
    context = browser.new_context(base_url=client.url)
    page = context.new_page()
    requests: list[Any] = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto("/")
    page.wait_for_selector(".thread-card")
    mark = "performance.getEntriesByName('moin:feed-rendered')[0].startTime"
    client.timings.append(page.evaluate(mark) / 1000)
    page.wait_for_load_state("networkidle")
    scripts = [r for r in requests if r.url.endswith(".js")]
    client.scripts = len(scripts)
    client.script_bytes = sum(r.sizes()["responseBodySize"] for r in scripts)
    client.operations = [_operation(r) for r in requests if r.url.endswith("/graphql")]
    context.close()


def main() -> None:
    args = sys.argv[1:]
    runs = int(args.pop()) if args and args[-1].isdigit() else 5
    clients = [Client(url) for url in (args or ["http://127.0.0.1:8000"])]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for client in clients:  # one run each to warm the servers, not counted
            measure(browser, client)
            client.timings.clear()
        for _ in range(runs):
            for client in clients:
                measure(browser, client)
        browser.close()
    for client in clients:
        timings = client.timings
        print(f"{client.url}: first page with data (s):", " ".join(f"{t:.3f}" for t in timings))
        print(
            f"  best {min(timings):.3f} s, median {statistics.median(timings):.3f} s; "
            f"{len(client.operations)} GraphQL requests ({', '.join(client.operations)}); "
            f"{client.scripts} scripts, {client.script_bytes:,} bytes"
        )
    if len(clients) == 2:
        first, second = (statistics.median(c.timings) for c in clients)
        print(f"median of {clients[1].url} / median of {clients[0].url}: {second / first:.2f}")


if __name__ == "__main__":
    main()
