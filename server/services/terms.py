"""The network's Terms of Reference: Markdown in the forum (or a deployment's own file),
served rendered and sanitised."""

from __future__ import annotations

from pathlib import Path

from server import markdown

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "content" / "terms-of-reference.md"

# (path, modification time) -> HTML: the file changes rarely, and rendering costs a worker.
_rendered: dict[tuple[Path, float], str] = {}


async def terms_of_reference_html(path: Path | None = None) -> str:
    """The Terms of Reference at `path` (the forum's own when None) as sanitised HTML."""
    source = path or DEFAULT_PATH
    key = (source, source.stat().st_mtime)
    html = _rendered.get(key)
    if html is None:
        html = await markdown.render(source.read_text(encoding="utf-8"))
        _rendered.clear()
        _rendered[key] = html
    return html
