"""A real SMTP server for tests: aiosmtpd on a loopback port, keeping what it accepts."""

from __future__ import annotations

import asyncio
import email
import email.policy
import time
from collections import Counter
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.support import free_port


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(self, _server, _session, envelope, address, _options) -> str:
        code = self.sink.reject.get(address)
        if code is not None:
            # Real servers name the address in the refusal: the forum must not log it.
            return f"{code} 5.1.1 <{address}>: recipient refused"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, _server, _session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        # Kept before the answer, as a real server keeps it: a client that dies before reading
        # the 250 does not know the message was delivered, and will send it again.
        self.sink.received.append(message)  # type: ignore[arg-type]
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        return "250 Message accepted for delivery"


class SmtpSink:
    """An SMTP server that keeps every message it accepts, repeats included.

    `reject` maps recipients to the code to refuse them with; `delay` slows every message
    down (seconds), so that a test can stop a sender in the middle of a batch.
    """

    def __init__(self, port: int | None = None, *, delay: float = 0.0, **smtp: Any) -> None:
        self.port = port or free_port()
        self.delay = delay
        self.reject: dict[str, int] = {}
        self.received: list[EmailMessage] = []
        self._smtp = smtp
        self._controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> SmtpSink:
        self._controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self.port, **self._smtp
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def by_message_id(self) -> dict[str, EmailMessage]:
        """What the receiver has, counting a repeated Message-ID once."""
        return {str(m["Message-ID"]): m for m in self.received}

    def repeats(self) -> int:
        """How many accepted messages repeated a Message-ID already received."""
        return sum(n - 1 for n in Counter(str(m["Message-ID"]) for m in self.received).values())

    async def wait_for(self, count: int, *, timeout: float = 30.0) -> None:
        """Wait until `count` distinct messages have arrived."""
        deadline = time.monotonic() + timeout
        while len(self.by_message_id()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{len(self.by_message_id())} of {count} messages arrived in {timeout} s"
                )
            await asyncio.sleep(0.05)
