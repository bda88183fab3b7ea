"""E-mail through a real SMTP server (aiosmtpd on loopback): headers, parts, Message-ID,
retries while SMTP is down, permanent refusals, STARTTLS with a login, and no address or
password in logs."""

from __future__ import annotations

import asyncio
import ssl
import time

import pytest
import sqlalchemy as sa
import trustme
from aiosmtpd.smtp import AuthResult
from markupsafe import Markup

from server import mail
from server.background import build_worker
from server.config import ConfigError, load_settings
from server.domain import RoarPillar, ThreadKind
from server.jobs import Registry, Worker
from server.mail import Mail, Mailer, SmtpServer, html_document, post_html
from server.models import OutboxJob, Thread
from server.services import threads
from tests.conftest import TEST_SECRET
from tests.factories import make_member, viewer_of
from tests.smtp import SmtpSink
from tests.support import free_port

FORUM = "https://forum.example"
SENDER = "MOIN Forum <forum@moin.example>"
UNSUBSCRIBE = f"{FORUM}/unsubscribe?token=abc.def"


def mail_settings(database_url: str, smtp_url: str, **overrides):
    return load_settings(
        database_url=database_url,
        secret_key=TEST_SECRET,
        base_url=FORUM,
        smtp_url=smtp_url,
        mail_from=SENDER,
        **overrides,
    )


def reply_mail(to: str = "ana@bank.example") -> Mail:
    body = Markup("<h1>{}</h1>{}").format(
        'New reply in "Buying <for> missions"',
        post_html(
            '<p>See <a href="/threads/7#post-3">our notes</a>.</p><img src="/web/chart.png" alt="">',
            FORUM,
        ),
    )
    footer = Markup('<a href="{}">Change or stop these e-mails</a>').format(UNSUBSCRIBE)
    return Mail(
        to=to,
        subject='New reply in "Buying <for> missions"',
        text=f"See our notes: {FORUM}/threads/7#post-3\n\nStop these e-mails: {UNSUBSCRIBE}\n",
        html=html_document(title="New reply", body=body, footer=footer),
        unsubscribe_url=UNSUBSCRIBE,
    )


async def outbox_rows(db) -> list[OutboxJob]:
    """The outbox's mail (writes queue other work too: a new thread's notifications)."""
    async with db.read() as session:
        query = sa.select(OutboxJob).where(OutboxJob.kind == mail.MAIL_SEND).order_by(OutboxJob.id)
        return list((await session.scalars(query)).all())


async def test_a_queued_message_arrives_multipart_with_its_headers_and_message_id(
    db, database_url, smtp_sink
):
    worker = build_worker(mail_settings(database_url, smtp_sink.url), db)
    async with db.write() as session:
        await mail.queue(session, reply_mail())
    [row] = await outbox_rows(db)

    assert await worker.run_once() == 1

    [message] = smtp_sink.received
    assert message["Message-ID"] == f"<{row.delivery_id}@moin.example>"
    assert (message["From"], message["To"]) == (SENDER, "ana@bank.example")
    assert message["Subject"] == 'New reply in "Buying <for> missions"'
    assert message["List-Unsubscribe"] == f"<{UNSUBSCRIBE}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated" and message["Date"]
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert f"{FORUM}/threads/7#post-3" in message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    # Everything but the sanitised post HTML is escaped; the post's links are absolute.
    assert "<h1>New reply in &#34;Buying &lt;for&gt; missions&#34;</h1>" in html
    assert f'<a href="{FORUM}/threads/7#post-3" rel="nofollow noopener noreferrer ugc">' in html
    assert f'<img src="{FORUM}/web/chart.png" alt="">' in html
    assert f'<a href="{UNSUBSCRIBE}">' in html
    assert [(r.state, r.attempts) for r in await outbox_rows(db)] == [("done", 1)]


async def test_a_message_that_could_never_be_sent_is_refused_in_the_write(db):
    for bad in (
        Mail(to="no address", subject="Hi", text="", html=""),
        Mail(to="ana@bank.example", subject="Hi\r\nBcc: all@bank.example", text="", html=""),
    ):
        with pytest.raises(ValueError):
            async with db.write() as session:
                await mail.queue(session, bad)

    assert await outbox_rows(db) == []


def test_post_html_in_an_e_mail_is_sanitised_again():
    cleaned = post_html(
        '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:x">y</a>', FORUM
    )

    assert "onclick" not in cleaned and "<script" not in cleaned and "javascript:" not in cleaned


async def test_with_smtp_down_the_write_commits_and_the_message_is_delivered_when_smtp_is_back(
    db, database_url
):
    port = free_port()  # nothing listens there yet
    settings = mail_settings(database_url, f"smtp://127.0.0.1:{port}", jobs_retry_seconds=0.2)
    worker = build_worker(settings, db)
    author = await make_member(db)
    async with db.write() as session:  # a write that causes an e-mail, as a reply will
        thread = await threads.start_thread(
            session,
            viewer_of(author),
            kind=ThreadKind.CHALLENGE,
            title="Buying for missions",
            body="How?",
            pillars=[RoarPillar.ASSESSMENT],
        )
        await mail.queue(session, reply_mail())

    assert await worker.run_once() == 2  # the mail, and the new thread's notifications
    [row] = await outbox_rows(db)
    assert (row.state, row.attempts) == ("pending", 1)
    assert f"cannot reach the SMTP server at 127.0.0.1:{port}" in row.last_error
    async with db.read() as session:
        assert await session.get(Thread, thread.id) is not None  # the write stands

    with SmtpSink(port) as sink:
        deadline = time.monotonic() + 10
        while not sink.received and time.monotonic() < deadline:
            await worker.run_once()
            await asyncio.sleep(0.05)

    assert len(sink.received) == 1
    assert sink.received[0]["Message-ID"] == f"<{row.delivery_id}@moin.example>"
    assert [(r.state, r.attempts) for r in await outbox_rows(db)] == [("done", 2)]


async def test_a_recipient_refused_with_5xx_fails_for_good_and_its_address_is_never_logged(
    db, database_url, smtp_sink, caplog
):
    smtp_sink.reject["gone@bank.example"] = 550
    worker = build_worker(mail_settings(database_url, smtp_sink.url), db)
    async with db.write() as session:
        await mail.queue(session, reply_mail(to="gone@bank.example"))

    assert await worker.run_once() == 1

    [row] = await outbox_rows(db)
    assert row.state == "failed"
    assert row.last_error.startswith("the SMTP server answered 550 for the recipient")
    assert "<address>" in row.last_error and "gone@" not in row.last_error
    assert "gone@" not in caplog.text and "550" in caplog.text


async def test_a_recipient_refused_with_4xx_is_tried_again_later(db, database_url, smtp_sink):
    smtp_sink.reject["full@bank.example"] = 452
    worker = build_worker(mail_settings(database_url, smtp_sink.url), db)
    async with db.write() as session:
        await mail.queue(session, reply_mail(to="full@bank.example"))

    assert await worker.run_once() == 1

    [row] = await outbox_rows(db)
    assert (row.state, row.attempts) == ("pending", 1)
    assert row.last_error.startswith("the SMTP server answered 452 for the recipient")


async def test_a_login_goes_over_starttls_and_the_password_stays_out_of_errors(db, caplog):
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    client_context = ssl.create_default_context()
    ca.configure_trust(client_context)
    logins: list[tuple[bytes, bytes]] = []

    def authenticate(_server, _session, _envelope, _mechanism, data) -> AuthResult:
        logins.append((data.login, data.password))
        # handled=False: the server answers 535 itself.
        return AuthResult(success=data.password == b"s3cret pass", handled=False)

    sink = SmtpSink(
        tls_context=server_context,
        require_starttls=True,
        authenticator=authenticate,
        auth_require_tls=True,
    )
    with sink:
        good = SmtpServer.parse(f"smtp://forum:s3cret%20pass@127.0.0.1:{sink.port}")
        bad = SmtpServer.parse(f"smtp://forum:hunter2@127.0.0.1:{sink.port}")
        assert good.tls == "starttls"
        for server in (bad, good):
            registry = Registry()
            mailer = Mailer(server, SENDER, timeout=5, tls_context=client_context)
            registry.register(mail.MAIL_SEND, mailer.deliver)
            async with db.write() as session:
                await mail.queue(session, reply_mail())
            assert await Worker(db, registry).run_once() == 1
            await mailer.close()

    # The client tries each mechanism the server offers with the wrong password.
    assert {login for login in logins} == {(b"forum", b"hunter2"), (b"forum", b"s3cret pass")}
    assert logins[-1] == (b"forum", b"s3cret pass")
    assert len(sink.received) == 1
    refused, sent = await outbox_rows(db)
    assert (refused.state, sent.state) == ("pending", "done")
    assert refused.last_error.startswith("the SMTP server refused the login (535)")
    assert "hunter2" not in caplog.text and "hunter2" not in refused.last_error


def test_smtp_urls_choose_tls_by_scheme_and_credentials():
    assert SmtpServer.parse("smtp://relay.internal") == SmtpServer("relay.internal", 25, "none")
    assert SmtpServer.parse("smtps://u:p@mail.example").tls == "implicit"
    assert SmtpServer.parse("smtps://u:p@mail.example").port == 465
    assert SmtpServer.parse("smtp://u:p@mail.example").port == 587
    assert SmtpServer.parse("smtp://u:p@mail.example:2525").describe() == (
        "mail.example:2525 (starttls)"
    )


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://u:hunter2@mail.example", "must start with smtp:// or smtps://"),
        ("smtp://u:hunter2@mail.example:99999", "is not a URL"),
        ("smtp://u@mail.example", "both a user name and a password"),
        ("smtp://u:hunter2@mail.example/x", "takes no path"),
    ],
)
def test_a_wrong_smtp_url_names_the_variable_and_never_shows_the_password(url, problem):
    with pytest.raises(ConfigError, match=f"MOIN_SMTP_URL: .*{problem}") as refused:
        load_settings(secret_key=TEST_SECRET, smtp_url=url, mail_from=SENDER)

    assert "hunter2" not in str(refused.value)


def test_an_smtp_url_needs_a_sender_address():
    with pytest.raises(ConfigError, match="MOIN_MAIL_FROM is not set"):
        load_settings(secret_key=TEST_SECRET, smtp_url="smtp://relay.internal")
    with pytest.raises(ConfigError, match="MOIN_MAIL_FROM: .*e-mail address"):
        load_settings(secret_key=TEST_SECRET, mail_from="MOIN Forum")
    settings = load_settings(
        secret_key=TEST_SECRET, smtp_url="smtp://a:hunter2@h", mail_from=SENDER
    )
    assert "hunter2" not in repr(settings)


async def test_with_e_mail_off_the_forum_says_so_once_and_queued_mail_fails_with_the_reason(
    db, database_url, caplog
):
    settings = load_settings(database_url=database_url, secret_key=TEST_SECRET)
    from server.background import announce_mail

    announce_mail(settings)
    worker = build_worker(settings, db)
    async with db.write() as session:
        await mail.queue(session, reply_mail())

    assert await worker.run_once() == 1
    assert caplog.text.count("e-mail is off") == 2  # at start, and for the message
    [row] = await outbox_rows(db)
    assert (row.state, row.last_error) == ("failed", "e-mail is off (MOIN_SMTP_URL is not set)")
