// Pieces of page shared by the views.

import { gql, isUnknownField } from './api.js';
import { h, replaceChildren, setSanitisedHtml, srOnly, uniqueId } from './dom.js';
import {
  absoluteTime, KINDS, label, ORGANISATION_TYPES, PILLARS, plural, relativeTime, STATUSES,
} from './labels.js';
import { renderMarkdown } from './markdown.js';
import { PREVIEW_QUERY } from './queries.js';

/** <time> showing relative time, kept fresh by `refreshTimes`. */
export function timeAgo(iso, prefix = '') {
  return h('time', { datetime: iso, title: absoluteTime(iso), dataset: { relative: prefix } }, prefix + relativeTime(iso));
}

export function refreshTimes(root = document) {
  for (const el of root.querySelectorAll('time[data-relative]')) {
    el.textContent = el.dataset.relative + relativeTime(el.getAttribute('datetime'));
  }
}

export function feedHref(params) {
  const query = new URLSearchParams(params).toString();
  return query ? `/?${query}` : '/';
}

export function kindBadge(kind) {
  return h('span', { class: ['badge', `badge-kind-${kind.toLowerCase().replaceAll('_', '-')}`] }, label(KINDS, kind));
}

export function statusBadge(status) {
  if (status === 'OPEN') return null;
  return h('span', { class: ['badge', `badge-status-${status.toLowerCase()}`] },
    status === 'ANSWERED' ? '✓ ' : '', label(STATUSES, status));
}

export function visibilityBadge(visibility) {
  if (visibility !== 'MEMBERS') return null;
  return h('span', { class: 'badge badge-members' }, 'Members only');
}

/** Pillar, organisation-type and topic chips; each links to the filtered feed. */
export function tagList(thread, { linked = true } = {}) {
  const chip = (cls, text, href, sr) => h('li', null,
    linked
      ? h('a', { class: ['chip', cls], href }, srOnly(sr), text)
      : h('span', { class: ['chip', cls] }, srOnly(sr), text));
  return h('ul', { class: 'chips', 'aria-label': 'Tags' },
    thread.pillars.map((p) => chip(`chip-pillar chip-${p.toLowerCase().replaceAll('_', '-')}`,
      label(PILLARS, p), feedHref({ pillar: p }), 'Pillar: ')),
    thread.organisationTypes.map((t) => chip('chip-orgtype', label(ORGANISATION_TYPES, t),
      feedHref({ orgType: t }), 'Organisation type: ')),
    thread.topics.map((t) => chip('chip-topic', `#${t}`, feedHref({ topic: t }), 'Topic: ')));
}

export function threadCard(thread, { headingLevel = 3 } = {}) {
  const replies = plural(thread.replyCount, 'reply', 'replies');
  return h('li', { class: 'thread-card' },
    h('article', { 'aria-labelledby': `card-${thread.id}` },
      h('p', { class: 'badges' }, kindBadge(thread.kind), statusBadge(thread.status), visibilityBadge(thread.visibility)),
      h(`h${headingLevel}`, { class: 'thread-card-title', id: `card-${thread.id}` },
        h('a', { href: `/t/${encodeURIComponent(thread.id)}` }, thread.title)),
      tagList(thread),
      h('p', { class: 'byline' },
        h('span', null, thread.author.displayName),
        thread.organisation ? [' · ', h('a', { href: `/o/${encodeURIComponent(thread.organisation.slug)}` }, thread.organisation.name)] : null),
      h('p', { class: 'stats' },
        h('span', { class: 'stat' }, replies),
        thread.expertReplyCount > 0
          ? h('span', { class: 'stat stat-expert' }, plural(thread.expertReplyCount, 'expert reply', 'expert replies'))
          : null,
        h('span', { class: 'stat' }, 'Active ', timeAgo(thread.lastActivityAt)))));
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** A message for an API error, with a button to try again. */
export function errorBox(err, retry) {
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', null, h('strong', null, 'Something went wrong. '), err?.message || String(err)),
    retry ? h('button', { type: 'button', class: 'button button-secondary', onClick: retry }, 'Try again') : null);
}

export function notice(kind, ...children) {
  return h('div', { class: ['notice', `notice-${kind}`] }, children);
}

/** Sign-in link that brings the visitor back here. */
export function signInLink(text = 'Sign in', next = location.pathname + location.search) {
  return h('a', { href: `/signin?next=${encodeURIComponent(next)}` }, text);
}

// ---------------------------------------------------------------- forms ----

/** A labelled control with a hint and a slot for its error message. */
export function field({ id, label: text, hint, control, required = false }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.id = id;
  const describedBy = [hintId].filter(Boolean).join(' ');
  if (describedBy) control.setAttribute('aria-describedby', describedBy);
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', { class: 'field', dataset: { field: id } },
    h('label', { for: id }, text, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
    control);
}

/** A fieldset of checkboxes or radios with a legend, hint and error slot. */
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

export function clearFieldErrors(root) {
  for (const el of root.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('.field.has-error')) el.classList.remove('has-error');
  for (const el of root.querySelectorAll('[aria-describedby]')) {
    const ids = el.getAttribute('aria-describedby').split(' ').filter((x) => !x.endsWith('-error'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/**
 * Put the payload `errors` next to their fields. `fields` maps an input name
 * (the second element of the error's `field` path, e.g. "title") to the id of
 * the field. Returns the errors that belong to no field, and the first element
 * that got an error.
 */
export function showFieldErrors(root, errors, fields) {
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    const path = (error.field || []).filter((p) => p !== 'input');
    const id = fields[path[0]];
    const container = id && root.querySelector(`[data-field="${id}"]`);
    if (!container) {
      unplaced.push(error);
      continue;
    }
    container.classList.add('has-error');
    const slot = container.querySelector('.field-error');
    slot.hidden = false;
    slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
    const controls = container.matches('fieldset') ? [container, ...container.querySelectorAll('input')] : [container.querySelector(`#${id}`)];
    for (const control of controls) {
      if (!control) continue;
      if (!control.matches('fieldset')) control.setAttribute('aria-invalid', 'true');
      const ids = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      ids.add(slot.id);
      control.setAttribute('aria-describedby', [...ids].join(' '));
    }
    first ??= container.matches('fieldset') ? container.querySelector('input') : container.querySelector(`#${id}`);
  }
  return { unplaced, first };
}

// ------------------------------------------------------------ markdown ----

let serverPreview = true;

/** Render markdown for a preview: the server's renderer if it has one. */
export async function previewInto(target, markdown) {
  if (!markdown.trim()) {
    replaceChildren(target, h('p', { class: 'preview-empty' }, 'Nothing to preview yet.'));
    return;
  }
  if (serverPreview) {
    try {
      const data = await gql(PREVIEW_QUERY, { markdown });
      setSanitisedHtml(target, data.renderMarkdown);
      return;
    } catch (err) {
      if (isUnknownField(err)) serverPreview = false;
    }
  }
  replaceChildren(target, renderMarkdown(markdown));
}

/**
 * A markdown textarea with a live preview below it.
 * Returns { element, textarea }.
 */
export function markdownEditor({ id, label: text, value = '', rows = 8, required = true, onInput }) {
  const textarea = h('textarea', { name: id, rows, spellcheck: 'true', value });
  const previewId = uniqueId('preview');
  const preview = h('div', { class: 'preview post-body', id: previewId });
  let timer = null;
  let latest = 0;
  const refresh = () => {
    const run = ++latest;
    const target = h('div');
    previewInto(target, textarea.value).then(() => {
      if (run === latest) replaceChildren(preview, ...target.childNodes);
    });
  };
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
    onInput?.(textarea.value);
  });
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
