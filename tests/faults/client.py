"""What the fault tests do as a client of the served forum: sign in, subscribe."""

from __future__ import annotations

import asyncio
import json

import websockets

from server.auth import sessions
from server.config import Settings
from server.db import Database
from server.models import Member
from tests.factories import gid
from tests.faults.cluster import ForumProcess

THREADS = "{ threads(first: 5) { nodes { title } } }"
REPLY_ADDED = "subscription($id: ID!) { replyAdded(threadId: $id) { body } }"


async def session_cookie(db: Database, settings: Settings, member: Member) -> str:
    """A `Cookie` header value that signs `member` in to the served forum."""
    name, value = await sessions.issue_session_cookie(db, member.id, settings)
    return f"{name}={value}"


async def first_answer(server: ForumProcess, thread_id: int, cookie: str | None) -> dict:
    """Open a socket, subscribe to a thread's replies and return the first message.

    Raises websockets' ConnectionClosed if the server closes the socket instead.
    """
    headers = {"Cookie": cookie} if cookie else {}
    async with websockets.connect(
        f"ws://127.0.0.1:{server.port}/graphql",
        subprotocols=["graphql-transport-ws"],
        additional_headers=headers,
        origin=server.base_url,
    ) as socket:
        await socket.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await asyncio.wait_for(socket.recv(), 5))["type"] == "connection_ack"
        payload = {"query": REPLY_ADDED, "variables": {"id": gid("Thread", thread_id)}}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        answer: dict = json.loads(await asyncio.wait_for(socket.recv(), 5))
        return answer


def errors_of(message: dict) -> list[dict]:
    """The errors of a subscription's answer.

    Strawberry sends a resolver's error as `next` with errors (`error` is for documents
    that fail validation); either is acceptable here.
    """
    assert message["type"] in ("next", "error"), message
    errors: list[dict] = (
        message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    )
    return errors
