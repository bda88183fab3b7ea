// @ts-check
// @name completion in the composer: typing "@" and the start of a name lists the
// members whose name (or a word of it) starts so; choosing one writes "@Display Name ",
// which the server links and notifies. The textarea stays a textbox (a listbox of
// options is attached to it with aria-controls and aria-activedescendant, as WAI-ARIA's
// combobox pattern does for an input); arrows move, Enter or Tab chooses, Escape closes.

import { gql, isAbort } from './api.js';
import { announce, h, replaceChildren, uniqueId } from './dom.js';
import { MENTIONABLE_MEMBERS_QUERY } from '../graphql/mentions.js';

/** @import { MentionableMembersData } from '../graphql/types' */

/** @typedef {MentionableMembersData['mentionableMembers'][number]} Mentionable */

const SHOWN = 8;

/**
 * The "@name" being typed just before the caret: its start and what follows the @
 * (up to two words, as "@Ana S"), or null when the caret is not in one.
 * @param {string} text
 * @param {number} caret
 * @returns {{ start: number, query: string } | null}
 */
export function mentionAt(text, caret) {
  const before = text.slice(0, caret);
  // An @ at the start or after a space or an opening bracket (not in an address).
  const match = /(?:^|[\s([{])@([^\s@]{1,40}(?: [^\s@]{0,40})?)$/u.exec(before);
  if (!match) return null;
  const query = match[1];
  if (query.endsWith(' ') && query.trim().split(' ').length > 1) return null;
  return { start: caret - query.length - 1, query };
}

/**
 * `text` with the mention at `start`..`caret` replaced by "@name ", and where the caret goes.
 * @param {string} text
 * @param {number} start where the @ is
 * @param {number} caret where the typed name ends
 * @param {string} name
 */
export function insertMention(text, start, caret, name) {
  const written = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + written + rest, caret: start + written.length };
}

/**
 * Offer members' names in `textarea` as the member types "@…".
 * @param {HTMLTextAreaElement} textarea
 * @param {{ signal?: AbortSignal }} [options]
 */
export function attachMentions(textarea, { signal } = {}) {
  const listId = uniqueId('mentions');
  const list = h('ul', { class: 'mention-list', id: listId, role: 'listbox', 'aria-label': 'Members to mention', hidden: true });
  textarea.setAttribute('aria-autocomplete', 'list');
  textarea.setAttribute('aria-controls', listId);
  textarea.after(list);
  /** @type {Mentionable[]} */
  let options = [];
  let active = -1;
  /** @type {{ start: number, query: string } | null} */
  let current = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let asked = 0;

  const close = () => {
    options = [];
    active = -1;
    list.hidden = true;
    replaceChildren(list);
    textarea.removeAttribute('aria-activedescendant');
  };

  const render = () => {
    replaceChildren(list, options.map((member, i) => h('li', {
      id: `${listId}-${i}`,
      role: 'option',
      class: ['mention-option', i === active ? 'is-active' : null],
      'aria-selected': String(i === active),
    }, h('span', { class: 'mention-name' }, member.displayName),
    member.organisation ? h('span', { class: 'mention-org' }, member.organisation.name) : null)));
    list.hidden = options.length === 0;
    if (active >= 0) textarea.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else textarea.removeAttribute('aria-activedescendant');
  };

  /** @param {number} index */
  const choose = (index) => {
    const member = options[index];
    if (!member || !current) return;
    const placed = insertMention(textarea.value, current.start, textarea.selectionStart, member.displayName);
    textarea.value = placed.text;
    textarea.setSelectionRange(placed.caret, placed.caret);
    close();
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    announce(`${member.displayName} mentioned.`);
  };

  const lookUp = async () => {
    const found = mentionAt(textarea.value, textarea.selectionStart);
    current = found;
    if (!found || !found.query.trim()) {
      close();
      return;
    }
    const run = ++asked;
    try {
      const data = await gql(MENTIONABLE_MEMBERS_QUERY, { prefix: found.query, first: SHOWN }, { signal });
      if (run !== asked) return;
      options = data.mentionableMembers;
      active = options.length ? 0 : -1;
      render();
      if (options.length) announce(`${options.length} ${options.length === 1 ? 'member' : 'members'} to mention; arrows to choose, Enter to insert.`);
    } catch (err) {
      if (!isAbort(err)) close(); // no names, no harm: the text stays as typed
    }
  };

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 150);
  });
  textarea.addEventListener('keydown', (event) => {
    if (list.hidden || !options.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + options.length) % options.length;
      render();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      if (active < 0) return;
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  // A press on an option chooses it without taking the focus from the textarea.
  list.addEventListener('mousedown', (event) => {
    const option = /** @type {HTMLElement} */ (event.target).closest('[role=option]');
    if (!option) return;
    event.preventDefault();
    choose(Number(option.id.slice(listId.length + 1)));
  });
  textarea.addEventListener('blur', () => setTimeout(close, 100));
  signal?.addEventListener('abort', () => clearTimeout(timer));
}
