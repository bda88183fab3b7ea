"""The viewer's rules for what a loaded row shows, as a matrix: who asks × what they see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from server.domain import MemberRole, Visibility
from server.services.viewer import (
    VISITOR,
    Viewer,
    ban_shown_to,
    hidden_reason_shown_to,
    post_shown_to,
    thread_shown_to,
)

AUTHOR_ID = 7
HIDDEN_AT = datetime(2026, 12, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Shown:
    """A post or thread as a row: what the rules read."""

    hidden_at: datetime | None
    author_id: int = AUTHOR_ID
    visibility: str = Visibility.PUBLIC.value


VIEWERS = {
    "visitor": VISITOR,
    "partner": Viewer(partner_id=3),
    "banned": Viewer(banned_reason="spam"),
    "member": Viewer(member_id=1, role=MemberRole.MEMBER, organisation_id=1),
    "author": Viewer(member_id=AUTHOR_ID, role=MemberRole.MEMBER, organisation_id=1),
    "researcher": Viewer(member_id=2, role=MemberRole.RESEARCHER, organisation_id=1),
    "moderator": Viewer(member_id=3, role=MemberRole.MODERATOR, organisation_id=1),
    "admin": Viewer(member_id=4, role=MemberRole.ADMIN, organisation_id=1),
}
STAFF = {"moderator", "admin"}
MEMBERS = {"member", "author", "researcher", *STAFF}


@pytest.mark.parametrize("who", VIEWERS)
def test_a_hidden_post_is_shown_to_moderators_and_its_author_only(who):
    viewer = VIEWERS[who]

    assert post_shown_to(viewer, Shown(hidden_at=None))
    assert post_shown_to(viewer, Shown(hidden_at=HIDDEN_AT)) is (who in {"author", *STAFF})


@pytest.mark.parametrize("who", VIEWERS)
@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("hidden", [False, True])
def test_a_thread_is_shown_by_its_visibility_unless_it_is_hidden(who, visibility, hidden):
    thread = Shown(hidden_at=HIDDEN_AT if hidden else None, visibility=visibility.value)
    readable = visibility is Visibility.PUBLIC or who in MEMBERS
    sees_hidden = who in {"author", *STAFF}

    assert thread_shown_to(VIEWERS[who], thread) is (readable and (not hidden or sees_hidden))


@pytest.mark.parametrize("who", VIEWERS)
def test_why_a_post_was_hidden_and_whether_a_member_is_banned_are_for_moderators(who):
    viewer = VIEWERS[who]
    staff = who in STAFF

    assert hidden_reason_shown_to(viewer, "off topic") == ("off topic" if staff else None)
    assert hidden_reason_shown_to(viewer, None) is None
    assert ban_shown_to(viewer, HIDDEN_AT) == (True if staff else None)
    assert ban_shown_to(viewer, None) == (False if staff else None)
