// @ts-check
// The home page's "Upcoming events": the few soonest events in the reader's
// local time, each with its own zone named, and a link to all of them. The
// events come with the grid's counts (HomeGlance), so the block asks nothing
// of the server itself.

import { errorBox, loading } from './components.js';
import { h, replaceChildren } from './dom.js';

/** @import { HomeGlanceData } from '../graphql/types' */
/** @typedef {HomeGlanceData['events']['nodes'][number]} UpcomingEvent */

/** How many events the block shows. */
export const SHOWN = 3;
const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "3 Jun 2027, 10:00 your time (09:00 in Europe/London)".
 * @param {UpcomingEvent} e
 */
export function shortWhen(e) {
  const start = new Date(e.startsAt);
  const there = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: e.timeZone });
  return `${local.format(start)} your time (${there.format(start)} in ${e.timeZone})`;
}

/**
 * The block, loading until `show` or `fail` is called (its height is kept
 * while it loads so the page does not shift).
 * @returns {{ element: HTMLElement, show: (events: UpcomingEvent[]) => void,
 *   fail: (err: unknown, retry: () => void) => void }}
 */
export function upcomingEvents() {
  const body = h('div', { class: 'upcoming-body' }, loading('Loading events…'));
  const element = h('section', { class: 'upcoming-events', 'aria-labelledby': 'upcoming-heading' },
    h('h2', { id: 'upcoming-heading' }, 'Upcoming events'),
    body,
    h('p', null, h('a', { href: '/events' }, 'All events')));
  return {
    element,
    show(events) {
      replaceChildren(body,
        events.length
          ? h('ul', { class: 'upcoming-list' }, events.map((e) => h('li', { class: 'upcoming-event' },
            h('a', { href: `/events#event-${encodeURIComponent(e.id)}` }, e.title),
            h('span', { class: 'upcoming-when' }, shortWhen(e)))))
          : h('p', { class: 'hint' }, 'No events are planned yet.'));
    },
    fail(err, retry) {
      replaceChildren(body, errorBox(err, retry));
    },
  };
}
