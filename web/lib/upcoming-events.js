// @ts-check
// The home page's "Upcoming events": the few soonest events in the reader's
// local time, each with its own zone named, and a link to all of them.

import { gql, isAbort } from './api.js';
import { errorBox, loading } from './components.js';
import { h, replaceChildren } from './dom.js';
import { UPCOMING_EVENTS_QUERY } from '../graphql/home.js';

/** @import { UpcomingEventsData } from '../graphql/types' */

/** How many events the block shows. */
const SHOWN = 3;
const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "3 Jun 2027, 10:00 your time (09:00 in Europe/London)".
 * @param {UpcomingEventsData['events']['nodes'][number]} e
 */
export function shortWhen(e) {
  const start = new Date(e.startsAt);
  const there = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: e.timeZone });
  return `${local.format(start)} your time (${there.format(start)} in ${e.timeZone})`;
}

/**
 * The block, filled in once the events arrive (its height is kept while it
 * loads so the page does not shift).
 * @param {AbortSignal} signal
 * @returns {HTMLElement}
 */
export function upcomingEvents(signal) {
  const body = h('div', { class: 'upcoming-body' }, loading('Loading events…'));
  const load = async () => {
    try {
      const data = await gql(UPCOMING_EVENTS_QUERY, { first: SHOWN }, { signal });
      const events = data.events.nodes;
      replaceChildren(body,
        events.length
          ? h('ul', { class: 'upcoming-list' }, events.map((e) => h('li', { class: 'upcoming-event' },
            h('a', { href: `/events#event-${encodeURIComponent(e.id)}` }, e.title),
            h('span', { class: 'upcoming-when' }, shortWhen(e)))))
          : h('p', { class: 'hint' }, 'No events are planned yet.'));
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(body, errorBox(err, load));
    }
  };
  load();
  return h('section', { class: 'upcoming-events', 'aria-labelledby': 'upcoming-heading' },
    h('h2', { id: 'upcoming-heading' }, 'Upcoming events'),
    body,
    h('p', null, h('a', { href: '/events' }, 'All events')));
}
