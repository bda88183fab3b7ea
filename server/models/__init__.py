"""SQLAlchemy models, one module per aggregate."""

from server.models.base import Base
from server.models.engagement import (
    Follow,
    FollowRecord,
    Notification,
    NotificationRecord,
    NotificationSettings,
    ThreadRead,
)
from server.models.member import AuthSession, Member
from server.models.network import Event, EventAttendance, Invitation, MembershipApplication
from server.models.organisation import Organisation
from server.models.outbox import OutboxJob, UsedToken
from server.models.partner import Partner
from server.models.records import (
    MEMBER_BUNDLE,
    ORGANISATION_BUNDLE,
    THREAD_BUNDLE,
    MemberRecord,
    OrganisationRecord,
    PostRecord,
    ThreadRecord,
    record_columns,
)
from server.models.thread import IdempotencyKey, Post, Thread, ThreadTopic
from server.models.webhook import WebhookDelivery, WebhookEndpoint

__all__ = [
    "MEMBER_BUNDLE",
    "ORGANISATION_BUNDLE",
    "THREAD_BUNDLE",
    "AuthSession",
    "Base",
    "Event",
    "EventAttendance",
    "Follow",
    "FollowRecord",
    "IdempotencyKey",
    "Invitation",
    "Member",
    "MemberRecord",
    "MembershipApplication",
    "Notification",
    "NotificationRecord",
    "NotificationSettings",
    "Organisation",
    "OrganisationRecord",
    "OutboxJob",
    "Partner",
    "Post",
    "PostRecord",
    "Thread",
    "ThreadRead",
    "ThreadRecord",
    "ThreadTopic",
    "UsedToken",
    "WebhookDelivery",
    "WebhookEndpoint",
    "record_columns",
]
