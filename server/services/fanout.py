"""Who hears of a new reply, thread or accepted answer: the notification fan-out.

A write queues one outbox job (`queue_*`, one INSERT in its transaction); the worker
runs `run` after the commit, in a transaction of its own, so that a reply in a thread
with a thousand followers costs its writer no more than a reply in a quiet one. Each
recipient is checked as a reader (`server.services.viewer`): nobody is told of what they
may not read, nor of their own action, and nobody twice of one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from server import jobs
from server.domain import (
    FollowKind,
    MemberRole,
    NotificationReason,
    mask_to_pillars,
    mask_to_types,
)
from server.models import Follow, Member, Post, Thread
from server.services import notifications
from server.services.viewer import Viewer, post_shown_to, thread_shown_to

FAN_OUT = "notifications.fan_out"
Reason = NotificationReason


async def queue_reply(session: AsyncSession, post_id: int, mentioned: Sequence[int]) -> None:
    """Tell the thread's followers, and the members the reply mentions, after the commit."""
    await jobs.enqueue(
        session,
        FAN_OUT,
        {"event": "reply", "post": post_id, "mentions": list(mentioned)},
        dedupe_key=f"fan-out:post:{post_id}",
    )


async def queue_thread(session: AsyncSession, thread_id: int, mentioned: Sequence[int]) -> None:
    """Tell the followers of the new thread's pillars, organisation types, topics and
    organisation, and the members its opening post mentions, after the commit."""
    await jobs.enqueue(
        session,
        FAN_OUT,
        {"event": "thread", "thread": thread_id, "mentions": list(mentioned)},
        dedupe_key=f"fan-out:thread:{thread_id}",
    )


async def queue_mentions(session: AsyncSession, post_id: int, mentioned: Sequence[int]) -> None:
    """Tell the members an edited post mentions (those it already told hear nothing new)."""
    if mentioned:
        await jobs.enqueue(
            session, FAN_OUT, {"event": "edit", "post": post_id, "mentions": list(mentioned)}
        )


async def queue_accept(session: AsyncSession, thread_id: int, post_id: int, actor_id: int) -> None:
    """Tell the thread's followers that an answer was accepted, after the commit."""
    await jobs.enqueue(
        session,
        FAN_OUT,
        {"event": "accept", "thread": thread_id, "post": post_id, "actor": actor_id},
        dedupe_key=f"fan-out:accept:{thread_id}:{post_id}",
    )


async def run(session: AsyncSession, payload: dict[str, Any]) -> dict[int, int]:
    """Make the notifications of one queued event; returns the new ones by member id.

    Safe to run twice: a member already told of the event is not told again.
    """
    event = payload.get("event")
    mentions = {int(m) for m in payload.get("mentions", ())}
    if event in ("reply", "edit"):
        return await _post(session, int(payload["post"]), mentions, followers=event == "reply")
    if event == "thread":
        return await _thread(session, int(payload["thread"]), mentions)
    if event == "accept":
        return await _accept(
            session, int(payload["thread"]), int(payload["post"]), int(payload["actor"])
        )
    raise ValueError(f"not a fan-out event: {event!r}")


def _thread_followers(thread_id: int) -> sa.Select[Any]:
    return sa.select(Follow.member_id).where(
        Follow.kind == FollowKind.THREAD, Follow.key == str(thread_id)
    )


async def _readers(
    session: AsyncSession, candidates: sa.Select[Any], mentions: set[int]
) -> dict[int, Viewer]:
    """The candidates and mentioned members who are not banned, as the readers they are,
    by member id."""
    where: sa.ColumnElement[bool] = Member.id.in_(candidates)
    if mentions:
        where = sa.or_(where, Member.id.in_(mentions))
    rows = await session.execute(
        sa.select(Member.id, Member.role, Member.organisation_id).where(
            where, Member.banned_at.is_(None)
        )
    )
    return {i: Viewer(member_id=i, role=MemberRole(role), organisation_id=o) for i, role, o in rows}


def _allowed(author: Member, readers: dict[int, Viewer]) -> dict[int, Viewer]:
    # A banned author's posts stay up, but only moderators hear of them.
    if author.banned_at is not None:
        return {i: reader for i, reader in readers.items() if reader.is_moderator}
    return readers


async def _post(
    session: AsyncSession, post_id: int, mentions: set[int], *, followers: bool
) -> dict[int, int]:
    row = (
        await session.execute(
            sa.select(Post, Thread, Member)
            .join(Thread, Thread.id == Post.thread_id)
            .join(Member, Member.id == Post.author_id)
            .where(Post.id == post_id)
        )
    ).first()
    if row is None:
        return {}
    post, thread, author = row
    candidates = (
        _thread_followers(thread.id) if followers else sa.select(Member.id).where(sa.false())
    )
    readers = [
        member_id
        for member_id, reader in _allowed(
            author, await _readers(session, candidates, mentions)
        ).items()
        if thread_shown_to(reader, thread) and post_shown_to(reader, post)
    ]
    reply = Reason.EXPERT_REPLY if post.is_expert else Reason.REPLY
    chosen = [
        notifications.Recipient(m, Reason.MENTION if m in mentions else reply)
        for m in readers
        if followers or m in mentions
    ]
    name, title = author.display_name, thread.title
    texts = {
        Reason.MENTION: f"{name} mentioned you in {title}",
        Reason.EXPERT_REPLY: f"{name} (researcher) replied to {title}",
        Reason.REPLY: f"{name} replied to {title}",
    }
    return await _notify_by_reason(
        session,
        chosen,
        texts,
        event_key=f"post:{post.id}",
        actor_id=author.id,
        thread_id=thread.id,
        post_id=post.id,
    )


async def _thread(session: AsyncSession, thread_id: int, mentions: set[int]) -> dict[int, int]:
    row = (
        await session.execute(
            sa.select(Thread, Member, Post.id)
            .join(Member, Member.id == Thread.author_id)
            .join(Post, sa.and_(Post.thread_id == Thread.id, Post.position == 0))
            .where(Thread.id == thread_id)
        )
    ).first()
    if row is None:
        return {}
    thread, author, opening_id = row
    targets = [
        *((FollowKind.PILLAR, p.value) for p in mask_to_pillars(thread.pillars_mask)),
        *(
            (FollowKind.ORGANISATION_TYPE, t.value)
            for t in mask_to_types(thread.organisation_types_mask)
        ),
        *((FollowKind.TOPIC, topic) for topic in thread.topics),
    ]
    if thread.organisation_id is not None:
        targets.append((FollowKind.ORGANISATION, str(thread.organisation_id)))
    candidates = sa.select(Follow.member_id).where(
        sa.or_(*(sa.and_(Follow.kind == kind, Follow.key == key) for kind, key in targets))
    )
    allowed = _allowed(author, await _readers(session, candidates, mentions))
    chosen = [
        notifications.Recipient(m, Reason.MENTION if m in mentions else Reason.NEW_THREAD)
        for m, reader in allowed.items()
        if thread_shown_to(reader, thread)
    ]
    name, title = author.display_name, thread.title
    texts = {
        Reason.MENTION: f"{name} mentioned you in {title}",
        Reason.NEW_THREAD: f"{name} started {title}",
    }
    return await _notify_by_reason(
        session,
        chosen,
        texts,
        event_key=f"thread:{thread.id}",
        actor_id=author.id,
        thread_id=thread.id,
        post_ids={Reason.MENTION: opening_id},
    )


async def _accept(
    session: AsyncSession, thread_id: int, post_id: int, actor_id: int
) -> dict[int, int]:
    row = (
        await session.execute(
            sa.select(Thread, Post)
            .join(Post, Post.thread_id == Thread.id)
            .where(Thread.id == thread_id, Post.id == post_id)
        )
    ).first()
    actor = await session.get(Member, actor_id)
    if row is None or actor is None:
        return {}
    thread, post = row
    readers = [
        member_id
        for member_id, reader in (
            await _readers(session, _thread_followers(thread.id), set())
        ).items()
        if thread_shown_to(reader, thread) and post_shown_to(reader, post)
    ]
    return await notifications.notify(
        session,
        readers,
        Reason.ANSWER_ACCEPTED,
        text=f"{actor.display_name} accepted an answer in {thread.title}",
        event_key=f"accept:{post.id}",
        actor_id=actor.id,
        thread_id=thread.id,
        post_id=post.id,
    )


async def _notify_by_reason(
    session: AsyncSession,
    chosen: list[notifications.Recipient],
    texts: dict[NotificationReason, str],
    *,
    event_key: str,
    actor_id: int,
    thread_id: int,
    post_id: int | None = None,
    post_ids: dict[NotificationReason, int] | None = None,
) -> dict[int, int]:
    """One `notify` per reason (each reason has its text), all for the same event."""
    made: dict[int, int] = {}
    for reason, text in texts.items():
        members = [r.member_id for r in chosen if r.reason is reason]
        if members:
            made |= await notifications.notify(
                session,
                members,
                reason,
                text=text,
                event_key=event_key,
                actor_id=actor_id,
                thread_id=thread_id,
                post_id=(post_ids or {}).get(reason, post_id),
            )
    return made
