// @ts-check
// index.html preloads exactly the modules of the first page (app.js and the
// home view with everything they import), so that the browser fetches them at
// once instead of discovering them import by import, and nothing more.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

/**
 * The modules a module imports statically (not `import()`), as paths under web/.
 * @param {string} path under web/
 * @returns {string[]}
 */
function imports(path) {
  const source = readFileSync(join(WEB, path), 'utf8');
  // Static imports only: `import … from '…'` at the start of a line; JSDoc `@import` and
  // `import()` are not requests for the page.
  const specifiers = [...source.matchAll(/^import\s[^'"]*?from\s+'([^']+)';/gms)].map((m) => m[1]);
  return specifiers.map((s) => relative(WEB, join(WEB, dirname(path), s)));
}

/** @param {string[]} roots */
function closure(roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const path = /** @type {string} */ (stack.pop());
    if (seen.has(path)) continue;
    seen.add(path);
    stack.push(...imports(path));
  }
  return seen;
}

test('the first page preloads exactly the modules it imports', () => {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/web\/([^"]+)">/g)].map((m) => m[1]);
  assert.equal(new Set(preloaded).size, preloaded.length, 'a module is preloaded twice');
  assert.deepEqual(new Set(preloaded), closure(['app.js', 'views/home.js']));
});
