"""A demo forum served twice: with compiled plans and with graphql-core's generic execution.

The demo network is loaded once per module, then made to hold what authorisation has to
get right: hidden replies (one by the member viewer, so that they see their own), a
thread hidden by hiding its opening post, a banned member who is still signed in, and a
partner key. Both apps share the database, the settings (the response cache off, so
that every request executes) and the viewers; only `compiled_plans` differs.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from server.app import create_app
from server.auth import sessions
from server.background import build_worker
from server.config import Settings, load_settings
from server.db import Database
from server.demo.loader import load_demo
from server.domain import MemberRole
from server.ids import to_global_id
from server.models import Member, Organisation, Post, Thread
from server.models.base import utcnow
from server.schema.plans import plans_of
from server.services import moderation, partners
from server.services.viewer import Viewer
from tests.conftest import BASE_URL, TEST_SECRET, _empty

VIEWERS = ["visitor", "member", "researcher", "moderator", "banned", "partner"]
REQUEST_ID = re.compile(r"request id [\w-]+")


@dataclass
class DemoForum:
    """The two apps, the headers of each viewer and the IDs worth asking for."""

    compiled: Any
    generic: Any
    headers: dict[str, dict[str, str]]
    ids: list[str]
    strings: list[str] = field(default_factory=list)
    clients: dict[str, httpx.AsyncClient] = field(default_factory=dict)

    async def both(
        self, viewer: str, query: str, variables: dict[str, Any] | None = None
    ) -> tuple[tuple[int, str], tuple[int, str]]:
        """The answer of each app to the same request: (status, body) compiled, generic."""
        body = {"query": query, "variables": variables or {}}
        for _attempt in range(3):
            answers = []
            for name in ("compiled", "generic"):
                response = await self.clients[name].post(
                    "/graphql", json=body, headers=self.headers[viewer]
                )
                text = REQUEST_ID.sub("request id -", response.text)
                answers.append((response.status_code, text))
            # 503 (no connection free in time) or a masked INTERNAL error (a statement
            # timeout) on a busy machine says nothing about execution: when the answers
            # differ by such a failure, ask both again. A plan that fails every time still
            # fails the comparison.
            if answers[0] == answers[1] or not any(_infrastructure(a) for a in answers):
                break
        return answers[0], answers[1]

    def plans(self) -> Any:
        """The compiled app's plan cache (counters of plans run and fallbacks)."""
        plans = plans_of(self.compiled.state.schema)
        assert plans is not None
        return plans


def _infrastructure(answer: tuple[int, str]) -> bool:
    status, text = answer
    return status == 503 or '"code":"INTERNAL"' in text


async def _prepare(db: Database, settings: Settings) -> tuple[dict[str, dict[str, str]], list[str]]:
    await _empty(db)
    await load_demo(db)
    async with db.read() as session:
        by_role: dict[MemberRole, list[Member]] = {}
        for member in (await session.scalars(sa.select(Member).order_by(Member.id))).all():
            by_role.setdefault(member.role, []).append(member)
        threads = (await session.scalars(sa.select(Thread).order_by(Thread.id))).all()
        posts = (await session.scalars(sa.select(Post).order_by(Post.id))).all()
        organisations = (await session.scalars(sa.select(Organisation))).all()
    plain = [m for m in by_role[MemberRole.MEMBER] if m.organisation_id is not None]
    member, banned = plain[0], plain[1]
    moderator = by_role[MemberRole.MODERATOR][0]
    as_moderator = Viewer(member_id=moderator.id, role=MemberRole.MODERATOR)
    replies = [p for p in posts if p.position > 0]
    own = next(p for p in replies if p.author_id == member.id)
    other = next(p for p in replies if p.author_id not in (member.id, moderator.id))
    opening = next(p for p in posts if p.position == 0 and p.author_id != member.id)
    async with db.write() as session:
        for post, reason in ((own, "Off topic"), (other, "Spam"), (opening, "Duplicate")):
            await moderation.set_hidden(
                session, as_moderator, post_id=post.id, hidden=True, reason=reason
            )
        _partner, key = await partners.create_partner(session, name="differential")
    headers: dict[str, dict[str, str]] = {
        "visitor": {},
        "partner": {"authorization": f"Bearer {key}"},
    }
    for name, who in (
        ("member", member),
        ("researcher", by_role[MemberRole.RESEARCHER][0]),
        ("moderator", moderator),
        ("banned", banned),
    ):
        cookie, value = await sessions.issue_session_cookie(db, who.id, settings)
        headers[name] = {"cookie": f"{cookie}={value}"}
    async with db.write() as session:
        # Banned while signed in: the session stays and reads as a visitor's.
        await session.execute(
            sa.update(Member)
            .where(Member.id == banned.id)
            .values(banned_at=utcnow(), banned_reason="Spam")
        )
    ids = [
        *(to_global_id("Thread", t.id) for t in threads),
        *(to_global_id("Post", p.id) for p in (own, other, opening, *posts[::7])),
        *(to_global_id("Member", m.id) for m in (member, banned, moderator, *plain[2:6])),
        *(to_global_id("Organisation", o.id) for o in organisations[:5]),
        to_global_id("Thread", 10**6),
        "not-an-id",
    ]
    return headers, ids


async def _run_queued_jobs(db: Database, settings: Settings) -> None:
    """Run every job that is due (the demo's notification fan-outs), to the end."""
    worker = build_worker(settings, db)
    while await worker.run_once():
        pass
    worker.stop()
    await worker.run()  # stopped: it only runs its clean-ups


@pytest.fixture(scope="module")
async def demo_forum(database_url: str) -> AsyncIterator[DemoForum]:
    """The demo network, served with and without compiled plans."""
    # A pool of its own, as large as a server's: a random document may read many
    # connections' worth of lists at once, on both apps.
    db = Database.from_url(database_url, pool_size=10)
    settings = load_settings(
        database_url=database_url,
        secret_key=TEST_SECRET,
        base_url=BASE_URL,
        response_cache_seconds=0,
        # No worker beside the two apps: notifications it made between the two answers
        # of a comparison would differ between them (a busy machine saw it).
        worker="off",
    )
    headers, ids = await _prepare(db, settings)
    await _run_queued_jobs(db, settings)
    generic_settings = settings.model_copy(update={"compiled_plans": False})
    forum = DemoForum(
        compiled=create_app(settings, db),
        generic=create_app(generic_settings, db),
        headers=headers,
        ids=ids,
        strings=["climate finance", "procurement", "", "city-of-northbridge", "x" * 3],
    )
    async with (
        forum.compiled.router.lifespan_context(forum.compiled),
        forum.generic.router.lifespan_context(forum.generic),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=forum.compiled), base_url=BASE_URL
        ) as compiled,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=forum.generic), base_url=BASE_URL
        ) as generic,
    ):
        forum.clients = {"compiled": compiled, "generic": generic}
        yield forum
    await _empty(db)
    await db.dispose()
