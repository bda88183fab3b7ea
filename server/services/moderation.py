"""Moderation: closing threads, hiding posts (and, through its opening post, a thread), and
banning members.

A hidden post stays in the database and in its place; moderators and its author still
see it, marked. Counts and search leave it out for everyone, so that neither gives away
what a visitor may not read. A banned member can no longer sign in or write; what they
wrote stays (a ban is about the person, hiding is about a post).
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import search
from server.domain import ThreadChange, ThreadStatus
from server.models import Member, Post, Thread
from server.models.base import utcnow
from server.services.errors import InvalidInput, UserErrorCode
from server.services.sessions import end_sessions_of
from server.services.threads.live import record_update
from server.services.threads.reading import NO_POST, NO_THREAD, get_post, get_thread
from server.services.validation import REASON_MAX, Collector
from server.services.viewer import Viewer, require_can_ban, require_moderator

log = logging.getLogger(__name__)


async def set_closed(
    session: AsyncSession, viewer: Viewer, *, thread_id: int | None, closed: bool
) -> Thread:
    """Close a thread (no more replies or edits) or reopen it; moderators only.

    Reopening restores ANSWERED when the thread has an accepted reply, OPEN otherwise.
    """
    require_moderator(viewer)
    thread = await get_thread(session, viewer, thread_id) if thread_id is not None else None
    if thread is None:
        raise InvalidInput.of("thread_id", NO_THREAD)
    before = thread.status
    if closed:
        thread.status = ThreadStatus.CLOSED
    elif thread.status == ThreadStatus.CLOSED:
        answered = thread.accepted_post_id is not None
        thread.status = ThreadStatus.ANSWERED if answered else ThreadStatus.OPEN
    await session.flush()
    if thread.status != before:
        record_update(session, thread.id, ThreadChange.STATUS_CHANGED)
    return thread


async def set_hidden(
    session: AsyncSession,
    viewer: Viewer,
    *,
    post_id: int | None,
    hidden: bool,
    reason: str | None = None,
) -> Post:
    """Hide a post with a reason, or show it again; moderators only.

    Hiding a reply takes it out of its thread's counts; hiding the opening post hides
    the whole thread. Hiding a hidden post only changes the reason.
    """
    require_moderator(viewer, "hide posts" if hidden else "show hidden posts")
    check = Collector()
    if hidden:
        reason = check.text("reason", reason or "", label="Reason", max_length=REASON_MAX)
    post = await get_post(session, viewer, post_id) if post_id is not None else None
    if post is None:
        check.add("post_id", NO_POST, UserErrorCode.INVALID)
    check.raise_if_any()
    assert post is not None

    state = Post.hidden_at.is_(None) if hidden else Post.hidden_at.is_not(None)
    # The conditional update decides, under the post's row lock, whether this call
    # changes the state, so two moderators hiding at once move the counts once.
    changed = (
        await session.execute(
            sa.update(Post)
            .where(Post.id == post.id, state)
            .values(hidden_at=utcnow() if hidden else None, hidden_reason=reason)
            .returning(Post.id)
            .execution_options(synchronize_session=False)
        )
    ).first() is not None
    if not changed and hidden:
        await session.execute(
            sa.update(Post)
            .where(Post.id == post.id)
            .values(hidden_reason=reason)
            .execution_options(synchronize_session=False)
        )
    if changed:
        step = -1 if hidden else 1
        values: dict[str, Any]
        if post.position == 0:
            values = {"hidden_at": utcnow() if hidden else None}
        else:
            values = {
                "reply_count": Thread.reply_count + step,
                "hidden_reply_count": Thread.hidden_reply_count - step,
                "expert_reply_count": Thread.expert_reply_count + (step if post.is_expert else 0),
            }
        await session.execute(sa.update(Thread).where(Thread.id == post.thread_id).values(values))
        await session.refresh(post)
        await search.index_post(session, post)
        log.info(
            "post %s %s by member %s", post.id, "hidden" if hidden else "shown", viewer.member_id
        )
        change = ThreadChange.POST_HIDDEN if hidden else ThreadChange.POST_SHOWN
        record_update(session, post.thread_id, change, post.id)
    await session.refresh(post)
    return post


async def set_banned(
    session: AsyncSession,
    viewer: Viewer,
    *,
    member_id: int | None,
    banned: bool,
    reason: str | None = None,
) -> Member:
    """Ban a member with a reason, or lift the ban; moderators and admins.

    Moderators ban members and researchers; only admins ban moderators and admins.
    Nobody bans themselves. A ban ends the member's sessions at once: their cookie
    signs nobody in (it is kept only so that a write says why it fails), and lifting
    the ban deletes those sessions, so the member signs in afresh.
    """
    require_moderator(viewer, "ban members" if banned else "lift bans")
    check = Collector()
    if banned:
        reason = check.text("reason", reason or "", label="Reason", max_length=REASON_MAX)
    member = await session.get(Member, member_id) if member_id is not None else None
    if member is None:
        check.add("member_id", "There is no member with this ID.", UserErrorCode.INVALID)
    check.raise_if_any()
    assert member is not None
    if member.id == viewer.member_id:
        raise InvalidInput.of("member_id", "You cannot ban or unban yourself.")
    require_can_ban(viewer, member.role)

    if banned:
        if member.banned_at is None:
            member.banned_at = utcnow()
            log.info("member %s banned by member %s", member.id, viewer.member_id)
        member.banned_reason = reason
    elif member.banned_at is not None:
        member.banned_at = None
        member.banned_reason = None
        await end_sessions_of(session, member.id)
        log.info("member %s unbanned by member %s", member.id, viewer.member_id)
    await session.flush()
    return member
