// @ts-check
// The directory's state, which lives in the URL's query string.

import { ORGANISATION_TYPE_VALUES } from '../graphql/enums.js';
import { oneOf } from './text.js';

/** @import { OrganisationFilter, OrganisationType } from '../graphql/types' */

/**
 * What the directory shows. '' is "any".
 * @typedef {object} DirectoryState
 * @property {OrganisationType | ''} type
 * @property {string} country ISO 3166-1 alpha-2, upper case
 * @property {string} q the search by name
 */

/**
 * @param {URLSearchParams} query
 * @returns {DirectoryState}
 */
export function readState(query) {
  return {
    type: oneOf(query.get('type'), ORGANISATION_TYPE_VALUES),
    country: (query.get('country') || '').toUpperCase().slice(0, 2),
    q: (query.get('q') || '').trim(),
  };
}

/**
 * The directory's address for a state.
 * @param {DirectoryState} state
 */
export function toHref(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.type) params.set('type', state.type);
  if (state.country) params.set('country', state.country);
  const query = params.toString();
  return query ? `/organisations?${query}` : '/organisations';
}

/**
 * The API's filter for a state.
 * @param {DirectoryState} state
 * @returns {OrganisationFilter}
 */
export function toFilter(state) {
  /** @type {OrganisationFilter} */
  const filter = {};
  if (state.type) filter.types = [state.type];
  if (state.country) filter.country = state.country;
  if (state.q) filter.search = state.q;
  return filter;
}
