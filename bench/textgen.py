"""Deterministic word-salad Markdown with realistic lengths, and its HTML.

Posts are assembled from a pool of paragraphs (some with emphasis, links or
lists). Each paragraph is rendered once, by the project's renderer
(`server.markdown.render_markdown`) when it exists, otherwise by a small
stand-in that produces the same shape of sanitised HTML; a post's HTML is then
the concatenation of its paragraphs' HTML, which is what rendering the joined
Markdown gives for block-level paragraphs separated by blank lines. `TextPool`
checks that equivalence on a sample at start-up and falls back to rendering
every post if the renderer does not compose that way.
"""

from __future__ import annotations

import bisect
import html
import itertools
import random
from collections.abc import Callable

from bench import vocab

Renderer = Callable[[str], str]


def _zipf_cum_weights(n: int, s: float = 1.0, offset: float = 2.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (i + offset) ** s for i in range(n)))


class WordSource:
    """Draws words with Zipf-like frequencies from the policy vocabulary."""

    def __init__(self) -> None:
        content = [*vocab.NOUNS, *vocab.ADJECTIVES, *vocab.VERBS]
        # Interleave so that each list's common words are common overall.
        ranked: list[str] = []
        for group in itertools.zip_longest(vocab.NOUNS, vocab.ADJECTIVES, vocab.VERBS):
            ranked.extend(w for w in group if w is not None)
        assert sorted(ranked) == sorted(content)
        self.content = ranked
        self.content_cw = _zipf_cum_weights(len(ranked), s=0.9, offset=3.0)
        self.function = vocab.FUNCTION_WORDS
        self.function_cw = _zipf_cum_weights(len(self.function), s=0.5)

    def sentence(self, rng: random.Random, n_words: int) -> str:
        n_content = max(2, (n_words * 3) // 5)
        content = rng.choices(self.content, cum_weights=self.content_cw, k=n_content)
        function = rng.choices(self.function, cum_weights=self.function_cw, k=n_words - n_content)
        words: list[str] = []
        f = iter(function)
        for i, word in enumerate(content):
            words.append(word)
            if i % 2 == 1:
                nxt = next(f, None)
                if nxt is not None:
                    words.append(nxt)
        words.extend(f)
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def phrase(self, rng: random.Random, n_words: int) -> str:
        return " ".join(rng.choices(self.content, cum_weights=self.content_cw, k=n_words))


def fallback_render(markdown: str) -> str:
    """A stand-in for the project's renderer, for the constructs `TextPool` writes."""
    out: list[str] = []
    for block in markdown.split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>\n" for line in lines)
            out.append(f"<ul>\n{items}</ul>\n")
        else:
            out.append(f"<p>{_inline(block)}</p>\n")
    return "".join(out)


def _inline(text: str) -> str:
    # The pool only writes **strong**, _em_ and [text](https://...) spans, never nested.
    result: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("**", i):
            j = text.index("**", i + 2)
            result.append(f"<strong>{html.escape(text[i + 2 : j])}</strong>")
            i = j + 2
        elif text.startswith("_", i) and (i == 0 or text[i - 1] == " "):
            j = text.index("_", i + 1)
            result.append(f"<em>{html.escape(text[i + 1 : j])}</em>")
            i = j + 1
        elif text.startswith("[", i):
            j = text.index("](", i)
            k = text.index(")", j)
            label, href = text[i + 1 : j], text[j + 2 : k]
            result.append(
                f'<a href="{html.escape(href)}" rel="nofollow noopener noreferrer ugc">'
                f"{html.escape(label)}</a>"
            )
            i = k + 1
        else:
            nxt = min(
                (p for p in (text.find("**", i), text.find(" _", i), text.find("[", i)) if p >= 0),
                default=len(text),
            )
            if nxt == i:  # " _" matched at i: emit the space, handle "_" next round
                nxt = i + 1
            result.append(html.escape(text[i:nxt], quote=False))
            i = nxt
    return "".join(result)


def project_renderer() -> Renderer | None:
    try:
        from server.markdown import render_markdown  # type: ignore[import-not-found]
    except ImportError:
        return None
    return render_markdown  # type: ignore[no-any-return]


class TextPool:
    """A pool of rendered paragraphs, and bodies of a wanted length assembled from it."""

    def __init__(self, seed: int, size: int, renderer: Renderer | None = None) -> None:
        self.renderer = renderer or fallback_render
        self.renderer_name = "fallback" if renderer is None else "server.markdown"
        rng = random.Random(seed)
        words = WordSource()
        self.words = words
        paragraphs = [self._paragraph(rng, words) for _ in range(size)]
        paragraphs.sort(key=len)
        self.md = paragraphs
        self.lengths = [len(p) for p in paragraphs]
        # Two lists in a row would render as one loose list, not as two lists: a body
        # never puts one list right after another (see `_after`).
        self.is_list = [p.startswith("- ") for p in paragraphs]
        self.html = [self.renderer(p) for p in paragraphs]
        self.composes = self._check_composition(rng)

    @staticmethod
    def _paragraph(rng: random.Random, words: WordSource) -> str:
        roll = rng.random()
        if roll < 0.07:
            items = [words.sentence(rng, rng.randint(4, 12)) for _ in range(rng.randint(2, 5))]
            return "\n".join(f"- {item}" for item in items)
        sentences = [words.sentence(rng, rng.randint(6, 22)) for _ in range(rng.randint(1, 5))]
        text = " ".join(sentences)
        if roll < 0.17:
            text += f" **{words.phrase(rng, rng.randint(2, 4))}** matters here."
        elif roll < 0.22:
            text = f"_{words.phrase(rng, rng.randint(1, 3))}_ " + text
        elif roll < 0.25:
            n = rng.randint(1, 9999)
            text += f" See [{words.phrase(rng, 2)}](https://example.org/reports/{n})."
        return text

    def _after(self, picks: list[int], index: int) -> int:
        """`index`, or the nearest paragraph that is not a list when the last pick was one."""
        if not picks or not self.is_list[picks[-1]] or not self.is_list[index]:
            return index
        for distance in range(1, len(self.md)):
            for candidate in (index - distance, index + distance):
                if 0 <= candidate < len(self.md) and not self.is_list[candidate]:
                    return candidate
        return index

    def _check_composition(self, rng: random.Random) -> bool:
        for _ in range(200):
            picks: list[int] = []
            for _ in range(rng.randint(2, 4)):
                picks.append(self._after(picks, rng.randrange(len(self.md))))
            joined = self.renderer("\n\n".join(self.md[i] for i in picks))
            if joined != "".join(self.html[i] for i in picks):
                return False
        return True

    def body(self, rng: random.Random, target: int) -> tuple[str, str]:
        """Markdown of about `target` characters (within ~30%), and its HTML."""
        picks: list[int] = []
        total = 0
        lengths = self.lengths
        longest = lengths[-1]
        while True:
            remaining = target - total - (2 if picks else 0)
            if remaining < lengths[0]:
                if not picks:
                    picks.append(0)
                break
            if remaining > longest:
                picks.append(self._after(picks, rng.randrange(len(lengths))))
                total += (2 if len(picks) > 1 else 0) + lengths[picks[-1]]
                continue
            hi = bisect.bisect_right(lengths, remaining)
            lo = bisect.bisect_left(lengths, int(remaining * 0.7))
            picks.append(self._after(picks, rng.randrange(lo, hi) if lo < hi else hi - 1))
            break
        markdown = "\n\n".join(self.md[i] for i in picks)
        if self.composes:
            return markdown, "".join(self.html[i] for i in picks)
        return markdown, self.renderer(markdown)
