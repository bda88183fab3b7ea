"""Persisted GraphQL documents: the registry of known documents by their SHA-256.

Two kinds of entry:

- *pinned* documents, registered at start-up (the web client's and the widget's, from
  `web/graphql/documents.json`): always known, and the only ones a partner key limited to
  persisted documents may run;
- *automatic* ones, registered by a client through Apollo's automatic persisted queries
  protocol (a hash sent with its text once): kept in a bounded LRU, so that a flood of
  distinct documents cannot grow memory.

The HTTP side (`server.persisted_http`) resolves `extensions.persistedQuery` with it;
compiled execution plans may look documents up here too.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path

# Automatic entries kept at most; a client whose document was dropped sends its text again.
MAX_AUTOMATIC = 1000
# An automatic document longer than this is run, but not remembered.
MAX_DOCUMENT_CHARS = 20_000
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Request state: a GET's query string as the client sent it, before a persisted document's
# text joined it (the HTTP cache keys on it: short, and the same for everyone who asks).
SENT_QUERY_STRING = "persisted_sent_query_string"

Listener = Callable[[str, str], None]


def sha256_of(document: str) -> str:
    """The hex SHA-256 of a document's UTF-8 text: its name in the registry."""
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def is_sha256(value: object) -> bool:
    """Whether `value` is a hex SHA-256 as clients send it (64 lower-case hex digits)."""
    return isinstance(value, str) and _SHA256.match(value) is not None


class PersistedDocuments:
    """Documents by SHA-256: pinned ones (start-up) and a bounded LRU of automatic ones."""

    def __init__(self, *, max_automatic: int = MAX_AUTOMATIC) -> None:
        self.max_automatic = max_automatic
        self._pinned: dict[str, str] = {}
        self._automatic: OrderedDict[str, str] = OrderedDict()
        self._listeners: list[Listener] = []

    def register(self, document: str) -> str:
        """Pin `document` (known for the life of the process); returns its SHA-256."""
        digest = sha256_of(document)
        if digest not in self._pinned:
            self._pinned[digest] = document
            self._automatic.pop(digest, None)
            self._announce(digest, document)
        return digest

    def remember(self, digest: str, document: str) -> bool:
        """Keep an automatic document a client sent with its hash (APQ's second request).

        The caller has checked that `digest` is the document's SHA-256. Returns whether it
        was kept (a very long document is not).
        """
        if digest in self._pinned:
            return True
        if len(document) > MAX_DOCUMENT_CHARS:
            return False
        if digest not in self._automatic:
            self._announce(digest, document)
        self._automatic[digest] = document
        self._automatic.move_to_end(digest)
        while len(self._automatic) > self.max_automatic:
            self._automatic.popitem(last=False)
        return True

    def lookup(self, digest: str) -> str | None:
        """The document with this SHA-256, pinned or automatic, or None."""
        document = self._pinned.get(digest)
        if document is not None:
            return document
        document = self._automatic.get(digest)
        if document is not None:
            self._automatic.move_to_end(digest)
        return document

    def is_pinned(self, digest: str) -> bool:
        """Whether the document with this SHA-256 was registered at start-up."""
        return digest in self._pinned

    def pinned(self) -> Iterator[tuple[str, str]]:
        """(SHA-256, document) of every pinned document."""
        return iter(list(self._pinned.items()))

    def on_register(self, listener: Listener) -> None:
        """Call `listener(sha256, document)` for every document seen for the first time
        from now on (pinned or automatic); e.g. to compile it."""
        self._listeners.append(listener)

    def _announce(self, digest: str, document: str) -> None:
        for listener in self._listeners:
            listener(digest, document)


def load_documents_file(path: Path) -> dict[str, str]:
    """Operation name -> document text, from a `documents.json` (empty if it is missing)."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text("utf-8"))
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError(f"{path} must map operation names to document texts")
    return data


def from_web_client(web_dir: Path) -> PersistedDocuments:
    """A registry with the web client's and the widget's documents pinned."""
    documents = PersistedDocuments()
    for document in load_documents_file(web_dir / "graphql" / "documents.json").values():
        documents.register(document)
    return documents
