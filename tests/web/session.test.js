// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { vocabularyOf } from '../../web/lib/session.js';

/** @type {import('../../web/graphql/types').SessionData} */
const ANSWER = {
  viewer: null,
  pillars: [
    { pillar: 'RISKS_AND_REWARDS', title: 'Risks and rewards', description: 'Risks and rewards: who invests.' },
    { pillar: 'ASSESSMENT', title: 'Assessment', description: 'Assessment: evaluating.' },
  ],
  threadKinds: {
    enumValues: [
      { name: 'CHALLENGE', description: 'A member organisation describes a challenge.' },
      { name: 'DISCUSSION', description: null },
      { name: 'PEER_REVIEW', description: 'A kind this client does not know.' },
    ],
  },
  visibilities: null,
};

test('the vocabulary keeps the pillars in the API order, with their titles and descriptions', () => {
  const vocabulary = vocabularyOf(ANSWER);
  assert.deepEqual(vocabulary.pillars, ['RISKS_AND_REWARDS', 'ASSESSMENT']);
  assert.equal(vocabulary.pillarTitles.ASSESSMENT, 'Assessment');
  assert.equal(vocabulary.pillarDescriptions.RISKS_AND_REWARDS, 'Risks and rewards: who invests.');
});

test('the vocabulary takes enum descriptions it knows the values of, and no blanks', () => {
  const vocabulary = vocabularyOf(ANSWER);
  assert.deepEqual(vocabulary.kindDescriptions, { CHALLENGE: 'A member organisation describes a challenge.' });
  assert.deepEqual(vocabulary.visibilityDescriptions, {});
});
