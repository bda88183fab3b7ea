"""Per-request DataLoaders, one class of key each: a page never costs a query per row.

Loaders read plain rows (SQLAlchemy `Row`s with the model's attribute names), not ORM
instances: nothing they return is ever changed or flushed, and a row costs a fraction
of an instance to build, which on a page of fifty replies and their authors shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Bundle
from strawberry.dataloader import DataLoader

from server.db import Database
from server.models import Member, Organisation, Post, Thread, record_columns


def _by_key(db: Database, model: Any, key_column: Any) -> DataLoader[int, Any]:
    async def load(keys: Sequence[int]) -> list[Any]:
        stmt = sa.select(*record_columns(model)).where(key_column.in_(set(keys)))
        async with db.read() as session:
            rows = (await session.execute(stmt)).all()
        found = {getattr(row, key_column.key): row for row in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    """The loaders of one request, or of one subscription event.

    Values are rows of the model named (members, organisations, posts, threads).
    """

    db: Database
    member_by_id: DataLoader[int, Any] = field(init=False)
    organisation_by_id: DataLoader[int, Any] = field(init=False)
    post_by_id: DataLoader[int, Any] = field(init=False)
    thread_by_id: DataLoader[int, Any] = field(init=False)
    opening_post_by_thread_id: DataLoader[int, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.member_by_id = DataLoader(load_fn=self._members)
        self.organisation_by_id = _by_key(self.db, Organisation, Organisation.id)
        self.post_by_id = _by_key(self.db, Post, Post.id)
        self.thread_by_id = _by_key(self.db, Thread, Thread.id)
        self.opening_post_by_thread_id = DataLoader(load_fn=self._openings)

    async def _members(self, member_ids: Sequence[int]) -> list[Any]:
        # Authors are nearly always shown with their organisation: one statement for both.
        member: Bundle[Any] = Bundle("member", *record_columns(Member))
        organisation: Bundle[Any] = Bundle("organisation", *record_columns(Organisation))
        stmt = (
            sa.select(member, organisation)
            .outerjoin(Organisation, Organisation.id == Member.organisation_id)
            .where(Member.id.in_(set(member_ids)))
        )
        async with self.db.read() as session:
            rows = (await session.execute(stmt)).all()
        found = {}
        for member_row, organisation_row in rows:
            found[member_row.id] = member_row
            if organisation_row.id is not None:
                self.organisation_by_id.prime(organisation_row.id, organisation_row)
        return [found.get(key) for key in member_ids]

    async def _openings(self, thread_ids: Sequence[int]) -> list[Any]:
        stmt = sa.select(*record_columns(Post)).where(
            Post.thread_id.in_(set(thread_ids)), Post.position == 0
        )
        async with self.db.read() as session:
            rows = (await session.execute(stmt)).all()
        found = {row.thread_id: row for row in rows}
        return [found.get(key) for key in thread_ids]
