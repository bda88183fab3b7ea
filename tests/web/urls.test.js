// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { safeNext, withNext } from '../../web/lib/urls.js';

test('after signing in, a path on this site is kept with its query and fragment', () => {
  assert.equal(safeNext('/organisations?type=PUBLIC_BANK#x'), '/organisations?type=PUBLIC_BANK#x');
  assert.equal(safeNext('/t/VGhyZWFkOjE%3D'), '/t/VGhyZWFkOjE%3D');
});

test('after signing in, anything off the site or back to sign-in goes home', () => {
  for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)',
    'evil', '', '/signin', '/signin?next=/t/1', null, undefined, 42]) {
    assert.equal(safeNext(next), '/', String(next));
  }
});

test('the next page is added to a sign-in address, with or without a query string', () => {
  assert.equal(withNext('/auth/demo', '/t/1?x=2'), '/auth/demo?next=%2Ft%2F1%3Fx%3D2');
  assert.equal(withNext('/auth/login?provider=acme', '/'), '/auth/login?provider=acme&next=%2F');
});
