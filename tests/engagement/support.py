"""What the engagement tests share: documents, and running the worker's queued work."""

from __future__ import annotations

from typing import Any

import httpx
from starlette.applications import Starlette

from server import background
from server.config import Settings
from server.db import Database
from tests.factories import gid
from tests.support import gql

FOLLOW = """
mutation($input: FollowTarget!) {
  follow(input: $input) {
    follow { id pillar organisationType topic thread { id } organisation { id } }
    errors { field message code }
  }
}
"""
UNFOLLOW = """
mutation($input: FollowTarget!) { unfollow(input: $input) { removed errors { field code } } }
"""
FOLLOWS = """
query($first: Int, $after: String) {
  follows(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id pillar organisationType topic thread { id title } organisation { name } }
  }
}
"""
NOTIFICATIONS = """
query($first: Int, $unreadOnly: Boolean) {
  unreadNotificationCount
  notifications(first: $first, unreadOnly: $unreadOnly) {
    totalCount
    nodes {
      id reason text readAt url
      thread { id title }
      post { id }
      actor { displayName }
    }
  }
}
"""
MARK_READ = """
mutation($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) { unreadNotificationCount errors { field message code } }
}
"""
SETTINGS = "{ notificationSettings { emailFrequency autoFollow } }"
UPDATE_SETTINGS = """
mutation($input: NotificationSettingsInput!) {
  updateNotificationSettings(input: $input) {
    settings { emailFrequency autoFollow }
    errors { field message code }
  }
}
"""
REPLY = """
mutation($input: ReplyInput!) {
  reply(input: $input) { post { id bodyHtml } errors { field message } }
}
"""
START = """
mutation($input: StartThreadInput!) {
  startThread(input: $input) { thread { id viewerFollows } errors { field message } }
}
"""
ACCEPT = """
mutation($input: AcceptReplyInput!) { acceptReply(input: $input) { errors { message } } }
"""


async def run_jobs(app: Starlette, settings: Settings, db: Database) -> int:
    """Run the work the writes so far queued, as the worker after their commits does;
    returns how many jobs ran."""
    worker = background.build_worker(settings, db, app.state.broadcaster)
    total = 0
    while ran := await worker.run_once():
        total += ran
    return total


async def reply(client: httpx.AsyncClient, thread_id: int, body: str = "A reply.") -> str:
    """Reply as the client's member; the reply's global ID."""
    data = await gql(client, REPLY, {"input": {"threadId": gid("Thread", thread_id), "body": body}})
    assert data["reply"]["errors"] == [], data
    post_id: str = data["reply"]["post"]["id"]
    return post_id


async def follow(client: httpx.AsyncClient, **target: Any) -> dict[str, Any]:
    data = await gql(client, FOLLOW, {"input": target})
    assert data["follow"]["errors"] == [], data
    found: dict[str, Any] = data["follow"]["follow"]
    return found


async def notifications_of(client: httpx.AsyncClient, **variables: Any) -> dict[str, Any]:
    return await gql(client, NOTIFICATIONS, {"first": 20, **variables})
