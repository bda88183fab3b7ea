"""@name completion in the composer: members by the start of their name or of a word of it,
for signed-in members only, bounded. Both databases."""

from __future__ import annotations

from datetime import UTC, datetime

from server.models import Member
from tests.factories import make_member
from tests.support import error_codes, gql

COMPLETE = """
query($prefix: String!, $first: Int) {
  mentionableMembers(prefix: $prefix, first: $first) { displayName organisation { name } }
}
"""


async def names(client, prefix: str, first: int | None = None) -> list[str]:
    data = await gql(client, COMPLETE, {"prefix": prefix, "first": first})
    return [m["displayName"] for m in data["mentionableMembers"]]


async def test_names_and_their_words_complete_any_case_starts_first(db, signed_in):
    writer = await signed_in(await make_member(db, name="Writer Person"))
    for name in ("Amara Okafor", "Okonkwo Ade", "Ana Silva", "Anabel Ruiz", "Joana Anaya"):
        await make_member(db, name=name)
    banned = await make_member(db, name="Anastasia Banned")
    async with db.write() as session:
        row = await session.get(Member, banned.id)
        assert row is not None
        row.banned_at = datetime.now(UTC)

    assert await names(writer, "ana") == ["Ana Silva", "Anabel Ruiz", "Joana Anaya"]
    assert await names(writer, "@OK") == ["Okonkwo Ade", "Amara Okafor"]
    assert await names(writer, "ana s") == ["Ana Silva"]
    assert await names(writer, "ana", first=1) == ["Ana Silva"]
    # LIKE's own wildcards are taken as written.
    assert await names(writer, "%") == [] and await names(writer, "_na") == []


async def test_visitors_cannot_list_names_and_bad_arguments_are_clear_errors(db, client, signed_in):
    await make_member(db, name="Amara Okafor")
    body = await gql(client, COMPLETE, {"prefix": "ama"}, errors=True)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None or not body["data"].get("mentionableMembers")

    member = await signed_in(await make_member(db))
    for variables, words in (
        ({"prefix": "  "}, "1 to 40 characters"),
        ({"prefix": "a" * 41}, "1 to 40 characters"),
        ({"prefix": "ama", "first": 0}, "between 1 and 10"),
        ({"prefix": "ama", "first": 11}, "between 1 and 10"),
    ):
        body = await gql(member, COMPLETE, variables, errors=True)
        assert error_codes(body) == ["BAD_USER_INPUT"], variables
        assert words in body["errors"][0]["message"], body
