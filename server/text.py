"""What counts as text: the one check every string from outside passes before it is used.

A Python `str` can hold what no database stores: PostgreSQL's `text` refuses the NUL
character (SQLite would store it, so the two would differ), and a lone surrogate
(U+D800 to U+DFFF, which JSON's "\\ud800" escape produces) cannot be encoded at all, so
asyncpg, nh3 and every writer of UTF-8 fail on it. Such strings are refused where they
enter, on both databases alike, with a message that names what is wrong.
"""

from __future__ import annotations

import re

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """Why `value` is not text ("holds …"), or None when it is."""
    found = _NOT_TEXT.search(value)
    if found is None:
        return None
    character = found.group()
    if character == "\x00":
        return "holds a NUL character (U+0000), which text may not contain"
    return (
        f"holds a lone surrogate (U+{ord(character):04X}), which is not a character: "
        "send valid Unicode"
    )
