"""HTTP/1.1 as `moin-forum serve` speaks it (server/http_protocol.py): a request's head is
bounded (16 KiB, 100 fields), over it the answer is 431 or 414 and the connection closes;
everything else (bodies, pipelining, keep-alive, WebSockets) works as before.

Raw requests over a real socket to the app served with `serve`'s own HTTP protocol, read back
with h11 (the parser uvicorn used before), on both databases; and `moin-forum serve` itself in
a process of its own.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import h11
import httpx
import pytest

from server.auth.sessions import issue_session_cookie
from server.http_protocol import MAX_HEAD_BYTES, MAX_HEADER_FIELDS
from tests.api.test_subscriptions import REPLY, REPLY_ADDED, next_message, subscription
from tests.conftest import TEST_SECRET
from tests.factories import gid, make_member, make_thread
from tests.support import forum_process, serve

FEED = json.dumps({"query": "{ threads(first: 1) { nodes { id } } }"}).encode()


@pytest.fixture
async def served(app) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    """The app served over a loopback socket with `moin-forum serve`'s HTTP protocol."""
    async with serve(app) as address:
        yield address


@asynccontextmanager
async def connection(address: str) -> AsyncIterator[Connection]:
    host, port = address.split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        yield Connection(reader, writer)
    finally:
        writer.close()


class Closed(Exception):
    """The server closed the connection where an answer was expected."""


class Connection:
    """One client connection: raw bytes out, responses parsed by h11 in."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT)
        # h11 parses answers to requests it has seen sent: it is told of a GET, whatever was
        # really sent (only the answers are checked with it).
        self.h11.send(h11.Request(method="GET", target="/", headers=[("Host", "x")]))
        self.h11.send(h11.EndOfMessage())

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def response(self, timeout: float = 10) -> tuple[h11.Response, bytes]:
        """The next complete answer: its head and body."""
        head: h11.Response | None = None
        body = b""
        while True:
            event = self.h11.next_event()
            if event is h11.NEED_DATA:
                data = await asyncio.wait_for(self.reader.read(65536), timeout)
                if not data:
                    raise Closed
                self.h11.receive_data(data)
            elif isinstance(event, h11.ConnectionClosed):
                raise Closed
            elif isinstance(event, h11.Response):
                head = event
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                assert head is not None
                if self.h11.our_state is h11.DONE and self.h11.their_state is h11.DONE:
                    self.h11.start_next_cycle()
                    self.h11.send(h11.Request(method="GET", target="/", headers=[("Host", "x")]))
                    self.h11.send(h11.EndOfMessage())
                return head, body
            else:
                raise AssertionError(f"unexpected {event!r}")

    async def send_until_answered(self, piece: bytes, most: int) -> tuple[h11.Response, int]:
        """Send `piece` again and again (up to `most` bytes), looking for an answer after
        each: the answer and how many bytes were sent before it. (A client that kept sending
        after the server closed would get a reset, which can discard the answer.)"""
        sent = 0
        while sent < most:
            await self.send(piece)
            sent += len(piece)
            try:
                answer, _ = await self.response(timeout=0.05)
            except TimeoutError:
                continue
            return answer, sent
        raise AssertionError(f"no answer after {sent} bytes")

    async def closed(self, timeout: float = 10) -> bool:
        """Whether the server closes the connection (reading what it still sends)."""
        try:
            while await asyncio.wait_for(self.reader.read(65536), timeout):
                pass
        except ConnectionResetError:
            pass
        return True


def header(response: h11.Response, name: bytes) -> bytes | None:
    return next((v for k, v in response.headers if k == name), None)


def get(target: str = "/healthz", fields: list[tuple[str, str]] | None = None) -> bytes:
    lines = [f"GET {target} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{name}: {value}" for name, value in fields or []]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def post(body: bytes = FEED) -> bytes:
    head = (
        "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def get_of_size(size: int) -> bytes:
    """A GET /healthz whose head is `size` bytes, padded by one header field."""
    bare = len(get(fields=[("X-Pad", "")]))
    request = get(fields=[("X-Pad", "a" * (size - bare))])
    assert len(request) == size
    return request


async def test_a_head_at_the_bound_is_served_and_one_byte_more_is_refused(served):
    async with connection(served) as conn:
        await conn.send(get_of_size(MAX_HEAD_BYTES))
        answer, _ = await conn.response()
        assert answer.status_code == 200
        await conn.send(get_of_size(MAX_HEAD_BYTES + 1))  # on the same connection
        refused, text = await conn.response()
        assert await conn.closed()

    assert refused.status_code == 431
    assert header(refused, b"connection") == b"close"
    assert f"at most {MAX_HEAD_BYTES} bytes".encode() in text


async def test_more_header_fields_than_the_bound_are_refused(served):
    # Host is one of them.
    fields = [(f"X-Field-{n}", "1") for n in range(MAX_HEADER_FIELDS - 1)]
    async with connection(served) as conn:
        await conn.send(get(fields=fields))
        answer, _ = await conn.response()
        await conn.send(get(fields=[*fields, ("X-One-Too-Many", "1")]))
        refused, text = await conn.response()
        assert await conn.closed()

    assert answer.status_code == 200
    assert refused.status_code == 431
    assert f"{MAX_HEADER_FIELDS} fields".encode() in text


async def test_an_over_long_url_is_refused_with_414(served):
    async with connection(served) as conn:
        await conn.send(get("/graphql?query=" + "x" * MAX_HEAD_BYTES))
        refused, text = await conn.response()
        assert await conn.closed()

    assert refused.status_code == 414
    assert header(refused, b"connection") == b"close"
    assert b"URL is too long" in text


async def test_an_endless_header_is_refused_once_it_passes_the_bound(served):
    """The refusal comes while the header is still arriving, not at its end (there is none)."""
    async with connection(served) as conn:
        await conn.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Endless: ")
        refused, sent = await conn.send_until_answered(b"a" * 1024, 64 * MAX_HEAD_BYTES)
        assert await conn.closed()

    assert refused.status_code == 431
    assert header(refused, b"connection") == b"close"
    # Within the read that passed the bound (these 1 KiB pieces arrive one by one).
    assert MAX_HEAD_BYTES - 1024 < sent <= MAX_HEAD_BYTES + 1024


async def test_an_endless_trailer_of_a_chunked_body_is_refused(served):
    async with connection(served) as conn:
        await conn.send(
            b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
            + b"%x\r\n" % len(FEED)
            + FEED
            + b"\r\n0\r\nX-Trailer: "
        )
        refused, sent = await conn.send_until_answered(b"a" * 1024, 64 * MAX_HEAD_BYTES)
        assert await conn.closed()

    assert refused.status_code == 431
    assert sent <= MAX_HEAD_BYTES + 1024


async def test_a_body_is_not_counted_as_head_even_in_one_read_with_it(served):
    padded = json.dumps({"query": "{ __typename }", "variables": {"pad": "a" * 200_000}}).encode()
    async with connection(served) as conn:
        await conn.send(post(padded))
        answer, body = await conn.response()

    assert answer.status_code == 200
    assert json.loads(body) == {"data": {"__typename": "Query"}}


async def test_pipelined_requests_with_bodies_are_answered_in_order(served):
    padded = json.dumps({"query": "{ __typename }", "variables": {"pad": "a" * 100_000}}).encode()
    large_head = get_of_size(MAX_HEAD_BYTES)
    async with connection(served) as conn:
        await conn.send(post(padded) + large_head + post(padded) + get() + large_head)
        answers = [await conn.response() for _ in range(5)]

    assert [a.status_code for a, _ in answers] == [200] * 5
    assert json.loads(answers[2][1]) == {"data": {"__typename": "Query"}}


async def test_an_over_long_head_pipelined_after_a_request_lets_that_request_finish(served):
    async with connection(served) as conn:
        await conn.send(post() + get_of_size(MAX_HEAD_BYTES + 1))
        answer, body = await conn.response()
        assert "threads" in json.loads(body)["data"]
        # The refused request is answered 431 when it came after the first one was
        # answered, or not at all when it came while the first one ran; then the close.
        try:
            refused, _ = await conn.response()
        except Closed:
            refused = None
        assert await conn.closed()

    assert answer.status_code == 200
    assert refused is None or refused.status_code == 431


async def test_an_idle_kept_alive_connection_is_closed_after_the_keep_alive_timeout(app):
    async with serve(app, timeout_keep_alive=1) as address, connection(address) as conn:
        await conn.send(get())
        answer, _ = await conn.response()
        started = asyncio.get_running_loop().time()
        assert await conn.closed(timeout=10)
        waited = asyncio.get_running_loop().time() - started

    assert answer.status_code == 200
    assert 0.5 < waited < 5


# -- `moin-forum serve` in a process of its own ------------------------------------------


def _mapped_libraries(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text()


async def test_moin_forum_serve_bounds_heads_and_carries_subscriptions(
    db, settings, database_url, tmp_path
):
    """The served process: httptools on uvloop, the bound, and a live update over a WebSocket."""
    author = await make_member(db)
    thread = await make_thread(db, author=author)
    name, value = await issue_session_cookie(db, author.id, settings)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MOIN_")},
        "MOIN_DATABASE_URL": database_url,
        "MOIN_SECRET_KEY": TEST_SECRET,
        "MOIN_WORKER": "off",
        "MOIN_LOG_LEVEL": "warning",
    }
    command = [sys.executable, "-c", "from server.cli import main; main()", "serve"]
    with forum_process(command, env=env, cwd=tmp_path) as forum:
        maps = _mapped_libraries(forum.process.pid)
        assert "httptools/parser/parser" in maps
        assert "uvloop/loop" in maps

        address = forum.url.removeprefix("http://")
        async with connection(address) as conn:
            await conn.send(get_of_size(MAX_HEAD_BYTES + 1))
            refused, _ = await conn.response()
            assert await conn.closed()
        assert refused.status_code == 431

        origin = {"Origin": forum.url}
        async with (
            httpx.AsyncClient(base_url=forum.url, cookies={name: value}, headers=origin) as http,
            subscription(
                address, REPLY_ADDED, {"id": gid("Thread", thread.id)}, origin=forum.url
            ) as socket,
        ):
            written = await http.post(
                "/graphql",
                json={
                    "query": REPLY,
                    "variables": {"input": {"threadId": gid("Thread", thread.id), "body": "Live"}},
                },
            )
            assert written.status_code == 200 and written.json()["data"]["reply"]["errors"] == []
            message = await next_message(socket)

    assert message["type"] == "next"
    assert message["payload"]["data"]["replyAdded"]["body"] == "Live"
