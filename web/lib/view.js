// @ts-check
// The view contract. Every page of the client is a View: a module in views/
// whose default export is a subclass of `View`, listed in the routes of app.js.
//
// 1. Created: the router makes `new MyView(ctx)` when the route is entered.
//    Creating one starts nothing (no request, nothing in the page): a view
//    declares its fields as class fields, with their type, and those that
//    depend on data without a value, to be filled by `mount()`.
// 2. Mounted: the router awaits `mount()`. It fetches what the page shows (every
//    request with `this.signal`; the session, shared by all views, with
//    `this.session()`), then puts the page into <main> with `this.show(title,
//    ...nodes)`, which also sets the document's title. The page has exactly one
//    <h1>; once `mount()` resolves, the router moves focus to it after a
//    navigation (or to the element the URL's #fragment names). A view may
//    `showLoading(...)` first. A view whose thing does not exist shows
//    `notFoundContent(...)` (lib/components.js) with a title saying so. If
//    `mount()` throws, the router shows the error with "Try again".
// 3. Updated: the same route with another query string (filters, search, back
//    and forward between them) calls `update(ctx)`. A view that can show the new
//    state in place does so and returns true, so focus stays where the user is;
//    the default, false, mounts a fresh view.
// 4. Left: the router calls `destroy()` when another page is entered. It aborts
//    `this.signal` (and with it every request still running), ends the
//    subscriptions made with `this.subscribe()`, clears the timers of
//    `this.later()` / `this.every()`, removes the listeners of `this.listen()`
//    and runs what was given to `this.onLeave()`. Views never override
//    `destroy()`, and use these helpers instead of the bare browser APIs for
//    anything that outlives a call, so that nothing of a page keeps running
//    after it is left.
//
// Re-rendering on data: a view keeps what it shows in its fields and has a
// `render…()` method per part that changes (the list, the header, a count),
// which rebuilds that part from the fields. A response, a live event or a
// user's action updates the fields and calls the part's method; no other code
// patches the DOM of that part.

import { replaceChildren } from './dom.js';
import { subscriptions } from './ws.js';

/** @import { Document } from '../graphql/types' */
/** @import { Child } from './dom.js' */
/** @import { Session } from './session.js' */
/** @import { Handlers, LiveState } from './ws.js' */

/**
 * What the router gives a view.
 * @typedef {object} ViewContext
 * @property {HTMLElement} main where the page goes
 * @property {string[]} params the route's parameters, decoded (`/t/<id>` gives [id])
 * @property {URLSearchParams} query the URL's query string
 * @property {string} hash the URL's fragment with its '#', or ''
 * @property {() => Promise<Session>} session who is signed in, and the API's words for its values
 * @property {(url: string, options?: { replace?: boolean }) => Promise<void>} navigate go to another page of the client
 */

/** @typedef {new (ctx: ViewContext) => View} ViewClass */

export const SITE_NAME = 'MOIN Forum';

/**
 * The document's title for a page title; '' is the home page.
 * @param {string} title
 */
export function documentTitle(title) {
  return title ? `${title} — ${SITE_NAME}` : SITE_NAME;
}

export class View {
  /** @param {ViewContext} ctx */
  constructor(ctx) {
    /** The route's context; replaced by the one given to a successful `update()`. */
    this.ctx = ctx;
    /** @private */
    this.controller = new AbortController();
    /** @private @type {Array<() => void>} */
    this.cleanups = [];
    /** @private @type {Set<ReturnType<typeof setTimeout>>} */
    this.timeouts = new Set();
    /** @private @type {Set<ReturnType<typeof setInterval>>} */
    this.intervals = new Set();
  }

  /** Aborted when the view is left: give it to every request the view makes. */
  get signal() {
    return this.controller.signal;
  }

  /** True once the view has been left. */
  get left() {
    return this.controller.signal.aborted;
  }

  /**
   * Fetch what the page shows and `show()` it. Every view implements it.
   * @returns {Promise<void>}
   */
  async mount() {
    throw new Error(`${this.constructor.name} does not implement mount()`);
  }

  /**
   * The same route with another query string: show it in place and return
   * true, or return false to be mounted afresh (the default).
   * @param {ViewContext} _ctx
   * @returns {boolean}
   */
  update(_ctx) {
    return false;
  }

  /**
   * Called by the router: `update()`, keeping the new context when it worked.
   * @param {ViewContext} ctx
   */
  reuse(ctx) {
    if (this.left || !this.update(ctx)) return false;
    this.ctx = ctx;
    return true;
  }

  /** The session of the page load (shared by all views; one request). */
  session() {
    return this.ctx.session();
  }

  /**
   * Put the page into <main> and give the document its title ('' for the home
   * page). Does nothing once the view has been left.
   * @param {string} title
   * @param {...Child} content
   */
  show(title, ...content) {
    if (this.left) return;
    document.title = documentTitle(title);
    replaceChildren(this.ctx.main, ...content);
  }

  /**
   * Something to show while `mount()` waits (the title stays as it is).
   * @param {...Child} content
   */
  showLoading(...content) {
    if (!this.left) replaceChildren(this.ctx.main, ...content);
  }

  /**
   * Run `cleanup` when the view is left (at once if it has been).
   * @param {() => void} cleanup
   */
  onLeave(cleanup) {
    if (this.left) cleanup();
    else this.cleanups.push(cleanup);
  }

  /**
   * A live subscription that ends when the view is left. Returns a function
   * that ends it sooner.
   * @template TData, TVariables
   * @param {Document<TData, TVariables>} document
   * @param {TVariables} variables
   * @param {Handlers<TData>} handlers
   * @returns {() => void}
   */
  subscribe(document, variables, handlers) {
    if (this.left) return () => {};
    const stop = subscriptions.subscribe(document, variables, handlers);
    this.onLeave(stop);
    return stop;
  }

  /**
   * Follow the live connection's state (called at once with the current one)
   * until the view is left.
   * @param {(state: LiveState) => void} listener
   */
  onLiveState(listener) {
    if (!this.left) this.onLeave(subscriptions.onState(listener));
  }

  /**
   * `target.addEventListener(type, listener)` until the view is left. For
   * elements outside the view's own DOM (window, media queries, the document);
   * listeners on the view's elements go when the elements go.
   * @param {EventTarget} target
   * @param {string} type
   * @param {EventListener} listener
   */
  listen(target, type, listener) {
    if (this.left) return;
    target.addEventListener(type, listener);
    this.onLeave(() => target.removeEventListener(type, listener));
  }

  /**
   * `setTimeout` that is cleared when the view is left. Returns a function that
   * clears it sooner.
   * @param {number} ms
   * @param {() => void} callback
   */
  later(ms, callback) {
    if (this.left) return () => {};
    const timer = setTimeout(() => {
      this.timeouts.delete(timer);
      callback();
    }, ms);
    this.timeouts.add(timer);
    return () => {
      clearTimeout(timer);
      this.timeouts.delete(timer);
    };
  }

  /**
   * `setInterval` that is cleared when the view is left. Returns a function
   * that clears it sooner.
   * @param {number} ms
   * @param {() => void} callback
   */
  every(ms, callback) {
    if (this.left) return () => {};
    const timer = setInterval(callback, ms);
    this.intervals.add(timer);
    return () => {
      clearInterval(timer);
      this.intervals.delete(timer);
    };
  }

  /** Called by the router when the view is left. Views do not override it: see `onLeave()`. */
  destroy() {
    if (this.left) return;
    this.controller.abort();
    for (const timer of this.timeouts) clearTimeout(timer);
    for (const timer of this.intervals) clearInterval(timer);
    this.timeouts.clear();
    this.intervals.clear();
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (err) {
        console.error(err);
      }
    }
  }
}
