// @ts-check
// The client's small exported helpers that need no page: avatars, the bell's label,
// feed links, form errors by field, safe URLs, idempotency keys, event times.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { idempotencyKey } from '../../web/lib/api.js';
import { hueOf, initials } from '../../web/lib/avatars.js';
import { unreadLabel } from '../../web/lib/bell.js';
import { feedHref, fieldIdOf } from '../../web/lib/components.js';
import { safeUrl } from '../../web/lib/dom.js';
import { shortWhen } from '../../web/lib/upcoming-events.js';

test('initials are the first letters of the first and last words, upper-cased', () => {
  assert.equal(initials('Ana María López'), 'AL');
  assert.equal(initials('  mei  '), 'M');
  assert.equal(initials('Élodie de la Tour'), 'ÉT');
  assert.equal(initials(''), '?');
});

test('a member keeps the same hue, within 0..359, and two ids mostly differ', () => {
  assert.equal(hueOf('TWVtYmVyOjE='), hueOf('TWVtYmVyOjE='));
  const hues = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(hueOf));
  assert.ok(hues.size > 4, `too few hues: ${[...hues]}`);
  for (const hue of hues) assert.ok(hue >= 0 && hue < 360);
});

test('the bell says how many notifications are unread, and none', () => {
  assert.equal(unreadLabel(0), 'Notifications, none unread');
  assert.equal(unreadLabel(3), 'Notifications, 3 unread');
});

test('a feed link carries its filters in the query string, and none is the home page', () => {
  assert.equal(feedHref({}), '/');
  assert.equal(feedHref({ pillar: 'ASSESSMENT', topic: 'net zero' }), '/?pillar=ASSESSMENT&topic=net+zero');
});

test('a payload error is placed at its field, the input prefix aside; unknown fields are not', () => {
  const fields = { title: 'f-title', body: 'f-body' };
  assert.equal(fieldIdOf({ field: ['input', 'title'], message: 'Too long', code: 'TOO_LONG' }, fields), 'f-title');
  assert.equal(fieldIdOf({ field: ['input', 'pillars'], message: 'Required', code: 'REQUIRED' }, fields), null);
  assert.equal(fieldIdOf({ field: ['input'], message: 'Bad', code: 'INVALID' }, fields), null);
  // `toString` is on every object, not a field of the form.
  assert.equal(fieldIdOf({ field: ['toString'], message: 'Bad', code: 'INVALID' }, fields), null);
});

test('only relative, http(s) and mailto addresses are kept as links', () => {
  assert.equal(safeUrl('/t/abc'), '/t/abc');
  assert.equal(safeUrl(' https://agency.example/x '), 'https://agency.example/x');
  assert.equal(safeUrl('mailto:secretariat@moin.example'), 'mailto:secretariat@moin.example');
  assert.equal(safeUrl('javascript:alert(1)'), '#');
  assert.equal(safeUrl('JaVaScRiPt:alert(1)'), '#');
  assert.equal(safeUrl('data:text/html,<b>'), '#');
});

test('each idempotency key is new', () => {
  const keys = new Set(Array.from({ length: 50 }, idempotencyKey));
  assert.equal(keys.size, 50);
  for (const key of keys) assert.match(key, /^[0-9a-f-]{32,36}$/);
});

test('an event\'s time is the reader\'s, with the time in its own zone named', () => {
  const when = shortWhen({
    id: 'RXZlbnQ6MQ==',
    title: 'Mission clinic',
    startsAt: '2027-06-03T09:00:00Z',
    endsAt: '2027-06-03T10:00:00Z',
    timeZone: 'Asia/Tokyo',
  });
  const there = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'Asia/Tokyo' })
    .format(new Date('2027-06-03T09:00:00Z'));
  assert.match(when, / your time \(/);
  assert.ok(when.endsWith(`(${there} in Asia/Tokyo)`), when);
});
