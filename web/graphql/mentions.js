// @ts-check
// Generated from mentions.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, MentionableMembersData, MentionableMembersVariables } from './types' */

/** @type {Document<MentionableMembersData, MentionableMembersVariables>} */
export const MENTIONABLE_MEMBERS_QUERY = /** @type {any} */ (`query MentionableMembers($prefix: String!, $first: Int) {
  mentionableMembers(prefix: $prefix, first: $first) {
    id
    displayName
    organisation {
      id
      name
    }
  }
}`);
