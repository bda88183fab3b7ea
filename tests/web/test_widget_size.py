"""The feed widget a partner page loads stays small: the entry `/embed.js` and every module
it imports, each compressed as a server would send it, under 15 KB together."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from server.embed import WIDGET_MODULE, embed_script

WEB = Path(__file__).resolve().parents[2] / "web"
BUDGET_BYTES = 15 * 1024
# `import … from './x.js'` and `export … from './x.js'` (JSDoc's `@import` is a comment).
_IMPORT = re.compile(r"^\s*(?:import|export)\b[^;]*?from\s+'(\.[^']+)'", re.M)


def module_graph(entry: Path) -> list[Path]:
    """`entry` and every module it imports, directly or not (relative imports only)."""
    seen: list[Path] = []
    todo = [entry]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.append(module)
        todo.extend(
            (module.parent / found).resolve() for found in _IMPORT.findall(module.read_text())
        )
    return seen


def test_the_widget_imports_what_it_draws_with() -> None:
    names = {
        p.relative_to(WEB).as_posix()
        for p in module_graph(WEB / WIDGET_MODULE.removeprefix("/web/"))
    }

    assert names == {
        "embed/feed.js",
        "graphql/embed.js",
        "lib/dom.js",
        "lib/labels.js",
        "lib/ws.js",
    }


async def test_the_widget_is_under_15_kb_compressed() -> None:
    entry = (await embed_script(None)).body  # type: ignore[arg-type]  # it reads no request
    modules = module_graph(WEB / WIDGET_MODULE.removeprefix("/web/"))
    sizes = {p.name: len(gzip.compress(p.read_bytes(), 9)) for p in modules}
    total = len(gzip.compress(bytes(entry), 9)) + sum(sizes.values())

    assert total < BUDGET_BYTES, f"{total} bytes compressed: {sizes}"
