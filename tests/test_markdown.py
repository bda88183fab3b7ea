"""Markdown bodies become inert, sanitised HTML."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from server import markdown
from server.markdown import MarkdownTooComplex, _render_in_worker, check_bounds, render_markdown

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


# --- cost bounds (server.markdown.check_bounds and the worker's nesting check) ---------


def _refusal(text: str) -> str | None:
    try:
        check_bounds(text)
    except MarkdownTooComplex as exc:
        return exc.problem
    return None


def test_a_run_of_brackets_is_refused_before_rendering():
    assert _refusal("[" * 50_000).startswith("has more than 100 `[` in one paragraph")
    assert _refusal("![" * 25_000).startswith("has more than 100 `[` in one paragraph")


def test_brackets_are_counted_per_paragraph_and_per_text():
    paragraph = " ".join("[link](https://a.example)" for _ in range(100))
    assert _refusal(paragraph) is None
    assert _refusal(paragraph + " [one more") is not None
    assert _refusal("\n\n".join([paragraph] * 10)) is None
    assert _refusal("\n\n".join([paragraph] * 10) + "\n\n[") == (
        "has more than 1000 links, images or `[`; that is the limit. Write `\\[` for a "
        "bracket that does not start a link."
    )


def test_escaped_brackets_and_fenced_code_cost_nothing_and_are_not_counted():
    assert _refusal("\\[" * 20_000) is None
    assert _refusal("```\n" + "x = [[1, 2], [3, 4]]\n" * 500 + "```\nafter") is None
    # An indented fence may belong to a list item and end with it: its lines count.
    assert _refusal("- item\n  ```\n" + "[" * 200) is not None


def test_only_spaces_and_tabs_make_a_blank_line():
    # A no-break space does not end a paragraph for markdown-it, so it does not here either.
    assert _refusal(("[" * 60 + "\n\u00a0\n") * 2) is not None
    assert _refusal(("[" * 60 + "\n \t\n") * 2) is None


def test_nesting_deeper_than_markdown_it_renders_is_refused_not_cut():
    eight = "".join("  " * depth + "- item\n" for depth in range(8))
    nine = "".join("  " * depth + "- item\n" for depth in range(9))
    assert _render_in_worker(eight) == (True, render_markdown(eight))
    assert _render_in_worker(nine)[0] is False
    assert _render_in_worker(">" * 17 + " quote")[0] is True
    assert _render_in_worker(">" * 18 + " quote") == (
        False,
        "nests lists or quotes too deeply: at most 8 lists or 17 quotes may be inside each other.",
    )


def _posts_of_the_demo_network() -> list[str]:
    from server.demo.network import read_network

    return [
        post.body for thread in read_network().threads for post in [thread.opening, *thread.replies]
    ]


def test_real_posts_pass_the_bounds_and_render_as_with_markdown_its_defaults():
    from markdown_it import MarkdownIt

    from bench.textgen import TextPool

    previous = MarkdownIt("js-default")  # maxNesting 100, as before the bounds
    pool = TextPool(seed=3, size=2_000, renderer=render_markdown)
    rng = __import__("random").Random(3)
    bodies = _posts_of_the_demo_network() + [pool.body(rng, 50_000)[0] for _ in range(5)]
    for body in bodies:
        assert _refusal(body) is None
        ok, html = _render_in_worker(body)
        assert ok and html == render_markdown(body)
        assert html == markdown._sanitise(previous.render(body))
