"""Who is asking, and the permission rules: one function per rule."""

from __future__ import annotations

from dataclasses import dataclass

from server.domain import MemberRole, Visibility
from server.services.errors import Forbidden, Unauthenticated


@dataclass(frozen=True)
class Viewer:
    """The actor of a request: a visitor, a signed-in member, or a partner site's key."""

    member_id: int | None = None
    role: MemberRole | None = None
    organisation_id: int | None = None
    partner_id: int | None = None

    @property
    def is_member(self) -> bool:
        return self.member_id is not None

    @property
    def is_moderator(self) -> bool:
        return self.role in (MemberRole.MODERATOR, MemberRole.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role is MemberRole.ADMIN

    @property
    def is_expert(self) -> bool:
        return self.role is MemberRole.RESEARCHER


VISITOR = Viewer()


def readable_visibilities(viewer: Viewer) -> tuple[str, ...]:
    """Signed-in members read everything; visitors and partner keys read PUBLIC only."""
    if viewer.is_member:
        return (Visibility.PUBLIC.value, Visibility.MEMBERS.value)
    return (Visibility.PUBLIC.value,)


def can_read(viewer: Viewer, visibility: str) -> bool:
    return visibility in readable_visibilities(viewer)


def require_writer(viewer: Viewer) -> int:
    """Only signed-in members with an organisation write; returns the member id."""
    if viewer.member_id is None:
        raise Unauthenticated("Sign in to write in the forum.")
    if viewer.organisation_id is None:
        raise Forbidden(
            "Your account is not attached to a member organisation yet, so you can read but "
            "not write. Ask the network's secretariat to attach you to your organisation."
        )
    return viewer.member_id


def require_can_edit(viewer: Viewer, author_id: int) -> None:
    """Authors edit their own posts; moderators and admins edit any."""
    if viewer.member_id != author_id and not viewer.is_moderator:
        raise Forbidden("Only the author or a moderator can edit this post.")


def require_can_accept(viewer: Viewer, thread_author_id: int) -> None:
    """The thread's author, a moderator or an admin accepts a reply."""
    if viewer.member_id != thread_author_id and not viewer.is_moderator:
        raise Forbidden("Only the thread's author or a moderator can accept a reply.")


def require_moderator(viewer: Viewer) -> None:
    """Moderators and admins close and reopen threads."""
    if viewer.member_id is None:
        raise Unauthenticated("Sign in to moderate.")
    if not viewer.is_moderator:
        raise Forbidden("Only moderators and admins can close or reopen threads.")
