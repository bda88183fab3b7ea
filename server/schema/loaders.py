"""Per-request DataLoaders, one class of key each: a page never costs a query per row.

Each batch is one service read (`server.services.lookups`), run through the schema's
one way to the database (`server.schema.reads`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from server.db import Database
from server.models import MemberRecord, OrganisationRecord, PostRecord, ThreadRecord
from server.schema.reads import read
from server.services import lookups

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
    # Member ids of who wrote in a thread (see lookups.participants).
    participants_by_thread_id: DataLoader[int, list[int] | None] = field(init=False)

    def __post_init__(self) -> None:
        self.member_by_id = DataLoader(load_fn=self._members)
        self.organisation_by_id = _by_key(self.db, lookups.organisations_by_id)
        self.post_by_id = _by_key(self.db, lookups.posts_by_id)
        self.thread_by_id = _by_key(self.db, lookups.threads_by_id)
        self.opening_post_by_thread_id = _by_key(self.db, lookups.opening_posts)
        self.participants_by_thread_id = _by_key(self.db, lookups.participants)

    async def _members(self, member_ids: Sequence[int]) -> list[MemberRecord | None]:
        found = await read(self.db, lookups.members_by_id, member_ids)
        for _member, organisation in found.values():
            # The organisations came along: the organisation loader need not ask again.
            if organisation is not None:
                self.organisation_by_id.prime(organisation.id, organisation)
        return [found[key][0] if key in found else None for key in member_ids]
