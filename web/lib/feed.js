// @ts-check
// The feed's state, which lives in the URL's query string: reading it,
// writing it back, and turning it into the API's ThreadFilter.

import {
  ORGANISATION_TYPE_VALUES, ROAR_PILLAR_VALUES, THREAD_KIND_VALUES, THREAD_ORDER_VALUES, THREAD_STATUS_VALUES,
} from '../graphql/enums.js';
import { oneOf } from './text.js';

/** @import { FollowTarget, OrganisationType, RoarPillar, ThreadFilter, ThreadKind, ThreadOrder, ThreadStatus } from '../graphql/types' */

/**
 * What the feed shows. '' is "any".
 * @typedef {object} FeedState
 * @property {string} q the search
 * @property {RoarPillar | ''} pillar
 * @property {OrganisationType | ''} orgType
 * @property {ThreadKind | ''} kind
 * @property {ThreadStatus | ''} status
 * @property {string} topic lower-case, without '#'
 * @property {'' | 'with' | 'without'} expert threads with, or without, an expert reply
 * @property {string} org an organisation's global id
 * @property {ThreadOrder} sort
 */

export const DEFAULT_SORT = 'LAST_ACTIVITY';

/**
 * The URL's query string -> the feed's state; unknown values are ignored.
 * @param {URLSearchParams} query
 * @returns {FeedState}
 */
export function readState(query) {
  return {
    q: (query.get('q') || '').trim(),
    pillar: oneOf(query.get('pillar'), ROAR_PILLAR_VALUES),
    orgType: oneOf(query.get('orgType'), ORGANISATION_TYPE_VALUES),
    kind: oneOf(query.get('kind'), THREAD_KIND_VALUES),
    status: oneOf(query.get('status'), THREAD_STATUS_VALUES),
    topic: normaliseTopic(query.get('topic') || ''),
    expert: query.get('expert') === '1' ? 'with' : query.get('expert') === '0' ? 'without' : '',
    org: query.get('org') || '',
    sort: oneOf(query.get('sort'), THREAD_ORDER_VALUES) || DEFAULT_SORT,
  };
}

/**
 * "  #Procurement " -> "procurement".
 * @param {string} text
 */
export function normaliseTopic(text) {
  return text.trim().toLowerCase().replace(/^#/, '');
}

/**
 * The feed's state -> the query parameters of its URL (defaults left out).
 * @param {FeedState} state
 * @returns {Record<string, string>}
 */
export function stateToParams(state) {
  /** @type {Record<string, string>} */
  const params = {};
  if (state.q) params.q = state.q;
  if (state.pillar) params.pillar = state.pillar;
  if (state.orgType) params.orgType = state.orgType;
  if (state.kind) params.kind = state.kind;
  if (state.status) params.status = state.status;
  if (state.topic) params.topic = state.topic;
  if (state.expert) params.expert = state.expert === 'with' ? '1' : '0';
  if (state.org) params.org = state.org;
  if (state.sort !== DEFAULT_SORT) params.sort = state.sort;
  return params;
}

/**
 * The feed's state -> the API's filter.
 * @param {FeedState} state
 * @returns {ThreadFilter}
 */
export function stateToFilter(state) {
  /** @type {ThreadFilter} */
  const filter = {};
  if (state.pillar) filter.pillars = [state.pillar];
  if (state.orgType) filter.organisationTypes = [state.orgType];
  if (state.kind) filter.kinds = [state.kind];
  if (state.status) filter.statuses = [state.status];
  if (state.topic) filter.topics = [state.topic];
  if (state.org) filter.organisation = state.org;
  if (state.expert) filter.hasExpertReply = state.expert === 'with';
  if (state.q) filter.search = state.q;
  return filter;
}

/**
 * How many filters besides search are set (a sort other than the default counts).
 * @param {FeedState} state
 */
export function activeFilters(state) {
  const set = [state.pillar, state.orgType, state.kind, state.status, state.topic, state.expert, state.org];
  return set.filter(Boolean).length + (state.sort !== DEFAULT_SORT ? 1 : 0);
}

/**
 * True when the feed shows fewer threads than all (search included, sort not).
 * @param {FeedState} state
 */
export function isFiltered(state) {
  return Object.keys(stateToFilter(state)).length > 0;
}

/**
 * "Needs an expert": open challenges without an expert reply, the longest waiting first.
 * @type {Record<string, string>}
 */
export const NEEDS_EXPERT = { kind: 'CHALLENGE', status: 'OPEN', expert: '0', sort: 'OLDEST_UNANSWERED' };

/**
 * True when the feed shows exactly "Needs an expert" (a search within it included).
 * @param {FeedState} state
 */
export function isNeedsExpert(state) {
  const params = stateToParams({ ...state, q: '' });
  return Object.keys(params).length === Object.keys(NEEDS_EXPERT).length
    && Object.entries(NEEDS_EXPERT).every(([key, value]) => params[key] === value);
}

/**
 * What a feed filtered to exactly one pillar, organisation type, topic or organisation
 * is about, as a thing to follow; null for any other feed (none of them, or several).
 * @param {FeedState} state
 * @returns {FollowTarget | null}
 */
export function followTargetOf(state) {
  /** @type {FollowTarget[]} */
  const targets = [];
  if (state.pillar) targets.push({ pillar: state.pillar });
  if (state.orgType) targets.push({ organisationType: state.orgType });
  if (state.topic) targets.push({ topic: state.topic });
  if (state.org) targets.push({ organisation: state.org });
  return targets.length === 1 ? targets[0] : null;
}
