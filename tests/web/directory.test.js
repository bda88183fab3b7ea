// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readState, toFilter, toHref } from '../../web/lib/directory.js';

test('the directory reads its filters from the query string and ignores unknown types', () => {
  assert.deepEqual(readState(new URLSearchParams('type=PUBLIC_BANK&country=deu&q=%20KfW%20')),
    { type: 'PUBLIC_BANK', country: 'DE', q: 'KfW' });
  assert.deepEqual(readState(new URLSearchParams('type=BANK')), { type: '', country: '', q: '' });
});

test('the directory writes its filters back to its address, defaults left out', () => {
  assert.equal(toHref({ type: '', country: '', q: '' }), '/organisations');
  assert.equal(toHref({ type: 'SPACE_AGENCY', country: 'FR', q: 'cnes & co' }),
    '/organisations?q=cnes+%26+co&type=SPACE_AGENCY&country=FR');
});

test('the directory asks the API for what is set only', () => {
  assert.deepEqual(toFilter({ type: '', country: '', q: '' }), {});
  assert.deepEqual(toFilter({ type: 'DIGITAL_AGENCY', country: 'EE', q: 'x' }),
    { types: ['DIGITAL_AGENCY'], country: 'EE', search: 'x' });
});
