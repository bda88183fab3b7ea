// The directory of organisations: filter by type, country, search (in the URL).

import { gql } from '../lib/api.js';
import { errorBox, loading } from '../lib/components.js';
import { announce, h, replaceChildren } from '../lib/dom.js';
import { countryName, label, ORGANISATION_TYPES, plural } from '../lib/labels.js';

const PAGE_SIZE = 30;

const DIRECTORY_QUERY = /* GraphQL */ `
  query Directory($filter: OrganisationFilter, $first: Int, $after: String) {
    organisations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        slug
        name
        type
        country
        description
        members(first: 1) { totalCount }
      }
    }
  }
`;

const COUNTRIES_QUERY = /* GraphQL */ `
  query DirectoryCountries { organisations(first: 100) { nodes { country } } }
`;

function readState(query) {
  const type = query.get('type') || '';
  return {
    type: type in ORGANISATION_TYPES ? type : '',
    country: (query.get('country') || '').toUpperCase().slice(0, 2),
    q: (query.get('q') || '').trim(),
  };
}

function toHref(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.type) params.set('type', state.type);
  if (state.country) params.set('country', state.country);
  const query = params.toString();
  return query ? `/organisations?${query}` : '/organisations';
}

function toFilter(state) {
  const filter = {};
  if (state.type) filter.types = [state.type];
  if (state.country) filter.country = state.country;
  if (state.q) filter.search = state.q;
  return filter;
}

export function organisationCard(org) {
  return h('li', { class: 'org-card' },
    h('h2', { class: 'org-card-title' }, h('a', { href: `/o/${encodeURIComponent(org.slug)}` }, org.name)),
    h('p', { class: 'org-meta' },
      h('span', { class: 'chip chip-orgtype' }, label(ORGANISATION_TYPES, org.type)),
      org.country ? h('span', { class: 'org-country' }, countryName(org.country)) : null,
      org.members ? h('span', { class: 'org-members' }, plural(org.members.totalCount, 'member')) : null),
    org.description ? h('p', { class: 'org-description' }, org.description) : null);
}

export async function render(ctx) {
  const { main, setTitle, navigate } = ctx;
  setTitle('Organisations');
  let state = readState(ctx.query);
  let cursor = null;
  let controller = null;

  const countrySelect = h('select', { id: 'org-country', name: 'country' }, h('option', { value: '' }, 'All countries'));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter organisations' },
    h('div', { class: 'search-row' },
      h('label', { for: 'org-q', class: 'visually-hidden' }, 'Search organisations by name'),
      h('input', { type: 'search', id: 'org-q', name: 'q', placeholder: 'Search by name', autocomplete: 'off' }),
      h('button', { type: 'submit', class: 'button' }, 'Search')),
    h('div', { class: 'filter-row' },
      h('div', { class: 'filter' },
        h('label', { for: 'org-type' }, 'Type'),
        h('select', { id: 'org-type', name: 'type' },
          h('option', { value: '' }, 'All types'),
          Object.entries(ORGANISATION_TYPES).map(([value, text]) => h('option', { value }, text)))),
      h('div', { class: 'filter' }, h('label', { for: 'org-country' }, 'Country'), countrySelect)));
  const status = h('p', { class: 'result-count', role: 'status' });
  const list = h('ul', { class: 'org-list' });
  const more = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: true }, 'Load more organisations');
  const errorSlot = h('div');
  const clear = h('a', { href: '/organisations', class: 'clear-filters', hidden: true }, 'Clear all filters');

  replaceChildren(main,
    h('h1', null, 'Organisations'),
    h('p', { class: 'lead' }, 'The public-sector organisations of the network and the institute that hosts its researchers.'),
    form,
    h('div', { class: 'feed-summary' }, status, clear),
    errorSlot,
    list,
    more);

  function ensureCountryOption(code) {
    if (!code || countrySelect.querySelector(`option[value="${code}"]`)) return;
    countrySelect.append(h('option', { value: code }, countryName(code)));
  }

  function syncForm() {
    form.elements.q.value = state.q;
    form.elements.type.value = state.type;
    ensureCountryOption(state.country);
    countrySelect.value = state.country;
    clear.hidden = !(state.q || state.type || state.country);
  }

  function apply() {
    const href = toHref({
      q: form.elements.q.value.trim(),
      type: form.elements.type.value,
      country: countrySelect.value,
    });
    if (href !== location.pathname + location.search) navigate(href);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('change', (event) => {
    if (event.target.name !== 'q') apply();
  });

  async function load({ append = false } = {}) {
    controller?.abort();
    controller = new AbortController();
    replaceChildren(errorSlot);
    if (!append) replaceChildren(status, loading('Loading organisations…'));
    more.disabled = true;
    try {
      const data = await gql(DIRECTORY_QUERY, { filter: toFilter(state), first: PAGE_SIZE, after: append ? cursor : null }, { signal: controller.signal });
      const { organisations } = data;
      cursor = organisations.pageInfo.endCursor;
      const cards = organisations.nodes.map(organisationCard);
      if (append) {
        list.append(...cards);
        announce(`${plural(cards.length, 'more organisation')} loaded.`);
        cards[0]?.querySelector('a')?.focus();
      } else {
        replaceChildren(list, cards);
      }
      replaceChildren(status, organisations.totalCount
        ? plural(organisations.totalCount, 'organisation')
        : 'No organisations match these filters.');
      more.hidden = !organisations.pageInfo.hasNextPage;
    } catch (err) {
      if (err.name === 'AbortError') return;
      replaceChildren(status);
      replaceChildren(errorSlot, errorBox(err, () => load({ append })));
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => load({ append: true }));

  gql(COUNTRIES_QUERY, {}, { signal: ctx.signal }).then((data) => {
    const codes = [...new Set(data.organisations.nodes.map((o) => o.country).filter(Boolean))];
    codes.sort((a, b) => countryName(a).localeCompare(countryName(b)));
    for (const code of codes) ensureCountryOption(code);
    countrySelect.value = state.country;
  }).catch(() => { /* the country list is a convenience */ });

  syncForm();
  load();

  return {
    update(next) {
      state = readState(next.query);
      syncForm();
      load();
    },
    destroy() {
      controller?.abort();
    },
  };
}
