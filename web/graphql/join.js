// @ts-check
// Generated from join.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, JoinPageData, JoinPageVariables, ApplyForMembershipData, ApplyForMembershipVariables } from './types' */

/** @type {Document<JoinPageData, JoinPageVariables>} */
export const JOIN_PAGE_QUERY = /** @type {any} */ (`query JoinPage {
  termsOfReferenceHtml
}`);

/** @type {Document<ApplyForMembershipData, ApplyForMembershipVariables>} */
export const APPLY_FOR_MEMBERSHIP_MUTATION = /** @type {any} */ (`mutation ApplyForMembership($input: ApplyForMembershipInput!) {
  applyForMembership(input: $input) {
    application {
      id
      organisationName
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
