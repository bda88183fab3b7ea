"""The GraphQL operations of the scenarios, as partner sites and the web client send them."""

from __future__ import annotations

# S1, S2 and S3: one page of the public feed.
FEED = """
query Feed($first: Int!, $after: String, $filter: ThreadFilter) {
  threads(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        id
        title
        kind
        pillars
        organisationTypes
        topics
        replyCount
        expertReplyCount
        lastActivityAt
        author { displayName organisation { name type } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""

# Setup only: cursors for S3 and the busiest thread for S4.
FEED_CURSOR = """
query FeedCursor($first: Int!, $after: String) {
  threads(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
  }
}
"""

BUSIEST_THREAD = """
query Busiest {
  threads(first: 1, orderBy: MOST_REPLIES) {
    nodes { id title replyCount }
  }
}
"""

# S4: a busy thread's page, with the first replies.
THREAD_PAGE = """
query ThreadPage($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Thread {
      id
      title
      kind
      replyCount
      author { displayName organisation { name type } }
      replies(first: $first) {
        edges {
          cursor
          node {
            id
            bodyHtml
            createdAt
            isExpertReply
            author { displayName organisation { name type } }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
"""

# S5: full-text search, same selection as the feed.
SEARCH = FEED

# S6: a signed-in member replies.
REPLY = """
mutation Reply($input: ReplyInput!) {
  reply(input: $input) {
    post { id createdAt }
    errors { field message code }
  }
}
"""

# S7: live replies of one thread.
REPLY_ADDED = """
subscription ReplyAdded($threadId: ID!) {
  replyAdded(threadId: $threadId) { id createdAt author { displayName } }
}
"""

THREAD_ID_BY_TITLE = """
query ThreadsSearch($search: String!) {
  threads(first: 5, filter: {search: $search}) { nodes { id title } }
}
"""


def web_document(name: str) -> str:
    """The web client's own document `name`, as it sends it (web/graphql/documents.json)."""
    import json

    from server.resources import web_folder

    documents = json.loads((web_folder() / "graphql" / "documents.json").read_text())
    return str(documents[name])


# S7M: what the thread page subscribes with, per-viewer fields (viewerCanAccept) included.
REPLY_ADDED_WEB = web_document("ReplyAdded")
