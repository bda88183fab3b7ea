"""Markdown bodies become inert, sanitised HTML."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from server.markdown import render_markdown

ATTACKS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


@pytest.mark.parametrize("source", ATTACKS)
def test_attacks_come_out_inert(source):
    elements = _Elements()
    elements.feed(render_markdown(source))
    assert not {"script", "iframe", "svg", "object", "embed"} & set(elements.tags)
    for name, value in elements.attributes:
        assert not name.startswith("on")
        if name in {"href", "src"}:
            assert value.startswith(("http://", "https://", "mailto:")), value


def test_links_keep_safe_schemes_and_get_rel():
    html = render_markdown("[a](https://a.example) [m](mailto:x@a.example)")
    assert 'href="https://a.example"' in html and 'href="mailto:x@a.example"' in html
    assert 'rel="nofollow noopener noreferrer ugc"' in html


def test_ordinary_markdown_renders():
    html = render_markdown(
        "# Title\n\n- one\n- two\n\n`code` and **bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    for tag in ["<h1>", "<li>one</li>", "<code>code</code>", "<strong>bold</strong>", "<table>"]:
        assert tag in html


async def test_previews_render_like_posts(client, db):
    from tests.support import error_codes, gql

    query = "query($m: String!) { renderMarkdown(markdown: $m) }"
    data = await gql(client, query, {"m": "**hi** <script>x</script>"})
    assert data["renderMarkdown"] == render_markdown("**hi** <script>x</script>")
    body = await gql(client, query, {"m": "x" * 50_001}, errors=True)
    assert error_codes(body) == ["BAD_USER_INPUT"]
