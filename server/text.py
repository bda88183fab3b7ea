"""What counts as text: the one check every string from outside passes before it is used.

A Python `str` can hold what no database stores: PostgreSQL's `text` refuses the NUL
character (SQLite would store it, so the two would differ), and a lone surrogate
(U+D800 to U+DFFF, which JSON's "\\ud800" escape produces) cannot be encoded at all, so
asyncpg, nh3 and every writer of UTF-8 fail on it. The other C0 control characters (all
but tab, line feed and carriage return) and U+FFFE/U+FFFF are stored everywhere but
cannot be written in XML: one thread title holding U+0001 made the Atom feed of every
thread fail (lxml refuses it), and iCalendar files forbid them too. Such strings are
refused where they enter, on both databases alike, with a message that names what is
wrong.
"""

from __future__ import annotations

import re

_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text_problem(value: str) -> str | None:
    """Why `value` is not text ("holds …"), or None when it is."""
    found = _NOT_TEXT.search(value)
    if found is None:
        return None
    character = found.group()
    if character == "\x00":
        return "holds a NUL character (U+0000), which text may not contain"
    if "\ud800" <= character <= "\udfff":
        return (
            f"holds a lone surrogate (U+{ord(character):04X}), which is not a character: "
            "send valid Unicode"
        )
    return (
        f"holds a control character (U+{ord(character):04X}), which text may not contain "
        "(tab and line breaks may)"
    )


def strip_not_text(value: str) -> str:
    """`value` with what text may not hold removed: for rows stored before the rule (a
    title with U+0001 would fail the XML of a whole Atom feed)."""
    return _NOT_TEXT.sub("", value)
