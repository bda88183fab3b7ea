"""Per-request DataLoaders, one class of key each: a page never costs a query per row.

Each batch is one service read (`server.services.lookups`), run through the schema's
one way to the database (`server.schema.reads`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from server.db import Database
from server.models import (
    MemberRecord,
    NotificationRecord,
    OrganisationRecord,
    PostRecord,
    ThreadRecord,
)
from server.schema.reads import read
from server.services import follows, lookups, notifications, thread_reads
from server.services.viewer import Viewer

R = TypeVar("R")


def _by_key(
    db: Database, lookup: Callable[[AsyncSession, Sequence[int]], Awaitable[dict[int, R]]]
) -> DataLoader[int, R | None]:
    async def load(keys: Sequence[int]) -> list[R | None]:
        found = await read(db, lookup, keys)
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    """The loaders of one request, or of one subscription event.

    Values are records (rows) of the model named, None for a key of no row.
    """

    db: Database
    member_by_id: DataLoader[int, MemberRecord | None] = field(init=False)
    organisation_by_id: DataLoader[int, OrganisationRecord | None] = field(init=False)
    post_by_id: DataLoader[int, PostRecord | None] = field(init=False)
    thread_by_id: DataLoader[int, ThreadRecord | None] = field(init=False)
    opening_post_by_thread_id: DataLoader[int, PostRecord | None] = field(init=False)
    notification_by_id: DataLoader[int, NotificationRecord | None] = field(init=False)
    # Whether a member follows a thread, by member id then thread id (made when first asked).
    _thread_follows: dict[int, DataLoader[int, bool]] = field(init=False)
    # Member ids of who wrote in a thread (see lookups.participants).
    participants_by_thread_id: DataLoader[int, list[int] | None] = field(init=False)
    # How far a member read a thread, and how many replies they have not seen, by member
    # id then thread id (made when first asked).
    _last_reads: dict[int, DataLoader[int, thread_reads.LastRead | None]] = field(init=False)
    _new_replies: dict[int, DataLoader[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.member_by_id = DataLoader(load_fn=self._members)
        self.organisation_by_id = _by_key(self.db, lookups.organisations_by_id)
        self.post_by_id = _by_key(self.db, lookups.posts_by_id)
        self.thread_by_id = _by_key(self.db, lookups.threads_by_id)
        self.opening_post_by_thread_id = _by_key(self.db, lookups.opening_posts)
        self.notification_by_id = _by_key(self.db, notifications.notifications_by_id)
        self._thread_follows = {}
        self.participants_by_thread_id = _by_key(self.db, lookups.participants)
        self._last_reads = {}
        self._new_replies = {}

    def follows_thread(self, member_id: int) -> DataLoader[int, bool]:
        """Whether `member_id` follows a thread, by thread id: one query for a page."""
        loader = self._thread_follows.get(member_id)
        if loader is None:

            async def load(thread_ids: Sequence[int]) -> list[bool]:
                followed = await read(self.db, follows.followed_threads, member_id, thread_ids)
                return [thread_id in followed for thread_id in thread_ids]

            loader = self._thread_follows[member_id] = DataLoader(load_fn=load)
        return loader

    def prime_members(
        self, found: Mapping[int, tuple[MemberRecord, OrganisationRecord | None]]
    ) -> None:
        """Members (with their organisations) read along with something else: the loaders
        need not ask for them again."""
        for member_id, (member, organisation) in found.items():
            self.member_by_id.prime(member_id, member)
            if organisation is not None:
                self.organisation_by_id.prime(organisation.id, organisation)

    def last_read(self, member_id: int) -> DataLoader[int, thread_reads.LastRead | None]:
        """Where `member_id` stopped reading a thread, by thread id: one query for a page."""
        loader = self._last_reads.get(member_id)
        if loader is None:

            async def load(thread_ids: Sequence[int]) -> list[thread_reads.LastRead | None]:
                found = await read(self.db, thread_reads.last_reads, member_id, thread_ids)
                return [found.get(thread_id) for thread_id in thread_ids]

            loader = self._last_reads[member_id] = DataLoader(load_fn=load)
        return loader

    def new_replies(self, viewer: Viewer) -> DataLoader[int, int]:
        """How many replies by others a signed-in viewer has not seen in a thread they opened
        before, by thread id: one query for a page."""
        assert viewer.member_id is not None, "visitors have read nothing"
        loader = self._new_replies.get(viewer.member_id)
        if loader is None:

            async def load(thread_ids: Sequence[int]) -> list[int]:
                found = await read(self.db, thread_reads.new_reply_counts, viewer, thread_ids)
                return [found.get(thread_id, 0) for thread_id in thread_ids]

            loader = self._new_replies[viewer.member_id] = DataLoader(load_fn=load)
        return loader

    async def _members(self, member_ids: Sequence[int]) -> list[MemberRecord | None]:
        found = await read(self.db, lookups.members_by_id, member_ids)
        for _member, organisation in found.values():
            # The organisations came along: the organisation loader need not ask again.
            if organisation is not None:
                self.organisation_by_id.prime(organisation.id, organisation)
        return [found[key][0] if key in found else None for key in member_ids]
