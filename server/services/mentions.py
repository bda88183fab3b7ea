"""`@name` mentions in posts: found server-side, linked in the rendered post.

A mention is `@` and a member's display name as shown (`@Amara Okafor`), which is what
the composer's completion inserts. Several members may share a first name, so the
longest name that follows an `@` wins. A mention of nobody stays plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server.ids import to_global_id
from server.models import Member, MemberRecord, Organisation, record_columns
from server.services.errors import BadInput
from server.services.viewer import Viewer, require_member

# An @ at the start or after a character that cannot be part of a word or an address
# (so `ana@example.org` mentions nobody).
_AT = re.compile(r"(?<![\w@.])@(?=\w)")
# A name has at most this many words, and a post names at most this many members (more
# are left as plain text: a post is not a mailing list).
MAX_NAME_WORDS = 5
MAX_MENTIONS = 20
_TRAILING = ".,;:!?)]}'\"*_"
# Inside these elements a mention is left as written (code, or already a link).
_VERBATIM = {"a", "code", "pre"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class Mentioned:
    """A member a post mentions."""

    member_id: int
    display_name: str
    # Where the name links: the member's organisation's page (by its slug).
    organisation_slug: str | None


def _candidates(body: str) -> list[str]:
    """The names that may follow an @ in `body`: one to MAX_NAME_WORDS words each."""
    names: list[str] = []
    for match in _AT.finditer(body):
        words = body[match.end() : match.end() + 200].split()[:MAX_NAME_WORDS]
        for count in range(1, len(words) + 1):
            name = " ".join(words[:count]).rstrip(_TRAILING)
            if name and name not in names:
                names.append(name)
        if len(names) > MAX_MENTIONS * MAX_NAME_WORDS:
            break
    return names


async def find(session: AsyncSession, body: str) -> list[Mentioned]:
    """The members `body` mentions (one statement, none when there is no @), longest
    names first."""
    names = _candidates(body)
    if not names:
        return []
    lowered = {name.lower() for name in names}
    rows = await session.execute(
        sa.select(Member.id, Member.display_name, Organisation.slug)
        .outerjoin(Organisation, Organisation.id == Member.organisation_id)
        .where(
            sa.or_(Member.display_name.in_(names), sa.func.lower(Member.display_name).in_(lowered))
        )
    )
    found = [Mentioned(*row) for row in rows if row.display_name.lower() in lowered]
    # Where one name is the start of another (`@Ana` and `@Ana Silva`), only the names
    # actually written after an @ count: check each against the text.
    written = [m for m in found if _pattern(m.display_name).search(body)]
    written.sort(key=lambda m: (-len(m.display_name), m.member_id))
    return _longest_only(body, written)[:MAX_MENTIONS]


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w@.])@" + re.escape(name) + r"(?!\w)", re.IGNORECASE)


def _longest_only(body: str, members: Sequence[Mentioned]) -> list[Mentioned]:
    """Drop a member whose every mention is the start of a longer mentioned name."""
    kept: list[Mentioned] = []
    taken: list[tuple[int, int]] = []
    for member in members:  # longest names first
        spans = [m.span() for m in _pattern(member.display_name).finditer(body)]
        free = [s for s in spans if not any(a <= s[0] < b for a, b in taken)]
        if free:
            kept.append(member)
            taken.extend(free)
    return kept


def _escape(text: str) -> str:
    # As markdown-it writes text into HTML: &, <, > and " escaped, apostrophes not.
    return html.escape(text, quote=False).replace('"', "&quot;")


def link(body_html: str, mentioned: Sequence[Mentioned]) -> str:
    """`body_html` with each mention of a member in `mentioned` made a link to their
    organisation's page (outside code and existing links)."""
    if not mentioned:
        return body_html
    # One pattern, longest names first, applied once: a shorter name is never matched
    # inside a longer one's link.
    by_name = {_escape(m.display_name).lower(): m for m in mentioned}
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w@.])@(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
    )
    parts = _TAG.split(body_html)
    verbatim = 0
    for index, part in enumerate(parts):
        if index % 2 == 1:  # a tag
            tag = _TAG_NAME.match(part)
            if tag and tag.group(2).lower() in _VERBATIM and not part.endswith("/>"):
                verbatim += -1 if tag.group(1) else 1
            continue
        if verbatim > 0 or "@" not in part:
            continue
        parts[index] = pattern.sub(
            lambda found: _anchor(found.group(0), by_name[found.group(1).lower()]), part
        )
    return "".join(parts)


def _anchor(text: str, member: Mentioned) -> str:
    # `text` is already escaped HTML (it was matched in the rendered body).
    member_id = to_global_id("Member", member.member_id)
    if member.organisation_slug is None:
        return f'<span class="mention" data-member="{member_id}">{text}</span>'
    # Slugs are [a-z0-9-] (server.domain.ORGANISATION_SLUG): nothing to escape.
    href = f"/o/{member.organisation_slug}"
    return f'<a class="mention" data-member="{member_id}" href="{href}">{text}</a>'


# Completion in the composer: how many names at most, and how long a prefix may be.
COMPLETE_MAX = 10
PREFIX_MAX = 40


def _like_prefix(text: str) -> str:
    """`text` as the start of a LIKE pattern (its own % and _ taken literally, `\\` escaping)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def complete(
    session: AsyncSession, viewer: Viewer, prefix: str, *, first: int = 8
) -> list[MemberRecord]:
    """Members whose display name, or one of its words, starts with `prefix` (any case), for
    the composer's @name completion: names that start with it first, then by name; banned
    members left out. Signed-in members only: names are not a visitor's to list."""
    require_member(viewer, "look up members to mention")
    wanted = prefix.strip().lstrip("@").lower()
    if not 1 <= len(wanted) <= PREFIX_MAX:
        raise BadInput(f"`prefix` must have 1 to {PREFIX_MAX} characters; it had {len(wanted)}.")
    if not 1 <= first <= COMPLETE_MAX:
        raise BadInput(f"`first` must be between 1 and {COMPLETE_MAX}; it was {first}.")
    name = sa.func.lower(Member.display_name)
    starts = name.like(_like_prefix(wanted), escape="\\")
    word_starts = name.like("% " + _like_prefix(wanted), escape="\\")
    rows = await session.execute(
        sa.select(*record_columns(Member))
        .where(sa.or_(starts, word_starts), Member.banned_at.is_(None))
        .order_by(sa.case((starts, 0), else_=1), name, Member.id)
        .limit(first)
    )
    return cast("list[MemberRecord]", rows.all())
