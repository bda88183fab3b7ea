// The friendly page for unknown routes and missing things.

import { signInLink } from '../lib/components.js';
import { h, replaceChildren } from '../lib/dom.js';

export function notFoundContent({ title = 'Page not found', text, signIn = false } = {}) {
  return [
    h('div', { class: 'not-found' },
      h('p', { class: 'not-found-code', 'aria-hidden': 'true' }, '404'),
      h('h1', { tabindex: '-1' }, title),
      h('p', null, text || 'There is nothing at this address. It may have moved, or the link may be mistyped.'),
      signIn ? h('p', null, signInLink('Sign in'), ' to see threads for members of the network.') : null,
      h('ul', { class: 'link-list' },
        h('li', null, h('a', { href: '/' }, 'Browse the forum')),
        h('li', null, h('a', { href: '/organisations' }, 'See the organisations of the network'))))];
}

export async function render({ main, setTitle }) {
  setTitle('Page not found');
  replaceChildren(main, ...notFoundContent());
  return null;
}
