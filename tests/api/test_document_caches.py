"""What the schema keeps per document (parse, validation, plan): short documents only."""

from __future__ import annotations

import secrets

from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache

from server.schema.document_caches import CACHE_SIZE, CACHED_DOCUMENT_CHARS
from server.schema.plans import plans_of
from server.schema.plans.executor import LONG_DOCUMENT
from tests.factories import make_member, make_thread
from tests.support import gql


def kept_counts(app) -> tuple[int, int, int, int]:
    """Misses of the parse and validation caches (each is a document kept), plans
    compiled, and operations run without a plan because their document is long."""
    plans = plans_of(app.state.schema)
    assert plans is not None
    return (
        _get_parse_cache(CACHE_SIZE).cache_info().misses,
        _get_validate_cache(CACHE_SIZE).cache_info().misses,
        plans.compiled,
        plans.fallbacks[LONG_DOCUMENT],
    )


def feed_document(length: int) -> str:
    """A valid document of `length` characters (a comment makes up the length), never
    sent before."""
    query = f"query Feed{secrets.token_hex(4)} {{ threads(first: 2) {{ nodes {{ title }} }} }}"
    return "#" + "x" * (length - len(query) - 2) + "\n" + query


async def test_a_long_document_is_answered_and_nothing_of_it_is_kept(app, client, db):
    await make_thread(db, author=await make_member(db), title="Answered anyway")
    long = feed_document(CACHED_DOCUMENT_CHARS + 500)
    before = kept_counts(app)

    data = await gql(client, long)

    assert data["threads"]["nodes"][0]["title"] == "Answered anyway"
    parsed, validated, compiled, long_ones = kept_counts(app)
    assert (parsed, validated, compiled) == before[:3]
    assert long_ones == before[3] + 1


async def test_a_short_document_is_kept(app, client, db):
    await make_thread(db, author=await make_member(db), title="Kept")
    before = kept_counts(app)

    data = await gql(client, feed_document(300))

    assert data["threads"]["nodes"][0]["title"] == "Kept"
    parsed, validated, compiled, long_ones = kept_counts(app)
    assert (parsed, validated, compiled) == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert long_ones == before[3]
