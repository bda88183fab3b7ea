// @ts-check
// Generated from thread.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, ThreadData, ThreadVariables, ThreadUpdatedData, ThreadUpdatedVariables, MoreRepliesData, MoreRepliesVariables, ReplyAddedData, ReplyAddedVariables, ReplyData, ReplyVariables, EditPostData, EditPostVariables, AcceptReplyData, AcceptReplyVariables, CloseThreadData, CloseThreadVariables, ReopenThreadData, ReopenThreadVariables, HidePostData, HidePostVariables, UnhidePostData, UnhidePostVariables } from './types' */

/** @type {Document<ThreadData, ThreadVariables>} */
export const THREAD_QUERY = /** @type {any} */ (`query Thread($id: ID!, $first: Int!) {
  node(id: $id) {
    __typename
    ... on Thread {
      ...ThreadCardFields
      ...ThreadContextFields
      hidden
      viewerLastReadAt
      opening {
        ...PostFields
      }
      replies(first: $first) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...PostFields
          isNewForViewer
        }
      }
    }
  }
  relatedThreads(threadId: $id, first: 5) {
    id
    title
    kind
    status
    replyCount
    lastActivityAt
  }
}

fragment ThreadCardFields on Thread {
  id
  kind
  title
  status
  visibility
  pillars
  organisationTypes
  topics
  author {
    id
    displayName
    isExpert
  }
  organisation {
    id
    slug
    name
  }
  replyCount
  expertReplyCount
  createdAt
  lastActivityAt
  participantCount
  participants(first: 4) {
    id
    displayName
  }
}

fragment ThreadContextFields on Thread {
  id
  status
  replyCount
  expertReplyCount
  hidden
  acceptedReply {
    ...PostFields
  }
  participantCount
  everyone: participants(first: 12) {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}`);

/** @type {Document<ThreadUpdatedData, ThreadUpdatedVariables>} */
export const THREAD_UPDATED_SUBSCRIPTION = /** @type {any} */ (`subscription ThreadUpdated($threadId: ID!) {
  threadUpdated(threadId: $threadId) {
    change
    postId
    post {
      ...PostFields
    }
    thread {
      ...ThreadContextFields
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment ThreadContextFields on Thread {
  id
  status
  replyCount
  expertReplyCount
  hidden
  acceptedReply {
    ...PostFields
  }
  participantCount
  everyone: participants(first: 12) {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}`);

/** @type {Document<MoreRepliesData, MoreRepliesVariables>} */
export const MORE_REPLIES_QUERY = /** @type {any} */ (`query MoreReplies($id: ID!, $first: Int!, $after: String) {
  node(id: $id) {
    __typename
    ... on Thread {
      id
      status
      replyCount
      replies(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...PostFields
          isNewForViewer
        }
      }
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}`);

/** @type {Document<ReplyAddedData, ReplyAddedVariables>} */
export const REPLY_ADDED_SUBSCRIPTION = /** @type {any} */ (`subscription ReplyAdded($threadId: ID!) {
  replyAdded(threadId: $threadId) {
    ...PostFields
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}`);

/** @type {Document<ReplyData, ReplyVariables>} */
export const REPLY_MUTATION = /** @type {any} */ (`mutation Reply($input: ReplyInput!) {
  reply(input: $input) {
    post {
      ...PostFields
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);

/** @type {Document<EditPostData, EditPostVariables>} */
export const EDIT_POST_MUTATION = /** @type {any} */ (`mutation EditPost($input: EditPostInput!) {
  editPost(input: $input) {
    post {
      ...PostFields
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);

/** @type {Document<AcceptReplyData, AcceptReplyVariables>} */
export const ACCEPT_REPLY_MUTATION = /** @type {any} */ (`mutation AcceptReply($input: AcceptReplyInput!) {
  acceptReply(input: $input) {
    thread {
      ...ThreadContextFields
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment ThreadContextFields on Thread {
  id
  status
  replyCount
  expertReplyCount
  hidden
  acceptedReply {
    ...PostFields
  }
  participantCount
  everyone: participants(first: 12) {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);

/** @type {Document<CloseThreadData, CloseThreadVariables>} */
export const CLOSE_THREAD_MUTATION = /** @type {any} */ (`mutation CloseThread($input: CloseThreadInput!) {
  closeThread(input: $input) {
    thread {
      id
      status
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);

/** @type {Document<ReopenThreadData, ReopenThreadVariables>} */
export const REOPEN_THREAD_MUTATION = /** @type {any} */ (`mutation ReopenThread($input: CloseThreadInput!) {
  reopenThread(input: $input) {
    thread {
      id
      status
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);

/** @type {Document<HidePostData, HidePostVariables>} */
export const HIDE_POST_MUTATION = /** @type {any} */ (`mutation HidePost($input: HidePostInput!) {
  hidePost(input: $input) {
    post {
      ...PostFields
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);

/** @type {Document<UnhidePostData, UnhidePostVariables>} */
export const UNHIDE_POST_MUTATION = /** @type {any} */ (`mutation UnhidePost($input: UnhidePostInput!) {
  unhidePost(input: $input) {
    post {
      ...PostFields
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment PostFields on Post {
  id
  body
  bodyHtml
  isExpertReply
  isAccepted
  viewerCanAccept
  createdAt
  editedAt
  hidden
  hiddenReason
  author {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);
