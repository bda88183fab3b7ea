"""The permission matrix of following and notifications: every role × mutation × visibility.

Following and notifications are reading: any signed-in member may, an organisation or
not; visitors must sign in; a banned member may not (their sessions read as a visitor's
that cannot write). Laid out as `tests/api/test_permissions.py` is.
"""

from __future__ import annotations

import pytest

from server.domain import MemberRole, Visibility
from server.models import Member
from server.models.base import utcnow
from tests.api.test_permissions import ROLES
from tests.engagement.support import FOLLOW, MARK_READ, UNFOLLOW, UPDATE_SETTINGS
from tests.factories import gid, make_member, make_thread, sign_in
from tests.support import error_codes, gql

MUTATIONS = ["follow", "unfollow", "markNotificationsRead", "updateNotificationSettings"]
ALLOWED = {
    "visitor": ("UNAUTHENTICATED",) * 4,
    "no-organisation": ("ok",) * 4,
    "member": ("ok",) * 4,
    "researcher": ("ok",) * 4,
    "moderator": ("ok",) * 4,
    "admin": ("ok",) * 4,
    "banned": ("FORBIDDEN",) * 4,
}


async def _outcome(client, mutation: str, thread_id: str) -> str:
    document, variables = {
        "follow": (FOLLOW, {"input": {"thread": thread_id}}),
        "unfollow": (UNFOLLOW, {"input": {"thread": thread_id}}),
        "markNotificationsRead": (MARK_READ, {"input": {}}),
        "updateNotificationSettings": (UPDATE_SETTINGS, {"input": {"emailFrequency": "NEVER"}}),
    }[mutation]
    body = await gql(client, document, variables, errors=True)
    if body.get("errors"):
        return error_codes(body)[0]
    payload = body["data"][mutation]
    assert payload["errors"] == [], payload["errors"]
    return "ok"


@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.MEMBERS])
@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("role", ROLES)
async def test_engagement_permission_matrix(client, db, settings, role, mutation, visibility):
    owner = await make_member(db)
    thread = await make_thread(db, author=owner, visibility=visibility)
    if role != "visitor":
        actor = await make_member(
            db,
            role=MemberRole(role.upper()) if role in ROLES[2:6] else MemberRole.MEMBER,
            with_organisation=role != "no-organisation",
        )
        await sign_in(client, db, settings, actor)
        if role == "banned":
            async with db.write() as session:
                banned = await session.get(Member, actor.id)
                assert banned is not None
                banned.banned_at, banned.banned_reason = utcnow(), "Spam"

    outcome = await _outcome(client, mutation, gid("Thread", thread.id))

    assert outcome == ALLOWED[role][MUTATIONS.index(mutation)]
