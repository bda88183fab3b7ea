// GraphQL documents shared by several views.

export const THREAD_CARD_FIELDS = /* GraphQL */ `
  fragment ThreadCardFields on Thread {
    id
    kind
    title
    status
    visibility
    pillars
    organisationTypes
    topics
    author { id displayName isExpert }
    organisation { id slug name }
    replyCount
    expertReplyCount
    createdAt
    lastActivityAt
  }
`;

export const POST_FIELDS = /* GraphQL */ `
  fragment PostFields on Post {
    id
    body
    bodyHtml
    isExpertReply
    isAccepted
    createdAt
    editedAt
    hidden
    hiddenReason
    author { id displayName role isExpert organisation { id slug name } }
  }
`;

export const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer {
      id
      displayName
      role
      isExpert
      organisation { id slug name type }
    }
  }
`;

export const PREVIEW_QUERY = /* GraphQL */ `
  query Preview($markdown: String!) {
    renderMarkdown(markdown: $markdown)
  }
`;
