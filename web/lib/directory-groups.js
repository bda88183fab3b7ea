// @ts-check
// The directory's overview: how many organisations of each type (each a link
// to the directory filtered to it), and the organisations grouped by region.

import { h } from './dom.js';
import { label, ORGANISATION_TYPES } from './labels.js';
import { toHref } from './directory.js';

/** @import { DirectorySummaryData } from '../graphql/types' */

/**
 * "Public administrations 12 · Research institutes 3 …", each a filter link.
 * @param {DirectorySummaryData['organisationDirectory']} summary
 */
export function typeCounts(summary) {
  return h('ul', { class: 'type-counts', 'aria-label': 'Organisations by type' },
    summary.byType.map((t) => h('li', null,
      h('a', { class: 'chip chip-orgtype', href: toHref({ type: t.type, country: '', q: '', sort: '' }) },
        `${label(ORGANISATION_TYPES, t.type)}: ${t.count}`))));
}

/**
 * Cards under a heading per region, regions by name, "Other" last.
 * @template {{ region?: string | null }} T
 * @param {T[]} orgs
 * @param {(org: T) => HTMLElement} card
 */
export function groupedByRegion(orgs, card) {
  /** @type {Map<string, T[]>} */
  const groups = new Map();
  for (const org of orgs) {
    const region = org.region || 'Other';
    const group = groups.get(region);
    if (group) group.push(org);
    else groups.set(region, [org]);
  }
  const names = [...groups.keys()].sort((a, b) =>
    (a === 'Other' ? 1 : 0) - (b === 'Other' ? 1 : 0) || a.localeCompare(b));
  return names.map((name) => h('li', { class: 'region-group' },
    h('h2', { class: 'region-heading' }, `${name} (${groups.get(name)?.length ?? 0})`),
    h('ul', { class: 'org-list' }, (groups.get(name) ?? []).map(card))));
}
