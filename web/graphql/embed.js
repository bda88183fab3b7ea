// @ts-check
// Generated from embed.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, EmbedFeedData, EmbedFeedVariables, EmbedThreadStartedData, EmbedThreadStartedVariables } from './types' */

/** @type {Document<EmbedFeedData, EmbedFeedVariables>} */
export const EMBED_FEED_QUERY = /** @type {any} */ (`query EmbedFeed($filter: ThreadFilter, $first: Int) {
  threads(filter: $filter, orderBy: NEWEST, first: $first) {
    nodes {
      ...EmbedThreadFields
    }
  }
}

fragment EmbedThreadFields on Thread {
  id
  kind
  title
  status
  pillars
  organisation {
    name
    slug
  }
  replyCount
  expertReplyCount
  createdAt
}`);

/** @type {Document<EmbedThreadStartedData, EmbedThreadStartedVariables>} */
export const EMBED_THREAD_STARTED_SUBSCRIPTION = /** @type {any} */ (`subscription EmbedThreadStarted($filter: ThreadFilter) {
  threadStarted(filter: $filter) {
    ...EmbedThreadFields
  }
}

fragment EmbedThreadFields on Thread {
  id
  kind
  title
  status
  pillars
  organisation {
    name
    slug
  }
  replyCount
  expertReplyCount
  createdAt
}`);
