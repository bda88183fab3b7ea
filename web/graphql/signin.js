// @ts-check
// Generated from signin.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, SignInOptionsData, SignInOptionsVariables } from './types' */

/** @type {Document<SignInOptionsData, SignInOptionsVariables>} */
export const SIGN_IN_OPTIONS_QUERY = /** @type {any} */ (`query SignInOptions {
  signInOptions {
    name
    title
    loginUrl
  }
}`);
