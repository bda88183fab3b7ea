"""The feed widget a partner page loads stays small: the entry `/embed.js` and every module
it imports, each compressed as a server would send it, under 15 KB together."""

from __future__ import annotations

import gzip
from pathlib import Path

from server.embed import WIDGET_MODULE, entry_script, module_graph

WEB = Path(__file__).resolve().parents[2] / "web"
BUDGET_BYTES = 15 * 1024
WIDGET = WEB / WIDGET_MODULE.removeprefix("/web/")


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


def test_the_entry_names_every_module_so_that_they_load_at_once() -> None:
    entry = entry_script(WEB).splitlines()

    assert entry[-1] == f'import "{WIDGET_MODULE}";'
    assert sorted(entry[:-1]) == sorted(
        f'import "/web/{p.relative_to(WEB).as_posix()}";' for p in module_graph(WIDGET)[1:]
    )


def test_the_widget_is_under_15_kb_compressed() -> None:
    entry = entry_script(WEB).encode()
    modules = module_graph(WIDGET)
    sizes = {p.name: len(gzip.compress(p.read_bytes(), 9)) for p in modules}
    total = len(gzip.compress(bytes(entry), 9)) + sum(sizes.values())

    assert total < BUDGET_BYTES, f"{total} bytes compressed: {sizes}"
