"""The viewer's rules, as matrices: who asks × what they see, and who may do what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from server.domain import MemberRole, Visibility
from server.services.errors import Forbidden, Unauthenticated
from server.services.viewer import (
    OPERATOR,
    VISITOR,
    Viewer,
    ban_shown_to,
    can_accept,
    for_admins,
    hears_live_updates,
    hidden_reason_shown_to,
    manages_organisation,
    post_shown_to,
    require_admin,
    require_can_ban,
    require_organiser,
    thread_shown_to,
    unacceptable_reason,
)

AUTHOR_ID = 7
HIDDEN_AT = datetime(2026, 12, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Shown:
    """A post or thread as a row: what the rules read."""

    hidden_at: datetime | None
    author_id: int = AUTHOR_ID
    visibility: str = Visibility.PUBLIC.value
    position: int = 1


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


def _refusal(rule, viewer):
    try:
        rule(viewer)
    except (Forbidden, Unauthenticated) as exc:
        return type(exc).__name__
    return "ok"


@pytest.mark.parametrize("who", VIEWERS)
def test_admins_manage_and_researchers_organise_a_visitor_is_asked_to_sign_in(who):
    viewer = VIEWERS[who]
    anonymous = who in {"visitor", "partner"}

    assert _refusal(require_admin, viewer) == (
        "ok" if who == "admin" else "Unauthenticated" if anonymous else "Forbidden"
    )
    assert _refusal(require_organiser, viewer) == (
        "ok" if who in {"admin", "researcher"} else "Unauthenticated" if anonymous else "Forbidden"
    )
    assert for_admins(viewer, "ana@bank.example") == (
        "ana@bank.example" if who == "admin" else None
    )
    assert hears_live_updates(viewer) is (who != "banned")


def test_a_banned_member_is_told_of_the_ban_by_every_requirement():
    banned = VIEWERS["banned"]

    for rule in (require_admin, require_organiser):
        with pytest.raises(Forbidden, match="suspended by the forum's moderators"):
            rule(banned)


@pytest.mark.parametrize("who", VIEWERS)
def test_admins_manage_every_organisation_and_a_lead_contact_their_own(who):
    viewer = VIEWERS[who]
    admin = who == "admin"

    assert manages_organisation(viewer, 1, is_lead_contact=False) is admin
    assert manages_organisation(viewer, 1, is_lead_contact=True) is (admin or who in MEMBERS)
    assert manages_organisation(viewer, 2, is_lead_contact=True) is admin
    assert manages_organisation(OPERATOR, 2, is_lead_contact=False)


@pytest.mark.parametrize("who", VIEWERS)
def test_a_reply_is_accepted_by_the_threads_author_or_a_moderator_never_their_own(who):
    viewer = VIEWERS[who]
    reply_by_peer = Shown(hidden_at=None, author_id=99)
    by_the_author_of_the_thread = who in {"author", *STAFF}

    assert can_accept(viewer, AUTHOR_ID, reply_by_peer) is by_the_author_of_the_thread
    own = Shown(hidden_at=None, author_id=viewer.member_id or 0)
    assert can_accept(viewer, AUTHOR_ID, own) is (who in STAFF)


def test_neither_the_opening_post_nor_a_hidden_reply_can_be_an_answer():
    moderator = VIEWERS["moderator"]
    opening = Shown(hidden_at=None, author_id=99, position=0)
    hidden = Shown(hidden_at=HIDDEN_AT, author_id=99)

    assert unacceptable_reason(opening) == "The opening post cannot be accepted: choose a reply."
    assert unacceptable_reason(hidden) is not None
    assert unacceptable_reason(Shown(hidden_at=None)) is None
    assert not can_accept(moderator, AUTHOR_ID, opening)
    assert not can_accept(moderator, AUTHOR_ID, hidden)


@pytest.mark.parametrize("role", list(MemberRole))
def test_moderators_ban_members_and_researchers_only_admins_ban_moderators_and_admins(role):
    staff_role = role in (MemberRole.MODERATOR, MemberRole.ADMIN)

    require_can_ban(VIEWERS["admin"], role)
    if staff_role:
        with pytest.raises(Forbidden, match="Only admins"):
            require_can_ban(VIEWERS["moderator"], role)
    else:
        require_can_ban(VIEWERS["moderator"], role)
