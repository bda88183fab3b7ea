// @ts-check
// <moin-feed>: the forum's feed of public threads on a partner's page.
//
//   <script type="module" src="https://forum.example/embed.js"></script>
//   <moin-feed pillars="RISKS_AND_REWARDS" organisation-types="PUBLIC_BANK" kinds="CHALLENGE"
//              topics="procurement" organisation="<slug>" limit="5" key="<partner key>"></moin-feed>
//
// Attributes: `pillars`, `organisation-types`, `kinds`, `topics` (lists separated by
// spaces or commas), `organisation` (an organisation's slug, as in /o/<slug>), `limit`
// (1 to 20, 5 by default), `key` (the partner key, see the README's "For partner sites"),
// `lang` (the language of dates, the host page's by default) and `dense`.
//
// The first render is one request: a GET of a persisted document (Apollo's automatic
// persisted queries: its SHA-256, not its text), which the forum, the browser and a CDN
// may cache. New threads then come over a WebSocket (`threadStarted`), which reconnects
// with backoff (lib/ws.js) and is closed when the element leaves the page.
//
// Nothing leaks either way: the element draws in its Shadow DOM with a constructed
// stylesheet (no inline style, so a strict CSP that allows the forum's origin is enough),
// resets the styles it would inherit, and defines nothing global but the element.
// Themes set the custom properties below on the element, or style its ::part()s:
// feed, list, item, title, link, meta, badge, footer, message.

import { EMBED_FEED_QUERY, EMBED_THREAD_STARTED_SUBSCRIPTION } from '../graphql/embed.js';
import { h, replaceChildren } from '../lib/dom.js';
import { KINDS, PILLAR_SHORT, label, plural, relativeTime } from '../lib/labels.js';
import { SubscriptionClient } from '../lib/ws.js';

/** @import { EmbedThreadFields, EmbedFeedVariables, ThreadFilter } from '../graphql/types' */

/** The forum this module was loaded from: where the feed is read and the links lead. */
const FORUM = new URL('/', import.meta.url);
const LIMIT_DEFAULT = 5;
const LIMIT_MAX = 20;
const ATTRIBUTES = ['pillars', 'organisation-types', 'kinds', 'topics', 'organisation', 'limit', 'key', 'lang', 'dense'];

const CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  --_fg: var(--moin-feed-color, #1d2125);
  --_bg: var(--moin-feed-background, #fff);
  --_muted: var(--moin-feed-muted, #5b636b);
  --_accent: var(--moin-feed-accent, #0b5cad);
  --_border: var(--moin-feed-border, #d5d9de);
  --_badge: var(--moin-feed-badge-background, #eef1f4);
  font: var(--moin-feed-font, 0.95rem/1.45 system-ui, sans-serif);
  color: var(--_fg);
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--moin-feed-radius, 8px);
}
@media (prefers-color-scheme: dark) {
  :host {
    --_fg: var(--moin-feed-color, #e7eaee);
    --_bg: var(--moin-feed-background, #181b1f);
    --_muted: var(--moin-feed-muted, #a7b0b9);
    --_accent: var(--moin-feed-accent, #7db7f5);
    --_border: var(--moin-feed-border, #3a4149);
    --_badge: var(--moin-feed-badge-background, #262b31);
  }
}
:host([hidden]) { display: none; }
.feed { padding: var(--moin-feed-padding, 0.75rem 1rem); }
ol { list-style: none; margin: 0; padding: 0; }
li { padding: 0.6rem 0; border-top: 1px solid var(--_border); }
li:first-child { border-top: 0; }
h3 { font: inherit; font-weight: 600; margin: 0 0 0.2rem; }
a { color: var(--_accent); text-decoration: none; border-radius: 2px; }
a:hover { text-decoration: underline; }
a:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
.meta { margin: 0; color: var(--_muted); font-size: 0.85em; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; align-items: center; }
.badge { background: var(--_badge); color: var(--_fg); border-radius: 999px; padding: 0 0.5em; }
.mark { color: var(--_fg); font-weight: 600; }
.footer { margin: 0.5rem 0 0; font-size: 0.85em; }
.message { margin: 0; color: var(--_fg); }
.message strong { display: block; }
.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
:host([dense]) .feed { padding: 0.4rem 0.6rem; }
:host([dense]) li { padding: 0.3rem 0; }
:host([dense]) h3 { margin: 0; }
.new { animation: slide-in 0.4s ease-out; }
@keyframes slide-in { from { opacity: 0; transform: translateY(-0.5rem); } }
@media (prefers-reduced-motion: reduce) { .new { animation: none; } }
`;

/** @type {CSSStyleSheet | null} */
let sheet = null;

/** @type {Promise<string> | null} */
let feedHash = null;
/** The SHA-256 of the feed's document, as APQ names it (null where there is no WebCrypto). */
function documentHash() {
  feedHash ??= crypto.subtle
    ? crypto.subtle.digest('SHA-256', new TextEncoder().encode(EMBED_FEED_QUERY)).then((bytes) =>
      [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join(''))
    : Promise.resolve('');
  return feedHash;
}

/**
 * "A B, C" -> ["A", "B", "C"]
 * @param {string | null} value
 */
function list(value) {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** A refusal the forum explains: its words are shown in the element. */
class FeedError extends Error {}

export class MoinFeed extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CSS);
    this.root.adoptedStyleSheets = [sheet];
    this.list = h('ol', { part: 'list' });
    this.status = h('div', { class: 'hidden', role: 'status', 'aria-live': 'polite' });
    this.body = h('div', { class: 'feed', part: 'feed' });
    this.root.append(this.body, this.status);
    /** @type {EmbedThreadFields[]} */
    this.threads = [];
    /** @type {AbortController | null} */
    this.loading = null;
    /** @type {SubscriptionClient | null} */
    this.client = null;
    /** @type {(() => void) | null} */
    this.unsubscribe = null;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.clock = undefined;
    this.scheduled = false;
  }

  connectedCallback() {
    this.schedule();
    this.clock = setInterval(() => this.refreshTimes(), 60_000);
  }

  disconnectedCallback() {
    clearInterval(this.clock);
    this.stop();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.schedule();
  }

  /** Start over once, after every attribute set in the same task has changed. */
  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.isConnected) this.start();
    });
  }

  /** Ends the request in flight and the live updates. */
  stop() {
    this.loading?.abort();
    this.loading = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.client?.close();
    this.client = null;
  }

  get language() {
    return this.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
  }

  get limit() {
    const n = Number.parseInt(this.getAttribute('limit') ?? '', 10);
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), LIMIT_MAX) : LIMIT_DEFAULT;
  }

  /** The API's filter from the attributes; the forum checks the values. */
  get filter() {
    /** @type {ThreadFilter} */
    const filter = {};
    const pillars = list(this.getAttribute('pillars'));
    const types = list(this.getAttribute('organisation-types'));
    const kinds = list(this.getAttribute('kinds'));
    const topics = list(this.getAttribute('topics'));
    const organisation = this.getAttribute('organisation')?.trim();
    if (pillars.length) filter.pillars = /** @type {any} */ (pillars);
    if (types.length) filter.organisationTypes = /** @type {any} */ (types);
    if (kinds.length) filter.kinds = /** @type {any} */ (kinds);
    if (topics.length) filter.topics = topics;
    if (organisation) filter.organisationSlug = organisation;
    return filter;
  }

  async start() {
    this.stop();
    const loading = new AbortController();
    this.loading = loading;
    const filter = this.filter;
    try {
      this.threads = await this.fetchFeed({ filter, first: this.limit }, loading.signal);
    } catch (err) {
      if (loading.signal.aborted) return;
      this.showMessage(err);
      return;
    }
    if (loading.signal.aborted) return;
    this.loading = null;
    this.render();
    // For the partner's (and the forum's bench's) measurements: the feed is on the page.
    performance.mark('moin-feed:rendered');
    this.listen(filter);
  }

  /**
   * The feed: a GET of the persisted document (its text only if the forum asks for it).
   * @param {EmbedFeedVariables} variables
   * @param {AbortSignal} signal
   * @returns {Promise<EmbedThreadFields[]>}
   */
  async fetchFeed(variables, signal) {
    const hash = await documentHash();
    let body = await this.get(variables, hash, !hash, signal);
    if (body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
      body = await this.get(variables, hash, true, signal);
    }
    if (body.errors?.length || !body.data) {
      throw new FeedError(body.errors?.[0]?.message || 'The forum sent no feed.');
    }
    return body.data.threads.nodes;
  }

  /**
   * @param {EmbedFeedVariables} variables
   * @param {string} hash
   * @param {boolean} withText
   * @param {AbortSignal} signal
   * @returns {Promise<{ data?: { threads: { nodes: EmbedThreadFields[] } }, errors?: Array<{ message: string, extensions?: { code?: string } }> }>}
   */
  async get(variables, hash, withText, signal) {
    const url = new URL('/graphql', FORUM);
    url.searchParams.set('operationName', 'EmbedFeed');
    url.searchParams.set('variables', JSON.stringify(variables));
    if (hash) url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    if (withText) url.searchParams.set('query', EMBED_FEED_QUERY);
    const key = this.getAttribute('key');
    if (key) url.searchParams.set('key', key);
    let response;
    try {
      response = await fetch(url, { credentials: 'omit', signal, headers: { Accept: 'application/json' } });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new FeedError(key || FORUM.origin === location.origin
        ? `The forum at ${FORUM.origin} could not be reached.`
        : `This page needs a partner key (the key attribute) to show the feed of ${FORUM.origin}.`);
    }
    try {
      return await response.json();
    } catch {
      throw new FeedError(`The forum answered ${response.status} without a feed.`);
    }
  }

  /** @param {ThreadFilter} filter */
  listen(filter) {
    const url = new URL('/graphql', FORUM);
    url.protocol = FORUM.protocol === 'https:' ? 'wss:' : 'ws:';
    const key = this.getAttribute('key');
    if (key) url.searchParams.set('key', key);
    const client = new SubscriptionClient(url.href);
    this.client = client;
    this.unsubscribe = client.subscribe(EMBED_THREAD_STARTED_SUBSCRIPTION, { filter }, {
      next: (data) => this.add(data.threadStarted),
      // Threads started while the socket was down: read the feed again.
      onReconnect: () => this.schedule(),
    });
  }

  /** @param {EmbedThreadFields} thread */
  add(thread) {
    if (this.threads.some((t) => t.id === thread.id)) return;
    this.threads = [thread, ...this.threads].slice(0, this.limit);
    this.render(thread.id);
    this.status.textContent = `New thread: ${thread.title}`;
  }

  /** @param {string | null} [fresh] the id of a thread that just arrived */
  render(fresh = null) {
    const lang = this.language;
    this.list = h('ol', { part: 'list', lang },
      this.threads.map((thread) => this.item(thread, lang, thread.id === fresh)));
    const more = new URL('/', FORUM);
    replaceChildren(this.body,
      this.threads.length ? this.list : h('p', { class: 'message', part: 'message' }, 'No threads yet.'),
      h('p', { class: 'footer', part: 'footer' },
        h('a', { href: more.href, part: 'link', target: '_blank', rel: 'noopener' }, 'More on MOIN Forum')));
  }

  /**
   * @param {EmbedThreadFields} thread
   * @param {string} lang
   * @param {boolean} fresh
   */
  item(thread, lang, fresh) {
    const href = new URL(`/t/${encodeURIComponent(thread.id)}`, FORUM).href;
    return h('li', { part: 'item', class: fresh ? 'new' : null },
      h('article', null,
        h('h3', { part: 'title' }, h('a', { href, part: 'link', target: '_blank', rel: 'noopener' }, thread.title)),
        h('p', { class: 'meta', part: 'meta' },
          h('span', { class: 'badge', part: 'badge' }, label(KINDS, thread.kind)),
          thread.pillars.map((p) => h('span', { class: 'badge', part: 'badge' }, label(PILLAR_SHORT, p))),
          thread.organisation ? h('span', null, thread.organisation.name) : null,
          h('span', null, plural(thread.replyCount, 'reply', 'replies')),
          thread.expertReplyCount > 0 ? h('span', { class: 'mark' }, '★ Expert reply') : null,
          thread.status === 'ANSWERED' ? h('span', { class: 'mark' }, '✓ Answered') : null,
          h('time', { datetime: thread.createdAt }, relativeTime(thread.createdAt, Date.now(), lang)))));
  }

  refreshTimes() {
    const lang = this.language;
    for (const time of this.root.querySelectorAll('time')) {
      time.textContent = relativeTime(time.getAttribute('datetime') ?? '', Date.now(), lang);
    }
  }

  /** @param {unknown} err */
  showMessage(err) {
    const text = err instanceof FeedError ? err.message : 'The feed could not be shown.';
    if (!(err instanceof FeedError)) console.error(err);
    replaceChildren(this.body,
      h('p', { class: 'message', part: 'message', role: 'alert' },
        h('strong', null, 'The MOIN Forum feed cannot be shown here.'), text));
  }
}

if (!customElements.get('moin-feed')) customElements.define('moin-feed', MoinFeed);
