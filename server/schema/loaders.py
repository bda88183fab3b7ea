"""Per-request DataLoaders, one class of key each: a page never costs a query per row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import sqlalchemy as sa
from strawberry.dataloader import DataLoader

from server.db import Database
from server.models import Member, Organisation, Post, Thread

M = TypeVar("M")


def _by_key(db: Database, model: Any, key_column: Any) -> DataLoader[int, Any]:
    async def load(keys: Sequence[int]) -> list[Any]:
        async with db.read() as session:
            rows = (await session.scalars(sa.select(model).where(key_column.in_(set(keys))))).all()
        found = {getattr(row, key_column.key): row for row in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    """The loaders of one request, or of one subscription event."""

    db: Database
    member_by_id: DataLoader[int, Member | None] = field(init=False)
    organisation_by_id: DataLoader[int, Organisation | None] = field(init=False)
    post_by_id: DataLoader[int, Post | None] = field(init=False)
    thread_by_id: DataLoader[int, Thread | None] = field(init=False)
    opening_post_by_thread_id: DataLoader[int, Post | None] = field(init=False)

    def __post_init__(self) -> None:
        self.member_by_id = _by_key(self.db, Member, Member.id)
        self.organisation_by_id = _by_key(self.db, Organisation, Organisation.id)
        self.post_by_id = _by_key(self.db, Post, Post.id)
        self.thread_by_id = _by_key(self.db, Thread, Thread.id)
        self.opening_post_by_thread_id = DataLoader(load_fn=self._openings)

    async def _openings(self, thread_ids: Sequence[int]) -> list[Post | None]:
        async with self.db.read() as session:
            rows = (
                await session.scalars(
                    sa.select(Post).where(Post.thread_id.in_(set(thread_ids)), Post.position == 0)
                )
            ).all()
        found = {row.thread_id: row for row in rows}
        return [found.get(key) for key in thread_ids]
