"""Notification e-mail through a real SMTP server: at once, in digests, unsubscribed with
one click, and never lost when the SMTP server is down."""

from __future__ import annotations

from datetime import timedelta

import httpx
import sqlalchemy as sa
from pydantic import SecretStr

from server import jobs, mail
from server.domain import EmailFrequency, MemberRole
from server.models import Member, NotificationSettings, OutboxJob
from server.models.base import utcnow
from server.services import emails
from tests.conftest import BASE_URL
from tests.engagement.support import SETTINGS, follow, reply, run_jobs
from tests.factories import gid, make_member, make_thread
from tests.smtp import SmtpSink
from tests.support import free_port, gql

SENDER = "MOIN Forum <forum@moin.example>"


def with_mail(settings, url: str):
    return settings.model_copy(update={"smtp_url": SecretStr(url), "mail_from": SENDER})


async def choose(db, member: Member, frequency: EmailFrequency) -> None:
    async with db.write() as session:
        session.add(
            NotificationSettings(
                member_id=member.id,
                email_frequency=frequency,
                auto_follow=True,
                updated_at=utcnow(),
            )
        )


def parts(message) -> dict[str, str]:
    return {
        part.get_content_type(): part.get_content()
        for part in message.walk()
        if not part.is_multipart()
    }


async def test_a_reply_is_mailed_at_once_with_its_links_and_one_click_unsubscribe(
    app, db, settings, signed_in, smtp_sink
):
    settings = with_mail(settings, smtp_sink.url)
    author = await make_member(db, name="Lena Vogel")
    thread = await make_thread(db, author=author, title="Upside <script>alert(1)</script>")
    await choose(db, author, EmailFrequency.IMMEDIATELY)
    replier = await signed_in(await make_member(db, name="Amara Okafor"))

    post_id = await reply(
        replier, thread.id, "We **capped** it: [see](/t/x) <img src=x onerror=alert(1)>"
    )
    await run_jobs(app, settings, db)

    [message] = smtp_sink.received
    assert message["To"] == f"Lena Vogel <{author.email}>"
    assert message["Subject"] == "Amara Okafor replied to Upside <script>alert(1)</script>"
    assert message["From"] == SENDER
    assert message["Message-ID"].endswith("@moin.example>")
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(f"{BASE_URL}/auth/email/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = parts(message)
    thread_url = f"{BASE_URL}/t/{gid('Thread', thread.id)}#post-{post_id}"
    assert thread_url in body["text/plain"] and unsubscribe in body["text/plain"]
    html = body["text/html"]
    assert "<strong>capped</strong>" in html
    assert f'href="{BASE_URL}/t/x"' in html  # the post's links made absolute
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<img" not in html  # raw HTML in a post is text, escaped
    assert thread_url in html and unsubscribe in html

    # One click, by the member's mail program: no session, e-mail off.
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as anyone:
        answer = await anyone.post(
            unsubscribe,
            content="List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    assert answer.status_code == 200
    member = await signed_in(author)
    assert (await gql(member, SETTINGS))["notificationSettings"]["emailFrequency"] == "NEVER"


async def test_the_settings_page_needs_no_session_and_refuses_altered_links(
    app, db, settings, client
):
    member = await make_member(db)
    link = emails_link(settings, member.id)

    page = await client.get(link)
    assert page.status_code == 200
    assert 'value="DAILY" checked' in page.text
    assert page.headers["Cache-Control"] == "no-store"
    saved = await client.post(
        link,
        content="frequency=WEEKLY",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert saved.status_code == 200 and 'value="WEEKLY" checked' in saved.text
    assert await frequency_of(db, member) == EmailFrequency.WEEKLY

    for bad, status in ((link[:-3] + "abc", 400), (link + "x", 400)):
        refused = await client.post(
            bad,
            content="frequency=NEVER",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert refused.status_code == status
        assert "not valid" in refused.text
    unknown = await client.post(
        link,
        content="frequency=HOURLY",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert unknown.status_code == 400
    assert await frequency_of(db, member) == EmailFrequency.WEEKLY


def emails_link(settings, member_id: int) -> str:
    from server.links import EmailSettingsLinks

    return EmailSettingsLinks(settings.secret(), settings.public_url).link(member_id)


async def frequency_of(db, member: Member) -> EmailFrequency | None:
    async with db.read() as session:
        return await session.scalar(
            sa.select(NotificationSettings.email_frequency).where(
                NotificationSettings.member_id == member.id
            )
        )


async def test_nobody_is_mailed_who_should_not_be(app, db, settings, signed_in, smtp_sink):
    settings = with_mail(settings, smtp_sink.url)
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    cases = {}
    for case in ("immediately", "daily", "never", "banned", "no-address"):
        member = await make_member(db)
        cases[case] = member
        await follow(await signed_in(member), thread=gid("Thread", thread.id))
        frequency = {
            "daily": EmailFrequency.DAILY,
            "never": EmailFrequency.NEVER,
        }.get(case, EmailFrequency.IMMEDIATELY)
        await choose(db, member, frequency)
    async with db.write() as session:
        await session.execute(
            sa.update(Member).where(Member.id == cases["banned"].id).values(banned_at=utcnow())
        )
        await session.execute(
            sa.update(Member).where(Member.id == cases["no-address"].id).values(email=None)
        )
    await reply(await signed_in(await make_member(db)), thread.id)
    await run_jobs(app, settings, db)

    assert [m["To"] for m in smtp_sink.received] == [
        f"{cases['immediately'].display_name} <{cases['immediately'].email}>"
    ]


async def run_digest(app, settings, db, kind: str, period_start) -> int:
    async with db.write() as session:
        await jobs.enqueue(
            session,
            kind,
            {"period_start": period_start.isoformat(), "period_end": period_start.isoformat()},
        )
    return await run_jobs(app, settings, db)


async def test_a_daily_digest_lists_what_is_new_and_is_not_sent_when_nothing_is(
    app, db, settings, signed_in, smtp_sink
):
    settings = with_mail(settings, smtp_sink.url)
    reader = await make_member(db, name="Ines Prado")
    weekly = await make_member(db)
    await choose(db, weekly, EmailFrequency.WEEKLY)
    quiet = await make_member(db)  # DAILY by default, follows nothing
    threads = []
    for title in ("Green steel", "Mission budgets"):
        author = await make_member(db)
        await choose(db, author, EmailFrequency.NEVER)  # follows their own thread
        thread = await make_thread(db, author=author, title=title)
        threads.append(thread)
        for member in (reader, weekly):
            await follow(await signed_in(member), thread=gid("Thread", thread.id))
    writer = await signed_in(await make_member(db, name="Kofi Mensah"))
    for thread in threads:
        await reply(writer, thread.id)
    await run_jobs(app, settings, db)
    assert smtp_sink.received == []  # DAILY and WEEKLY members get nothing at once

    await run_digest(app, settings, db, emails.DIGEST_DAILY, utcnow())

    [digest] = smtp_sink.received
    assert digest["To"] == f"Ines Prado <{reader.email}>"
    assert digest["Subject"] == "MOIN Forum: 2 new for you today"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = parts(digest)
    for thread in threads:
        assert f"Kofi Mensah replied to {thread.title}" in body["text/plain"]
        assert f"{BASE_URL}/t/{gid('Thread', thread.id)}" in body["text/html"]
    assert quiet.email not in str([m["To"] for m in smtp_sink.received])

    # The next day, nothing new: no digest.
    await run_digest(app, settings, db, emails.DIGEST_DAILY, utcnow() + timedelta(days=1))
    assert len(smtp_sink.received) == 1
    # The weekly member gets theirs with the week's run.
    await run_digest(app, settings, db, emails.DIGEST_WEEKLY, utcnow())
    assert [m["To"] for m in smtp_sink.received][1:] == [f"{weekly.display_name} <{weekly.email}>"]
    assert smtp_sink.received[1]["Subject"] == "MOIN Forum: 2 new for you this week"


async def test_with_the_smtp_server_down_the_write_stands_and_mail_goes_later(
    app, db, settings, signed_in
):
    port = free_port()
    settings = with_mail(settings, f"smtp://127.0.0.1:{port}")
    author = await make_member(db, role=MemberRole.MEMBER)
    thread = await make_thread(db, author=author)
    await choose(db, author, EmailFrequency.IMMEDIATELY)

    post_id = await reply(await signed_in(await make_member(db)), thread.id, "Still here")
    await run_jobs(app, settings, db)
    async with db.read() as session:
        [job] = (
            await session.scalars(sa.select(OutboxJob).where(OutboxJob.kind == mail.MAIL_SEND))
        ).all()
    assert (job.state, job.attempts) == ("pending", 1)
    assert "cannot reach the SMTP server" in (job.last_error or "")
    assert post_id  # the reply was stored and answered

    with SmtpSink(port) as sink:
        async with db.write() as session:  # the retry's time has come
            await session.execute(sa.update(OutboxJob).values(run_at=utcnow()))
        await run_jobs(app, settings, db)
        assert len(sink.received) == 1
        assert sink.received[0]["To"].endswith(f"<{author.email}>")
