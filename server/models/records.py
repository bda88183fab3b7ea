"""Rows read for display, typed: what a thread, post, member or organisation row holds.

Pages and DataLoaders read plain rows (`record_columns`: a SQLAlchemy `Row` named like
the model), not ORM instances: a row costs a fraction of an instance to build (no
identity map, no state), and nothing read for display is written back. The Protocols
below say what such a row holds: the model's columns, by the same names and types (enum
columns as the domain's enums). Code that reads a row is type-checked against them, at
no cost per row, and the ORM instances that writes return hold the same attributes, so
they satisfy them too. `tests/models/test_records.py` checks each Protocol against its model.

Records are read, never written: their attributes are declared plainly only because
an ORM instance (whose attributes are settable) must satisfy them.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Bundle

from server.domain import MemberRole, OrganisationType, ThreadKind, ThreadStatus, Visibility
from server.models.member import Member
from server.models.organisation import Organisation
from server.models.thread import Thread


@cache
def record_columns(model: Any) -> tuple[Any, ...]:
    """Every column attribute of `model`: selecting them gives rows named like the model."""
    return tuple(prop.class_attribute for prop in sa.inspect(model).column_attrs)


class ThreadRecord(Protocol):
    """A row of `threads` (see `server.models.thread.Thread`)."""

    id: int
    kind: ThreadKind
    title: str
    status: ThreadStatus
    visibility: Visibility
    pillars_mask: int
    organisation_types_mask: int
    topics: list[str]
    author_id: int
    organisation_id: int | None
    reply_count: int
    expert_reply_count: int
    hidden_reply_count: int
    accepted_post_id: int | None
    created_at: datetime
    last_activity_at: datetime
    hidden_at: datetime | None


class PostRecord(Protocol):
    """A row of `posts` (see `server.models.thread.Post`)."""

    id: int
    thread_id: int
    position: int
    author_id: int
    body: str
    body_html: str
    is_expert: bool
    created_at: datetime
    edited_at: datetime | None
    hidden_at: datetime | None
    hidden_reason: str | None


class MemberRecord(Protocol):
    """A row of `members` (see `server.models.member.Member`)."""

    id: int
    display_name: str
    email: str | None
    role: MemberRole
    organisation_id: int | None
    oidc_provider: str | None
    oidc_subject: str | None
    created_at: datetime
    banned_at: datetime | None
    banned_reason: str | None
    lead_contact: bool


class OrganisationRecord(Protocol):
    """A row of `organisations` (see `server.models.organisation.Organisation`)."""

    id: int
    slug: str
    name: str
    type: OrganisationType
    country: str | None
    website: str | None
    description: str | None
    created_at: datetime


# Typed bundles, for statements that select a record beside other columns: a bundle's
# value in a result row is the row of its columns, a record (or, on the outer side of
# an outer join that found nothing, a row of NULLs).
THREAD_BUNDLE: Bundle[ThreadRecord] = Bundle("thread", *record_columns(Thread))
MEMBER_BUNDLE: Bundle[MemberRecord] = Bundle("member", *record_columns(Member))
ORGANISATION_BUNDLE: Bundle[OrganisationRecord] = Bundle(
    "organisation", *record_columns(Organisation)
)
