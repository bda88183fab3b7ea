// @ts-check
// The directory's state, which lives in the URL's query string.

import { ORGANISATION_ORDER_VALUES, ORGANISATION_TYPE_VALUES } from '../graphql/enums.js';
import { oneOf } from './text.js';

/** @import { OrganisationFilter, OrganisationOrder, OrganisationType } from '../graphql/types' */

/**
 * What the directory shows. '' is "any".
 * @typedef {object} DirectoryState
 * @property {OrganisationType | ''} type
 * @property {string} country ISO 3166-1 alpha-2, upper case
 * @property {string} q the search by name
 * @property {OrganisationOrder | ''} sort '' is the API's default (by name)
 */

/** The directory's orders, in the words of its "Sort by" select. */
export const DIRECTORY_ORDERS = /** @type {const} */ ({ NAME: 'Name', LAST_ACTIVITY: 'Latest activity' });

/**
 * @param {URLSearchParams} query
 * @returns {DirectoryState}
 */
export function readState(query) {
  return {
    type: oneOf(query.get('type'), ORGANISATION_TYPE_VALUES),
    country: (query.get('country') || '').toUpperCase().slice(0, 2),
    q: (query.get('q') || '').trim(),
    // By name is the default: it stays out of the address.
    sort: oneOf(query.get('sort'), ORGANISATION_ORDER_VALUES.filter((o) => o !== 'NAME')),
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
  if (state.sort && state.sort !== 'NAME') params.set('sort', state.sort);
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
