// @ts-check
// Home: the feed of threads with filters, search and sorting (all in the
// query string, see lib/feed.js), new threads offered live, and the network at
// a glance.

import { gql, isAbort } from '../lib/api.js';
import { errorBox, feedHref, loading } from '../lib/components.js';
import { announce, h, replaceChildren, srOnly } from '../lib/dom.js';
import {
  activeFilters, followTargetOf, isFiltered, isNeedsExpert, NEEDS_EXPERT, normaliseTopic, readState, stateToFilter,
  stateToParams,
} from '../lib/feed.js';
import {
  formatCount, KINDS, label, ORDERS, ORGANISATION_TYPES, ORGANISATION_TYPES_NARROW, PILLAR_SHORT, plural, pluralWord,
  STATUSES,
} from '../lib/labels.js';
import { oneOf } from '../lib/text.js';
import { savedMode, saveMode, skeletonItems, threadItem } from '../lib/threadlist.js';
import { SHOWN as EVENTS_SHOWN, upcomingEvents } from '../lib/upcoming-events.js';
import { View } from '../lib/view.js';
import {
  ORGANISATION_TYPE_VALUES, ROAR_PILLAR_VALUES, THREAD_KIND_VALUES, THREAD_ORDER_VALUES, THREAD_STATUS_VALUES,
} from '../graphql/enums.js';
import {
  FEED_QUERY, HOME_GLANCE_QUERY, THREAD_STARTED_SUBSCRIPTION, THREADS_UPDATED_SUBSCRIPTION,
} from '../graphql/home.js';

/** @import { FeedData, HomeGlanceData, ThreadCardFields } from '../graphql/types' */
/** @import { ListMode } from '../lib/threadlist.js' */
/** @import { FeedState } from '../lib/feed.js' */
/** @import { Viewer, Vocabulary } from '../lib/session.js' */

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

/**
 * A button of the list/cards switch.
 * @param {ListMode} mode
 * @param {string} text
 */
function modeButton(mode, text) {
  return h('button', { type: 'button', class: 'mode-button', dataset: { mode }, 'aria-pressed': 'false' }, text);
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
  /** @type {(() => void) | null} */
  stopUpdates = null;
  /** @type {HomeGlanceData['threadCounts'] | null} */
  counts = null;
  /** @type {ThreadCardFields[]} the threads shown, in order */
  threads = [];
  /** @type {number | null} how many threads match, once known */
  total = null;
  /** The "Upcoming events" block, filled by the glance's request. */
  events = upcomingEvents();
  /** @type {boolean} a refresh of the grid is due */
  glanceDue = false;
  /** @type {ListMode} compact rows or expanded cards, as the reader chose last */
  mode = savedMode();
  // Wide screens show the filters and the network grid beside the feed; narrow
  // ones fold them behind "Filter (n)", which opens them as a sheet, so that the
  // threads come first.
  wide = window.matchMedia('(min-width: 62rem)');

  // Filled by mount():
  /** @type {Vocabulary} */ vocabulary;
  /** @type {HTMLFormElement} */ searchForm;
  /** @type {HTMLFormElement} */ form;
  /** @type {HTMLDialogElement} */ sheet;
  /** @type {HTMLButtonElement} */ sheetButton;
  /** @type {HTMLButtonElement} */ sheetDone;
  /** @type {HTMLElement} */ orgFilter;
  /** @type {HTMLElement} */ status;
  /** @type {HTMLElement} */ results;
  /** @type {HTMLElement} */ modeSwitch;
  /** @type {HTMLUListElement} */ list;
  /** @type {HTMLButtonElement} */ more;
  /** @type {HTMLElement} */ feedError;
  /** @type {HTMLAnchorElement} */ clearLink;
  /** @type {HTMLElement} */ fresh;
  /** @type {HTMLElement} */ glanceBody;
  /** @type {HTMLElement} */ heading;
  /** @type {HTMLElement} */ lead;
  /** @type {HTMLElement | null} */ views;
  /** @type {Viewer | null} */ viewer = null;
  /** @type {HTMLElement} the follow button of a feed of one pillar, type, topic or organisation */
  followSlot = h('p', { class: 'feed-follow', hidden: true });
  /** @type {string} what the follow button is for now (JSON of its target) */
  followKey = '';

  /** @override */
  async mount() {
    // The feed is asked for at once, beside the session (already on its way).
    const feed = this.fetchFeed();
    // Its failure is shown by showFeed(); or the session failed first and the router shows that.
    feed.catch(() => {});
    const { vocabulary, viewer } = await this.session();
    this.vocabulary = vocabulary;
    this.viewer = viewer;
    this.build(vocabulary);
    // Researchers (and moderators) look for challenges that wait for an expert.
    const helps = !!viewer && (viewer.isExpert || viewer.role === 'MODERATOR' || viewer.role === 'ADMIN');
    this.views = helps
      ? h('nav', { class: 'feed-views', 'aria-label': 'Views of the feed' },
        h('a', { href: '/', dataset: { view: 'all' } }, 'All threads'),
        h('a', { href: feedHref(NEEDS_EXPERT), dataset: { view: 'needs-expert' } }, 'Needs an expert'))
      : null;
    this.show('',
      h('div', { class: 'page-home' },
        h('div', { class: 'intro' }, this.heading, this.lead, this.views, this.followSlot),
        h('div', { class: 'home-layout' },
          h('section', { class: 'feed', 'aria-labelledby': 'feed-heading' },
            h('h2', { id: 'feed-heading', class: 'visually-hidden' }, 'Threads'),
            this.searchForm,
            this.results,
            this.fresh,
            this.feedError,
            h('div', { class: 'list-head', 'aria-hidden': 'true' },
              h('span', null, 'Thread'), h('span', null, 'People'), h('span', null, 'Replies'), h('span', null, 'Activity')),
            this.list,
            this.more),
          this.sheet),
        this.events.element));
    this.placeSheet();
    this.listen(this.wide, 'change', () => this.placeSheet());
    this.renderForm();
    this.renderMode();
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
    const shown = this.showFeed(this.fetchFeed());
    this.subscribeToNewThreads();
    if (this.sheet.open && !this.wide.matches) {
      // On a phone the sheet covered the results: take the reader to them.
      this.sheet.close();
      this.results.scrollIntoView({ block: 'start' });
      shown.then(() => announce(this.status.textContent ?? ''));
    }
    return true;
  }

  // ------------------------------------------------------------ layout ---

  /** @param {Vocabulary} vocabulary */
  build(vocabulary) {
    this.heading = h('h1');
    this.lead = h('p', { class: 'lead' });
    const pillars = vocabulary.pillars.map((p) => /** @type {[string, string]} */ ([p, label(vocabulary.pillarTitles, p)]));
    this.searchForm = h('form', { class: 'search-row', role: 'search', 'aria-label': 'Thread search' },
      h('label', { for: 'filter-q', class: 'visually-hidden' }, 'Search threads'),
      h('input', { type: 'search', id: 'filter-q', name: 'q', placeholder: 'Search titles and posts', autocomplete: 'off' }),
      h('button', { type: 'submit', class: 'button' }, 'Search'));
    this.searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.apply();
    });
    this.form = h('form', { class: 'filters', 'aria-labelledby': 'filters-heading' },
      h('div', { class: 'filter-row' },
        select('pillar', 'Pillar', pillars, 'All pillars'),
        select('orgType', 'Organisation type', Object.entries(ORGANISATION_TYPES), 'All types'),
        select('kind', 'Kind', Object.entries(KINDS), 'All kinds'),
        select('status', 'Status', Object.entries(STATUSES), 'Any status'),
        h('div', { class: 'filter' },
          h('label', { for: 'filter-topic' }, 'Topic'),
          h('input', { type: 'text', id: 'filter-topic', name: 'topic', placeholder: 'e.g. procurement', autocomplete: 'off' })),
        select('sort', 'Sort by', Object.entries(ORDERS), null),
        select('expert', 'Expert replies', [['1', 'With an expert reply'], ['0', 'Without an expert reply']], 'Any')));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.apply();
    });
    // Each choice applies at once; the topic when it loses focus or on Enter.
    this.form.addEventListener('change', () => this.apply());

    this.sheetButton = h('button', { type: 'button', class: 'button button-secondary button-small sheet-open', 'aria-haspopup': 'dialog' }, 'Filter');
    this.sheetButton.addEventListener('click', () => this.sheet.showModal());
    const close = h('button', { type: 'button', class: 'button button-secondary button-small sheet-close' }, 'Close');
    close.addEventListener('click', () => this.sheet.close());
    this.sheetDone = h('button', { type: 'button', class: 'button sheet-done' }, 'Show threads');
    this.sheetDone.addEventListener('click', () => {
      this.sheet.close();
      this.results.scrollIntoView({ block: 'start' });
    });
    this.glanceBody = h('div', { class: 'glance-body' }, loading('Loading the grid…'));
    this.sheet = h('dialog', { class: 'filter-sheet', 'aria-labelledby': 'filters-heading' },
      h('div', { class: 'sheet-head' },
        h('h2', { id: 'filters-heading' }, 'Filters and sorting'),
        close),
      this.form,
      h('section', { class: 'glance', 'aria-labelledby': 'glance-heading' },
        h('h2', { id: 'glance-heading' }, 'The network at a glance'),
        h('p', { class: 'hint' }, 'Threads by organisation type and ROAR pillar. Choose a cell to see its threads.'),
        this.glanceBody),
      h('div', { class: 'sheet-foot' }, this.sheetDone));
    // A cell of the grid is a link: on a phone it also closes the sheet (see update()).

    this.orgFilter = h('p', { class: 'active-org', hidden: true });
    this.status = h('p', { class: 'result-count', role: 'status' });
    this.clearLink = h('a', { href: '/', class: 'clear-filters', hidden: true }, 'Clear all filters');
    this.modeSwitch = h('div', { class: 'mode-switch', role: 'group', 'aria-label': 'Show threads as' },
      modeButton('list', 'List'), modeButton('cards', 'Cards'));
    this.modeSwitch.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-mode]') : null;
      if (!(button instanceof HTMLButtonElement)) return;
      this.mode = button.dataset.mode === 'cards' ? 'cards' : 'list';
      saveMode(this.mode);
      this.renderMode();
      this.renderList();
    });
    this.results = h('div', { class: 'feed-summary', id: 'results', tabindex: '-1' },
      this.sheetButton, this.status, this.orgFilter, this.clearLink, this.modeSwitch);
    this.list = h('ul', { class: 'thread-list', 'aria-labelledby': 'feed-heading' });
    this.more = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: true }, 'Load more threads');
    this.more.addEventListener('click', () => this.showFeed(this.fetchFeed({ append: true }), { append: true }));
    this.feedError = h('div');
    this.fresh = h('div', { class: 'fresh', role: 'status' });
  }

  /** Wide screens: the sheet is the sidebar, always open. Narrow: closed until asked for. */
  placeSheet() {
    if (this.wide.matches) {
      if (this.sheet.open) this.sheet.close();
      // Shown in place, not as a modal (and without taking focus).
      this.sheet.setAttribute('open', '');
    } else if (this.sheet.open) {
      this.sheet.close();
    }
  }

  renderMode() {
    this.list.classList.toggle('thread-list-cards', this.mode === 'cards');
    this.list.classList.toggle('thread-list-rows', this.mode === 'list');
    this.list.parentElement?.classList.toggle('feed-rows', this.mode === 'list');
    for (const button of this.modeSwitch.querySelectorAll('button[data-mode]')) {
      button.setAttribute('aria-pressed', String(/** @type {HTMLElement} */ (button).dataset.mode === this.mode));
    }
  }

  /** The threads shown, in the reader's mode. */
  renderList() {
    replaceChildren(this.list, this.threads.map((t) => threadItem(t, this.vocabulary, this.mode)));
  }

  /** The heading, the form and the grid's current cell, from the state. */
  renderForm() {
    const { state } = this;
    const needsExpert = isNeedsExpert(state);
    replaceChildren(this.heading, needsExpert ? 'Needs an expert' : 'Forum');
    replaceChildren(this.lead, needsExpert
      ? 'Open challenges that no researcher has replied to yet, the longest waiting first.'
      : 'Public-sector organisations of the Mission-Oriented Innovation Network learn from each other: '
        + 'challenges, discussions and case examples by ROAR pillar and organisation type.');
    for (const link of this.views?.querySelectorAll('a') ?? []) {
      const current = (/** @type {HTMLElement} */ (link).dataset.view === 'needs-expert') === needsExpert;
      if (current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const active = activeFilters(state);
    const elements = this.form.elements;
    const field = (/** @type {string} */ name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (elements.namedItem(name));
    this.sheetButton.textContent = active ? `Filter (${active})` : 'Filter';
    /** @type {HTMLInputElement} */ (this.searchForm.elements.namedItem('q')).value = state.q;
    field('pillar').value = state.pillar;
    field('orgType').value = state.orgType;
    field('kind').value = state.kind;
    field('status').value = state.status;
    field('sort').value = state.sort;
    field('topic').value = state.topic;
    field('expert').value = state.expert === 'with' ? '1' : state.expert === 'without' ? '0' : '';
    this.clearLink.hidden = !isFiltered(state);
    for (const cell of this.glanceBody.querySelectorAll('a[data-pillar]')) {
      const { pillar, orgType } = /** @type {HTMLElement} */ (cell).dataset;
      if (pillar === state.pillar && orgType === state.orgType) cell.setAttribute('aria-current', 'true');
      else cell.removeAttribute('aria-current');
    }
    this.renderFollow();
  }

  /** A member's follow button when the feed is one pillar's, organisation type's, topic's or organisation's. */
  renderFollow() {
    const target = this.viewer ? followTargetOf(this.state) : null;
    const key = JSON.stringify(target);
    if (key === this.followKey) return;
    this.followKey = key;
    this.followSlot.hidden = !target;
    if (!target) {
      replaceChildren(this.followSlot);
      return;
    }
    const what = target.pillar ? label(this.vocabulary.pillarTitles, target.pillar)
      : target.organisationType ? label(ORGANISATION_TYPES, target.organisationType)
        : target.topic ? `#${target.topic}` : 'this organisation';
    // Only members' feeds of one thing need it: the first page does not load it.
    import('../lib/follow.js').then(({ followControl }) => {
      if (this.followKey !== key) return;
      replaceChildren(this.followSlot,
        h('span', { class: 'feed-follow-text' }, 'Be notified of new threads about ', h('strong', null, what), ' '),
        followControl(target, { what, signal: this.signal }));
    }, () => { /* no button: the Following page lets members follow it */ });
  }

  /** @returns {FeedState} */
  stateFromForm() {
    const value = (/** @type {string} */ name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (this.form.elements.namedItem(name)).value;
    return {
      ...this.state,
      q: /** @type {HTMLInputElement} */ (this.searchForm.elements.namedItem('q')).value.trim(),
      pillar: oneOf(value('pillar'), ROAR_PILLAR_VALUES),
      orgType: oneOf(value('orgType'), ORGANISATION_TYPE_VALUES),
      kind: oneOf(value('kind'), THREAD_KIND_VALUES),
      status: oneOf(value('status'), THREAD_STATUS_VALUES),
      topic: normaliseTopic(value('topic')),
      expert: value('expert') === '1' ? 'with' : value('expert') === '0' ? 'without' : '',
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
    const { state } = this;
    replaceChildren(this.feedError);
    if (!append) {
      replaceChildren(this.status, loading('Loading threads…'));
      // Placeholders of the threads' size: nothing moves when they arrive.
      replaceChildren(this.list, skeletonItems(this.mode));
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
      if (!append) replaceChildren(this.list);
      replaceChildren(this.status);
      replaceChildren(this.feedError, errorBox(err, () => this.showFeed(this.fetchFeed({ append }), { append })));
      this.more.disabled = false;
      return;
    }
    const { threads } = data;
    this.cursor = threads.pageInfo.endCursor;
    this.total = threads.totalCount;
    if (append) {
      const known = new Set(this.threads.map((t) => t.id));
      const added = threads.nodes.filter((t) => !known.has(t.id));
      this.threads = [...this.threads, ...added];
      const items = added.map((t) => threadItem(t, this.vocabulary, this.mode));
      this.list.append(...items);
      announce(`${plural(items.length, 'more thread')} loaded.`);
      /** @type {HTMLElement | null | undefined} */ (items[0]?.querySelector('h3 a'))?.focus();
    } else {
      this.threads = threads.nodes;
      this.renderList();
    }
    this.list.removeAttribute('aria-busy');
    // For measuring: time from navigation start to the first threads on screen.
    if (!performance.getEntriesByName('moin:feed-rendered').length) performance.mark('moin:feed-rendered');
    this.renderStatus();
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

  /** How many threads there are or match ("1 thread matches", "12 threads"). */
  renderStatus() {
    const n = this.total ?? 0;
    if (n === 0) {
      replaceChildren(this.status, isFiltered(this.state)
        ? 'No threads match these filters.'
        : 'No threads yet. Start the first one!');
    } else if (isFiltered(this.state)) {
      replaceChildren(this.status, `${formatCount(n)} ${pluralWord(n, 'thread matches', 'threads match')}`);
    } else {
      replaceChildren(this.status, plural(n, 'thread'));
    }
  }

  /**
   * One thread of the list again, after a live change.
   * @param {ThreadCardFields} thread
   */
  renderThread(thread) {
    const old = this.list.querySelector(`li[data-thread="${CSS.escape(thread.id)}"]`)
      ?? document.getElementById(`card-${thread.id}`)?.closest('li');
    old?.replaceWith(threadItem(thread, this.vocabulary, this.mode));
  }

  // -------------------------------------------------------------- live ---

  /** New threads that match the filters, offered while the feed is open; and the
   * counts of the threads shown, and of the grid, kept live. */
  subscribeToNewThreads() {
    this.stopNewThreads?.();
    this.stopNewThreads = null;
    this.freshIds.clear();
    this.renderFresh();
    if (!this.stopUpdates) {
      const updates = this.subscribe(THREADS_UPDATED_SUBSCRIPTION, {}, {
        next: ({ threadsUpdated }) => {
          const { thread, change } = threadsUpdated;
          const at = this.threads.findIndex((t) => t.id === thread.id);
          if (at >= 0) {
            this.threads = this.threads.with(at, thread);
            this.renderThread(thread);
          }
          if (change === 'POST_HIDDEN' || change === 'POST_SHOWN') this.refreshGlanceSoon();
        },
      });
      // Every new thread changes the grid, whatever the feed's filter.
      const started = this.subscribe(THREAD_STARTED_SUBSCRIPTION, {}, { next: () => this.refreshGlanceSoon() });
      this.stopUpdates = () => { updates(); started(); };
    }
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

  /** The grid's counts again, once for a burst of changes. */
  refreshGlanceSoon() {
    if (this.glanceDue) return;
    this.glanceDue = true;
    this.later(1000, () => {
      this.glanceDue = false;
      this.loadGlance();
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
      const data = await gql(HOME_GLANCE_QUERY, { events: EVENTS_SHOWN }, { signal: this.signal });
      this.counts = data.threadCounts;
      this.renderGlance();
      this.events.show(data.events.nodes);
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(this.glanceBody, errorBox(err, () => this.loadGlance()));
      this.events.fail(err, () => this.loadGlance());
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
 * @param {HomeGlanceData['threadCounts']} cells
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
          h('th', { scope: 'row' }, ORGANISATION_TYPES_NARROW[/** @type {import('../graphql/types').OrganisationType} */ (type)]),
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
