// @ts-check
// Generated from editor.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, PreviewData, PreviewVariables } from './types' */

/** @type {Document<PreviewData, PreviewVariables>} */
export const PREVIEW_QUERY = /** @type {any} */ (`query Preview($markdown: String!) {
  renderMarkdown(markdown: $markdown)
}`);
