"""The permission matrix of following and notifications: every role × mutation × visibility.

Following and notifications are reading: any signed-in member may, an organisation or
not; visitors must sign in; a banned member may not (their sessions read as a visitor's
that cannot write). Laid out as `tests/api/test_permissions.py` is.
"""

from __future__ import annotations

import pytest

from server.domain import Visibility
from tests.api.test_permissions import ROLES, act_as
from tests.engagement.support import FOLLOW, MARK_READ, UNFOLLOW, UPDATE_SETTINGS
from tests.factories import gid, make_member, make_thread
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
    await act_as(client, db, settings, role)

    outcome = await _outcome(client, mutation, gid("Thread", thread.id))

    assert outcome == ALLOWED[role][MUTATIONS.index(mutation)]
