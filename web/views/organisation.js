// @ts-check
// One organisation: who it is, its members, its threads.

import { gql, isAbort } from '../lib/api.js';
import { errorBox, feedHref, loading, notFoundContent, threadCard } from '../lib/components.js';
import { announce, h, replaceChildren, setSanitisedHtml } from '../lib/dom.js';
import { followControl } from '../lib/follow.js';
import { countryName, label, ORGANISATION_TYPES, ROLES } from '../lib/labels.js';
import { pillarCountList, profileEditor } from '../lib/org-profile.js';
import { View } from '../lib/view.js';
import {
  ORGANISATION_MEMBERS_QUERY, ORGANISATION_QUERY, ORGANISATION_THREADS_QUERY,
} from '../graphql/organisation.js';

/** @import { MemberItemFields } from '../graphql/types' */

const MEMBERS_PAGE = 50;
const THREADS_PAGE = 10;

/** What a connection of an organisation that has gone away holds. */
const noMore = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** @param {MemberItemFields} member */
function memberItem(member) {
  return h('li', { class: 'member' },
    h('span', { class: 'member-name' }, member.displayName),
    member.role !== 'MEMBER' ? h('span', { class: 'member-role' }, label(ROLES, member.role)) : null,
    member.isExpert ? h('span', { class: 'badge badge-expert' }, 'Expert') : null);
}

/**
 * A link to the organisation's own site, or null for anything but http(s).
 * @param {string} url
 */
function websiteLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return h('a', { href: parsed.href, rel: 'noopener noreferrer', dataset: { external: '' } }, parsed.host.replace(/^www\./, ''));
  } catch {
    return null;
  }
}

/**
 * A "load more" button for one connection of the organisation.
 * @template T
 * @param {object} options
 * @param {HTMLUListElement} options.list where the items go
 * @param {{ hasNextPage: boolean, endCursor: string | null }} options.pageInfo the first page's
 * @param {(after: string | null) => Promise<{ nodes: T[], pageInfo: { hasNextPage: boolean, endCursor: string | null } }>} options.fetch the next page
 * @param {(node: T) => HTMLElement} options.item
 * @param {string} options.text the button's text
 */
function pager({ list, pageInfo, fetch, item, text }) {
  let cursor = pageInfo.endCursor;
  const errorSlot = h('div');
  const button = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: !pageInfo.hasNextPage }, text);
  button.addEventListener('click', async () => {
    button.disabled = true;
    replaceChildren(errorSlot);
    try {
      const connection = await fetch(cursor);
      const items = connection.nodes.map(item);
      list.append(...items);
      cursor = connection.pageInfo.endCursor;
      button.hidden = !connection.pageInfo.hasNextPage;
      announce(`${items.length} more loaded.`);
      items[0]?.querySelector('a')?.focus();
    } catch (err) {
      if (!isAbort(err)) replaceChildren(errorSlot, errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  return [errorSlot, button];
}

export default class OrganisationView extends View {
  /** @override */
  async mount() {
    const slug = this.ctx.params[0];
    const { signal } = this;
    this.showLoading(loading('Loading the organisation…'));
    const [data, { vocabulary, viewer }] = await Promise.all([
      gql(ORGANISATION_QUERY, { slug, members: MEMBERS_PAGE, threads: THREADS_PAGE }, { signal }),
      this.session(),
    ]);
    const org = data.organisation;
    if (!org) {
      this.show('Organisation not found', notFoundContent({
        title: 'Organisation not found',
        text: 'There is no organisation at this address in the network.',
      }));
      return;
    }

    const members = h('ul', { class: 'member-list' }, org.members.nodes.map(memberItem));
    const threads = h('ul', { class: 'thread-list' }, org.threads.nodes.map((t) => threadCard(t, vocabulary)));
    const websiteSlot = h('span', { class: 'org-website' });
    const descriptionSlot = h('div', { class: 'lead org-description post-body' });
    const showProfile = (/** @type {{ website: string | null, descriptionHtml: string | null }} */ p) => {
      const link = p.website ? websiteLink(p.website) : null;
      websiteSlot.hidden = !link;
      replaceChildren(websiteSlot, link ? ['Website: ', link] : []);
      descriptionSlot.hidden = !p.descriptionHtml;
      setSanitisedHtml(descriptionSlot, p.descriptionHtml ?? '');
    };
    showProfile(org);
    const cases = h('ul', { class: 'thread-list' }, org.caseExamples.nodes.map((t) => threadCard(t, vocabulary)));

    this.show(org.name,
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/organisations' }, '← All organisations')),
      h('header', { class: 'org-header' },
        h('div', { class: 'page-head' },
          h('h1', null, org.name),
          viewer ? followControl({ organisation: org.id }, { what: org.name, signal }) : null),
        h('p', { class: 'org-meta' },
          h('a', { class: 'chip chip-orgtype', href: `/organisations?type=${org.type}` }, label(ORGANISATION_TYPES, org.type)),
          org.country ? h('span', { class: 'org-country' }, org.countryName ?? countryName(org.country)) : null,
          org.region ? h('span', { class: 'org-region' }, org.region) : null,
          websiteSlot),
        descriptionSlot,
        pillarCountList(org.pillarCounts, vocabulary),
        org.viewerCanEdit ? profileEditor(org, showProfile) : null),
      h('div', { class: 'org-layout' },
        h('section', { class: 'org-threads', 'aria-labelledby': 'org-threads-heading' },
          h('h2', { id: 'org-threads-heading' }, `Threads (${org.threads.totalCount})`),
          org.threads.totalCount
            ? [threads,
              ...pager({
                list: threads,
                pageInfo: org.threads.pageInfo,
                fetch: async (after) => {
                  const more = await gql(ORGANISATION_THREADS_QUERY, { slug, first: THREADS_PAGE, after }, { signal });
                  return more.organisation?.threads ?? noMore;
                },
                item: (t) => threadCard(t, vocabulary),
                text: 'Load more threads',
              }),
              h('p', null, h('a', { href: feedHref({ org: org.id }) }, 'Filter the forum by this organisation'))]
            : h('p', null, 'No threads you can see yet.')),
        org.caseExamples.totalCount
          ? h('section', { class: 'org-cases', 'aria-labelledby': 'org-cases-heading' },
            h('h2', { id: 'org-cases-heading' }, `Case examples (${org.caseExamples.totalCount})`),
            cases)
          : null,
        h('section', { class: 'org-members', 'aria-labelledby': 'org-members-heading' },
          h('h2', { id: 'org-members-heading' }, `Members (${org.members.totalCount})`),
          org.members.totalCount
            ? [members, ...pager({
              list: members,
              pageInfo: org.members.pageInfo,
              fetch: async (after) => {
                const more = await gql(ORGANISATION_MEMBERS_QUERY, { slug, first: MEMBERS_PAGE, after }, { signal });
                return more.organisation?.members ?? noMore;
              },
              item: memberItem,
              text: 'Load more members',
            })]
            : h('p', null, 'No members listed.'))));
  }
}

