// @ts-check
// Generated from home.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, FeedData, FeedVariables, HomeGlanceData, HomeGlanceVariables, ThreadStartedData, ThreadStartedVariables, ThreadsUpdatedData, ThreadsUpdatedVariables } from './types' */

/** @type {Document<FeedData, FeedVariables>} */
export const FEED_QUERY = /** @type {any} */ (`query Feed($filter: ThreadFilter, $orderBy: ThreadOrder, $first: Int, $after: String, $org: ID!, $withOrg: Boolean!) {
  threads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ThreadCardFields
      viewerNewReplyCount
    }
  }
  org: node(id: $org) @include(if: $withOrg) {
    __typename
    ... on Organisation {
      id
      slug
      name
    }
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
}`);

/** @type {Document<HomeGlanceData, HomeGlanceVariables>} */
export const HOME_GLANCE_QUERY = /** @type {any} */ (`query HomeGlance($events: Int) {
  threadCounts {
    pillar
    organisationType
    count
  }
  events(upcoming: true, first: $events) {
    nodes {
      id
      title
      startsAt
      endsAt
      timeZone
    }
  }
}`);

/** @type {Document<ThreadStartedData, ThreadStartedVariables>} */
export const THREAD_STARTED_SUBSCRIPTION = /** @type {any} */ (`subscription ThreadStarted($filter: ThreadFilter) {
  threadStarted(filter: $filter) {
    id
  }
}`);

/** @type {Document<ThreadsUpdatedData, ThreadsUpdatedVariables>} */
export const THREADS_UPDATED_SUBSCRIPTION = /** @type {any} */ (`subscription ThreadsUpdated($filter: ThreadFilter) {
  threadsUpdated(filter: $filter) {
    change
    thread {
      ...ThreadCardFields
    }
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
}`);
