// Sign in: the providers the server offers.

import { gql } from '../lib/api.js';
import { notice } from '../lib/components.js';
import { h, replaceChildren } from '../lib/dom.js';

const SIGN_IN_OPTIONS = /* GraphQL */ `
  query SignInOptions { signInOptions { name title loginUrl } }
`;

/** Only paths on this site may be a `next`. */
export function safeNext(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/signin')) return '/';
  return value;
}

export async function render(ctx) {
  const { main, setTitle, signal } = ctx;
  setTitle('Sign in');
  const next = safeNext(ctx.query.get('next') || '/');
  const [data, viewer] = await Promise.all([gql(SIGN_IN_OPTIONS, {}, { signal }), ctx.viewer()]);
  const options = data.signInOptions;
  if (viewer) {
    replaceChildren(main,
      h('div', { class: 'narrow' },
        h('h1', null, 'Sign in'),
        notice('info', h('p', null, `You are signed in as ${viewer.displayName}. `, h('a', { href: next }, 'Continue')))));
    return null;
  }
  replaceChildren(main,
    h('div', { class: 'narrow' },
      h('h1', null, 'Sign in'),
      h('p', { class: 'lead' },
        'Members of the network sign in through their organisation. Signed in, you can start challenges, discussions and case examples, reply, and read threads for members.'),
      options.length
        ? h('ul', { class: 'signin-options' },
          options.map((o) => h('li', null,
            h('a', {
              class: 'button button-large',
              href: `${o.loginUrl}${o.loginUrl.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}`,
              dataset: { provider: o.name },
            }, o.title))))
        : notice('info', h('p', null, 'Signing in is not set up on this server.')),
      h('p', null, h('a', { href: next }, 'Continue without signing in'))));
  return null;
}
