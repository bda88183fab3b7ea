// @ts-check
// Home: the feed of threads with filters, search and sorting (all in the
// query string, see lib/feed.js), new threads offered live, and the network at
// a glance.

import { gql, isAbort } from '../lib/api.js';
import { errorBox, feedHref, loading, threadCard } from '../lib/components.js';
import { announce, h, replaceChildren, srOnly } from '../lib/dom.js';
import {
  activeFilters, isFiltered, normaliseTopic, readState, stateToFilter, stateToParams,
} from '../lib/feed.js';
import { KINDS, label, ORDERS, ORGANISATION_TYPES, PILLAR_SHORT, plural, STATUSES } from '../lib/labels.js';
import { oneOf } from '../lib/text.js';
import { View } from '../lib/view.js';
import {
  ORGANISATION_TYPE_VALUES, ROAR_PILLAR_VALUES, THREAD_KIND_VALUES, THREAD_ORDER_VALUES, THREAD_STATUS_VALUES,
} from '../graphql/enums.js';
import { FEED_QUERY, THREAD_COUNTS_QUERY, THREAD_STARTED_SUBSCRIPTION } from '../graphql/home.js';

/** @import { FeedData, ThreadCountsData } from '../graphql/types' */
/** @import { FeedState } from '../lib/feed.js' */
/** @import { Vocabulary } from '../lib/session.js' */

const PAGE_SIZE = 20;

/**
 * A labelled <select> of the filter form.
 * @param {string} name
 * @param {string} text
 * @param {Array<[string, string]>} options value, label
 * @param {string | null} anyText the option for "any", or null for none
 */
function select(name, text, options, anyText) {
  return h('div', { class: 'filter' },
    h('label', { for: `filter-${name}` }, text),
    h('select', { id: `filter-${name}`, name },
      anyText === null ? null : h('option', { value: '' }, anyText),
      options.map(([value, optionLabel]) => h('option', { value }, optionLabel))));
}

export default class HomeView extends View {
  /** @type {FeedState} */
  state = readState(this.ctx.query);
  /** @type {string | null} the feed's end cursor */
  cursor = null;
  /** @type {AbortController | null} the feed request running */
  loadController = null;
  /** @type {Set<string>} threads started since the feed was loaded */
  freshIds = new Set();
  /** @type {(() => void) | null} */
  stopNewThreads = null;
  /** @type {ThreadCountsData['threadCounts'] | null} */
  counts = null;
  // Wide screens show the filters and the network grid open beside the feed;
  // narrow ones fold them, so that the threads come first.
  wide = window.matchMedia('(min-width: 62rem)');

  // Filled by mount():
  /** @type {Vocabulary} */ vocabulary;
  /** @type {HTMLFormElement} */ form;
  /** @type {HTMLDetailsElement} */ filterDetails;
  /** @type {HTMLElement} */ filterSummary;
  /** @type {HTMLElement} */ orgFilter;
  /** @type {HTMLElement} */ status;
  /** @type {HTMLUListElement} */ list;
  /** @type {HTMLButtonElement} */ more;
  /** @type {HTMLElement} */ feedError;
  /** @type {HTMLAnchorElement} */ clearLink;
  /** @type {HTMLElement} */ fresh;
  /** @type {HTMLElement} */ glanceBody;
  /** @type {HTMLDetailsElement} */ glance;

  /** @override */
  async mount() {
    // The feed is asked for at once, beside the session (already on its way).
    const feed = this.fetchFeed();
    // Its failure is shown by showFeed(); or the session failed first and the router shows that.
    feed.catch(() => {});
    const { vocabulary } = await this.session();
    this.vocabulary = vocabulary;
    this.build(vocabulary);
    this.show('',
      h('div', { class: 'page-home' },
        h('div', { class: 'intro' },
          h('div', null,
            h('h1', null, 'Forum'),
            h('p', { class: 'lead' },
              'Public-sector organisations of the Mission-Oriented Innovation Network learn from each other here: ',
              'challenges, discussions and case examples, tagged by ROAR pillar and organisation type.')),
          h('a', { class: 'button', href: '/new' }, 'Start a thread')),
        h('div', { class: 'home-layout' },
          h('section', { class: 'feed', 'aria-labelledby': 'feed-heading' },
            h('h2', { id: 'feed-heading', class: 'visually-hidden' }, 'Threads'),
            this.form,
            h('div', { class: 'feed-summary' }, this.status, this.orgFilter, this.clearLink),
            this.fresh,
            this.feedError,
            this.list,
            this.more),
          h('aside', { class: 'glance-aside', 'aria-labelledby': 'glance-heading' }, this.glance))));
    this.listen(this.wide, 'change', () => {
      this.glance.open = this.wide.matches;
      this.filterDetails.open = this.wide.matches || activeFilters(this.state) > 0;
    });
    this.renderForm();
    this.showFeed(feed);
    this.loadGlance();
    this.subscribeToNewThreads();
  }

  /**
   * @override
   * @param {import('../lib/view.js').ViewContext} ctx
   */
  update(ctx) {
    if (!this.vocabulary) return false;
    this.state = readState(ctx.query);
    this.renderForm();
    this.showFeed(this.fetchFeed());
    this.subscribeToNewThreads();
    return true;
  }

  // ------------------------------------------------------------ layout ---

  /** @param {Vocabulary} vocabulary */
  build(vocabulary) {
    const pillars = vocabulary.pillars.map((p) => /** @type {[string, string]} */ ([p, label(vocabulary.pillarTitles, p)]));
    this.form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter threads' },
      h('div', { class: 'search-row' },
        h('label', { for: 'filter-q', class: 'visually-hidden' }, 'Search threads'),
        h('input', { type: 'search', id: 'filter-q', name: 'q', placeholder: 'Search titles and posts', autocomplete: 'off' }),
        h('button', { type: 'submit', class: 'button' }, 'Search')),
      h('details', { class: 'filter-details', open: this.wide.matches || activeFilters(this.state) > 0 },
        h('summary', { class: 'filter-summary' }, 'Filters and sorting'),
        h('div', { class: 'filter-row' },
          select('pillar', 'Pillar', pillars, 'All pillars'),
          select('orgType', 'Organisation type', Object.entries(ORGANISATION_TYPES), 'All types'),
          select('kind', 'Kind', Object.entries(KINDS), 'All kinds'),
          select('status', 'Status', Object.entries(STATUSES), 'Any status'),
          h('div', { class: 'filter' },
            h('label', { for: 'filter-topic' }, 'Topic'),
            h('input', { type: 'text', id: 'filter-topic', name: 'topic', placeholder: 'e.g. procurement', autocomplete: 'off' })),
          select('sort', 'Sort by', Object.entries(ORDERS), null),
          h('div', { class: 'filter filter-check' },
            h('input', { type: 'checkbox', id: 'filter-expert', name: 'expert', value: '1' }),
            h('label', { for: 'filter-expert' }, 'Has an expert reply')))));
    this.filterDetails = /** @type {HTMLDetailsElement} */ (this.form.querySelector('.filter-details'));
    this.filterSummary = /** @type {HTMLElement} */ (this.form.querySelector('.filter-summary'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.apply();
    });
    this.form.addEventListener('change', (event) => {
      // The search applies on submit (Enter); the topic also when it loses focus.
      if (event.target instanceof HTMLInputElement && event.target.name === 'q') return;
      this.apply();
    });

    this.orgFilter = h('p', { class: 'active-org', hidden: true });
    this.status = h('p', { class: 'result-count', role: 'status' });
    this.list = h('ul', { class: 'thread-list', 'aria-labelledby': 'feed-heading' });
    this.more = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: true }, 'Load more threads');
    this.more.addEventListener('click', () => this.showFeed(this.fetchFeed({ append: true }), { append: true }));
    this.feedError = h('div');
    this.clearLink = h('a', { href: '/', class: 'clear-filters', hidden: true }, 'Clear all filters');
    this.fresh = h('div', { class: 'fresh', role: 'status' });

    this.glanceBody = h('div', { class: 'glance-body' }, loading('Loading the grid…'));
    this.glance = h('details', { class: 'glance', open: this.wide.matches },
      h('summary', null, h('h2', { id: 'glance-heading' }, 'The network at a glance')),
      h('p', { class: 'hint' }, 'Threads by organisation type and ROAR pillar. Choose a cell to see its threads.'),
      this.glanceBody);
  }

  /** The form and the grid's current cell, from the state. */
  renderForm() {
    const { state } = this;
    const active = activeFilters(state);
    const elements = this.form.elements;
    const field = (/** @type {string} */ name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (elements.namedItem(name));
    this.filterSummary.textContent = active ? `Filters and sorting (${active} active)` : 'Filters and sorting';
    field('q').value = state.q;
    field('pillar').value = state.pillar;
    field('orgType').value = state.orgType;
    field('kind').value = state.kind;
    field('status').value = state.status;
    field('sort').value = state.sort;
    field('topic').value = state.topic;
    /** @type {HTMLInputElement} */ (field('expert')).checked = state.expert;
    this.clearLink.hidden = !isFiltered(state);
    for (const cell of this.glanceBody.querySelectorAll('a[data-pillar]')) {
      const { pillar, orgType } = /** @type {HTMLElement} */ (cell).dataset;
      if (pillar === state.pillar && orgType === state.orgType) cell.setAttribute('aria-current', 'true');
      else cell.removeAttribute('aria-current');
    }
  }

  /** @returns {FeedState} */
  stateFromForm() {
    const value = (/** @type {string} */ name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (this.form.elements.namedItem(name)).value;
    return {
      ...this.state,
      q: value('q').trim(),
      pillar: oneOf(value('pillar'), ROAR_PILLAR_VALUES),
      orgType: oneOf(value('orgType'), ORGANISATION_TYPE_VALUES),
      kind: oneOf(value('kind'), THREAD_KIND_VALUES),
      status: oneOf(value('status'), THREAD_STATUS_VALUES),
      topic: normaliseTopic(value('topic')),
      expert: /** @type {HTMLInputElement} */ (this.form.elements.namedItem('expert')).checked,
      sort: oneOf(value('sort'), THREAD_ORDER_VALUES) || this.state.sort,
    };
  }

  apply() {
    const href = feedHref(stateToParams(this.stateFromForm()));
    if (href !== location.pathname + location.search) this.ctx.navigate(href);
  }

  // -------------------------------------------------------------- feed ---

  /**
   * Ask for a page of the feed (the first, or the next with `append`); a
   * request still running is cancelled.
   * @param {{ append?: boolean }} [options]
   * @returns {Promise<FeedData>}
   */
  fetchFeed({ append = false } = {}) {
    this.loadController?.abort();
    this.loadController = new AbortController();
    const signal = AbortSignal.any([this.loadController.signal, this.signal]);
    const { state } = this;
    return gql(FEED_QUERY, {
      filter: stateToFilter(state),
      orderBy: state.sort,
      first: PAGE_SIZE,
      after: append ? this.cursor : null,
      org: state.org || '',
      withOrg: !!state.org,
    }, { signal });
  }

  /**
   * Show a page of the feed when it arrives.
   * @param {Promise<FeedData>} request
   * @param {{ append?: boolean }} [options]
   */
  async showFeed(request, { append = false } = {}) {
    const { state, vocabulary } = this;
    replaceChildren(this.feedError);
    if (!append) {
      replaceChildren(this.status, loading('Loading threads…'));
      this.list.setAttribute('aria-busy', 'true');
    }
    this.more.disabled = true;
    /** @type {FeedData} */
    let data;
    try {
      data = await request;
    } catch (err) {
      if (isAbort(err)) return;
      this.list.removeAttribute('aria-busy');
      replaceChildren(this.status);
      replaceChildren(this.feedError, errorBox(err, () => this.showFeed(this.fetchFeed({ append }), { append })));
      this.more.disabled = false;
      return;
    }
    const { threads } = data;
    this.cursor = threads.pageInfo.endCursor;
    const cards = threads.nodes.map((t) => threadCard(t, vocabulary));
    if (append) {
      this.list.append(...cards);
      announce(`${plural(cards.length, 'more thread')} loaded.`);
      /** @type {HTMLElement | null | undefined} */ (cards[0]?.querySelector('h3 a'))?.focus();
    } else {
      replaceChildren(this.list, cards);
    }
    this.list.removeAttribute('aria-busy');
    // For measuring: time from navigation start to the first threads on screen.
    if (!performance.getEntriesByName('moin:feed-rendered').length) performance.mark('moin:feed-rendered');
    if (threads.totalCount === 0) {
      replaceChildren(this.status, isFiltered(state)
        ? 'No threads match these filters.'
        : 'No threads yet. Start the first one!');
    } else {
      replaceChildren(this.status, `${plural(threads.totalCount, 'thread')}${isFiltered(state) ? ' match' : ''}`);
    }
    const org = data.org?.__typename === 'Organisation' ? data.org : null;
    this.orgFilter.hidden = !org;
    if (org) {
      replaceChildren(this.orgFilter, 'Started by members of ',
        h('a', { href: `/o/${encodeURIComponent(org.slug)}` }, org.name), ' · ',
        h('a', { href: feedHref(stateToParams({ ...state, org: '' })) }, 'show all organisations'));
    }
    this.more.hidden = !threads.pageInfo.hasNextPage;
    this.more.disabled = false;
  }

  // -------------------------------------------------------------- live ---

  /** New threads that match the filters, offered while the feed is open. */
  subscribeToNewThreads() {
    this.stopNewThreads?.();
    this.stopNewThreads = null;
    this.freshIds.clear();
    this.renderFresh();
    // The subscription ignores search: with a search on, it would offer threads that do not match.
    if (this.state.q) return;
    this.stopNewThreads = this.subscribe(THREAD_STARTED_SUBSCRIPTION, { filter: stateToFilter(this.state) }, {
      next: (data) => {
        const id = data.threadStarted.id;
        if (document.getElementById(`card-${id}`)) return;
        this.freshIds.add(id);
        this.renderFresh();
      },
    });
  }

  renderFresh() {
    if (this.freshIds.size === 0) {
      replaceChildren(this.fresh);
      return;
    }
    const show = h('button', { type: 'button', class: 'button button-small' },
      `${plural(this.freshIds.size, 'new thread')}: show`);
    show.addEventListener('click', async () => {
      await this.showFeed(this.fetchFeed());
      this.freshIds.clear();
      this.renderFresh();
      /** @type {HTMLElement | null} */ (this.list.querySelector('.thread-card-title a'))?.focus();
    });
    replaceChildren(this.fresh, show);
  }

  // ------------------------------------------------------------ glance ---

  async loadGlance() {
    try {
      const data = await gql(THREAD_COUNTS_QUERY, {}, { signal: this.signal });
      this.counts = data.threadCounts;
      this.renderGlance();
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(this.glanceBody, errorBox(err, () => this.loadGlance()));
    }
  }

  renderGlance() {
    if (!this.counts) return;
    replaceChildren(this.glanceBody, glanceTable(this.counts, this.vocabulary));
    this.renderForm();
  }
}

/**
 * The grid of thread counts: organisation types by pillars, each cell a link
 * to the feed filtered to it.
 * @param {ThreadCountsData['threadCounts']} cells
 * @param {Vocabulary} vocabulary
 */
function glanceTable(cells, vocabulary) {
  const counts = new Map();
  let max = 0;
  for (const c of cells) {
    counts.set(`${c.pillar}|${c.organisationType}`, c.count);
    max = Math.max(max, c.count);
  }
  const shade = (/** @type {number} */ n) => (n === 0 || max === 0 ? 0 : Math.min(5, Math.ceil((n / max) * 5)));
  const { pillars } = vocabulary;
  const title = (/** @type {import('../graphql/types').RoarPillar} */ p) => label(vocabulary.pillarTitles, p);
  return h('div', { class: 'glance-scroll' },
    h('table', { class: 'glance-grid' },
      h('caption', { class: 'visually-hidden' }, 'Number of threads by organisation type (rows) and ROAR pillar (columns)'),
      h('thead', null,
        h('tr', null,
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Organisation type')),
          pillars.map((p) => h('th', { scope: 'col', title: title(p) },
            h('span', { 'aria-hidden': 'true' }, PILLAR_SHORT[p] ?? title(p)), srOnly(title(p)))))),
      h('tbody', null,
        Object.entries(ORGANISATION_TYPES).map(([type, typeLabel]) => h('tr', null,
          h('th', { scope: 'row' }, typeLabel),
          pillars.map((p) => {
            const n = counts.get(`${p}|${type}`) || 0;
            return h('td', { class: `shade-${shade(n)}` },
              h('a', {
                href: feedHref({ pillar: p, orgType: type }),
                dataset: { pillar: p, orgType: type },
              },
              h('span', { 'aria-hidden': 'true' }, String(n)),
              srOnly(`${plural(n, 'thread')}: ${typeLabel}, ${title(p)}`)));
          }))))));
}
