// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { insertMention, mentionAt } from '../../web/lib/mentions.js';

/** @param {string} text the caret at its end */
const at = (text) => mentionAt(text, text.length);

test('the name being typed after an @ is found, up to two words', () => {
  assert.deepEqual(at('@am'), { start: 0, query: 'am' });
  assert.deepEqual(at('Thanks @Amara Ok'), { start: 7, query: 'Amara Ok' });
  assert.deepEqual(at('as (@ana'), { start: 4, query: 'ana' });
  assert.deepEqual(at('Thanks @Amara '), { start: 7, query: 'Amara ' });
});

test('nothing is offered outside a mention', () => {
  assert.equal(at(''), null);
  assert.equal(at('mail ana@example.org'), null); // an address, not a mention
  assert.equal(at('@'), null);
  assert.equal(at('@Amara Okafor said '), null); // a third word: the mention is over
  assert.equal(mentionAt('@ana and more', 13), null);
});

test('choosing a name replaces what was typed, with one space after it', () => {
  assert.deepEqual(insertMention('Thanks @am', 7, 10, 'Amara Okafor'),
    { text: 'Thanks @Amara Okafor ', caret: 21 });
  assert.deepEqual(insertMention('Hi @an and you', 3, 6, 'Ana Silva'),
    { text: 'Hi @Ana Silva and you', caret: 14 });
});
