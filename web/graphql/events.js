// @ts-check
// Generated from events.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, EventsData, EventsVariables, EventPageData, EventPageVariables, AttendEventData, AttendEventVariables } from './types' */

/** @type {Document<EventsData, EventsVariables>} */
export const EVENTS_QUERY = /** @type {any} */ (`query Events($upcoming: Boolean, $first: Int, $after: String) {
  events(upcoming: $upcoming, first: $first, after: $after) {
    nodes {
      ...EventFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment EventFields on Event {
  id
  title
  descriptionHtml
  startsAt
  endsAt
  timeZone
  format
  location
  joinUrl
  pillars
  visibility
  attendeeCount
  viewerAttends
  url
  icsUrl
}`);

/** @type {Document<EventPageData, EventPageVariables>} */
export const EVENT_PAGE_QUERY = /** @type {any} */ (`query EventPage($id: ID!) {
  node(id: $id) {
    __typename
    ... on Event {
      ...EventFields
    }
  }
}

fragment EventFields on Event {
  id
  title
  descriptionHtml
  startsAt
  endsAt
  timeZone
  format
  location
  joinUrl
  pillars
  visibility
  attendeeCount
  viewerAttends
  url
  icsUrl
}`);

/** @type {Document<AttendEventData, AttendEventVariables>} */
export const ATTEND_EVENT_MUTATION = /** @type {any} */ (`mutation AttendEvent($input: AttendEventInput!) {
  attendEvent(input: $input) {
    event {
      ...EventFields
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment EventFields on Event {
  id
  title
  descriptionHtml
  startsAt
  endsAt
  timeZone
  format
  location
  joinUrl
  pillars
  visibility
  attendeeCount
  viewerAttends
  url
  icsUrl
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);
