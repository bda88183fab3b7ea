// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { oneOf, parseTopics, postText, withoutTitle } from '../../web/lib/text.js';

test('topics are split at commas and new lines, without # or capitals, each once', () => {
  assert.deepEqual(parseTopics('Procurement, public-finance  ,#capabilities\nprocurement,,'),
    ['procurement', 'public-finance', 'capabilities']);
  assert.deepEqual(parseTopics('  '), []);
});

test('a description loses the title it starts with, and starts with a capital', () => {
  assert.equal(withoutTitle('Assessment', 'Assessment: evaluating dynamic investment.'), 'Evaluating dynamic investment.');
  assert.equal(withoutTitle('Assessment', 'ASSESSMENT:   beyond cost-benefit.'), 'Beyond cost-benefit.');
  assert.equal(withoutTitle('Assessment', 'Evaluating dynamic investment.'), 'Evaluating dynamic investment.');
});

test('only values of the list pass oneOf', () => {
  const kinds = /** @type {const} */ (['CHALLENGE', 'DISCUSSION']);
  assert.equal(oneOf('CHALLENGE', kinds), 'CHALLENGE');
  assert.equal(oneOf('challenge', kinds), '');
  assert.equal(oneOf(null, kinds), '');
  assert.equal(oneOf('toString', kinds), '');
});

test("a word processor's manual line and page breaks become line breaks in a post", () => {
  assert.equal(postText('First line\vsecond line\fnext page\ttab'), 'First line\nsecond line\nnext page\ttab');
  assert.equal(postText('plain'), 'plain');
});
