"""Markdown bodies rendered to HTML that is safe to insert into a page, at a bounded cost.

markdown-it-py's cost grows faster than the text on some inputs: 50,000 `[` took 3.6 to
10 s of CPU, and anything rendered on the event loop stalls every other request meanwhile.
So a text is rendered in three steps:

1. `check_bounds`, before rendering, in linear time: at most BRACKETS_PER_PARAGRAPH
   unescaped `[` in a paragraph and BRACKETS_MAX in the whole text (outside fenced code).
   A `[` may make the link rule scan to the end of its paragraph, at most MAX_NESTING
   tokens deep, so with these bounds the cost grows linearly with the text. The limits
   are far above what posts use: the demo network's 367 posts have at most one `[`, and
   the benchmark's generated bodies one per paragraph.
2. The render itself runs in a small pool of worker processes (`Renderer`), never on the
   event loop, with a time budget: a render still running after it is stopped (its
   worker is replaced) and the text refused, so no input can hold a worker for longer.
3. In the worker, lists and quotes nested deeper than markdown-it renders
   (MAX_NESTING) are refused rather than rendered with their inner part missing.

Refusals are `MarkdownTooComplex`, whose `problem` completes a sentence naming the
field ("Body " + problem) and says what the limit is.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import re
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from pebble import ProcessExpired, ProcessPool

log = logging.getLogger(__name__)

# markdown-it's own bound on nesting (blocks, and its look-ahead for link labels). Its
# `js-default` preset allows 100, and the link rule's look-ahead costs up to that many
# steps per `[`: 20 (the CommonMark preset's value) makes a run of brackets 5x cheaper.
MAX_NESTING = 20
# A list inside a list takes two of markdown-it's levels, a quote one, the paragraph one;
# at MAX_NESTING - 1 markdown-it stops and drops what is nested deeper.
DEPTH_MAX = MAX_NESTING - 2
BRACKETS_PER_PARAGRAPH = 100
BRACKETS_MAX = 1_000
# Seconds one render may take in a worker, and how many workers render at once.
DEFAULT_BUDGET_SECONDS = 2.0
DEFAULT_WORKERS = 2

# `js-default` keeps raw HTML off (the `default` preset would let it through).
_md = MarkdownIt("js-default", {"maxNesting": MAX_NESTING})

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


class MarkdownTooComplex(Exception):
    """A text that would cost too much to render; `problem` says why and names the limit."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class Limits:
    """The bounds `check_bounds` applies (tests widen them to watch a long render)."""

    brackets_per_paragraph: int = BRACKETS_PER_PARAGRAPH
    brackets: int = BRACKETS_MAX


def _sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer ugc",
    )


def render_markdown(text: str) -> str:
    """Render markdown to sanitised HTML: no script, no event handlers, only http(s)/mailto URLs.

    In this process and without bounds: for trusted text (tests, the benchmark's
    generator). What users write goes through `render`.
    """
    return _sanitise(_md.render(text))


# Escaped characters (`\[` is text, never a link); line ends as markdown-it reads them.
_ESCAPED = re.compile(r"\\.")
_NEWLINE = re.compile(r"\r\n?")
# A fence that opens at the first column is outside every list and quote: its code runs
# to its closing fence (or the end). One that is indented may belong to a list item and
# end with it, so it is not taken as a fence here (its lines are counted).
_OPENING_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
_CLOSING_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*")


def check_bounds(text: str, limits: Limits = Limits()) -> None:
    """Refuse, before rendering, a text with more brackets than `limits` allow.

    Linear in the text. A paragraph ends at a blank line (markdown-it's paragraphs and
    list items never span one, so this counts at least as many per paragraph as it sees);
    fenced code is left out, since nothing in it is parsed.
    """
    total = paragraph = 0
    fence: str | None = None
    for line in _NEWLINE.sub("\n", text).split("\n"):
        if fence is not None:
            closing = _CLOSING_FENCE.fullmatch(line)
            if closing and closing[1][0] == fence[0] and len(closing[1]) >= len(fence):
                fence = None
            continue
        opening = _OPENING_FENCE.fullmatch(line)
        if opening and not (opening[1][0] == "`" and "`" in opening[2]):
            fence, paragraph = opening[1], 0
            continue
        if not line.strip(" \t"):  # markdown's blank line: spaces and tabs only
            paragraph = 0
            continue
        brackets = _ESCAPED.sub("", line).count("[")
        paragraph += brackets
        total += brackets
        if paragraph > limits.brackets_per_paragraph:
            raise MarkdownTooComplex(
                f"has more than {limits.brackets_per_paragraph} `[` in one paragraph; that "
                "is the limit (links and images count one each). Write `\\[` for a bracket "
                "that does not start a link, or split the paragraph with a blank line."
            )
        if total > limits.brackets:
            raise MarkdownTooComplex(
                f"has more than {limits.brackets} links, images or `[`; that is the limit. "
                "Write `\\[` for a bracket that does not start a link."
            )


def _render_in_worker(text: str) -> tuple[bool, str]:
    """A worker's job: (True, html), or (False, problem) for nesting markdown-it would cut."""
    tokens = _md.parse(text)
    deepest = max((token.level for token in tokens), default=0)
    if deepest > DEPTH_MAX:
        return False, (
            "nests lists or quotes too deeply: at most 8 lists or 17 quotes may be inside "
            "each other."
        )
    return True, _sanitise(_md.renderer.render(tokens, _md.options, {}))


class Renderer:
    """Renders in a pool of worker processes, each render within a time budget.

    The pool starts on first use (or `start`). A render that runs past `budget_seconds`
    has its worker stopped and replaced, and fails with MarkdownTooComplex. A request
    that is cancelled while its render runs lets the render finish (it is bounded):
    replacing a worker costs more than the rest of a render.
    """

    def __init__(
        self,
        *,
        workers: int = DEFAULT_WORKERS,
        budget_seconds: float = DEFAULT_BUDGET_SECONDS,
        limits: Limits = Limits(),
    ) -> None:
        self.workers = workers
        self.budget_seconds = budget_seconds
        self.limits = limits
        self._pool: ProcessPool | None = None

    def start(self) -> None:
        """Start the workers now, so that the first render does not wait for them."""
        pool = self._running_pool()
        pool.schedule(_render_in_worker, args=("",))

    def _running_pool(self) -> ProcessPool:
        if self._pool is None or not self._pool.active:
            # Spawned, not forked: a fork of a process with threads (the event loop's
            # helpers, database drivers) may inherit a lock held by one of them.
            self._pool = ProcessPool(
                max_workers=self.workers, context=multiprocessing.get_context("spawn")
            )
        return self._pool

    async def render(self, text: str) -> str:
        """Sanitised HTML of `text`; MarkdownTooComplex when it is over a bound or the budget."""
        check_bounds(text, self.limits)
        future = self._running_pool().schedule(
            _render_in_worker, args=(text,), timeout=self.budget_seconds
        )
        try:
            ok, result = await asyncio.shield(asyncio.wrap_future(future))
        except TimeoutError:
            raise MarkdownTooComplex(
                f"took longer than {self.budget_seconds:g} s to render and was stopped; that "
                "is the limit. Simplify its formatting (fewer brackets, emphasis marks or "
                "table rows) or split it."
            ) from None
        except ProcessExpired as exc:
            log.error("a markdown worker died while rendering: %r", exc)
            raise MarkdownTooComplex(
                "could not be rendered (its renderer stopped). Simplify its formatting."
            ) from None
        if not ok:
            raise MarkdownTooComplex(result)
        return result

    def close(self) -> None:
        """Stop the workers (the next render starts new ones)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            pool.join()


_renderer = Renderer()
atexit.register(lambda: _renderer.close())


def configure(
    *,
    workers: int = DEFAULT_WORKERS,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    limits: Limits = Limits(),
) -> Renderer:
    """Set this process's renderer (the app does, from its settings); returns it.

    The same settings keep the running workers.
    """
    global _renderer
    current = _renderer
    if (current.workers, current.budget_seconds) != (workers, budget_seconds):
        current.close()
        _renderer = Renderer(workers=workers, budget_seconds=budget_seconds, limits=limits)
    else:
        current.limits = limits
    return _renderer


def renderer() -> Renderer:
    """This process's renderer."""
    return _renderer


async def render(text: str) -> str:
    """Render `text` with this process's renderer (see `Renderer.render`)."""
    return await _renderer.render(text)
