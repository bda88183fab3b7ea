// @ts-check
// Threads in a list, in its two modes: compact rows like a forum's topic list
// (the default) and the expanded cards; skeletons of both while a page loads.

import { avatarStack } from './avatars.js';
import { feedHref, kindBadge, newRepliesMark, threadCard } from './components.js';
import { h, srOnly } from './dom.js';
import { absoluteTime, label, ORGANISATION_TYPES, PILLAR_SHORT, plural, shortAge } from './labels.js';

/** @import { ThreadCardFields } from '../graphql/types' */
/** @import { Vocabulary } from './session.js' */

/** @typedef {'list' | 'cards'} ListMode */

const MODE_KEY = 'moin.feed.mode';

/**
 * The mode the reader chose last time ('list' unless they chose cards).
 * @param {Pick<Storage, 'getItem'> | null} [storage]
 * @returns {ListMode}
 */
export function savedMode(storage = safeStorage()) {
  return storage?.getItem(MODE_KEY) === 'cards' ? 'cards' : 'list';
}

/**
 * Remember the reader's mode.
 * @param {ListMode} mode
 * @param {Pick<Storage, 'setItem'> | null} [storage]
 */
export function saveMode(mode, storage = safeStorage()) {
  try {
    storage?.setItem(MODE_KEY, mode);
  } catch {
    // Storage full or refused (private mode): the choice lasts for this page only.
  }
}

/** @returns {Storage | null} */
function safeStorage() {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * A thread in the list in `mode`.
 * @param {ThreadCardFields} thread
 * @param {Vocabulary} vocabulary
 * @param {ListMode} mode
 */
export function threadItem(thread, vocabulary, mode) {
  return mode === 'cards' ? threadCard(thread, vocabulary) : threadRow(thread, vocabulary);
}

/**
 * A compact row: title; one line of chips (kind, pillars, and "+n" that unfolds the
 * organisation types and topics); who takes part; replies with the expert and answered
 * marks; last activity.
 * @param {ThreadCardFields} thread
 * @param {Vocabulary} vocabulary
 */
export function threadRow(thread, vocabulary) {
  const extraId = `extra-${thread.id}`;
  const extras = [
    ...thread.organisationTypes.map((t) => h('li', null,
      h('a', { class: 'chip chip-orgtype', href: feedHref({ orgType: t }) }, srOnly('Organisation type: '), label(ORGANISATION_TYPES, t)))),
    ...thread.topics.map((t) => h('li', null,
      h('a', { class: 'chip chip-topic', href: feedHref({ topic: t }) }, srOnly('Topic: '), `#${t}`))),
  ];
  const extraList = h('ul', { class: 'chips chips-extra', id: extraId, 'aria-label': 'More tags', hidden: true }, extras);
  /** @type {HTMLButtonElement | null} */
  let more = null;
  if (extras.length) {
    more = h('button', {
      type: 'button', class: 'chip chip-more', 'aria-expanded': 'false', 'aria-controls': extraId,
      title: 'Organisation types and topics',
    }, `+${extras.length}`, srOnly(` more ${extras.length === 1 ? 'tag' : 'tags'}`));
    const button = more;
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      extraList.hidden = !open;
    });
  }
  const answered = thread.status === 'ANSWERED';
  const replies = plural(thread.replyCount, 'reply', 'replies');
  const expert = thread.expertReplyCount > 0
    ? plural(thread.expertReplyCount, 'expert reply', 'expert replies') : null;
  return h('li', { class: ['thread-card', 'thread-row', answered ? 'is-answered' : null], dataset: { thread: thread.id } },
    h('article', { 'aria-labelledby': `card-${thread.id}` },
      h('div', { class: 'row-main' },
        h('h3', { class: 'thread-card-title', id: `card-${thread.id}` },
          h('a', { href: `/t/${encodeURIComponent(thread.id)}` }, thread.title), newRepliesMark(thread)),
        h('ul', { class: 'chips chips-line', 'aria-label': 'Tags' },
          h('li', null, kindBadge(thread.kind)),
          thread.status === 'CLOSED' ? h('li', null, h('span', { class: 'badge badge-status-closed' }, 'Closed')) : null,
          thread.visibility === 'MEMBERS' ? h('li', null, h('span', { class: 'badge badge-members' }, 'Members')) : null,
          thread.pillars.map((p) => h('li', null,
            h('a', {
              class: ['chip', 'chip-pillar', `chip-${p.toLowerCase().replaceAll('_', '-')}`],
              href: feedHref({ pillar: p }),
              title: label(vocabulary.pillarTitles, p),
            },
            srOnly('Pillar: '),
            h('span', { class: 'pillar-long' }, label(vocabulary.pillarTitles, p)),
            h('span', { class: 'pillar-short', 'aria-hidden': 'true' }, PILLAR_SHORT[p].replace('\u00AD', ''))))),
          more ? h('li', null, more) : null),
        extraList),
      h('div', { class: 'row-people' }, avatarStack(thread.participants, thread.participantCount)),
      h('p', { class: 'row-replies' },
        h('span', { class: ['reply-number', thread.replyCount === 0 ? 'is-zero' : null], 'aria-hidden': 'true' }, String(thread.replyCount)),
        srOnly(`${replies}${expert ? `, ${expert}` : ''}${answered ? ', answered' : ''}`),
        h('span', { class: 'row-marks', 'aria-hidden': 'true' },
          expert ? h('span', { class: 'mark mark-expert', title: expert }, '★') : null,
          answered ? h('span', { class: 'mark mark-answered', title: 'Answered' }, '✓') : null)),
      h('p', { class: 'row-activity' },
        srOnly('Last activity '),
        h('time', { datetime: thread.lastActivityAt, title: absoluteTime(thread.lastActivityAt), dataset: { age: '' } },
          shortAge(thread.lastActivityAt)))));
}

/**
 * Placeholders of the size of the items they stand for, so nothing moves when the
 * threads arrive.
 * @param {ListMode} mode
 * @param {number} [count]
 */
export function skeletonItems(mode, count = 10) {
  return Array.from({ length: count }, () => h('li', { class: ['skeleton', mode === 'cards' ? 'skeleton-card' : 'skeleton-row'], 'aria-hidden': 'true' },
    h('span', { class: 'skeleton-line skeleton-title' }),
    h('span', { class: 'skeleton-line skeleton-chips' })));
}
