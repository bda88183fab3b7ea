"""Who is asking, and the permission rules: one function per rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from server.domain import MemberRole, Visibility
from server.services.errors import Forbidden, Unauthenticated

T = TypeVar("T")


@dataclass(frozen=True)
class Viewer:
    """The actor of a request: a visitor, a signed-in member, or a partner site's key."""

    member_id: int | None = None
    role: MemberRole | None = None
    organisation_id: int | None = None
    partner_id: int | None = None
    # Set for the cookie of a banned member: they read as a visitor and may not write.
    banned_reason: str | None = None

    @property
    def is_member(self) -> bool:
        """Signed in as a member (not a visitor or a partner's key)."""
        return self.member_id is not None

    @property
    def is_moderator(self) -> bool:
        """A moderator or an admin."""
        return self.role in (MemberRole.MODERATOR, MemberRole.ADMIN)

    @property
    def is_admin(self) -> bool:
        """An admin (or the operator at the command line)."""
        return self.role is MemberRole.ADMIN

    @property
    def is_expert(self) -> bool:
        """A researcher: what they write is marked as expert."""
        return self.role is MemberRole.RESEARCHER


VISITOR = Viewer()
# The operator at the command line: the one actor beside admins who manages members.
OPERATOR = Viewer(role=MemberRole.ADMIN)


def readable_visibilities(viewer: Viewer) -> tuple[Visibility, ...]:
    """Signed-in members read everything; visitors and partner keys read PUBLIC only."""
    if viewer.is_member:
        return (Visibility.PUBLIC, Visibility.MEMBERS)
    return (Visibility.PUBLIC,)


def can_read(viewer: Viewer, visibility: Visibility | str) -> bool:
    """Whether `viewer` may read what has `visibility` (an event's carries it as text)."""
    return visibility in readable_visibilities(viewer)


def require_writer(viewer: Viewer) -> int:
    """Only signed-in members with an organisation write; returns the member id."""
    if viewer.banned_reason is not None:
        raise Forbidden(banned_message(viewer.banned_reason))
    if viewer.member_id is None:
        raise Unauthenticated("Sign in to write in the forum.")
    if viewer.organisation_id is None:
        raise Forbidden(
            "Your account is not attached to a member organisation yet, so you can read but "
            "not write. Ask the network's secretariat to attach you to your organisation."
        )
    return viewer.member_id


def require_member(viewer: Viewer, action: str = "follow threads and topics") -> int:
    """Follows, notifications and their settings are for signed-in members who are not
    banned (an organisation is not needed: they only read); returns the member id."""
    if viewer.banned_reason is not None:
        raise Forbidden(banned_message(viewer.banned_reason))
    if viewer.member_id is None:
        raise Unauthenticated(f"Sign in to {action}.")
    return viewer.member_id


def require_can_edit(viewer: Viewer, author_id: int) -> None:
    """Authors edit their own posts; moderators and admins edit any."""
    if viewer.member_id != author_id and not viewer.is_moderator:
        raise Forbidden("Only the author or a moderator can edit this post.")


def require_can_accept(viewer: Viewer, thread_author_id: int) -> None:
    """The thread's author, a moderator or an admin accepts a reply."""
    if viewer.member_id != thread_author_id and not viewer.is_moderator:
        raise Forbidden("Only the thread's author or a moderator can accept a reply.")


def accepts_own_reply(viewer: Viewer, reply_author_id: int) -> bool:
    """Whether accepting this reply would be its author answering their own thread: a
    thread's author cannot accept their own reply (an answer comes from a peer); a
    moderator accepts any reply."""
    return viewer.member_id == reply_author_id and not viewer.is_moderator


def require_moderator(viewer: Viewer, action: str = "close or reopen threads") -> None:
    """Moderators and admins close and reopen threads, hide posts and ban members."""
    if viewer.banned_reason is not None:
        raise Forbidden(banned_message(viewer.banned_reason))
    if viewer.is_moderator:  # the operator at the command line too
        return
    if viewer.member_id is None:
        raise Unauthenticated("Sign in to moderate.")
    raise Forbidden(f"Only moderators and admins can {action}.")


def require_can_ban(viewer: Viewer, member_role: MemberRole) -> None:
    """Moderators ban members and researchers; only admins ban moderators and admins (the
    caller is a moderator already: `require_moderator`)."""
    if member_role in (MemberRole.MODERATOR, MemberRole.ADMIN) and not viewer.is_admin:
        raise Forbidden("Only admins can ban or unban moderators and admins.")


def require_admin(viewer: Viewer, action: str = "change members' roles and organisations") -> None:
    """Only admins (and the operator at the command line) manage members, organisations
    and the applications to join."""
    if viewer.banned_reason is not None:
        raise Forbidden(banned_message(viewer.banned_reason))
    if viewer.is_admin:
        return
    if viewer.member_id is None:
        raise Unauthenticated(f"Sign in as an admin to {action}.")
    raise Forbidden(f"Only admins can {action}.")


def require_organiser(viewer: Viewer) -> int:
    """Admins and the network's researchers organise events; returns the member id."""
    if viewer.banned_reason is not None:
        raise Forbidden(banned_message(viewer.banned_reason))
    if viewer.member_id is None:
        raise Unauthenticated("Sign in as an admin or researcher to create events.")
    if viewer.role not in (MemberRole.ADMIN, MemberRole.RESEARCHER):
        raise Forbidden("Only admins and the network's researchers can create events.")
    return viewer.member_id


def manages_organisation(viewer: Viewer, organisation_id: int, *, is_lead_contact: bool) -> bool:
    """Admins manage any organisation (invite to it, edit its profile); a lead contact
    (`is_lead_contact`: the viewer is one) manages their own."""
    if viewer.banned_reason is not None:
        return False
    return viewer.is_admin or (is_lead_contact and viewer.organisation_id == organisation_id)


def can_see_hidden(viewer: Viewer, author_id: int | None = None) -> bool:
    """Moderators see hidden posts and threads; so does their author (as Discourse does)."""
    return viewer.is_moderator or (author_id is not None and viewer.member_id == author_id)


class Hideable(Protocol):
    """A post (or a thread, hidden through its opening post) that moderators may hide."""

    @property
    def hidden_at(self) -> datetime | None: ...

    @property
    def author_id(self) -> int: ...


class Readable(Hideable, Protocol):
    """A thread: hideable, and readable by who its visibility says."""

    @property
    def visibility(self) -> Visibility: ...


class Acceptable(Hideable, Protocol):
    """A post that might be accepted as its thread's answer."""

    @property
    def position(self) -> int: ...


def unacceptable_reason(post: Acceptable) -> str | None:
    """Why `post` cannot be its thread's answer, whoever asks (None when it can): the
    opening post is no reply, and a hidden reply is no answer."""
    if post.position == 0:
        return "The opening post cannot be accepted: choose a reply."
    if post.hidden_at is not None:
        return "This reply is hidden by a moderator: it cannot be accepted."
    return None


def can_accept(viewer: Viewer, thread_author_id: int, reply: Acceptable) -> bool:
    """Whether `viewer` may accept `reply` as the answer of a thread of `thread_author_id`
    (the rules above and `unacceptable_reason`, for offering the action)."""
    if unacceptable_reason(reply) is not None:
        return False
    if viewer.banned_reason is not None or viewer.organisation_id is None:
        return False
    if viewer.member_id != thread_author_id and not viewer.is_moderator:
        return False
    return not accepts_own_reply(viewer, reply.author_id)


def post_shown_to(viewer: Viewer, post: Hideable) -> bool:
    """A post is shown unless hidden; hidden ones to moderators and their author only."""
    return post.hidden_at is None or can_see_hidden(viewer, post.author_id)


def thread_shown_to(viewer: Viewer, thread: Readable) -> bool:
    """A thread is shown when the viewer may read its visibility and it is not hidden from
    them (the one rule `services.threads` also applies in SQL)."""
    return can_read(viewer, thread.visibility) and post_shown_to(viewer, thread)


def hidden_reason_shown_to(viewer: Viewer, reason: str | None) -> str | None:
    """Why a post was hidden is for moderators' eyes only."""
    return reason if viewer.is_moderator else None


def for_admins(viewer: Viewer, value: T) -> T | None:
    """An applicant's e-mail address and the reason of a decision are for admins' eyes only
    (None for anyone else: the applicant sees their application without them)."""
    return value if viewer.is_admin else None


def hears_live_updates(viewer: Viewer) -> bool:
    """A socket of a member banned since it opened hears nothing more (it is closed)."""
    return viewer.banned_reason is None


def ban_shown_to(viewer: Viewer, banned_at: datetime | None) -> bool | None:
    """Whether a member is banned is for moderators' eyes only (None for anyone else)."""
    return banned_at is not None if viewer.is_moderator else None


def banned_message(reason: str) -> str:
    """What a banned member is told when they try to write or sign in."""
    return (
        f"Your account has been suspended by the forum's moderators ({reason}), so you cannot "
        "write or sign in. You can still read public threads; to appeal, write to the "
        "network's secretariat."
    )
