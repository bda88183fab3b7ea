// @ts-check
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  activeFilters, followTargetOf, isFiltered, isNeedsExpert, NEEDS_EXPERT, normaliseTopic, readState, stateToFilter,
  stateToParams,
} from '../../web/lib/feed.js';

/** @param {string} query */
const read = (query) => readState(new URLSearchParams(query));

describe('the feed state in the query string', () => {
  test('an empty query string is the whole feed by latest activity', () => {
    assert.deepEqual(read(''), {
      q: '', pillar: '', orgType: '', kind: '', status: '', topic: '', expert: '', org: '', sort: 'LAST_ACTIVITY',
    });
  });

  test('known values are read, and the search and topic are tidied', () => {
    const state = read('q=%20green%20hydrogen%20&pillar=RISKS_AND_REWARDS&orgType=PUBLIC_BANK&kind=CHALLENGE'
      + '&status=ANSWERED&topic=%20%23Procurement&expert=1&org=T3JnOjE%3D&sort=NEWEST');
    assert.deepEqual(state, {
      q: 'green hydrogen',
      pillar: 'RISKS_AND_REWARDS',
      orgType: 'PUBLIC_BANK',
      kind: 'CHALLENGE',
      status: 'ANSWERED',
      topic: 'procurement',
      expert: 'with',
      org: 'T3JnOjE=',
      sort: 'NEWEST',
    });
  });

  test('values the API does not have are ignored rather than sent', () => {
    const state = read('pillar=ROUTES&orgType=bank&kind=challenge&status=__proto__&sort=RANDOM&expert=yes');
    assert.equal(state.pillar, '');
    assert.equal(state.orgType, '');
    assert.equal(state.kind, '');
    assert.equal(state.status, '');
    assert.equal(state.sort, 'LAST_ACTIVITY');
    assert.equal(state.expert, '');
  });

  test('a state written to the query string reads back the same', () => {
    const state = read('q=x&pillar=ASSESSMENT&topic=capabilities&expert=1&sort=MOST_REPLIES');
    const again = readState(new URLSearchParams(stateToParams(state)));
    assert.deepEqual(again, state);
  });

  test('defaults are left out of the query string', () => {
    assert.deepEqual(stateToParams(read('sort=LAST_ACTIVITY')), {});
    assert.deepEqual(stateToParams(read('kind=DISCUSSION')), { kind: 'DISCUSSION' });
  });
});

describe('the feed state as the API filter', () => {
  test('each set value becomes a one-value filter, the search a search', () => {
    const state = read('q=hydrogen&pillar=ASSESSMENT&orgType=SPACE_AGENCY&kind=CASE_EXAMPLE&status=OPEN'
      + '&topic=procurement&expert=1&org=T3JnOjE%3D');
    assert.deepEqual(stateToFilter(state), {
      pillars: ['ASSESSMENT'],
      organisationTypes: ['SPACE_AGENCY'],
      kinds: ['CASE_EXAMPLE'],
      statuses: ['OPEN'],
      topics: ['procurement'],
      organisation: 'T3JnOjE=',
      hasExpertReply: true,
      search: 'hydrogen',
    });
  });

  test('the whole feed has no filter', () => {
    assert.deepEqual(stateToFilter(read('sort=NEWEST')), {});
    assert.equal(isFiltered(read('sort=NEWEST')), false);
    assert.equal(isFiltered(read('q=x')), true);
  });

  test('the count of active filters leaves out the search and counts a sort', () => {
    assert.equal(activeFilters(read('q=x')), 0);
    assert.equal(activeFilters(read('pillar=ASSESSMENT&expert=1')), 2);
    assert.equal(activeFilters(read('sort=NEWEST&topic=x')), 2);
  });

  test('"Needs an expert" is open challenges without an expert reply, the oldest unanswered first', () => {
    const state = readState(new URLSearchParams(NEEDS_EXPERT));
    assert.deepEqual(stateToFilter(state), { kinds: ['CHALLENGE'], statuses: ['OPEN'], hasExpertReply: false });
    assert.equal(state.sort, 'OLDEST_UNANSWERED');
    assert.equal(isNeedsExpert(state), true);
    assert.equal(isNeedsExpert({ ...state, q: 'hydrogen' }), true);
    assert.equal(isNeedsExpert({ ...state, pillar: 'ASSESSMENT' }), false);
    assert.equal(isNeedsExpert(read('expert=0')), false);
  });

  test('a topic is normalised as members type it', () => {
    assert.equal(normaliseTopic('  #Public-Finance '), 'public-finance');
  });
});

describe('what a feed of one thing offers to follow', () => {
  test('one pillar, organisation type, topic or organisation, whatever else narrows the feed', () => {
    assert.deepEqual(followTargetOf(read('pillar=ASSESSMENT')), { pillar: 'ASSESSMENT' });
    assert.deepEqual(followTargetOf(read('orgType=PUBLIC_BANK&kind=CHALLENGE')), { organisationType: 'PUBLIC_BANK' });
    assert.deepEqual(followTargetOf(read('topic=%23Procurement&q=green')), { topic: 'procurement' });
    assert.deepEqual(followTargetOf(read('org=T3JnOjE%3D&sort=NEWEST')), { organisation: 'T3JnOjE=' });
  });

  test('nothing for the whole feed or a feed of two things', () => {
    assert.equal(followTargetOf(read('')), null);
    assert.equal(followTargetOf(read('kind=CHALLENGE&status=OPEN')), null);
    assert.equal(followTargetOf(read('pillar=ASSESSMENT&orgType=PUBLIC_BANK')), null);
  });
});
