// Home: the feed of threads with filters, search and sorting (all in the
// query string), and the network at a glance.

import { gql } from '../lib/api.js';
import {
  errorBox, feedHref, loading, threadCard,
} from '../lib/components.js';
import { announce, h, replaceChildren, srOnly } from '../lib/dom.js';
import {
  KINDS, label, ORDERS, ORGANISATION_TYPES, PILLAR_SHORT, PILLARS, plural, STATUSES,
} from '../lib/labels.js';
import { THREAD_CARD_FIELDS } from '../lib/queries.js';
import { subscriptions } from '../lib/ws.js';

const PAGE_SIZE = 20;

const FEED_QUERY = /* GraphQL */ `
  query Feed($filter: ThreadFilter, $orderBy: ThreadOrder, $first: Int, $after: String,
             $org: ID!, $withOrg: Boolean!) {
    threads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...ThreadCardFields }
    }
    org: node(id: $org) @include(if: $withOrg) { ... on Organisation { id slug name } }
  }
  ${THREAD_CARD_FIELDS}
`;

const THREAD_STARTED = /* GraphQL */ `
  subscription ThreadStarted($filter: ThreadFilter) {
    threadStarted(filter: $filter) { id }
  }
`;

const COUNTS_QUERY = /* GraphQL */ `
  query ThreadCounts { threadCounts { pillar organisationType count } }
`;

/** The URL's query string <-> the feed's state. */
export function readState(query) {
  const pick = (name, allowed) => {
    const value = query.get(name);
    return value && (!allowed || value in allowed) ? value : '';
  };
  return {
    q: (query.get('q') || '').trim(),
    pillar: pick('pillar', PILLARS),
    orgType: pick('orgType', ORGANISATION_TYPES),
    kind: pick('kind', KINDS),
    status: pick('status', STATUSES),
    topic: (query.get('topic') || '').trim().toLowerCase(),
    expert: query.get('expert') === '1',
    org: query.get('org') || '',
    sort: pick('sort', ORDERS) || 'LAST_ACTIVITY',
  };
}

function stateToParams(state) {
  const params = {};
  if (state.q) params.q = state.q;
  if (state.pillar) params.pillar = state.pillar;
  if (state.orgType) params.orgType = state.orgType;
  if (state.kind) params.kind = state.kind;
  if (state.status) params.status = state.status;
  if (state.topic) params.topic = state.topic;
  if (state.expert) params.expert = '1';
  if (state.org) params.org = state.org;
  if (state.sort && state.sort !== 'LAST_ACTIVITY') params.sort = state.sort;
  return params;
}

function stateToFilter(state) {
  const filter = {};
  if (state.pillar) filter.pillars = [state.pillar];
  if (state.orgType) filter.organisationTypes = [state.orgType];
  if (state.kind) filter.kinds = [state.kind];
  if (state.status) filter.statuses = [state.status];
  if (state.topic) filter.topics = [state.topic];
  if (state.org) filter.organisation = state.org;
  if (state.expert) filter.hasExpertReply = true;
  if (state.q) filter.search = state.q;
  return filter;
}

/** How many filters besides search are set (sorting counts). */
function activeFilters(state) {
  return ['pillar', 'orgType', 'kind', 'status', 'topic', 'expert', 'org'].filter((k) => state[k]).length
    + (state.sort !== 'LAST_ACTIVITY' ? 1 : 0);
}

function isFiltered(state) {
  return Object.keys(stateToFilter(state)).length > 0;
}

function select(name, text, options, anyText) {
  return h('div', { class: 'filter' },
    h('label', { for: `filter-${name}` }, text),
    h('select', { id: `filter-${name}`, name },
      h('option', { value: '' }, anyText),
      Object.entries(options).map(([value, optionLabel]) => h('option', { value }, optionLabel))));
}

export async function render(ctx) {
  const { main, navigate, setTitle } = ctx;
  setTitle('');
  let state = readState(ctx.query);
  // Wide screens show the filters and the network grid open beside the feed;
  // narrow ones fold them, so that the threads come first.
  const wide = window.matchMedia('(min-width: 62rem)');
  const onWidth = () => {
    glance.open = wide.matches;
    filterDetails.open = wide.matches || activeFilters(state) > 0;
  };
  wide.addEventListener('change', onWidth);
  let cursor = null;
  let loadController = null;

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter threads' },
    h('div', { class: 'search-row' },
      h('label', { for: 'filter-q', class: 'visually-hidden' }, 'Search threads'),
      h('input', { type: 'search', id: 'filter-q', name: 'q', placeholder: 'Search titles and posts', autocomplete: 'off' }),
      h('button', { type: 'submit', class: 'button' }, 'Search')),
    h('details', { class: 'filter-details' },
      h('summary', { class: 'filter-summary' }, 'Filters and sorting'),
      h('div', { class: 'filter-row' },
      select('pillar', 'Pillar', PILLARS, 'All pillars'),
      select('orgType', 'Organisation type', ORGANISATION_TYPES, 'All types'),
      select('kind', 'Kind', KINDS, 'All kinds'),
      select('status', 'Status', STATUSES, 'Any status'),
      h('div', { class: 'filter' },
        h('label', { for: 'filter-topic' }, 'Topic'),
        h('input', { type: 'text', id: 'filter-topic', name: 'topic', placeholder: 'e.g. procurement', autocomplete: 'off' })),
      select('sort', 'Sort by', ORDERS, null),
      h('div', { class: 'filter filter-check' },
        h('input', { type: 'checkbox', id: 'filter-expert', name: 'expert', value: '1' }),
        h('label', { for: 'filter-expert' }, 'Has an expert reply')))));
  // "Sort by" has no "any" option.
  form.querySelector('#filter-sort option[value=""]').remove();
  const filterDetails = form.querySelector('.filter-details');
  const filterSummary = form.querySelector('.filter-summary');
  filterDetails.open = wide.matches || activeFilters(state) > 0;

  const orgFilter = h('p', { class: 'active-org', hidden: true });
  const status = h('p', { class: 'result-count', role: 'status' });
  const list = h('ul', { class: 'thread-list', 'aria-labelledby': 'feed-heading' });
  const more = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: true }, 'Load more threads');
  const feedError = h('div');
  const clearLink = h('a', { href: '/', class: 'clear-filters', hidden: true }, 'Clear all filters');
  const fresh = h('div', { class: 'fresh', role: 'status' });
  const freshIds = new Set();
  let unsubscribe = null;

  const glanceBody = h('div', { class: 'glance-body' }, loading('Loading the grid…'));
  const glance = h('details', { class: 'glance', open: wide.matches },
    h('summary', null, h('h2', { id: 'glance-heading' }, 'The network at a glance')),
    h('p', { class: 'hint' }, 'Threads by organisation type and ROAR pillar. Choose a cell to see its threads.'),
    glanceBody);

  replaceChildren(main,
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
          form,
          h('div', { class: 'feed-summary' }, status, orgFilter, clearLink),
          fresh,
          feedError,
          list,
          more),
        h('aside', { class: 'glance-aside', 'aria-labelledby': 'glance-heading' }, glance))));

  function syncForm() {
    const active = activeFilters(state);
    filterSummary.textContent = active ? `Filters and sorting (${active} active)` : 'Filters and sorting';
    form.elements.q.value = state.q;
    for (const name of ['pillar', 'orgType', 'kind', 'status', 'sort']) form.elements[name].value = state[name];
    form.elements.topic.value = state.topic;
    form.elements.expert.checked = state.expert;
    clearLink.hidden = !isFiltered(state);
    for (const cell of glanceBody.querySelectorAll('a[data-pillar]')) {
      const active = cell.dataset.pillar === state.pillar && cell.dataset.orgType === state.orgType;
      if (active) cell.setAttribute('aria-current', 'true');
      else cell.removeAttribute('aria-current');
    }
  }

  function stateFromForm() {
    return {
      ...state,
      q: form.elements.q.value.trim(),
      pillar: form.elements.pillar.value,
      orgType: form.elements.orgType.value,
      kind: form.elements.kind.value,
      status: form.elements.status.value,
      topic: form.elements.topic.value.trim().toLowerCase().replace(/^#/, ''),
      expert: form.elements.expert.checked,
      sort: form.elements.sort.value,
    };
  }

  function apply() {
    const href = feedHref(stateToParams(stateFromForm()));
    if (href !== location.pathname + location.search) navigate(href);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('change', (event) => {
    // Text fields apply on submit (Enter) or when they lose focus.
    if (event.target.name === 'q') return;
    apply();
  });

  async function load({ append = false } = {}) {
    loadController?.abort();
    loadController = new AbortController();
    const { signal } = loadController;
    replaceChildren(feedError);
    if (!append) {
      replaceChildren(status, loading('Loading threads…'));
      list.setAttribute('aria-busy', 'true');
    }
    more.disabled = true;
    let data;
    try {
      data = await gql(FEED_QUERY, {
        filter: stateToFilter(state),
        orderBy: state.sort,
        first: PAGE_SIZE,
        after: append ? cursor : null,
        org: state.org || '',
        withOrg: !!state.org,
      }, { signal });
    } catch (err) {
      if (err.name === 'AbortError') return;
      list.removeAttribute('aria-busy');
      replaceChildren(status);
      replaceChildren(feedError, errorBox(err, () => load({ append })));
      more.disabled = false;
      return;
    }
    const { threads } = data;
    cursor = threads.pageInfo.endCursor;
    const cards = threads.nodes.map((t) => threadCard(t));
    if (append) {
      list.append(...cards);
      announce(`${plural(cards.length, 'more thread')} loaded.`);
      cards[0]?.querySelector('h3 a')?.focus();
    } else {
      replaceChildren(list, cards);
    }
    list.removeAttribute('aria-busy');
    // For measuring: time from navigation start to the first threads on screen.
    if (!performance.getEntriesByName('moin:feed-rendered').length) performance.mark('moin:feed-rendered');
    if (threads.totalCount === 0) {
      replaceChildren(status, isFiltered(state)
        ? 'No threads match these filters.'
        : 'No threads yet. Start the first one!');
    } else {
      replaceChildren(status, `${plural(threads.totalCount, 'thread')}${isFiltered(state) ? ' match' : ''}`);
    }
    if (data.org) {
      orgFilter.hidden = false;
      replaceChildren(orgFilter, 'Started by members of ',
        h('a', { href: `/o/${encodeURIComponent(data.org.slug)}` }, data.org.name), ' · ',
        h('a', { href: feedHref(stateToParams({ ...state, org: '' })) }, 'show all organisations'));
    } else {
      orgFilter.hidden = true;
    }
    more.hidden = !threads.pageInfo.hasNextPage;
    more.disabled = false;
  }

  more.addEventListener('click', () => load({ append: true }));

  // New threads that match the filters, posted while the feed is open.
  function renderFresh() {
    if (freshIds.size === 0) {
      replaceChildren(fresh);
      return;
    }
    const show = h('button', { type: 'button', class: 'button button-small' },
      `${plural(freshIds.size, 'new thread')}: show`);
    show.addEventListener('click', async () => {
      await load();
      freshIds.clear();
      renderFresh();
      list.querySelector('.thread-card-title a')?.focus();
    });
    replaceChildren(fresh, show);
  }

  function subscribeToNewThreads() {
    unsubscribe?.();
    unsubscribe = null;
    freshIds.clear();
    renderFresh();
    // The subscription ignores search: with a search on, it would offer threads that do not match.
    if (state.q) return;
    const filter = stateToFilter(state);
    unsubscribe = subscriptions.subscribe(THREAD_STARTED, { filter }, {
      next: (data) => {
        const id = data.threadStarted?.id;
        if (!id || document.getElementById(`card-${id}`)) return;
        freshIds.add(id);
        renderFresh();
      },
    });
  }

  async function loadGlance() {
    try {
      const data = await gql(COUNTS_QUERY, {}, { signal: ctx.signal });
      replaceChildren(glanceBody, glanceTable(data.threadCounts));
      syncForm();
    } catch (err) {
      if (err.name === 'AbortError') return;
      replaceChildren(glanceBody, errorBox(err, loadGlance));
    }
  }

  syncForm();
  load();
  loadGlance();
  subscribeToNewThreads();

  return {
    update(next) {
      state = readState(next.query);
      syncForm();
      load();
      subscribeToNewThreads();
    },
    destroy() {
      loadController?.abort();
      unsubscribe?.();
      wide.removeEventListener('change', onWidth);
    },
  };
}

function glanceTable(cells) {
  const counts = new Map();
  let max = 0;
  for (const c of cells) {
    counts.set(`${c.pillar}|${c.organisationType}`, c.count);
    max = Math.max(max, c.count);
  }
  const shade = (n) => (n === 0 || max === 0 ? 0 : Math.min(5, Math.ceil((n / max) * 5)));
  const pillars = Object.keys(PILLARS);
  return h('div', { class: 'glance-scroll' },
    h('table', { class: 'glance-grid' },
      h('caption', { class: 'visually-hidden' }, 'Number of threads by organisation type (rows) and ROAR pillar (columns)'),
      h('thead', null,
        h('tr', null,
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Organisation type')),
          pillars.map((p) => h('th', { scope: 'col', title: label(PILLARS, p) },
            h('span', { 'aria-hidden': 'true' }, PILLAR_SHORT[p]), srOnly(label(PILLARS, p)))))),
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
              srOnly(`${plural(n, 'thread')}: ${typeLabel}, ${label(PILLARS, p)}`)));
          }))))));
}

