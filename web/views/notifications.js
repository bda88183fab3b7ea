// @ts-check
// The signed-in member's notifications, grouped by thread (the group of the
// newest first), unread ones marked, "Mark all read", new ones as they come;
// and how often they are e-mailed about them.

import { gql } from '../lib/api.js';
import { onNotification, setUnread } from '../lib/bell.js';
import { loading, notice, signInLink, timeAgo } from '../lib/components.js';
import { announce, h, replaceChildren } from '../lib/dom.js';
import { View } from '../lib/view.js';
import {
  MARK_NOTIFICATIONS_READ_MUTATION,
  NOTIFICATIONS_QUERY,
  UPDATE_NOTIFICATION_SETTINGS_MUTATION,
} from '../graphql/engagement.js';

/** @import { NotificationFields, NotificationsData } from '../graphql/types' */

const FREQUENCIES = {
  IMMEDIATELY: 'At once: one e-mail per notification',
  DAILY: 'A daily digest',
  WEEKLY: 'A weekly digest',
  NEVER: 'Never',
};

/**
 * Notifications grouped by what they are about, the group with the newest one first.
 * @param {NotificationFields[]} items newest first
 * @returns {{ key: string, title: string | null, items: NotificationFields[] }[]}
 */
export function groupByThread(items) {
  /** @type {Map<string, { key: string, title: string | null, items: NotificationFields[] }>} */
  const groups = new Map();
  for (const item of items) {
    const key = item.thread?.id ?? `own:${item.id}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, title: item.thread?.title ?? null, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

export default class NotificationsView extends View {
  /** @type {NotificationFields[]} newest first */
  items = [];
  unread = 0;
  list = h('div', { class: 'notification-groups' });
  markAll = h('button', { type: 'button', class: 'button button-secondary' }, 'Mark all read');
  /** @type {NotificationsData['notificationSettings'] | null} */
  settings = null;

  /** @override */
  async mount() {
    this.showLoading(h('h1', null, 'Notifications'), loading());
    const { viewer } = await this.session();
    if (!viewer) {
      this.show('Notifications', h('h1', null, 'Notifications'),
        notice('info', h('p', null, signInLink('Sign in'), ' to see your notifications.')));
      return;
    }
    const data = await gql(NOTIFICATIONS_QUERY, { first: 100 }, { signal: this.signal });
    this.items = data.notifications.nodes;
    this.unread = data.unreadNotificationCount;
    this.settings = data.notificationSettings;
    setUnread(this.unread);
    this.markAll.addEventListener('click', () => this.markAllRead());
    this.renderList();
    this.show('Notifications',
      h('div', { class: 'notifications-page' },
        h('div', { class: 'page-head' }, h('h1', null, 'Notifications'), this.markAll),
        h('p', null, h('a', { href: '/following' }, 'What you follow')),
        this.list,
        this.settingsForm()));
    this.onLeave(onNotification((n) => {
      this.items = [n, ...this.items];
      this.unread += 1;
      this.renderList();
    }));
  }

  renderList() {
    this.markAll.disabled = this.unread === 0;
    if (!this.items.length) {
      replaceChildren(this.list, notice('info', h('p', null,
        'Nothing yet. Follow threads, pillars, topics or organisations, and what happens there shows up here.')));
      return;
    }
    replaceChildren(this.list, groupByThread(this.items).map((group) =>
      h('section', { class: 'notification-group' },
        h('h2', null, group.title ?? 'The network'),
        h('ul', { class: 'notification-list' }, group.items.map((n) =>
          h('li', { class: ['notification', n.readAt ? null : 'notification-unread'], dataset: { id: n.id } },
            n.readAt ? null : h('span', { class: 'badge badge-new' }, 'New'),
            h('a', { href: new URL(n.url, location.href).pathname + new URL(n.url, location.href).hash }, n.text),
            ' ',
            h('time', { datetime: n.createdAt, class: 'time-ago' }, timeAgo(n.createdAt))))))));
  }

  async markAllRead() {
    this.markAll.disabled = true;
    const data = await gql(MARK_NOTIFICATIONS_READ_MUTATION, { input: {} }, { signal: this.signal });
    const now = new Date().toISOString();
    this.items = this.items.map((n) => (n.readAt ? n : { ...n, readAt: now }));
    this.unread = data.markNotificationsRead.unreadNotificationCount;
    setUnread(this.unread);
    this.renderList();
    announce('All notifications marked read');
  }

  settingsForm() {
    const settings = this.settings;
    if (!settings) return null;
    const status = h('p', { role: 'status', class: 'form-status' });
    const choices = Object.entries(FREQUENCIES).map(([value, text]) =>
      h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'emailFrequency', value, checked: settings.emailFrequency === value }),
        ' ', text));
    const autoFollow = h('input', { type: 'checkbox', name: 'autoFollow', checked: settings.autoFollow });
    const form = h('form', { class: 'notification-settings' },
      h('h2', null, 'E-mail and following'),
      h('fieldset', null, h('legend', null, 'E-mail me about my notifications'), choices),
      h('label', { class: 'choice' }, autoFollow, ' Follow the threads I start or reply to'),
      h('p', null, h('button', { type: 'submit', class: 'button' }, 'Save')),
      status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name=emailFrequency]:checked'));
      const data = await gql(UPDATE_NOTIFICATION_SETTINGS_MUTATION, {
        input: {
          emailFrequency: /** @type {any} */ (chosen?.value ?? settings.emailFrequency),
          autoFollow: autoFollow.checked,
        },
      }, { signal: this.signal });
      status.textContent = data.updateNotificationSettings.errors.length
        ? data.updateNotificationSettings.errors.map((e) => e.message).join(' ')
        : 'Saved.';
    });
    return form;
  }
}
