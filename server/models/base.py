"""The declarative base, naming convention and column types shared by all models."""

from __future__ import annotations

import enum

from sqlalchemy import Enum, MetaData
from sqlalchemy.orm import DeclarativeBase

# The column type lives with the engine factory (base layer), so that base modules that
# write tables of their own (the outbox) use it too; models import it from here.
from server.db import UTCDateTime, utcnow

__all__ = ["NAMING_CONVENTION", "Base", "UTCDateTime", "domain_enum", "utcnow"]

# Stable constraint names, so that migrations read the same on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def domain_enum(enum_class: type[enum.Enum], length: int) -> Enum:
    """A column of one of `server.domain`'s enumerations, read back as its members.

    Stored as the member's value in a VARCHAR(`length`), as the migrations made these
    columns: no database enum type and no CHECK constraint, so no data or schema
    migration. Values outside the enumeration are refused on the way in.
    """
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=length,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
    )
