"""`moin-forum worker` killed (SIGKILL) while it mails a reply's notifications, and restarted:
every follower is notified once and mailed once (a receiver can tell the one message a
kill may repeat by its Message-ID)."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from server.domain import EmailFrequency, FollowKind
from server.models import Follow, Notification
from server.models.base import utcnow
from tests.engagement.test_email import choose
from tests.factories import make_member, make_reply, make_thread
from tests.jobs.test_worker_processes import WorkerProcess
from tests.smtp import SmtpSink

FOLLOWERS = 40


async def test_a_worker_killed_mid_batch_notifies_and_mails_each_follower_once(
    db, database_url, tmp_path
):
    author = await make_member(db)
    await choose(db, author, EmailFrequency.NEVER)
    thread = await make_thread(db, author=author, title="Shared risk")
    followers = [await make_member(db) for _ in range(FOLLOWERS)]
    async with db.write() as session:
        session.add_all(
            Follow(member_id=m.id, kind=FollowKind.THREAD, key=str(thread.id), created_at=utcnow())
            for m in followers
        )
    for member in followers:
        await choose(db, member, EmailFrequency.IMMEDIATELY)
    await make_reply(db, thread=thread, author=await make_member(db))

    with SmtpSink(delay=0.05) as sink:
        first = WorkerProcess(database_url, sink.url, tmp_path / "first.log")
        try:
            await sink.wait_for(8, timeout=90)
        finally:
            first.kill()  # SIGKILL: no chance to finish or release anything
        before_restart = len(sink.by_message_id())
        second = WorkerProcess(database_url, sink.url, tmp_path / "second.log")
        try:
            await sink.wait_for(FOLLOWERS, timeout=90)
        finally:
            stopped = await second.terminate()

    assert before_restart < FOLLOWERS, "the kill came after the batch: nothing was tested"
    assert stopped == 0, (tmp_path / "second.log").read_text()
    async with db.read() as session:
        notified = Counter(await session.scalars(sa.select(Notification.member_id)))
    assert notified == Counter({m.id: 1 for m in followers} | {author.id: 1})
    mailed = Counter(str(m["To"]) for m in sink.by_message_id().values())
    assert sorted(mailed) == sorted(f"{m.display_name} <{m.email}>" for m in followers)
    assert set(mailed.values()) == {1}
    assert sink.repeats() <= 1
