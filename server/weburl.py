"""What counts as a web address a person gives: one parse for all of them.

`urllib.parse.urlsplit` raises ValueError on some strings instead of returning parts (an
unclosed `[` as in `https://[::1`, a host that NFKC turns into separators such as
`https://a＃b.example`), and `.port` raises on a port over 65535: an event's join link
`https://[::1` was an INTERNAL error, and a website stored so would have failed every
later application that names a website. Every address from outside (a website, a join
link, a webhook endpoint, a partner's origin, the page /oembed is asked about) is split
here, so that a bad one is a clear refusal where it is checked.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import SplitResult, urlsplit

WEB_SCHEMES = ("https", "http")


def split_url(value: str, *, schemes: Collection[str] = WEB_SCHEMES) -> SplitResult | None:
    """`value`'s parts when it is an absolute address of one of `schemes` with a host (and
    a port, if any, in range); None when it is anything else."""
    if any(character.isspace() for character in value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  # raises ValueError for a port out of range
    except ValueError:
        return None
    if parts.scheme not in schemes or not parts.hostname:
        return None
    return parts
