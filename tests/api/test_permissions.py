"""The permission matrix: every role × every mutation × PUBLIC / MEMBERS thread.

The thread and its reply belong to other members, so rights that come from
authorship play no part here; authors' own rights are tested with the mutations.
"""

from __future__ import annotations

import pytest

from server.domain import MemberRole, Visibility
from tests.api.test_threads_mutations import ACCEPT, EDIT, REPLY, START, start_input
from tests.factories import gid, make_member, make_reply, make_thread, sign_in
from tests.support import error_codes, gql

ROLES = ["visitor", "no-organisation", "member", "researcher", "moderator", "admin"]
ALLOWED = {
    # role: (startThread, reply, editPost of another's post, acceptReply on another's thread)
    "visitor": ("UNAUTHENTICATED",) * 4,
    "no-organisation": ("FORBIDDEN",) * 4,
    "member": ("ok", "ok", "FORBIDDEN", "FORBIDDEN"),
    "researcher": ("ok", "ok", "FORBIDDEN", "FORBIDDEN"),
    "moderator": ("ok", "ok", "ok", "ok"),
    "admin": ("ok", "ok", "ok", "ok"),
}
MUTATIONS = ["startThread", "reply", "editPost", "acceptReply"]


async def _outcome(client, mutation: str, thread_id: str, reply_id: str) -> str:
    document, variables = {
        "startThread": (START, {"input": start_input()}),
        "reply": (REPLY, {"input": {"threadId": thread_id, "body": "A view."}}),
        "editPost": (EDIT, {"input": {"postId": reply_id, "body": "Edited."}}),
        "acceptReply": (ACCEPT, {"input": {"postId": reply_id}}),
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
async def test_permission_matrix(client, db, settings, role, mutation, visibility):
    owner = await make_member(db)
    thread = await make_thread(db, author=owner, visibility=visibility)
    reply = await make_reply(db, thread=thread, author=await make_member(db))
    if role != "visitor":
        actor = await make_member(
            db,
            role=MemberRole.MEMBER if role == "no-organisation" else MemberRole(role.upper()),
            with_organisation=role != "no-organisation",
        )
        await sign_in(client, db, settings, actor)

    outcome = await _outcome(client, mutation, gid("Thread", thread.id), gid("Post", reply.id))

    expected = ALLOWED[role][MUTATIONS.index(mutation)]
    assert outcome == expected
