// @ts-check
// The header's bell: how many of the signed-in member's notifications are
// unread, kept live by the notificationAdded subscription, and a link to the
// notifications page. Pages that mark notifications read tell it the new count
// with `setUnread()`.

import { gql } from './api.js';
import { announce, h, replaceChildren } from './dom.js';
import { subscriptions } from './ws.js';
import { NOTIFICATION_ADDED_SUBSCRIPTION, UNREAD_NOTIFICATIONS_QUERY } from '../graphql/engagement.js';

/** @import { NotificationFields } from '../graphql/types' */

/** @type {{ link: HTMLAnchorElement, badge: HTMLElement, count: number } | null} */
let bell = null;
/** @type {Set<(n: NotificationFields) => void>} */
const listeners = new Set();

/**
 * The words for a count of unread notifications (for the bell's accessible name).
 * @param {number} count
 */
export function unreadLabel(count) {
  if (count === 0) return 'Notifications, none unread';
  return `Notifications, ${count} unread`;
}

/** @param {number} count */
function render(count) {
  if (!bell) return;
  bell.count = Math.max(0, count);
  bell.badge.textContent = bell.count > 99 ? '99+' : String(bell.count);
  bell.badge.hidden = bell.count === 0;
  bell.link.setAttribute('aria-label', unreadLabel(bell.count));
  bell.link.classList.toggle('bell-unread', bell.count > 0);
}

/**
 * Set the unread count (after a page marked notifications read).
 * @param {number} count
 */
export function setUnread(count) {
  render(count);
}

/**
 * Be told of every new notification while the page is open (the notifications
 * page shows them as they come). Returns a function that stops it.
 * @param {(n: NotificationFields) => void} listener
 */
export function onNotification(listener) {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/**
 * Put the bell into the header for a signed-in member, once per page load.
 * @param {HTMLElement} slot
 */
export function mountBell(slot) {
  if (bell) return;
  const badge = h('span', { class: 'bell-count', hidden: true, 'aria-hidden': 'true' }, '0');
  const link = h('a', { class: 'bell', href: '/notifications', dataset: { nav: 'notifications' } },
    // A drawn icon (style.css), not the emoji: not every system has a font with one.
    h('span', { class: 'bell-icon', 'aria-hidden': 'true' }),
    badge);
  bell = { link, badge, count: 0 };
  render(0);
  replaceChildren(slot, link);
  gql(UNREAD_NOTIFICATIONS_QUERY, {}).then(
    (data) => render(data.unreadNotificationCount),
    () => { /* the bell stays at 0; the notifications page says what is wrong */ },
  );
  subscriptions.subscribe(NOTIFICATION_ADDED_SUBSCRIPTION, {}, {
    next: (data) => {
      const notification = data.notificationAdded;
      render((bell?.count ?? 0) + 1);
      announce(notification.text);
      for (const listener of listeners) listener(notification);
    },
  });
}
