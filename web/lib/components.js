// @ts-check
// Pieces of page shared by the views.

import { gql, isAbort } from './api.js';
import { h, replaceChildren, setSanitisedHtml, srOnly, uniqueId } from './dom.js';
import { absoluteTime, KINDS, label, ORGANISATION_TYPES, plural, relativeTime, shortAge, STATUSES } from './labels.js';
import { PREVIEW_QUERY } from '../graphql/editor.js';
import { postText } from './text.js';

/** @import { ThreadCardFields, ThreadKind, ThreadStatus, UserErrorFields, Visibility } from '../graphql/types' */
/** @import { Child } from './dom.js' */
/** @import { Vocabulary } from './session.js' */

/**
 * <time> showing relative time, kept fresh by `refreshTimes`.
 * @param {string} iso
 * @param {string} [prefix]
 */
export function timeAgo(iso, prefix = '') {
  return h('time', { datetime: iso, title: absoluteTime(iso), dataset: { relative: prefix } }, prefix + relativeTime(iso));
}

/** @param {ParentNode} [root] */
export function refreshTimes(root = document) {
  for (const el of root.querySelectorAll('time[data-relative]')) {
    el.textContent = (/** @type {HTMLElement} */ (el).dataset.relative ?? '') + relativeTime(el.getAttribute('datetime') ?? '');
  }
  // The short ages of compact lists ("3h").
  for (const el of root.querySelectorAll('time[data-age]')) {
    el.textContent = shortAge(el.getAttribute('datetime') ?? '');
  }
}

/**
 * The feed's address for these query parameters.
 * @param {Record<string, string>} params
 */
export function feedHref(params) {
  const query = new URLSearchParams(params).toString();
  return query ? `/?${query}` : '/';
}

/** @param {ThreadKind} kind */
export function kindBadge(kind) {
  return h('span', { class: ['badge', `badge-kind-${kind.toLowerCase().replaceAll('_', '-')}`] }, label(KINDS, kind));
}

/** @param {ThreadStatus} status */
export function statusBadge(status) {
  if (status === 'OPEN') return null;
  return h('span', { class: ['badge', `badge-status-${status.toLowerCase()}`] },
    status === 'ANSWERED' ? '✓ ' : '', label(STATUSES, status));
}

/** @param {Visibility} visibility */
export function visibilityBadge(visibility) {
  if (visibility !== 'MEMBERS') return null;
  return h('span', { class: 'badge badge-members' }, 'Members only');
}

/**
 * Pillar, organisation-type and topic chips; each links to the filtered feed.
 * @param {Pick<ThreadCardFields, 'pillars' | 'organisationTypes' | 'topics'>} thread
 * @param {Vocabulary} vocabulary
 */
export function tagList(thread, vocabulary) {
  /**
   * @param {string} cls
   * @param {string} text
   * @param {string} href
   * @param {string} sr
   */
  const chip = (cls, text, href, sr) => h('li', null, h('a', { class: ['chip', cls], href }, srOnly(sr), text));
  return h('ul', { class: 'chips', 'aria-label': 'Tags' },
    thread.pillars.map((p) => chip(`chip-pillar chip-${p.toLowerCase().replaceAll('_', '-')}`,
      label(vocabulary.pillarTitles, p), feedHref({ pillar: p }), 'Pillar: ')),
    thread.organisationTypes.map((t) => chip('chip-orgtype', label(ORGANISATION_TYPES, t),
      feedHref({ orgType: t }), 'Organisation type: ')),
    thread.topics.map((t) => chip('chip-topic', `#${t}`, feedHref({ topic: t }), 'Topic: ')));
}

/**
 * A thread in a list (the feed, an organisation's threads).
 * @param {ThreadCardFields} thread
 * @param {Vocabulary} vocabulary
 */
export function threadCard(thread, vocabulary) {
  const replies = plural(thread.replyCount, 'reply', 'replies');
  return h('li', { class: 'thread-card' },
    h('article', { 'aria-labelledby': `card-${thread.id}` },
      h('p', { class: 'badges' }, kindBadge(thread.kind), statusBadge(thread.status), visibilityBadge(thread.visibility)),
      h('h3', { class: 'thread-card-title', id: `card-${thread.id}` },
        h('a', { href: `/t/${encodeURIComponent(thread.id)}` }, thread.title), newRepliesMark(thread)),
      tagList(thread, vocabulary),
      h('p', { class: 'byline' },
        h('span', null, thread.author.displayName),
        thread.organisation ? [' · ', organisationLink(thread.organisation)] : null),
      h('p', { class: 'stats' },
        h('span', { class: 'stat' }, replies),
        thread.expertReplyCount > 0
          ? h('span', { class: 'stat stat-expert' }, plural(thread.expertReplyCount, 'expert reply', 'expert replies'))
          : null,
        h('span', { class: 'stat' }, 'Active ', timeAgo(thread.lastActivityAt)))));
}

/**
 * "3 new" after a thread's title: replies by others since the member last opened it
 * (`Thread.viewerNewReplyCount`, which only the feed asks for); nothing when there are none.
 * @param {{ id: string, viewerNewReplyCount?: number }} thread
 */
export function newRepliesMark(thread) {
  const count = thread.viewerNewReplyCount ?? 0;
  if (count <= 0) return null;
  return h('span', { class: 'new-count', title: 'Replies since your last visit' },
    `${count} new`, srOnly(count === 1 ? ' reply since your last visit' : ' replies since your last visit'));
}

/**
 * A link to an organisation's page.
 * @param {{ slug: string, name: string }} organisation
 */
export function organisationLink(organisation) {
  return h('a', { href: `/o/${encodeURIComponent(organisation.slug)}` }, organisation.name);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/**
 * A message for an error, with a button to try again.
 * @param {unknown} err an ApiError (its message is written for people) or any error
 * @param {(() => void) | null} [retry]
 */
export function errorBox(err, retry = null) {
  const message = err instanceof Error ? err.message : String(err);
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', null, h('strong', null, 'Something went wrong. '), message),
    retry ? h('button', { type: 'button', class: 'button button-secondary', onClick: retry }, 'Try again') : null);
}

/**
 * @param {'info' | 'error'} kind
 * @param {...Child} children
 */
export function notice(kind, ...children) {
  return h('div', { class: ['notice', `notice-${kind}`] }, children);
}

/**
 * Sign-in link that brings the visitor back here.
 * @param {string} [text]
 * @param {string} [next]
 */
export function signInLink(text = 'Sign in', next = location.pathname + location.search) {
  return h('a', { href: `/signin?next=${encodeURIComponent(next)}` }, text);
}

/**
 * The page for an unknown address or a missing thing (its title is the <h1>).
 * @param {{ title?: string, text?: string, signIn?: boolean }} [options]
 */
export function notFoundContent({ title = 'Page not found', text, signIn = false } = {}) {
  return h('div', { class: 'not-found' },
    h('p', { class: 'not-found-code', 'aria-hidden': 'true' }, '404'),
    h('h1', { tabindex: '-1' }, title),
    h('p', null, text || 'There is nothing at this address. It may have moved, or the link may be mistyped.'),
    signIn ? h('p', null, signInLink('Sign in'), ' to see threads for members of the network.') : null,
    h('ul', { class: 'link-list' },
      h('li', null, h('a', { href: '/' }, 'Browse the forum')),
      h('li', null, h('a', { href: '/organisations' }, 'See the organisations of the network'))));
}

// ---------------------------------------------------------------- forms ----

/**
 * A labelled control with a hint and a slot for its error message.
 * @param {{ id: string, label: string, hint?: string, control: HTMLElement, required?: boolean }} options
 */
export function field({ id, label: text, hint, control, required = false }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.id = id;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', { class: 'field', dataset: { field: id } },
    h('label', { for: id }, text, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
    control);
}

/**
 * One checkbox or radio button of a `choiceGroup`.
 * @typedef {{ value: string, label: string, description?: string, checked?: boolean }} Choice
 */

/**
 * A fieldset of checkboxes or radios with a legend, hint and error slot.
 * @param {{ id: string, legend: string, hint?: string, type: 'checkbox' | 'radio', name: string, options: Choice[], required?: boolean }} options
 */
export function choiceGroup({ id, legend, hint, type, name, options, required = false }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const fieldset = h('fieldset', { class: 'field choices', id, dataset: { field: id } },
    h('legend', null, legend, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
    h('div', { class: 'choice-list' },
      options.map((o) => {
        const inputId = `${id}-${o.value.toLowerCase()}`;
        const descId = o.description ? `${inputId}-desc` : null;
        return h('div', { class: 'choice' },
          h('input', { type, name, id: inputId, value: o.value, checked: !!o.checked, 'aria-describedby': descId }),
          h('label', { for: inputId }, h('span', { class: 'choice-title' }, o.label),
            o.description ? h('span', { class: 'choice-desc', id: descId }, o.description) : null));
      })));
  if (hintId) fieldset.setAttribute('aria-describedby', hintId);
  return fieldset;
}

/** @param {ParentNode} root */
export function clearFieldErrors(root) {
  for (const el of root.querySelectorAll('.field-error')) {
    /** @type {HTMLElement} */ (el).hidden = true;
    el.textContent = '';
  }
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('.field.has-error')) el.classList.remove('has-error');
  for (const el of root.querySelectorAll('[aria-describedby]')) {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => !x.endsWith('-error'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/**
 * Put the payload `errors` next to their fields. `fields` maps an input name
 * (the second element of the error's `field` path, e.g. "title") to the id of
 * the field. Returns the errors that belong to no field, and the first control
 * that got an error.
 * @param {ParentNode} root
 * @param {UserErrorFields[]} errors
 * @param {Record<string, string>} fields
 */
export function showFieldErrors(root, errors, fields) {
  /** @type {UserErrorFields[]} */
  const unplaced = [];
  /** @type {HTMLElement | null} */
  let first = null;
  for (const error of errors) {
    const id = fieldIdOf(error, fields);
    const container = id ? root.querySelector(`[data-field="${id}"]`) : null;
    const slot = container?.querySelector('.field-error');
    if (!container || !(slot instanceof HTMLElement)) {
      unplaced.push(error);
      continue;
    }
    container.classList.add('has-error');
    slot.hidden = false;
    slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
    const isGroup = container.matches('fieldset');
    const controls = isGroup ? [container, ...container.querySelectorAll('input')] : [container.querySelector(`#${id}`)];
    for (const control of controls) {
      if (!control) continue;
      if (!isGroup || control !== container) control.setAttribute('aria-invalid', 'true');
      const ids = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      ids.add(slot.id);
      control.setAttribute('aria-describedby', [...ids].join(' '));
    }
    first ??= /** @type {HTMLElement | null} */ (isGroup ? container.querySelector('input') : container.querySelector(`#${id}`));
  }
  return { unplaced, first };
}

/**
 * The id of the field a payload error belongs to, if any.
 * @param {UserErrorFields} error
 * @param {Record<string, string>} fields input name -> field id
 */
export function fieldIdOf(error, fields) {
  const [name] = error.field.filter((p) => p !== 'input');
  return name !== undefined && Object.hasOwn(fields, name) ? fields[name] : null;
}

/**
 * Payload errors of a form: placed by their fields; those that fit no field go
 * into `summary`. Focus moves to the first field at fault, else to `fallback`.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} summary
 * @param {UserErrorFields[]} errors
 * @param {Record<string, string>} fields input name -> field id
 * @param {HTMLElement | null} [fallback]
 */
export function showFormErrors(form, summary, errors, fields, fallback = null) {
  const { unplaced, first } = showFieldErrors(form, errors, fields);
  if (unplaced.length) replaceChildren(summary, errorBox(new Error(unplaced.map((e) => e.message).join(' '))));
  (first || fallback)?.focus();
}

// ------------------------------------------------------------ markdown ----

/**
 * Render markdown for a preview, with the server's renderer (the same as for posts).
 * @param {HTMLElement} target
 * @param {string} markdown
 * @param {AbortSignal} [signal]
 */
export async function previewInto(target, markdown, signal) {
  if (!markdown.trim()) {
    replaceChildren(target, h('p', { class: 'preview-empty' }, 'Nothing to preview yet.'));
    return;
  }
  try {
    const data = await gql(PREVIEW_QUERY, { markdown: postText(markdown) }, { signal });
    setSanitisedHtml(target, data.renderMarkdown);
  } catch (err) {
    if (isAbort(err)) throw err;
    replaceChildren(target, h('p', { class: 'preview-empty' },
      `No preview: ${err instanceof Error ? err.message : String(err)}`));
  }
}

/**
 * A markdown textarea with a live preview below it.
 * @param {{ id: string, label: string, value?: string, rows?: number, required?: boolean, onInput?: (value: string) => void, signal?: AbortSignal }} options
 */
export function markdownEditor({ id, label: text, value = '', rows = 8, required = true, onInput, signal }) {
  const textarea = h('textarea', { name: id, rows, spellcheck: 'true', value });
  const previewId = uniqueId('preview');
  const preview = h('div', { class: 'preview post-body', id: previewId });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let latest = 0;
  const refresh = () => {
    const run = ++latest;
    const target = h('div');
    previewInto(target, textarea.value, signal).then(() => {
      if (run === latest) replaceChildren(preview, ...target.childNodes);
    }, () => { /* aborted: the page was left */ });
  };
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
    onInput?.(textarea.value);
  });
  signal?.addEventListener('abort', () => clearTimeout(timer));
  refresh();
  const element = h('div', { class: 'markdown-editor' },
    field({
      id,
      label: text,
      hint: 'Markdown: **bold**, *italic*, [link](https://…), lists with “- ”, `code`.',
      control: textarea,
      required,
    }),
    h('section', { class: 'preview-panel', 'aria-labelledby': `${previewId}-h` },
      h('h3', { class: 'preview-heading', id: `${previewId}-h` }, 'Preview'),
      preview));
  return { element, textarea, refresh };
}
