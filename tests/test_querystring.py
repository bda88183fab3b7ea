"""A parameter read alone is the value the whole query string's parse gives."""

from __future__ import annotations

import random
from urllib.parse import parse_qsl

import pytest

from server.querystring import query_value

# Pieces that make names and values tricky: escapes of the name's letters, `+`, empty
# parts, repeats, Latin-1 and UTF-8 bytes.
PIECES = [b"k", b"e", b"y", b"=", b"&", b"%", b"%6B", b"%79", b"+", b"x", b"\xe9", b"%C3%A9"]


def whole_parse(raw: bytes, name: str) -> str | None:
    found = None
    for key, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        if key == name:
            found = value
    return found


@pytest.mark.parametrize(
    "raw",
    [
        b"key=a&x=1",
        b"%6Bey=b&key=a",
        b"key=a&%6bey=c",
        b"k+ey=1&key",
        b"key=&key=z%20y+w",
        b"variables=%7B%22first%22%3A20%7D&key=moin_pk_abc",
        b"&&key=1&",
        b"",
    ],
)
def test_a_parameter_read_alone_is_what_the_whole_parse_gives(raw):
    assert query_value({"query_string": raw}, "key") == whole_parse(raw, "key")


def test_random_query_strings_agree_with_the_whole_parse():
    rng = random.Random(20261202)
    for _ in range(5000):
        raw = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))

        assert query_value({"query_string": raw}, "key") == whole_parse(raw, "key"), raw
