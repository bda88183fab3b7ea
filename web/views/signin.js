// @ts-check
// Sign in: the providers the server offers.

import { gql } from '../lib/api.js';
import { notice } from '../lib/components.js';
import { h } from '../lib/dom.js';
import { safeNext, withNext } from '../lib/urls.js';
import { View } from '../lib/view.js';
import { SIGN_IN_OPTIONS_QUERY } from '../graphql/signin.js';

export default class SignInView extends View {
  /** @override */
  async mount() {
    const next = safeNext(this.ctx.query.get('next') || '/');
    const [data, { viewer }] = await Promise.all([
      gql(SIGN_IN_OPTIONS_QUERY, {}, { signal: this.signal }),
      this.session(),
    ]);
    if (viewer) {
      this.show('Sign in',
        h('div', { class: 'narrow' },
          h('h1', null, 'Sign in'),
          notice('info', h('p', null, `You are signed in as ${viewer.displayName}. `, h('a', { href: next }, 'Continue')))));
      return;
    }
    const options = data.signInOptions;
    this.show('Sign in',
      h('div', { class: 'narrow' },
        h('h1', null, 'Sign in'),
        h('p', { class: 'lead' },
          'Members of the network sign in through their organisation. Signed in, you can start challenges, discussions and case examples, reply, and read threads for members.'),
        options.length
          ? h('ul', { class: 'signin-options' },
            options.map((o) => h('li', null,
              h('a', { class: 'button button-large', href: withNext(o.loginUrl, next), dataset: { provider: o.name } }, o.title))))
          : notice('info', h('p', null, 'Signing in is not set up on this server.')),
        h('p', null, h('a', { href: next }, 'Continue without signing in'))));
  }
}
