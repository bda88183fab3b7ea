"""The generator of the web client's documents refuses what a server-side loader could not use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.documents import DocumentError, build_operations, generated_files, load_schema

FEED = """
query Feed($first: Int) {
  threads(first: $first) { nodes { ...Card } }
}
"""
CARD = "fragment Card on Thread { id title }\n"


def sources(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.graphql").write_text(text)
    return tmp_path


def test_each_operation_is_sent_with_the_fragments_it_uses_and_nothing_else(tmp_path: Path) -> None:
    directory = sources(
        tmp_path,
        home=FEED,
        fragments=CARD + "fragment Author on Member { id }\n",
        other="query Who { viewer { ...Author } }\n",
    )
    files = generated_files(directory)
    manifest = json.loads(files[directory / "documents.json"])
    assert set(manifest) == {"Feed", "Who"}
    assert "fragment Card on Thread" in manifest["Feed"]
    assert "fragment Author" not in manifest["Feed"]
    module = files[directory / "home.js"]
    assert "export const FEED_QUERY = /** @type {any} */ (`query Feed(" in module
    assert manifest["Feed"] in module
    assert "export type FeedData = {" in files[directory / "types.d.ts"]


def test_a_document_that_does_not_fit_the_schema_is_refused_with_its_file_and_line(
    tmp_path: Path,
) -> None:
    directory = sources(tmp_path, home="query Feed {\n  threads { nodes { colour } }\n}\n")
    with pytest.raises(
        DocumentError, match=r"web/graphql/home.graphql:2: Cannot query field 'colour'"
    ):
        build_operations(load_schema(), directory)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"home": "{ viewer { id } }"}, r"home.graphql:1: every operation needs a name"),
        ({"home": FEED + CARD, "thread": FEED}, r"operation Feed is also in home.graphql"),
        ({"home": FEED + CARD, "fragments": CARD}, r"fragment Card is defined twice"),
        (
            {"home": FEED + CARD + "fragment Unused on Post { id }"},
            r"fragment Unused is used by no operation",
        ),
        ({"home": "query Feed {"}, r"home.graphql:1: Syntax Error"),
        (
            {"home": 'query Q { organisation(slug: "`${x}`") { id } }'},
            r"cannot be a JS template literal",
        ),
    ],
)
def test_documents_a_loader_could_not_find_or_send_are_refused(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    with pytest.raises(DocumentError, match=message):
        build_operations(load_schema(), sources(tmp_path, **files))
