"""GraphiQL at /graphql: served entirely by the forum, it works with no other origin."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest

from tests.browser.support import DESKTOP, PHONE, Forum, screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_graphiql_runs_a_query_with_every_other_origin_blocked(
    open_page: Any, forum: Forum, viewport: dict[str, int]
) -> None:
    page = open_page(viewport=viewport)
    ours = urlparse(forum.url).netloc
    elsewhere: list[str] = []

    def only_ours(route: Any) -> None:
        if urlparse(route.request.url).netloc in (ours, ""):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_ours)
    response = page.goto("/graphql", wait_until="load")
    assert response is not None and response.ok
    # The same policy as every page of the forum: no inline script, nothing from elsewhere.
    csp = response.headers["content-security-policy"]
    assert (
        "script-src 'self';" in csp
        and "unsafe-inline" not in csp
        and "https:" not in csp.split("img-src")[0]
    )

    page.locator(".graphiql-container").wait_for()
    page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    result = page.locator(".result-window")
    result.get_by_text('"totalCount"').wait_for()
    screenshot(page, "graphiql")

    assert '"threads"' in result.inner_text()
    assert elsewhere == [], f"GraphiQL asked other origins for {elsewhere}"
