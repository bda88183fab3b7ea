"""E-mail: messages built safely, queued in the outbox, delivered over SMTP by the worker.

A caller builds a `Mail` (plain text, and HTML in which everything is escaped except
sanitised post HTML, with absolute links) and queues it with `queue(session, mail)` in the
write that causes it. The worker's `mail.send` handler (`Mailer.deliver`) sends it through
MOIN_SMTP_URL with a Message-ID made from the job's delivery id, so a receiver can drop
the one repeat a worker dying mid-send can cause. Addresses and the SMTP password never
reach a log line or a stored error.
"""

from __future__ import annotations

import asyncio
import email.policy
import re
import ssl
import time
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

import aiosmtplib
import nh3
from markupsafe import Markup
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from server.db import utcnow
from server.jobs import GiveUp, Job, Retry, enqueue

MAIL_SEND = "mail.send"
# A connection unused for longer may have been dropped by the server: open a new one.
IDLE_RECONNECT_SECONDS = 60.0
_ADDRESS = re.compile(r"[^\s<>\"'(),;:]+@[^\s<>\"'(),;:]+")


def redact(text: str) -> str:
    """`text` with anything that looks like an e-mail address replaced (for logs, errors)."""
    return _ADDRESS.sub("<address>", text)


@dataclass(frozen=True)
class SmtpServer:
    """Where mail goes, from MOIN_SMTP_URL.

    `smtp://user:pass@host:587` (STARTTLS, required with credentials), `smtps://user:pass@
    host:465` (TLS from the start), `smtp://host:25` (no credentials, no TLS: a relay on
    the same machine or network).
    """

    host: str
    port: int
    tls: Literal["starttls", "implicit", "none"]
    username: str | None = None
    password: SecretStr | None = None

    @classmethod
    def parse(cls, url: str) -> SmtpServer:
        """Read an SMTP URL; a ValueError says what is wrong without repeating the URL."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise ValueError(
                "is not a URL of the form smtp://[user:password@]host[:port]"
            ) from None
        if parts.scheme not in ("smtp", "smtps"):
            raise ValueError("must start with smtp:// or smtps://")
        if not parts.hostname:
            raise ValueError("names no host")
        if parts.path not in ("", "/") or parts.query:
            raise ValueError("takes no path or query")
        username = unquote(parts.username) if parts.username else None
        password = SecretStr(unquote(parts.password)) if parts.password else None
        if (username is None) != (password is None):
            raise ValueError("needs both a user name and a password, or neither")
        if parts.scheme == "smtps":
            return cls(parts.hostname, port or 465, "implicit", username, password)
        if username is not None:
            return cls(parts.hostname, port or 587, "starttls", username, password)
        return cls(parts.hostname, port or 25, "none")

    def describe(self) -> str:
        """Host, port and TLS mode: what a log line may say about the server."""
        return f"{self.host}:{self.port} ({self.tls})"


def check_sender(value: str) -> str:
    """MOIN_MAIL_FROM: `forum@example.org` or `MOIN Forum <forum@example.org>`."""
    if "\r" in value or "\n" in value:
        raise ValueError("must be one line")
    _name, address = parseaddr(value)
    if "@" not in address or not address.split("@", 1)[1]:
        raise ValueError("must be an e-mail address, e.g. 'MOIN Forum <forum@example.org>'")
    return value


# Post HTML in e-mail: what server.markdown produces, and nothing else.
_POST_TAGS = {
    *("a", "blockquote", "br", "code", "del", "em", "hr", "li", "ol", "p", "pre", "s"),
    *("strong", "table", "tbody", "td", "th", "thead", "tr", "ul", "img"),
    *("h1", "h2", "h3", "h4", "h5", "h6"),
}
_POST_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}


def post_html(html: str, base_url: str) -> Markup:
    """Sanitised post HTML for an e-mail: cleaned again, every link and image absolute."""

    def absolute(_tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src"):
            return urljoin(base_url + "/", value)
        return value

    return Markup(
        nh3.clean(
            html,
            tags=_POST_TAGS,
            attributes=_POST_ATTRIBUTES,
            attribute_filter=absolute,
            url_schemes={"http", "https", "mailto"},
            link_rel="nofollow noopener noreferrer ugc",
        )
    )


def html_document(*, title: str, body: Markup | str, footer: Markup | str = "") -> str:
    """A whole HTML e-mail. Plain strings are escaped; only `Markup` (sanitised post HTML
    from `post_html`, or `Markup(...).format(...)` of escaped values) goes in as HTML."""
    return Markup(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{}</title></head>'
        '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">'
        '{}<hr><footer style="font-size: smaller; color: #555">{}</footer></body></html>\n'
    ).format(title, body, footer)


@dataclass(frozen=True)
class Mail:
    """One message to one person, as queued (the outbox row's payload)."""

    to: str
    subject: str
    text: str
    # A whole HTML document, e.g. from `html_document`.
    html: str
    # Given: List-Unsubscribe (one click, RFC 8058) points here.
    unsubscribe_url: str | None = None

    def payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Mail:
        return cls(**payload)


async def queue(session: AsyncSession, mail: Mail, *, dedupe_key: str | None = None) -> bool:
    """Send `mail` once `session`'s transaction commits (see `jobs.enqueue`).

    A message that could never be sent (no address, a header on two lines) is refused
    here, in the write, rather than failing later in the worker.
    """
    if any(char in mail.to + mail.subject for char in "\r\n"):
        raise ValueError("the recipient and the subject must each be one line")
    if "@" not in parseaddr(mail.to)[1]:
        raise ValueError("the recipient is not an e-mail address")
    return await enqueue(session, MAIL_SEND, mail.payload(), dedupe_key=dedupe_key)


def message_id(delivery_id: str, sender: str) -> str:
    """The Message-ID of a delivery: the same on every try, so receivers see one message."""
    domain = parseaddr(sender)[1].rsplit("@", 1)[-1]
    return f"<{delivery_id}@{domain}>"


def build_message(mail: Mail, *, delivery_id: str, sender: str) -> EmailMessage:
    """The MIME message: multipart/alternative, plain text first, then HTML."""
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = message_id(delivery_id, sender)
    # Notifications, not a person writing: no auto-replies (RFC 3834).
    message["Auto-Submitted"] = "auto-generated"
    if mail.unsubscribe_url:
        message["List-Unsubscribe"] = f"<{mail.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    return message


class Mailer:
    """The `mail.send` handler: one SMTP connection per worker process, reused.

    Connection failures, timeouts and 4xx answers are retried (`Retry`); a 5xx rejection
    of the recipient or the message fails the job for good (`GiveUp`). A refused login is
    retried: it is the forum's configuration, not the message, that is wrong.
    """

    def __init__(
        self,
        server: SmtpServer | None,
        sender: str | None,
        *,
        timeout: float = 30.0,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        self.server = server
        self.sender = sender
        self.timeout = timeout
        self.tls_context = tls_context
        self._client: aiosmtplib.SMTP | None = None
        self._last_used = 0.0
        self._lock = asyncio.Lock()

    @property
    def enabled(self) -> bool:
        return self.server is not None and self.sender is not None

    async def deliver(self, job: Job) -> None:
        """Send the message queued as `job`, with its Message-ID made from the delivery id."""
        if self.server is None or self.sender is None:
            raise GiveUp("e-mail is off (MOIN_SMTP_URL is not set)")
        try:
            message = build_message(
                Mail.from_payload(job.payload), delivery_id=job.delivery_id, sender=self.sender
            )
        except (TypeError, ValueError) as exc:
            raise GiveUp(f"not a message that can be sent: {redact(str(exc))}") from None
        async with self._lock:
            await self._send(message)

    async def _send(self, message: EmailMessage) -> None:
        reused = await self._connect()
        try:
            await self._transmit(message)
        except _Dropped:
            if not reused:
                raise Retry("the SMTP server closed the connection") from None
            # A kept connection that the server had dropped: one fresh try at once.
            await self._connect()
            try:
                await self._transmit(message)
            except _Dropped:
                raise Retry("the SMTP server closed the connection") from None

    async def _connect(self) -> bool:
        """Connect unless connected; returns whether an open connection is reused."""
        assert self.server is not None
        idle = time.monotonic() - self._last_used
        if self._client is not None and self._client.is_connected:
            if idle < IDLE_RECONNECT_SECONDS:
                return True
            await self.close()
        server = self.server
        client = aiosmtplib.SMTP(
            hostname=server.host,
            port=server.port,
            username=server.username,
            password=server.password.get_secret_value() if server.password else None,
            use_tls=server.tls == "implicit",
            start_tls=server.tls == "starttls",
            timeout=self.timeout,
            tls_context=self.tls_context,
        )
        try:
            await client.connect()
        except aiosmtplib.SMTPAuthenticationError as exc:
            client.close()
            raise Retry(f"the SMTP server refused the login ({exc.code})") from None
        except (aiosmtplib.SMTPException, OSError) as exc:
            client.close()
            raise Retry(
                f"cannot reach the SMTP server at {server.describe()}: {_reason(exc)}"
            ) from None
        self._client = client
        return False

    async def _transmit(self, message: EmailMessage) -> None:
        assert self._client is not None
        try:
            await self._client.send_message(message)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            await self.close()
            refusal = exc.recipients[0]
            _reject_or_retry(refusal.code, refusal.message, "the recipient")
        except aiosmtplib.SMTPResponseException as exc:
            await self.close()
            _reject_or_retry(exc.code, exc.message, "the message")
        except (aiosmtplib.SMTPServerDisconnected, ConnectionError):
            self._drop()
            raise _Dropped from None
        except (aiosmtplib.SMTPException, OSError) as exc:
            self._drop()
            raise Retry(f"sending failed: {_reason(exc)}") from None
        except asyncio.CancelledError:
            # Stopped mid-conversation (the job's timeout): the connection is in no state
            # to carry another message.
            self._drop()
            raise
        self._last_used = time.monotonic()

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    async def close(self) -> None:
        """Say goodbye to the SMTP server, if connected."""
        client, self._client = self._client, None
        if client is None or not client.is_connected:
            return
        try:
            await client.quit()
        except (aiosmtplib.SMTPException, OSError):
            client.close()


class _Dropped(Exception):
    """The SMTP connection was closed under us."""


def _reject_or_retry(code: int, text: str, what: str) -> None:
    reason = f"the SMTP server answered {code} for {what}: {redact(text)[:300]}"
    if 500 <= code < 600:
        raise GiveUp(reason)
    raise Retry(reason)


def _reason(exc: BaseException) -> str:
    return redact(str(exc) or type(exc).__name__)[:300]
