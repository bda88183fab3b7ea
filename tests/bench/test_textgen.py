"""The generator's post bodies: realistic lengths, and HTML exactly as the forum renders it."""

from __future__ import annotations

import random

from bench.textgen import TextPool
from server.markdown import render_markdown


def test_every_generated_body_html_is_what_render_markdown_makes_of_its_body() -> None:
    pool = TextPool(seed=7, size=2_000, renderer=render_markdown)
    rng = random.Random(11)

    assert pool.composes
    for _ in range(500):
        body, body_html = pool.body(rng, rng.choice([150, 400, 1_000, 2_500]))
        assert body_html == render_markdown(body)


def test_bodies_come_within_a_third_below_the_wanted_length() -> None:
    pool = TextPool(seed=7, size=2_000, renderer=render_markdown)
    rng = random.Random(3)

    for target in (150, 400, 1_500, 2_500):
        lengths = [len(pool.body(rng, target)[0]) for _ in range(200)]
        assert max(lengths) <= target
        assert min(lengths) >= target * 0.6
