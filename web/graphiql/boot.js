// @ts-check
// Starts GraphiQL against the forum's API, on the page's own origin.
'use strict';

(function start() {
  /**
   * The globals the vendored UMD files (vendor/) define, which come without types: typed
   * here as far as this file uses them.
   * @type {{
   *   React: { createElement(type: unknown, props: object): unknown },
   *   ReactDOM: { createRoot(root: Element): { render(element: unknown): void } },
   *   GraphiQL: { createFetcher(options: { url: string }): unknown },
   * }}
   */
  const { React, ReactDOM, GraphiQL } = /** @type {any} */ (globalThis);
  const root = document.getElementById('graphiql');
  if (!root) return;
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const example = [
    '# The MOIN Forum API: every type and field',
    '# is documented (the book icon, top left).',
    '# Run this query with the ▶ button or Ctrl-Enter.',
    '{',
    '  threads(first: 5) {',
    '    totalCount',
    '    nodes { title kind status replyCount pillars author { displayName } }',
    '  }',
    '}',
    '',
  ].join('\n');
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: example, defaultEditorToolsVisibility: false }),
  );
}());
