// One organisation: who it is, its members, its threads.

import { gql } from '../lib/api.js';
import { errorBox, feedHref, loading, threadCard } from '../lib/components.js';
import { announce, h, replaceChildren } from '../lib/dom.js';
import { countryName, label, ORGANISATION_TYPES, ROLES } from '../lib/labels.js';
import { THREAD_CARD_FIELDS } from '../lib/queries.js';
import { notFoundContent } from './not-found.js';

const MEMBERS_PAGE = 50;
const THREADS_PAGE = 10;

const ORGANISATION_QUERY = /* GraphQL */ `
  query Organisation($slug: String!, $members: Int!, $threads: Int!) {
    organisation(slug: $slug) {
      id
      slug
      name
      type
      country
      website
      description
      members(first: $members) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id displayName role isExpert }
      }
      threads(first: $threads) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ...ThreadCardFields }
      }
    }
  }
  ${THREAD_CARD_FIELDS}
`;

const MORE_MEMBERS = /* GraphQL */ `
  query OrganisationMembers($slug: String!, $first: Int!, $after: String) {
    organisation(slug: $slug) {
      id
      members(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id displayName role isExpert }
      }
    }
  }
`;

const MORE_THREADS = /* GraphQL */ `
  query OrganisationThreads($slug: String!, $first: Int!, $after: String) {
    organisation(slug: $slug) {
      id
      threads(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ...ThreadCardFields }
      }
    }
  }
  ${THREAD_CARD_FIELDS}
`;

function memberItem(member) {
  return h('li', { class: 'member' },
    h('span', { class: 'member-name' }, member.displayName),
    member.role !== 'MEMBER' ? h('span', { class: 'member-role' }, label(ROLES, member.role)) : null,
    member.isExpert ? h('span', { class: 'badge badge-expert' }, 'Expert') : null);
}

function websiteLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return h('a', { href: parsed.href, rel: 'noopener noreferrer', dataset: { external: '' } }, parsed.host.replace(/^www\./, ''));
  } catch {
    return null;
  }
}

/** A "load more" button for one connection of the organisation. */
function pager({ slug, query, field, first, list, item, pageInfo, text, signal }) {
  let cursor = pageInfo.endCursor;
  const errorSlot = h('div');
  const button = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: !pageInfo.hasNextPage }, text);
  button.addEventListener('click', async () => {
    button.disabled = true;
    replaceChildren(errorSlot);
    try {
      const data = await gql(query, { slug, first, after: cursor }, { signal });
      const connection = data.organisation[field];
      const items = connection.nodes.map(item);
      list.append(...items);
      cursor = connection.pageInfo.endCursor;
      button.hidden = !connection.pageInfo.hasNextPage;
      announce(`${items.length} more loaded.`);
      items[0]?.querySelector('a')?.focus();
    } catch (err) {
      if (err.name !== 'AbortError') replaceChildren(errorSlot, errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  return [errorSlot, button];
}

export async function render(ctx) {
  const { main, params, setTitle, signal } = ctx;
  const slug = params[0];
  replaceChildren(main, loading('Loading the organisation…'));
  const data = await gql(ORGANISATION_QUERY, { slug, members: MEMBERS_PAGE, threads: THREADS_PAGE }, { signal });
  const org = data.organisation;
  if (!org) {
    setTitle('Organisation not found');
    replaceChildren(main, ...notFoundContent({
      title: 'Organisation not found',
      text: 'There is no organisation at this address in the network.',
    }));
    return null;
  }
  setTitle(org.name);

  const members = h('ul', { class: 'member-list' }, org.members.nodes.map(memberItem));
  const threads = h('ul', { class: 'thread-list' }, org.threads.nodes.map((t) => threadCard(t)));
  const website = org.website ? websiteLink(org.website) : null;

  replaceChildren(main,
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/organisations' }, '← All organisations')),
    h('header', { class: 'org-header' },
      h('h1', null, org.name),
      h('p', { class: 'org-meta' },
        h('a', { class: 'chip chip-orgtype', href: `/organisations?type=${org.type}` }, label(ORGANISATION_TYPES, org.type)),
        org.country ? h('span', { class: 'org-country' }, countryName(org.country)) : null,
        website ? h('span', { class: 'org-website' }, 'Website: ', website) : null),
      org.description ? h('p', { class: 'lead' }, org.description) : null),
    h('div', { class: 'org-layout' },
      h('section', { class: 'org-threads', 'aria-labelledby': 'org-threads-heading' },
        h('h2', { id: 'org-threads-heading' }, `Threads (${org.threads.totalCount})`),
        org.threads.totalCount
          ? [threads,
            ...pager({ slug, query: MORE_THREADS, field: 'threads', first: THREADS_PAGE, list: threads, item: (t) => threadCard(t), pageInfo: org.threads.pageInfo, text: 'Load more threads', signal }),
            h('p', null, h('a', { href: feedHref({ org: org.id }) }, 'Filter the forum by this organisation'))]
          : h('p', null, 'No threads you can see yet.')),
      h('section', { class: 'org-members', 'aria-labelledby': 'org-members-heading' },
        h('h2', { id: 'org-members-heading' }, `Members (${org.members.totalCount})`),
        org.members.totalCount
          ? [members, ...pager({ slug, query: MORE_MEMBERS, field: 'members', first: MEMBERS_PAGE, list: members, item: memberItem, pageInfo: org.members.pageInfo, text: 'Load more members', signal })]
          : h('p', null, 'No members listed.'))));
  return null;
}

