// @ts-nocheck -- the globals come from the vendored UMD files (vendor/), which have no types.
// Starts GraphiQL against the forum's API, on the page's own origin.
'use strict';

(function start() {
  const root = document.getElementById('graphiql');
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
