// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readState, toFilter, toHref } from '../../web/lib/directory.js';

test('the directory reads its filters and order from the query string and ignores unknown values', () => {
  assert.deepEqual(readState(new URLSearchParams('type=PUBLIC_BANK&country=deu&q=%20KfW%20&sort=LAST_ACTIVITY')),
    { type: 'PUBLIC_BANK', country: 'DE', q: 'KfW', sort: 'LAST_ACTIVITY' });
  assert.deepEqual(readState(new URLSearchParams('type=BANK&sort=SIZE')), { type: '', country: '', q: '', sort: '' });
  // By name is the default: the address never needs to say it.
  assert.equal(readState(new URLSearchParams('sort=NAME')).sort, '');
});

test('the directory writes its filters and order back to its address, defaults left out', () => {
  assert.equal(toHref({ type: '', country: '', q: '', sort: '' }), '/organisations');
  assert.equal(toHref({ type: '', country: '', q: '', sort: 'NAME' }), '/organisations');
  assert.equal(toHref({ type: 'SPACE_AGENCY', country: 'FR', q: 'cnes & co', sort: 'LAST_ACTIVITY' }),
    '/organisations?q=cnes+%26+co&type=SPACE_AGENCY&country=FR&sort=LAST_ACTIVITY');
});

test('the directory asks the API for what is set only', () => {
  assert.deepEqual(toFilter({ type: '', country: '', q: '', sort: '' }), {});
  assert.deepEqual(toFilter({ type: 'DIGITAL_AGENCY', country: 'EE', q: 'x', sort: 'LAST_ACTIVITY' }),
    { types: ['DIGITAL_AGENCY'], country: 'EE', search: 'x' });
});
