// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  absoluteTime, countryName, KINDS, label, plural, pluralWord, relativeTime, shortAge,
} from '../../web/lib/labels.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
/** @param {number} seconds */
const ago = (seconds) => new Date(NOW - seconds * 1000).toISOString();

test('times read as how long ago', () => {
  assert.equal(relativeTime(ago(10), NOW), 'just now');
  assert.equal(relativeTime(ago(-10), NOW), 'just now');
  assert.equal(relativeTime(ago(5 * 60), NOW), '5 minutes ago');
  assert.equal(relativeTime(ago(3 * 3600), NOW), '3 hours ago');
  assert.equal(relativeTime(ago(26 * 3600), NOW), 'yesterday');
  assert.equal(relativeTime(ago(15 * 24 * 3600), NOW), '2 weeks ago');
  assert.equal(relativeTime(ago(-2 * 3600), NOW), 'in 2 hours');
  assert.equal(relativeTime('not a time', NOW), '');
});

test('an absolute time is written out in the reader\'s locale, and a bad one is empty', () => {
  const reader = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  assert.equal(absoluteTime('2026-12-03T12:00:00Z'), reader.format(new Date('2026-12-03T12:00:00Z')));
  assert.match(absoluteTime('2026-12-03T12:00:00Z'), /2026/);
  assert.equal(absoluteTime('soon'), '');
});

test('a short age fits a column: minutes, hours, days, then the date', () => {
  assert.equal(shortAge(ago(20), NOW), 'now');
  assert.match(shortAge(ago(5 * 60), NOW), /^5\s?m/);
  assert.match(shortAge(ago(3 * 3600), NOW), /^3\s?h/);
  assert.match(shortAge(ago(2 * 24 * 3600), NOW), /^2\s?d/);
  const old = shortAge(ago(60 * 24 * 3600), NOW);
  assert.ok(!/2026/.test(old) && /Oct|10/.test(old), old);
  assert.match(shortAge('2024-05-01T00:00:00Z', NOW), /2024/);
  assert.equal(shortAge('not a time', NOW), '');
});

test('counts agree with their noun', () => {
  assert.equal(plural(1, 'reply', 'replies'), '1 reply');
  assert.equal(plural(0, 'reply', 'replies'), '0 replies');
  assert.equal(plural(2, 'thread'), '2 threads');
  assert.equal(pluralWord(1, 'thread matches', 'threads match'), 'thread matches');
  assert.equal(pluralWord(21, 'thread matches', 'threads match'), 'threads match');
  assert.equal(plural(1204, 'thread'), `${new Intl.NumberFormat().format(1204)} threads`);
});

test('a value has its word, and a value the client does not know reads as words', () => {
  assert.equal(label(KINDS, 'CASE_EXAMPLE'), 'Case example');
  assert.equal(label(KINDS, 'PEER_REVIEW'), 'peer review');
});

test('countries are named, and an unknown code stays a code', () => {
  assert.equal(countryName('de'), 'Germany');
  assert.equal(countryName(''), '');
  assert.equal(countryName('1'), '1');
});
