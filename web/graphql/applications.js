// @ts-check
// Generated from applications.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, MembershipApplicationsData, MembershipApplicationsVariables, DecideMembershipApplicationData, DecideMembershipApplicationVariables } from './types' */

/** @type {Document<MembershipApplicationsData, MembershipApplicationsVariables>} */
export const MEMBERSHIP_APPLICATIONS_QUERY = /** @type {any} */ (`query MembershipApplications($status: ApplicationStatus, $first: Int, $after: String) {
  membershipApplications(status: $status, first: $first, after: $after) {
    totalCount
    nodes {
      ...ApplicationFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment ApplicationFields on MembershipApplication {
  id
  organisationName
  organisationType
  country
  website
  contactName
  contactEmail
  motivation
  status
  submittedAt
  decidedAt
  decisionReason
  organisation {
    id
    slug
    name
  }
}`);

/** @type {Document<DecideMembershipApplicationData, DecideMembershipApplicationVariables>} */
export const DECIDE_MEMBERSHIP_APPLICATION_MUTATION = /** @type {any} */ (`mutation DecideMembershipApplication($input: DecideMembershipApplicationInput!) {
  decideMembershipApplication(input: $input) {
    application {
      ...ApplicationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment ApplicationFields on MembershipApplication {
  id
  organisationName
  organisationType
  country
  website
  contactName
  contactEmail
  motivation
  status
  submittedAt
  decidedAt
  decisionReason
  organisation {
    id
    slug
    name
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);
