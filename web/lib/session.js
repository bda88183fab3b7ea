// @ts-check
// What the client knows for the whole page load: who is signed in, and the
// words the API serves for its values (the vocabulary). Both come in one
// request, `query Session`, which app.js makes once and every view shares, so
// that labels cost no request of their own.

import { gql } from './api.js';
import { THREAD_KIND_VALUES, VISIBILITY_VALUES } from '../graphql/enums.js';
import { SESSION_QUERY } from '../graphql/session.js';

/** @import { RoarPillar, SessionData, ThreadKind, Visibility } from '../graphql/types' */

/** @typedef {NonNullable<SessionData['viewer']>} Viewer */

/**
 * The API's words for its values.
 * @typedef {object} Vocabulary
 * @property {RoarPillar[]} pillars the ROAR pillars in the API's order
 * @property {Partial<Record<RoarPillar, string>>} pillarTitles "Risks and rewards"
 * @property {Partial<Record<RoarPillar, string>>} pillarDescriptions one line each
 * @property {Partial<Record<ThreadKind, string>>} kindDescriptions what each kind of thread is for
 * @property {Partial<Record<Visibility, string>>} visibilityDescriptions who may read a thread
 */

/**
 * @typedef {object} Session
 * @property {Viewer | null} viewer the signed-in member, or null
 * @property {Vocabulary} vocabulary
 */

/**
 * Ask the API for the session.
 * @param {{ signal?: AbortSignal }} [options]
 * @returns {Promise<Session>}
 */
export async function loadSession(options) {
  const data = await gql(SESSION_QUERY, {}, options);
  return { viewer: data.viewer, vocabulary: vocabularyOf(data) };
}

/**
 * The vocabulary in an answer to `query Session`. Enum values the client does
 * not know (a newer server) are left out.
 * @param {SessionData} data
 * @returns {Vocabulary}
 */
export function vocabularyOf(data) {
  /** @type {Vocabulary} */
  const vocabulary = {
    pillars: [],
    pillarTitles: {},
    pillarDescriptions: {},
    kindDescriptions: descriptions(data.threadKinds, THREAD_KIND_VALUES),
    visibilityDescriptions: descriptions(data.visibilities, VISIBILITY_VALUES),
  };
  for (const { pillar, title, description } of data.pillars) {
    vocabulary.pillars.push(pillar);
    vocabulary.pillarTitles[pillar] = title;
    vocabulary.pillarDescriptions[pillar] = description;
  }
  return vocabulary;
}

/**
 * @template {string} E
 * @param {{ enumValues: Array<{ name: string, description: string | null }> | null } | null} type
 * @param {ReadonlyArray<E>} known
 * @returns {Partial<Record<E, string>>}
 */
function descriptions(type, known) {
  /** @type {Partial<Record<E, string>>} */
  const out = {};
  for (const { name, description } of type?.enumValues ?? []) {
    const value = known.find((k) => k === name);
    if (value && description) out[value] = description;
  }
  return out;
}
