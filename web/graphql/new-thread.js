// @ts-check
// Generated from new-thread.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, StartThreadData, StartThreadVariables } from './types' */

/** @type {Document<StartThreadData, StartThreadVariables>} */
export const START_THREAD_MUTATION = /** @type {any} */ (`mutation StartThread($input: StartThreadInput!) {
  startThread(input: $input) {
    thread {
      id
      url
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
