"""A real webhook receiver on loopback: it keeps every request and answers as told."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.support import serve


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Answers the statuses of `answers` in turn (then 200); `hang_first` seconds of
    silence on the first request (a receiver that hangs)."""

    answers: list[int] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    hang_first: float = 0.0
    received: list[Received] = field(default_factory=list)
    url: str = ""

    async def handle(self, request: Request) -> Response:
        self.received.append(Received(dict(request.headers), await request.body()))
        if self.hang_first and len(self.received) == 1:
            await asyncio.sleep(self.hang_first)
        status = self.answers.pop(0) if self.answers else 200
        return Response(status_code=status, headers=self.headers)

    async def wait_for(self, count: int, timeout: float = 30.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            assert time.monotonic() < deadline, f"{len(self.received)} of {count} requests came"
            await asyncio.sleep(0.02)
        return self.received


@asynccontextmanager
async def receiving(receiver: Receiver) -> AsyncIterator[Receiver]:
    app = Starlette(routes=[Route("/hook", receiver.handle, methods=["POST"])])
    async with serve(app) as address:
        receiver.url = f"http://{address}/hook"
        yield receiver
