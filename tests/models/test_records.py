"""The typed records say exactly what a row read with `record_columns` holds."""

from __future__ import annotations

import typing

import pytest
import sqlalchemy as sa

from server import models
from server.domain import MemberRole, ThreadKind, ThreadStatus, Visibility
from server.models import records
from server.services import lookups
from tests.factories import make_member, make_thread

PAIRS = [
    (records.ThreadRecord, models.Thread),
    (records.PostRecord, models.Post),
    (records.MemberRecord, models.Member),
    (records.OrganisationRecord, models.Organisation),
    (models.NotificationRecord, models.Notification),
    (models.FollowRecord, models.Follow),
]


def _mapped_types(model: type) -> dict[str, object]:
    """Each column attribute's Python type, as its `Mapped[...]` annotation declares it."""
    hints = typing.get_type_hints(model)
    return {
        prop.key: typing.get_args(hints[prop.key])[0] for prop in sa.inspect(model).column_attrs
    }


@pytest.mark.parametrize(("record", "model"), PAIRS, ids=lambda p: p.__name__)
def test_a_record_has_every_column_of_its_model_by_name_and_type(record, model):
    declared = typing.get_type_hints(record)

    assert declared == _mapped_types(model)
    assert list(declared) == [c.key for c in records.record_columns(model)]


@pytest.mark.parametrize(
    ("bundle", "model"),
    [
        (records.THREAD_BUNDLE, models.Thread),
        (records.MEMBER_BUNDLE, models.Member),
        (records.ORGANISATION_BUNDLE, models.Organisation),
    ],
    ids=["thread", "member", "organisation"],
)
def test_a_typed_bundle_selects_its_models_columns(bundle, model):
    assert [c.key for c in bundle.exprs] == [c.key for c in records.record_columns(model)]


def test_enum_columns_read_back_as_the_domains_enums():
    assert _mapped_types(models.Thread)["kind"] is models.Thread.kind.type.enum_class
    for model, column in [
        (models.Thread, "status"),
        (models.Thread, "visibility"),
        (models.Member, "role"),
        (models.Organisation, "type"),
    ]:
        assert sa.inspect(model).columns[column].type.enum_class is _mapped_types(model)[column]


async def test_enum_columns_store_the_same_text_as_before_on_both_databases(db):
    author = await make_member(db, role=MemberRole.RESEARCHER)
    thread = await make_thread(db, author=author, visibility=Visibility.MEMBERS)
    async with db.read() as session:
        stored = (
            await session.execute(
                sa.text(
                    "SELECT t.kind, t.status, t.visibility, m.role FROM threads t "
                    "JOIN members m ON m.id = t.author_id"
                )
            )
        ).one()
        # A row written as plain text (as rows written before these columns were typed).
        await session.execute(
            sa.text("UPDATE threads SET kind = 'CASE_EXAMPLE', status = 'CLOSED' WHERE id = :id"),
            {"id": thread.id},
        )
        read_back = (await lookups.threads_by_id(session, [thread.id]))[thread.id]

    assert tuple(stored) == ("CHALLENGE", "OPEN", "MEMBERS", "RESEARCHER")
    assert all(type(value) is str for value in stored)
    assert (read_back.kind, read_back.status, read_back.visibility) == (
        ThreadKind.CASE_EXAMPLE,
        ThreadStatus.CLOSED,
        Visibility.MEMBERS,
    )
    assert type(read_back.kind) is ThreadKind
