"""Markdown bodies rendered to HTML that is safe to insert into a page."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

# `js-default` keeps raw HTML off (the `default` preset would let it through).
_md = MarkdownIt("js-default")

_ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "img",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "code": {"class"},
}


def render_markdown(text: str) -> str:
    """Render markdown to sanitised HTML: no script, no event handlers, only http(s)/mailto URLs."""
    return nh3.clean(
        _md.render(text),
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer ugc",
    )
