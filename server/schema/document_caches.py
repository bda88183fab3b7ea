"""What the schema keeps per GraphQL document (parse, validation, plans): short ones only.

The caches are bounded by a count of documents (CACHE_SIZE), which bounds memory only if
documents are small. They need not be: a document of 5,000 tokens (the limit), about
20,000 characters, parses into 1.9 MB of syntax tree, so 1,024 distinct ones sent by one
client would have made the parser's cache alone hold about 2 GB, the validation cache and
the plans keeping more alive. The web client's and the widget's documents are under 1,500
characters; a document longer than CACHED_DOCUMENT_CHARS is parsed, validated and run
each time it comes (its sender pays for that), and nothing of it is kept.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import OperationDefinitionNode
from strawberry.extensions import ParserCache, ValidationCache

# Documents kept at most by each cache (the least recently used go first).
CACHE_SIZE = 1024
# The longest document whose parse, validation and plan are kept: five times the longest
# of the web client's. At this length a syntax tree is about 0.4 MB.
CACHED_DOCUMENT_CHARS = 8_000


def is_kept(query: str | None) -> bool:
    """Whether what is made of the document `query` may be kept."""
    return query is not None and len(query) <= CACHED_DOCUMENT_CHARS


def operation_is_kept(operation: OperationDefinitionNode) -> bool:
    """Whether `operation`'s plan may be kept: its document is short enough (`is_kept`)."""
    location = operation.loc
    return location is not None and is_kept(location.source.body)


class ShortDocumentParserCache(ParserCache):
    """strawberry's ParserCache for documents up to CACHED_DOCUMENT_CHARS."""

    def on_parse(self) -> Iterator[None]:
        if is_kept(self.execution_context.query):
            yield from super().on_parse()
        else:
            yield  # strawberry parses it


class ShortDocumentValidationCache(ValidationCache):
    """strawberry's ValidationCache for documents up to CACHED_DOCUMENT_CHARS."""

    def on_validate(self) -> Iterator[None]:
        if is_kept(self.execution_context.query):
            yield from super().on_validate()
        else:
            yield  # strawberry validates it
