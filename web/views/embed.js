// @ts-check
// /embed: the feed widget's configurator. A partner chooses the feed's filters and
// options, sees the widget itself as a live preview, and copies the two lines of the
// snippet (web/embed/feed.js is the widget; the README's "For partner sites" the rest).

import { gql } from '../lib/api.js';
import { choiceGroup, field, notice } from '../lib/components.js';
import { h, replaceChildren } from '../lib/dom.js';
import { KINDS, ORGANISATION_TYPES, PILLAR_SHORT } from '../lib/labels.js';
import { parseTopics } from '../lib/text.js';
import { View } from '../lib/view.js';
import { EMBED_ORGANISATIONS_QUERY } from '../graphql/embed-page.js';
import '../embed/feed.js';

/** @import { Choice } from '../lib/components.js' */

const PLACEHOLDER_KEY = 'YOUR-PARTNER-KEY';

/**
 * @param {Record<string, string>} words
 * @returns {Choice[]}
 */
function choices(words) {
  return Object.entries(words).map(([value, label]) => ({ value, label: label.replaceAll('\u00AD', '') }));
}

/** @param {string} text */
function attribute(text) {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

export default class EmbedView extends View {
  /** @type {HTMLFormElement} */
  form;
  /** @type {HTMLElement} */
  preview;
  /** @type {HTMLElement} */
  snippet;
  /** @type {HTMLElement} */
  copied;
  /** @type {HTMLElement | undefined} the widget itself, as the preview */
  feed;

  /** @override */
  async mount() {
    const data = await gql(EMBED_ORGANISATIONS_QUERY, {}, { signal: this.signal });
    const organisations = [...data.organisations.nodes].sort((a, b) => a.name.localeCompare(b.name));
    const organisation = h('select', null,
      h('option', { value: '' }, 'Any organisation'),
      organisations.map((o) => h('option', { value: o.slug }, o.name)));
    this.form = h('form', { class: 'embed-form', novalidate: true },
      choiceGroup({ id: 'embed-pillars', legend: 'Pillars', hint: 'Threads with any of these; none chosen: all.', type: 'checkbox', name: 'pillars', options: choices(PILLAR_SHORT) }),
      choiceGroup({ id: 'embed-types', legend: 'Organisation types', type: 'checkbox', name: 'organisation-types', options: choices(ORGANISATION_TYPES) }),
      choiceGroup({ id: 'embed-kinds', legend: 'Kinds', type: 'checkbox', name: 'kinds', options: choices(KINDS) }),
      field({ id: 'embed-topics', label: 'Topics', hint: 'Separated by commas, e.g. procurement, public-finance.', control: h('input', { type: 'text', name: 'topics', autocomplete: 'off' }) }),
      field({ id: 'embed-organisation', label: 'Organisation', hint: 'Only threads started by its members.', control: organisation }),
      field({ id: 'embed-limit', label: 'Threads shown', hint: '1 to 20.', control: h('input', { type: 'number', name: 'limit', min: '1', max: '20', value: '5' }) }),
      field({ id: 'embed-lang', label: 'Language of dates', hint: 'A language tag such as en, de or pt-BR; empty: the language of your page.', control: h('input', { type: 'text', name: 'lang', autocomplete: 'off' }) }),
      h('div', { class: 'field' },
        h('label', null, h('input', { type: 'checkbox', name: 'dense' }), ' Dense: less space between threads')),
      field({
        id: 'embed-key',
        label: 'Partner key',
        hint: 'A key is a public identifier, not a secret: it sits in your page’s source. The forum’s operator issues it for the origins of your site (https://your.site) and with a budget of requests a minute; pages of other origins cannot use it. Without a key the feed shows only on this forum’s own pages.',
        control: h('input', { type: 'text', name: 'key', autocomplete: 'off', spellcheck: 'false', placeholder: 'moin_pk_…' }),
      }));
    this.preview = h('div', { class: 'embed-preview' });
    this.snippet = h('code');
    this.copied = h('p', { class: 'hint', role: 'status' });
    const copy = h('button', { type: 'button', class: 'button button-small' }, 'Copy the snippet');
    this.listen(copy, 'click', () => this.copy());
    this.listen(this.form, 'input', () => this.render());
    this.listen(this.form, 'change', () => this.render());
    this.listen(this.form, 'submit', (event) => event.preventDefault());
    this.show('Embed a live feed',
      h('h1', null, 'Embed a live feed'),
      h('p', { class: 'lead' },
        'Show the forum’s public threads on your own site: choose what the feed shows, then paste the two lines below into your page. New threads appear as they are started.'),
      h('div', { class: 'embed-layout' },
        h('section', { 'aria-labelledby': 'embed-options' }, h('h2', { id: 'embed-options' }, 'Options'), this.form),
        h('section', { 'aria-labelledby': 'embed-preview' },
          h('h2', { id: 'embed-preview' }, 'Preview'),
          this.preview,
          h('h2', null, 'Snippet'),
          h('pre', { class: 'embed-snippet' }, this.snippet),
          copy,
          this.copied,
          notice('info', h('p', null,
            'Your page’s Content-Security-Policy must allow this forum’s origin for scripts and connections: ',
            h('code', null, `script-src ${location.origin}; connect-src ${location.origin} ${location.origin.replace(/^http/, 'ws')}`), '.')))));
    this.render();
  }

  /** The chosen options as the element's attributes, in the snippet's order. */
  attributes() {
    const form = new FormData(this.form);
    /** @type {Array<[string, string]>} */
    const found = [];
    for (const name of ['pillars', 'organisation-types', 'kinds']) {
      const values = form.getAll(name).map(String);
      if (values.length) found.push([name, values.join(' ')]);
    }
    const topics = parseTopics(String(form.get('topics') ?? ''));
    if (topics.length) found.push(['topics', topics.join(' ')]);
    const organisation = String(form.get('organisation') ?? '');
    if (organisation) found.push(['organisation', organisation]);
    const limit = Number.parseInt(String(form.get('limit') ?? ''), 10);
    found.push(['limit', String(Number.isFinite(limit) ? Math.min(Math.max(limit, 1), 20) : 5)]);
    const lang = String(form.get('lang') ?? '').trim();
    if (lang) found.push(['lang', lang]);
    if (form.get('dense')) found.push(['dense', '']);
    const key = String(form.get('key') ?? '').trim();
    found.push(['key', key || PLACEHOLDER_KEY]);
    return found;
  }

  render() {
    const attributes = this.attributes();
    // One element, its attributes set anew: it reads the feed again once per change.
    this.feed ??= document.createElement('moin-feed');
    if (!this.feed.isConnected) replaceChildren(this.preview, this.feed);
    const wanted = new Map(attributes);
    // The preview reads as a visitor of this forum would, without the placeholder key.
    if (wanted.get('key') === PLACEHOLDER_KEY) wanted.delete('key');
    for (const name of this.feed.getAttributeNames()) {
      if (!wanted.has(name)) this.feed.removeAttribute(name);
    }
    for (const [name, value] of wanted) {
      if (this.feed.getAttribute(name) !== value) this.feed.setAttribute(name, value);
    }
    const written = attributes.map(([name, value]) => (value ? `${name}="${attribute(value)}"` : name)).join(' ');
    this.snippet.textContent =
      `<script type="module" src="${location.origin}/embed.js"></script>\n<moin-feed ${written}></moin-feed>`;
    this.copied.textContent = '';
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.snippet.textContent ?? '');
      this.copied.textContent = 'Copied.';
    } catch {
      // Without the clipboard (permissions, an old browser) the snippet is selected instead.
      const range = document.createRange();
      range.selectNodeContents(this.snippet);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      this.copied.textContent = 'Select and copy the snippet above.';
    }
  }
}
