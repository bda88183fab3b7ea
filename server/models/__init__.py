"""SQLAlchemy models, one module per aggregate."""

from server.models.base import Base
from server.models.member import AuthSession, Member
from server.models.organisation import Organisation
from server.models.outbox import OutboxJob, UsedToken
from server.models.partner import Partner
from server.models.records import record_columns
from server.models.thread import IdempotencyKey, Post, Thread, ThreadTopic

__all__ = [
    "AuthSession",
    "Base",
    "IdempotencyKey",
    "Member",
    "Organisation",
    "OutboxJob",
    "Partner",
    "Post",
    "Thread",
    "ThreadTopic",
    "UsedToken",
    "record_columns",
]
