"""The permission matrix: every role × every mutation × PUBLIC / MEMBERS thread.

The thread and its reply belong to other members, so rights that come from
authorship play no part here; authors' own rights are tested with the mutations.
The member banned or unbanned is the reply's author, a plain member. "banned" is a
member who was signed in when a moderator banned them.
"""

from __future__ import annotations

import pytest

from server.domain import MemberRole, Visibility
from server.models import Member
from server.models.base import utcnow
from tests.api.test_moderation import BAN, HIDE, UNBAN, UNHIDE
from tests.api.test_threads_mutations import ACCEPT, EDIT, REPLY, START, start_input
from tests.factories import gid, make_member, make_reply, make_thread, sign_in
from tests.support import error_codes, gql

ROLES = ["visitor", "no-organisation", "member", "researcher", "moderator", "admin", "banned"]
MUTATIONS = [
    "startThread",
    "reply",
    "editPost",
    "acceptReply",
    "hidePost",
    "unhidePost",
    "banMember",
    "unbanMember",
]
MODERATION = 4  # the last four: moderators and admins only
ALLOWED = {
    # role: (startThread, reply, editPost of another's post, acceptReply on another's thread,
    #        hidePost, unhidePost, banMember, unbanMember)
    "visitor": ("UNAUTHENTICATED",) * 8,
    "no-organisation": ("FORBIDDEN",) * 8,
    "member": ("ok", "ok") + ("FORBIDDEN",) * 2 + ("FORBIDDEN",) * MODERATION,
    "researcher": ("ok", "ok") + ("FORBIDDEN",) * 2 + ("FORBIDDEN",) * MODERATION,
    "moderator": ("ok",) * 8,
    "admin": ("ok",) * 8,
    "banned": ("FORBIDDEN",) * 8,
}


async def _outcome(client, mutation: str, thread_id: str, reply_id: str, author_id: str) -> str:
    document, variables = {
        "startThread": (START, {"input": start_input()}),
        "reply": (REPLY, {"input": {"threadId": thread_id, "body": "A view."}}),
        "editPost": (EDIT, {"input": {"postId": reply_id, "body": "Edited."}}),
        "acceptReply": (ACCEPT, {"input": {"postId": reply_id}}),
        "hidePost": (HIDE, {"input": {"postId": reply_id, "reason": "Spam"}}),
        "unhidePost": (UNHIDE, {"input": {"postId": reply_id}}),
        "banMember": (BAN, {"input": {"memberId": author_id, "reason": "Spam"}}),
        "unbanMember": (UNBAN, {"input": {"memberId": author_id}}),
    }[mutation]
    body = await gql(client, document, variables, errors=True)
    if body.get("errors"):
        return error_codes(body)[0]
    payload = body["data"][mutation]
    assert payload["errors"] == [], payload["errors"]
    return "ok"


async def act_as(client, db, settings, role: str) -> None:
    """Sign the client in as a new member of `role` (one of ROLES; a visitor stays out)."""
    if role == "visitor":
        return
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


@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.MEMBERS])
@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("role", ROLES)
async def test_permission_matrix(client, db, settings, role, mutation, visibility):
    owner = await make_member(db)
    thread = await make_thread(db, author=owner, visibility=visibility)
    replier = await make_member(db)
    reply = await make_reply(db, thread=thread, author=replier)
    await act_as(client, db, settings, role)

    outcome = await _outcome(
        client,
        mutation,
        gid("Thread", thread.id),
        gid("Post", reply.id),
        gid("Member", replier.id),
    )

    expected = ALLOWED[role][MUTATIONS.index(mutation)]
    assert outcome == expected
