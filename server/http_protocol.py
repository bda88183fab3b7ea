"""HTTP/1.1 as `moin-forum serve` speaks it: httptools (llhttp), with bounds on a request's head.

Why httptools: with uvicorn's pure-Python h11 protocol, reading a request and writing its
answer cost about 85% of a cached answer (S1, and S10's persisted GETs and their 304s);
httptools with uvloop answered them about 2.4 times as fast (bench, December 2026).

Why a subclass: uvicorn's `HttpToolsProtocol` keeps a request's URL and header fields
however long they grow, and httptools keeps a header field it has not seen the end of, so
one connection sending an endless header could fill the server's memory. h11, which the
forum used before, refuses a head over 16 KiB. `BoundedHttpToolsProtocol` keeps that bound
and adds one on the number of fields: over it, the request is answered 431 (414 when its
URL is most of it) with `Connection: close`, and the connection is closed without reading
further.

What is counted, per request: every byte received while it is not body (the request line,
the header fields, the blank line, chunked framing and trailer fields, which httptools
buffers the same way), checked after each read from the socket; and, exactly, the URL and
each complete field as the parser reports them, so that a head arriving in one read is
refused while it is parsed, before its request reaches the application.
"""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("uvicorn.error")

# h11's default `max_incomplete_event_size`: the bound the forum kept until it left h11.
MAX_HEAD_BYTES = 16 * 1024
# Apache's LimitRequestFields. Browsers send about 20.
MAX_HEADER_FIELDS = 100

# The bytes of a request line besides its method and URL: two spaces, "HTTP/1.1", CRLF;
# and the blank line that ends the head.
_REQUEST_LINE_FRAMING = len("  HTTP/1.1\r\n") + len("\r\n")
# The bytes of a header field besides its name and value: ": " and CRLF.
_FIELD_FRAMING = len(": \r\n")


class HeadTooLarge(Exception):
    """Raised inside the parser's callbacks to stop it at once (httptools then raises its
    callback error, which the protocol answers with the refusal instead of a 400)."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with at most `max_head_bytes` and `max_header_fields`
    per request head (trailer fields of a chunked body count with it)."""

    max_head_bytes = MAX_HEAD_BYTES
    max_header_fields = MAX_HEADER_FIELDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        # The request being received: is one begun and not complete; bytes of earlier
        # reads taken as its own; its body bytes; what the parser reported of its head and
        # trailers (URL, fields); how many fields.
        self._open = False
        self._headers_done = False
        self._began_in_read = False
        self._seen = 0
        self._body = 0
        self._reported = 0
        self._fields = 0
        # Bytes of the current read that belong to requests completed in it.
        self._read_earlier = 0
        # The status this connection's last request was refused with, if it was.
        self._refused: HTTPStatus | None = None
        super().connection_made(transport)

    # -- reading ----------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        if self._refused is not None:
            return  # the connection is closing: what follows a refused head is dropped unread
        self._read_earlier = 0
        self._began_in_read = False
        super().data_received(data)
        if self._open and self._refused is None and not self.transport.is_closing():
            self._seen += len(data) - (self._read_earlier if self._began_in_read else 0)
            if self._seen - self._body > self.max_head_bytes:
                log.warning("Request head over %d bytes refused.", self.max_head_bytes)
                self._refuse()

    def on_message_begin(self) -> None:
        self._open = True
        self._headers_done = False
        self._began_in_read = True
        self._seen = self._body = self._reported = self._fields = 0
        super().on_message_begin()

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        self._reported += len(url)
        self._check_reported()

    def on_header(self, name: bytes, value: bytes) -> None:
        self._fields += 1
        self._reported += len(name) + len(value) + _FIELD_FRAMING
        self._check_reported()
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._reported += len(self.parser.get_method()) + _REQUEST_LINE_FRAMING
        self._check_reported()
        self._headers_done = True
        super().on_headers_complete()
        if self.parser.should_upgrade() and self._should_upgrade():
            # The WebSocket protocol takes the connection over from here.
            self._open = False

    def on_body(self, body: bytes) -> None:
        self._body += len(body)
        super().on_body(body)

    def on_message_complete(self) -> None:
        # What of this read was the request just completed: at least what the parser
        # reported of it, less what earlier reads brought.
        in_read = self._reported + self._body - (0 if self._began_in_read else self._seen)
        self._read_earlier += max(0, in_read)
        self._open = False
        super().on_message_complete()

    def _check_reported(self) -> None:
        if self._fields > self.max_header_fields:
            log.warning("Request with over %d header fields refused.", self.max_header_fields)
            self._refused = HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
            raise HeadTooLarge
        if self._reported > self.max_head_bytes:
            log.warning("Request head over %d bytes refused.", self.max_head_bytes)
            self._refused = self._status()
            raise HeadTooLarge

    # -- answering --------------------------------------------------------------------

    def send_400_response(self, msg: str) -> None:
        # uvicorn answers any parser error here, ours (a callback raising HeadTooLarge) too.
        if self._refused is not None:
            self._answer_refusal()
        else:
            super().send_400_response(msg)

    def _status(self) -> HTTPStatus:
        # The URL is what made the head too long when it is most of it.
        if 2 * len(self.url) > max(self._reported, self._seen - self._body):
            return HTTPStatus.REQUEST_URI_TOO_LONG
        return HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE

    def _refuse(self) -> None:
        self._refused = self._status()
        self._answer_refusal()

    def _answer_refusal(self) -> None:
        status = self._refused
        assert status is not None
        self._open = False
        if self.transport.is_closing():
            return
        cycle = self.cycle
        if self._headers_done:
            # Over the bound in a chunked body's trailer fields: the request is already with
            # the application. It is answered with the refusal if its answer has not begun
            # (the application then sees a disconnect), else the connection is cut.
            if cycle.response_started:
                self.transport.close()
                return
        elif cycle is not None and not cycle.response_complete:
            # An earlier request on this connection is still being answered (pipelining):
            # writing now would cut into its answer. It finishes, then the connection closes;
            # the refused request gets no answer of its own.
            cycle.keep_alive = False
            self.flow.pause_reading()
            return
        if status is HTTPStatus.REQUEST_URI_TOO_LONG:
            text = (
                f"The request's URL is too long: a request's head holds at most "
                f"{self.max_head_bytes} bytes.\n"
            )
        else:
            text = (
                f"The request's header fields are too large: at most {self.max_head_bytes} bytes "
                f"and {self.max_header_fields} fields.\n"
            )
        body = text.encode("ascii")
        head = [f"HTTP/1.1 {status.value} {status.phrase}\r\n".encode("ascii")]
        head += [
            name + b": " + value + b"\r\n" for name, value in self.server_state.default_headers
        ]
        head += [
            b"content-type: text/plain; charset=utf-8\r\n",
            b"content-length: %d\r\n" % len(body),
            b"connection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        self.transport.close()
