// @ts-check
// Generated from embed-page.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, EmbedOrganisationsData, EmbedOrganisationsVariables } from './types' */

/** @type {Document<EmbedOrganisationsData, EmbedOrganisationsVariables>} */
export const EMBED_ORGANISATIONS_QUERY = /** @type {any} */ (`query EmbedOrganisations {
  organisations(first: 100) {
    nodes {
      slug
      name
    }
  }
}`);
