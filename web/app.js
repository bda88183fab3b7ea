// The MOIN Forum web client: routing, the header, and the views.

import { gql } from './lib/api.js';
import { errorBox, refreshTimes, signInLink } from './lib/components.js';
import { h, replaceChildren } from './lib/dom.js';
import { VIEWER_QUERY } from './lib/queries.js';

// Each view is a module loaded when first needed, so the first page downloads
// only what it shows.
const ROUTES = [
  { name: 'home', pattern: /^\/$/, load: () => import('./views/home.js') },
  { name: 'thread', pattern: /^\/t\/([^/]+)\/?$/, load: () => import('./views/thread.js') },
  { name: 'new', pattern: /^\/new\/?$/, load: () => import('./views/new-thread.js') },
  { name: 'organisations', pattern: /^\/organisations\/?$/, load: () => import('./views/organisations.js') },
  { name: 'organisation', pattern: /^\/o\/([^/]+)\/?$/, load: () => import('./views/organisation.js') },
  { name: 'signin', pattern: /^\/signin\/?$/, load: () => import('./views/signin.js') },
];
const NOT_FOUND = { name: 'not-found', pattern: null, load: () => import('./views/not-found.js') };
const SERVER_PATHS = /^\/(?:auth|graphql|web|api|embed|static|health)(?:\/|$)/;

let viewerPromise = null;
/** The signed-in member, or null; asked once per page load. */
export function viewer() {
  viewerPromise ??= gql(VIEWER_QUERY).then((data) => data.viewer).catch(() => null);
  return viewerPromise;
}

export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  return route({ focus: true, scroll: !replace });
}

function setTitle(text) {
  document.title = text ? `${text} — MOIN Forum` : 'MOIN Forum';
}

let current = null;

function match(pathname) {
  for (const r of ROUTES) {
    const m = pathname.match(r.pattern);
    if (m) {
      let params;
      try {
        params = m.slice(1).map(decodeURIComponent);
      } catch {
        return { route: NOT_FOUND, params: [] };
      }
      return { route: r, params };
    }
  }
  return { route: NOT_FOUND, params: [] };
}

async function route({ focus = false, scroll = false } = {}) {
  const url = new URL(location.href);
  const { route: r, params } = match(url.pathname);
  const key = `${r.name}:${params.join('/')}`;
  const main = document.getElementById('main');
  markNav(r.name);

  const ctx = {
    main, params, query: url.searchParams, hash: url.hash, viewer, navigate, setTitle,
  };

  // The same page with another query string: let the view update in place,
  // so that focus stays where the user is (filters, search box).
  if (current && current.key === key && current.instance?.update) {
    ctx.signal = current.controller.signal;
    current.instance.update(ctx);
    return;
  }

  current?.controller.abort();
  try {
    current?.instance?.destroy?.();
  } catch (err) {
    console.error(err);
  }
  const controller = new AbortController();
  ctx.signal = controller.signal;
  const mine = { key, controller, instance: null };
  current = mine;
  replaceChildren(main);
  if (scroll && !url.hash) window.scrollTo(0, 0);
  try {
    const view = await r.load();
    if (current !== mine) return;
    const instance = await view.render(ctx);
    if (current !== mine) {
      instance?.destroy?.();
      return;
    }
    mine.instance = instance;
  } catch (err) {
    if (controller.signal.aborted || err.name === 'AbortError') return;
    console.error(err);
    setTitle('Error');
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

function markNav(name) {
  for (const link of document.querySelectorAll('.site-nav a[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download') || 'external' in link.dataset) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

async function renderAccount() {
  const slot = document.getElementById('account');
  const member = await viewer();
  if (!member) {
    replaceChildren(slot, h('a', { class: 'button button-small', href: '/signin' }, 'Sign in'));
    // Keep the "next" of the sign-in link pointing at the page being read.
    slot.querySelector('a').addEventListener('click', (event) => {
      event.currentTarget.setAttribute('href', signInLink('', location.pathname + location.search).getAttribute('href'));
    });
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
  replaceChildren(slot,
    h('p', { class: 'whoami' },
      h('span', { class: 'visually-hidden' }, 'Signed in as '),
      h('span', { class: 'whoami-name' }, member.displayName),
      member.isExpert ? h('span', { class: 'badge badge-expert' }, 'Researcher') : null,
      member.organisation
        ? h('a', { class: 'whoami-org', href: `/o/${encodeURIComponent(member.organisation.slug)}` }, member.organisation.name)
        : null),
    signOut);
}

function start() {
  document.getElementById('boot-loading')?.remove();
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', () => route({ focus: true }));
  setInterval(() => refreshTimes(), 60_000);
  renderAccount();
  route();
}

start();
