"""How long the web client's first page takes to show data, in headless Chromium.

Speed is measured here, not asserted in a test. Start a forum first, then:

    python -m bench.web_first_page http://127.0.0.1:8000 [runs]

Each run is a cold browser context (empty cache); the time is from navigation start to
the client's `moin:feed-rendered` mark, so Chromium's own start-up does not count.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

# The same Chromium, started the same way, as the browser tests use.
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(base_url=url)
            page = context.new_page()
            page.goto("/")
            page.wait_for_selector(".thread-card")
            mark = "performance.getEntriesByName('moin:feed-rendered')[0].startTime"
            timings.append(page.evaluate(mark) / 1000)
            context.close()
        browser.close()
    print("first page with data (s):", " ".join(f"{t:.3f}" for t in timings))
    print(f"best {min(timings):.3f} s, median {sorted(timings)[len(timings) // 2]:.3f} s")


if __name__ == "__main__":
    main()
