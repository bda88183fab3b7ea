// @ts-check
// The MOIN Forum web client: routing, the header, and the session. Each page
// is a View (see the contract in lib/view.js); this module creates, updates and
// destroys them as the address changes.

import { isAbort } from './lib/api.js';
import { errorBox, refreshTimes, signInLink } from './lib/components.js';
import { avatar } from './lib/avatars.js';
import { byId, h, replaceChildren } from './lib/dom.js';
import { loadSession } from './lib/session.js';
import { documentTitle } from './lib/view.js';

/** @import { Session, Viewer } from './lib/session.js' */
/** @import { View, ViewClass, ViewContext } from './lib/view.js' */

/**
 * @typedef {object} Route
 * @property {string} name marks the header's link with this `data-nav` as the current page
 * @property {RegExp | null} pattern the path; its groups are the view's `params`
 * @property {() => Promise<{ default: ViewClass }>} load
 */

// Each view is a module loaded when first needed, so the first page downloads
// only what it shows.
/** @type {Route[]} */
const ROUTES = [
  { name: 'home', pattern: /^\/$/, load: () => import('./views/home.js') },
  { name: 'thread', pattern: /^\/t\/([^/]+)\/?$/, load: () => import('./views/thread.js') },
  { name: 'new', pattern: /^\/new\/?$/, load: () => import('./views/new-thread.js') },
  { name: 'organisations', pattern: /^\/organisations\/?$/, load: () => import('./views/organisations.js') },
  { name: 'organisation', pattern: /^\/o\/([^/]+)\/?$/, load: () => import('./views/organisation.js') },
  { name: 'signin', pattern: /^\/signin\/?$/, load: () => import('./views/signin.js') },
  { name: 'notifications', pattern: /^\/notifications\/?$/, load: () => import('./views/notifications.js') },
  { name: 'following', pattern: /^\/following\/?$/, load: () => import('./views/following.js') },
  { name: 'join', pattern: /^\/join\/?$/, load: () => import('./views/join.js') },
  { name: 'applications', pattern: /^\/admin\/applications\/?$/, load: () => import('./views/applications.js') },
  { name: 'events', pattern: /^\/events\/?$/, load: () => import('./views/events.js') },
  { name: 'events', pattern: /^\/events\/([^/.]+)\/?$/, load: () => import('./views/event.js') },
  { name: 'embed', pattern: /^\/embed\/?$/, load: () => import('./views/embed.js') },
];
/** @type {Route} */
const NOT_FOUND = { name: 'not-found', pattern: null, load: () => import('./views/not-found.js') };
// /embed is the widget's configurator, a page; /embed.js the widget's script.
const SERVER_PATHS = /^\/(?:(?:auth|graphql|web|api|static|health)(?:\/|$)|embed\.js$)/;

/** @type {Promise<Session> | null} */
let sessionPromise = null;
/**
 * The session of this page load: asked once, shared by every view. A failed
 * request is not kept, so that "Try again" asks again.
 * @returns {Promise<Session>}
 */
function session() {
  sessionPromise ??= loadSession().then(
    (loaded) => {
      renderAccount(loaded.viewer);
      return loaded;
    },
    (err) => {
      sessionPromise = null;
      renderAccount(null);
      throw err;
    },
  );
  return sessionPromise;
}

/**
 * Go to another page of the client.
 * @param {string} url
 * @param {{ replace?: boolean }} [options]
 */
function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  return route({ focus: true, scroll: !replace });
}

/** @type {{ key: string, view: View | null } | null} */
let current = null;

/** @param {string} pathname */
function match(pathname) {
  for (const r of ROUTES) {
    const m = r.pattern && pathname.match(r.pattern);
    if (m) {
      try {
        return { route: r, params: m.slice(1).map(decodeURIComponent) };
      } catch {
        break; // a malformed %-escape
      }
    }
  }
  return { route: NOT_FOUND, params: [] };
}

/**
 * Show the page of the current address: update the view in place when it can
 * (same route, another query string), otherwise leave it and mount a new one.
 * @param {{ focus?: boolean, scroll?: boolean }} [options]
 */
async function route({ focus = false, scroll = false } = {}) {
  const url = new URL(location.href);
  const { route: r, params } = match(url.pathname);
  const key = `${r.name}:${params.join('/')}`;
  const main = byId('main');
  markNav(r.name);

  /** @type {ViewContext} */
  const ctx = { main, params, query: url.searchParams, hash: url.hash, session, navigate };
  if (current?.key === key && current.view?.reuse(ctx)) return;

  current?.view?.destroy();
  const mine = { key, view: /** @type {View | null} */ (null) };
  current = mine;
  replaceChildren(main);
  if (scroll && !url.hash) window.scrollTo(0, 0);
  try {
    const { default: ViewClass } = await r.load();
    if (current !== mine) return;
    mine.view = new ViewClass(ctx);
    await mine.view.mount();
  } catch (err) {
    if (current !== mine || isAbort(err)) return;
    console.error(err);
    mine.view?.destroy();
    document.title = documentTitle('Error');
    replaceChildren(main,
      h('h1', { tabindex: '-1' }, 'This page could not be loaded'),
      errorBox(err, () => route({ focus: true })));
  }
  if (current !== mine) return;
  if (url.hash) {
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (target) {
      target.scrollIntoView();
      if (focus) target.focus({ preventScroll: true });
      return;
    }
  }
  if (focus) {
    const heading = main.querySelector('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      main.focus();
    }
  }
}

/** @param {string} name */
function markNav(name) {
  for (const link of document.querySelectorAll('.site-header a[data-nav]')) {
    if (/** @type {HTMLElement} */ (link).dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Links to pages of the client are followed without reloading. @param {MouseEvent} event */
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement)) return;
  if (link.target || link.hasAttribute('download') || 'external' in link.dataset) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

/**
 * The header's account slot: who is signed in, or a sign-in link.
 * @param {Viewer | null} member
 */
function renderAccount(member) {
  const slot = byId('account');
  if (!member) {
    const link = h('a', { class: 'button button-small', href: '/signin' }, 'Sign in');
    // Keep the "next" of the sign-in link pointing at the page being read.
    link.addEventListener('click', () => {
      link.setAttribute('href', signInLink('', location.pathname + location.search).getAttribute('href') ?? '/signin');
    });
    replaceChildren(slot, link);
    return;
  }
  const signOut = h('button', { type: 'button', class: 'button button-small button-secondary' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    try {
      await fetch('/auth/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } finally {
      location.reload();
    }
  });
  // One line whatever the names' length: the avatar, then name and organisation cut with
  // an ellipsis (in full in the menu and for screen readers).
  const menu = h('details', { class: 'account-menu' },
    h('summary', { class: 'whoami', title: member.organisation ? `${member.displayName}, ${member.organisation.name}` : member.displayName },
      h('span', { class: 'visually-hidden' }, 'Signed in as '),
      avatar(member, { decorative: true }),
      h('span', { class: 'whoami-text' },
        h('span', { class: 'whoami-name' }, member.displayName),
        member.organisation ? h('span', { class: 'whoami-org' }, member.organisation.name) : null)),
    h('div', { class: 'account-panel' },
      h('p', { class: 'account-who' },
        h('strong', null, member.displayName),
        member.isExpert ? h('span', { class: 'badge badge-expert' }, 'Researcher') : null),
      member.organisation
        ? h('p', null, h('a', { class: 'whoami-org-link', href: `/o/${encodeURIComponent(member.organisation.slug)}` }, member.organisation.name))
        : null,
      h('p', null, h('a', { href: '/following' }, 'Following'), ' · ', h('a', { href: '/notifications' }, 'Notifications')),
      member.role === 'ADMIN' ? h('p', null, h('a', { href: '/admin/applications' }, 'Applications to join')) : null,
      signOut));
  // A link followed inside the menu, a click elsewhere or Escape closes it.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Node ? event.target : null;
    if (!menu.contains(target) || (target instanceof Element && target.closest('a'))) menu.open = false;
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      /** @type {HTMLElement | null} */ (menu.querySelector('summary'))?.focus();
    }
  });
  replaceChildren(slot, menu);
  // The bell: the unread count, live (lib/bell.js), in the header's tools.
  import('./lib/bell.js').then(({ mountBell }) => mountBell(byId('header-tools')));
}

function start() {
  document.getElementById('boot-loading')?.remove();
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', () => route({ focus: true }));
  setInterval(() => refreshTimes(), 60_000);
  // Asked at once, beside the first view's own request; the header shows it when it comes.
  session().catch(() => { /* the view shows the error, with "Try again" */ });
  route();
}

start();
