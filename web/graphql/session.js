// @ts-check
// Generated from session.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, SessionData, SessionVariables } from './types' */

/** @type {Document<SessionData, SessionVariables>} */
export const SESSION_QUERY = /** @type {any} */ (`query Session {
  viewer {
    id
    displayName
    role
    isExpert
    organisation {
      id
      slug
      name
      type
    }
  }
  pillars {
    pillar
    title
    description
  }
  threadKinds: __type(name: "ThreadKind") {
    enumValues {
      name
      description
    }
  }
  visibilities: __type(name: "Visibility") {
    enumValues {
      name
      description
    }
  }
}`);
