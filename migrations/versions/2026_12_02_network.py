"""Joining the network and meeting: applications, invitations, lead contacts, events.

Revision ID: 20261202_network
Revises: 20261202_partner_persisted
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.models.base import UTCDateTime

revision = "20261202_network"
down_revision = "20261202_partner_persisted"
branch_labels = None
depends_on = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def upgrade() -> None:
    op.add_column(
        "members",
        sa.Column("lead_contact", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "membership_applications",
        _id(),
        sa.Column("organisation_name", sa.String(200), nullable=False),
        sa.Column("organisation_type", sa.String(40), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("website", sa.String(300)),
        sa.Column("contact_name", sa.String(120), nullable=False),
        sa.Column("contact_email", sa.String(320), nullable=False),
        sa.Column("motivation", sa.Text(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("submitted_at", UTCDateTime(), nullable=False),
        sa.Column("decided_at", UTCDateTime()),
        sa.Column("decided_by_id", sa.Integer()),
        sa.Column("decision_reason", sa.String(500)),
        sa.Column("organisation_id", sa.Integer()),
        sa.Column("idempotency_key", sa.String(200)),
        sa.Column("fingerprint", sa.String(64)),
        sa.PrimaryKeyConstraint("id", name="pk_membership_applications"),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["members.id"],
            name="fk_membership_applications_decided_by_id_members",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_membership_applications_organisation_id_organisations",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("idempotency_key", name="uq_membership_applications_idempotency_key"),
    )
    op.create_index(
        "ix_membership_applications_submitted",
        "membership_applications",
        ["submitted_at", "id"],
    )
    op.create_index("ix_membership_applications_status", "membership_applications", ["status"])
    op.create_table(
        "invitations",
        _id(),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("lead", sa.Boolean(), nullable=False),
        sa.Column("invited_by_id", sa.Integer()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("accepted_at", UTCDateTime()),
        sa.Column("accepted_by_id", sa.Integer()),
        sa.PrimaryKeyConstraint("id", name="pk_invitations"),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_invitations_organisation_id_organisations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["invited_by_id"],
            ["members.id"],
            name="fk_invitations_invited_by_id_members",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["accepted_by_id"],
            ["members.id"],
            name="fk_invitations_accepted_by_id_members",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_invitations_organisation_id", "invitations", ["organisation_id"])
    op.create_table(
        "events",
        _id(),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_html", sa.Text(), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("ends_at", UTCDateTime(), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("location", sa.String(300)),
        sa.Column("join_url", sa.String(500)),
        sa.Column("pillars_mask", sa.Integer(), nullable=False),
        sa.Column("visibility", sa.String(20), nullable=False),
        sa.Column("created_by_id", sa.Integer()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("attendee_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["members.id"],
            name="fk_events_created_by_id_members",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_events_starts", "events", ["starts_at", "id"])
    op.create_table(
        "event_attendance",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "member_id", name="pk_event_attendance"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name="fk_event_attendance_event_id_events",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_event_attendance_member_id_members",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_event_attendance_member_id", "event_attendance", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_event_attendance_member_id", table_name="event_attendance")
    op.drop_table("event_attendance")
    op.drop_index("ix_events_starts", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_invitations_organisation_id", table_name="invitations")
    op.drop_table("invitations")
    op.drop_index("ix_membership_applications_status", table_name="membership_applications")
    op.drop_index("ix_membership_applications_submitted", table_name="membership_applications")
    op.drop_table("membership_applications")
    # Not in batch mode: SQLite (3.35+) drops a column in place, where a batch would copy
    # `members`, which other tables' foreign keys hold on to.
    op.drop_column("members", "lead_contact")
