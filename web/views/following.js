// @ts-check
// What the signed-in member follows: threads, pillars, organisation types,
// topics and organisations, each removable; and a way to follow a pillar,
// an organisation type or a topic.

import { gql } from '../lib/api.js';
import { loading, notice, signInLink } from '../lib/components.js';
import { announce, h, replaceChildren } from '../lib/dom.js';
import { label, ORGANISATION_TYPES, PILLAR_SHORT } from '../lib/labels.js';
import { View } from '../lib/view.js';
import { FOLLOWS_QUERY, FOLLOW_MUTATION, UNFOLLOW_MUTATION } from '../graphql/engagement.js';
import { ORGANISATION_TYPE_VALUES, ROAR_PILLAR_VALUES } from '../graphql/enums.js';

/** @import { FollowsData, FollowTarget } from '../graphql/types' */
/** @typedef {FollowsData['follows']['nodes'][number]} FollowItem */

/**
 * What a follow follows, as the API names it for `unfollow`, and in words.
 * @param {FollowItem} f
 * @returns {{ target: FollowTarget, text: string, href: string | null }}
 */
export function describe(f) {
  if (f.thread) return { target: { thread: f.thread.id }, text: f.thread.title, href: `/t/${f.thread.id}` };
  if (f.organisation) return { target: { organisation: f.organisation.id }, text: f.organisation.name, href: `/o/${f.organisation.slug}` };
  if (f.pillar) return { target: { pillar: f.pillar }, text: `Pillar: ${label(PILLAR_SHORT, f.pillar)}`, href: `/?pillar=${f.pillar}` };
  if (f.organisationType) return { target: { organisationType: f.organisationType }, text: `Organisation type: ${label(ORGANISATION_TYPES, f.organisationType)}`, href: `/?orgType=${f.organisationType}` };
  return { target: { topic: f.topic }, text: `Topic: ${f.topic}`, href: `/?topic=${encodeURIComponent(f.topic ?? '')}` };
}

export default class FollowingView extends View {
  /** @type {FollowItem[]} */
  follows = [];
  list = h('ul', { class: 'follow-list' });

  /** @override */
  async mount() {
    this.showLoading(h('h1', null, 'Following'), loading());
    const { viewer } = await this.session();
    if (!viewer) {
      this.show('Following', h('h1', null, 'Following'),
        notice('info', h('p', null, signInLink('Sign in'), ' to follow threads and topics.')));
      return;
    }
    await this.load();
    this.show('Following',
      h('div', { class: 'following-page' },
        h('h1', null, 'Following'),
        h('p', { class: 'lead' }, 'What happens in what you follow comes to your ', h('a', { href: '/notifications' }, 'notifications'), '.'),
        this.list,
        this.addForm()));
  }

  async load() {
    const data = await gql(FOLLOWS_QUERY, { first: 100 }, { signal: this.signal });
    this.follows = data.follows.nodes;
    this.renderList();
  }

  renderList() {
    if (!this.follows.length) {
      replaceChildren(this.list, h('li', null, 'You follow nothing yet.'));
      return;
    }
    replaceChildren(this.list, this.follows.map((f) => {
      const { target, text, href } = describe(f);
      const remove = h('button', { type: 'button', class: 'button button-small button-secondary' }, 'Stop following');
      remove.setAttribute('aria-label', `Stop following ${text}`);
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        await gql(UNFOLLOW_MUTATION, { input: target }, { signal: this.signal });
        this.follows = this.follows.filter((other) => other.id !== f.id);
        this.renderList();
        announce(`You no longer follow ${text}`);
      });
      return h('li', { class: 'follow-item' }, href ? h('a', { href }, text) : text, ' ', remove);
    }));
  }

  addForm() {
    const what = h('select', { id: 'follow-what', name: 'what' },
      ROAR_PILLAR_VALUES.map((p) => h('option', { value: `pillar:${p}` }, `Pillar: ${label(PILLAR_SHORT, p)}`)),
      ORGANISATION_TYPE_VALUES.map((t) => h('option', { value: `organisationType:${t}` }, `Organisation type: ${label(ORGANISATION_TYPES, t)}`)));
    const topic = h('input', { id: 'follow-topic', name: 'topic', placeholder: 'e.g. procurement', maxlength: 40 });
    const status = h('p', { role: 'status', class: 'form-status' });
    const follow = async (/** @type {FollowTarget} */ target) => {
      const data = await gql(FOLLOW_MUTATION, { input: target }, { signal: this.signal });
      status.textContent = data.follow.errors.map((e) => e.message).join(' ') || 'Followed.';
      if (!data.follow.errors.length) await this.load();
    };
    const pick = h('button', { type: 'button', class: 'button button-small' }, 'Follow');
    pick.addEventListener('click', () => {
      const [kind, value] = what.value.split(':');
      follow(kind === 'pillar' ? { pillar: /** @type {any} */ (value) } : { organisationType: /** @type {any} */ (value) });
    });
    const addTopic = h('button', { type: 'button', class: 'button button-small' }, 'Follow topic');
    addTopic.addEventListener('click', () => follow({ topic: topic.value }));
    return h('section', { class: 'follow-add' },
      h('h2', null, 'Follow more'),
      h('p', null, h('label', { for: 'follow-what' }, 'A pillar or organisation type '), what, ' ', pick),
      h('p', null, h('label', { for: 'follow-topic' }, 'A topic '), topic, ' ', addTopic),
      status);
  }
}
