// @ts-check
// The directory of organisations: filter by type, country, search, sorted by name or
// by latest activity (all in the URL, see lib/directory.js); grouped by region on request.

import { gql, isAbort } from '../lib/api.js';
import { errorBox, loading } from '../lib/components.js';
import { DIRECTORY_ORDERS, readState, toFilter, toHref } from '../lib/directory.js';
import { groupedByRegion, typeCounts } from '../lib/directory-groups.js';
import { announce, h, replaceChildren } from '../lib/dom.js';
import { countryName, label, ORGANISATION_TYPES, plural } from '../lib/labels.js';
import { oneOf } from '../lib/text.js';
import { View } from '../lib/view.js';
import { ORGANISATION_ORDER_VALUES, ORGANISATION_TYPE_VALUES } from '../graphql/enums.js';
import { DIRECTORY_COUNTRIES_QUERY, DIRECTORY_QUERY, DIRECTORY_SUMMARY_QUERY } from '../graphql/organisations.js';

/** @import { DirectoryData } from '../graphql/types' */
/** @import { DirectoryState } from '../lib/directory.js' */
/** @import { ViewContext } from '../lib/view.js' */

const PAGE_SIZE = 30;
// Grouped by region, the directory shows every organisation that matches, fetched in pages
// of the API's largest size (a network of a few hundred organisations: a few requests).
const ALL_PAGE_SIZE = 100;

/**
 * An organisation in the directory.
 * @param {DirectoryData['organisations']['nodes'][number]} org
 */
function organisationCard(org) {
  return h('li', { class: 'org-card' },
    h('h2', { class: 'org-card-title' }, h('a', { href: `/o/${encodeURIComponent(org.slug)}` }, org.name)),
    h('p', { class: 'org-meta' },
      h('span', { class: 'chip chip-orgtype' }, label(ORGANISATION_TYPES, org.type)),
      org.country ? h('span', { class: 'org-country' }, countryName(org.country)) : null,
      h('span', { class: 'org-members' }, plural(org.members.totalCount, 'member'))),
    org.description ? h('p', { class: 'org-description' }, org.description) : null);
}

export default class OrganisationsView extends View {
  /** @type {DirectoryState} */
  state = readState(this.ctx.query);
  /** @type {string | null} */
  cursor = null;
  /** Whether there are organisations after those loaded. */
  hasNext = false;
  /** @type {AbortController | null} the page request running */
  loadController = null;

  countrySelect = h('select', { id: 'org-country', name: 'country' }, h('option', { value: '' }, 'All countries'));
  typeSelect = h('select', { id: 'org-type', name: 'type' },
    h('option', { value: '' }, 'All types'),
    Object.entries(ORGANISATION_TYPES).map(([value, text]) => h('option', { value }, text)));
  sortSelect = h('select', { id: 'org-sort', name: 'sort' },
    Object.entries(DIRECTORY_ORDERS).map(([value, text]) => h('option', { value }, text)));
  search = h('input', { type: 'search', id: 'org-q', name: 'q', placeholder: 'Search by name', autocomplete: 'off' });
  form = h('form', { class: 'filters directory-filters', role: 'search', 'aria-label': 'Filter organisations' },
    h('div', { class: 'search-row' },
      h('label', { for: 'org-q', class: 'visually-hidden' }, 'Search organisations by name'),
      this.search,
      h('button', { type: 'submit', class: 'button' }, 'Search')),
    h('div', { class: 'filter-row' },
      h('div', { class: 'filter' }, h('label', { for: 'org-type' }, 'Type'), this.typeSelect),
      h('div', { class: 'filter' }, h('label', { for: 'org-country' }, 'Country'), this.countrySelect),
      h('div', { class: 'filter' }, h('label', { for: 'org-sort' }, 'Sort by'), this.sortSelect)));
  status = h('p', { class: 'result-count', role: 'status' });
  list = h('ul', { class: 'org-list' });
  more = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: true }, 'Load more organisations');
  errorSlot = h('div');
  clear = h('a', { href: '/organisations', class: 'clear-filters', hidden: true }, 'Clear all filters');
  /** @type {DirectoryData['organisations']['nodes']} the organisations loaded, in order */
  nodes = [];
  grouping = h('input', { type: 'checkbox', id: 'org-group-region' });
  summarySlot = h('div', { class: 'directory-summary' });

  /** @override */
  async mount() {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.apply();
    });
    this.form.addEventListener('change', (event) => {
      if (event.target !== this.search) this.apply();
    });
    this.more.addEventListener('click', () => this.load({ append: true }));
    this.grouping.addEventListener('change', () => {
      // Every region's group is whole: the pages not loaded yet are fetched first.
      if (this.grouping.checked && !this.more.hidden) this.load({ append: true, all: true });
      else this.renderList();
    });
    this.show('Organisations',
      h('h1', null, 'Organisations'),
      h('p', { class: 'lead' }, 'The public-sector organisations of the network and the institute that hosts its researchers.'),
      this.summarySlot,
      this.form,
      h('p', { class: 'group-toggle' }, this.grouping, h('label', { for: 'org-group-region' }, ' Group by region')),
      h('div', { class: 'feed-summary' }, this.status, this.clear),
      this.errorSlot,
      this.list,
      this.more);
    this.renderForm();
    this.load();
    this.loadCountries();
    this.loadSummary();
  }

  /** The cards as loaded, or under a heading per region. */
  renderList() {
    this.more.hidden = this.grouping.checked || !this.hasNext;
    this.list.classList.toggle('org-list', !this.grouping.checked);
    this.list.classList.toggle('region-groups', this.grouping.checked);
    replaceChildren(this.list, this.grouping.checked
      ? groupedByRegion(this.nodes, organisationCard)
      : this.nodes.map(organisationCard));
  }

  /** How many organisations of each type (a convenience: failures are quiet). */
  async loadSummary() {
    try {
      const data = await gql(DIRECTORY_SUMMARY_QUERY, {}, { signal: this.signal });
      replaceChildren(this.summarySlot, typeCounts(data.organisationDirectory));
    } catch { /* the counts are a convenience */ }
  }

  /**
   * @override
   * @param {ViewContext} ctx
   */
  update(ctx) {
    this.state = readState(ctx.query);
    this.renderForm();
    this.load();
    return true;
  }

  /** @param {string} code */
  ensureCountryOption(code) {
    if (!code || this.countrySelect.querySelector(`option[value="${code}"]`)) return;
    this.countrySelect.append(h('option', { value: code }, countryName(code)));
  }

  renderForm() {
    const { state } = this;
    this.search.value = state.q;
    this.typeSelect.value = state.type;
    this.sortSelect.value = state.sort || 'NAME';
    this.ensureCountryOption(state.country);
    this.countrySelect.value = state.country;
    this.clear.hidden = !(state.q || state.type || state.country);
  }

  apply() {
    const href = toHref({
      q: this.search.value.trim(),
      type: oneOf(this.typeSelect.value, ORGANISATION_TYPE_VALUES),
      country: this.countrySelect.value,
      sort: oneOf(this.sortSelect.value, ORGANISATION_ORDER_VALUES),
    });
    if (href !== location.pathname + location.search) this.ctx.navigate(href);
  }

  /**
   * The first page, or the next one (`append`), or every page still to come (`all`, for
   * the grouping by region).
   * @param {{ append?: boolean, all?: boolean }} [options]
   */
  async load({ append = false, all = false } = {}) {
    this.loadController?.abort();
    this.loadController = new AbortController();
    const signal = AbortSignal.any([this.loadController.signal, this.signal]);
    replaceChildren(this.errorSlot);
    if (!append) replaceChildren(this.status, loading('Loading organisations…'));
    this.more.disabled = true;
    const grouped = () => this.grouping.checked;
    try {
      /** @type {DirectoryData['organisations']['nodes']} */
      const added = [];
      /** @type {DirectoryData['organisations'] | undefined} */
      let organisations;
      do {
        const data = await gql(DIRECTORY_QUERY, {
          filter: toFilter(this.state),
          orderBy: this.state.sort || 'NAME',
          first: all || grouped() ? ALL_PAGE_SIZE : PAGE_SIZE,
          after: append || added.length ? this.cursor : null,
        }, { signal });
        organisations = data.organisations;
        this.cursor = organisations.pageInfo.endCursor;
        this.hasNext = organisations.pageInfo.hasNextPage;
        added.push(...organisations.nodes);
      } while (grouped() && this.hasNext);
      this.nodes = append ? [...this.nodes, ...added] : added;
      const cards = added.map(organisationCard);
      if (grouped()) {
        this.renderList();
        if (append) announce(`${plural(cards.length, 'more organisation')} loaded.`);
      } else if (append) {
        this.list.append(...cards);
        announce(`${plural(cards.length, 'more organisation')} loaded.`);
        cards[0]?.querySelector('a')?.focus();
      } else {
        replaceChildren(this.list, cards);
      }
      replaceChildren(this.status, organisations.totalCount
        ? plural(organisations.totalCount, 'organisation')
        : 'No organisations match these filters.');
      this.more.hidden = grouped() || !this.hasNext;
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(this.status);
      replaceChildren(this.errorSlot, errorBox(err, () => this.load({ append, all })));
    } finally {
      this.more.disabled = false;
    }
  }

  /** The countries of the network, for the country filter (a convenience: failures are quiet). */
  async loadCountries() {
    try {
      const data = await gql(DIRECTORY_COUNTRIES_QUERY, {}, { signal: this.signal });
      const codes = [...new Set(data.organisations.nodes.map((o) => o.country).filter((c) => c !== null))];
      codes.sort((a, b) => countryName(a).localeCompare(countryName(b)));
      for (const code of codes) this.ensureCountryOption(code);
      this.countrySelect.value = this.state.country;
    } catch { /* the country list is a convenience */ }
  }
}
