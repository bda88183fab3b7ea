// @ts-check
// The network's events: upcoming (soonest first) or past, each in the
// viewer's local time with the event's own zone named; members say they
// attend (and then see the join link); every event can go into a calendar.

import { gql } from '../lib/api.js';
import { loading, notice } from '../lib/components.js';
import { h, replaceChildren, safeUrl, setSanitisedHtml } from '../lib/dom.js';
import { label, PILLAR_SHORT, plural } from '../lib/labels.js';
import { View } from '../lib/view.js';
import { ATTEND_EVENT_MUTATION, EVENTS_QUERY } from '../graphql/events.js';

/** @import { EventFields } from '../graphql/types' */

const FORMATS = { ONLINE: 'Online', IN_PERSON: 'In person', HYBRID: 'In person and online' };
const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const localTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * "Thursday, 3 June 2027, 10:00 – 12:00 (your time; held in Europe/London, 09:00 – 11:00)".
 * @param {EventFields} e
 */
export function when(e) {
  const start = new Date(e.startsAt);
  const end = new Date(e.endsAt);
  const there = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: e.timeZone });
  return `${local.format(start)} – ${localTime.format(end)} your time (held in ${e.timeZone}: ${there.format(start)} – ${there.format(end)})`;
}

/**
 * An event as a card, with its attend button (members) and calendar link; on the event's
 * own page (views/event.js) a `div` whose title is the page's `h1`.
 * @param {EventFields} e
 * @param {{ signedIn: boolean, onChange?: (e: EventFields) => void, page?: boolean }} options
 */
export function eventCard(e, { signedIn, onChange, page = false }) {
  const item = h(page ? 'div' : 'li', { class: 'event-card', id: `event-${e.id}` });
  const render = (/** @type {EventFields} */ ev) => {
    const past = new Date(ev.endsAt).getTime() < Date.now();
    const attend = h('button', { type: 'button', class: ev.viewerAttends ? 'button button-secondary' : 'button' },
      ev.viewerAttends ? 'I no longer attend' : 'I attend');
    attend.addEventListener('click', async () => {
      attend.disabled = true;
      try {
        const result = await gql(ATTEND_EVENT_MUTATION, { input: { eventId: ev.id, attends: !ev.viewerAttends } });
        const next = result.attendEvent.event;
        if (next) {
          render(next);
          onChange?.(next);
        }
      } finally {
        attend.disabled = false;
      }
    });
    replaceChildren(item,
      page ? h('h1', { class: 'event-title' }, ev.title) : h('h2', { class: 'event-title' }, h('a', { href: ev.url }, ev.title)),
      h('p', { class: 'event-when' }, when(ev)),
      h('p', { class: 'event-meta' },
        h('span', { class: 'chip' }, label(FORMATS, ev.format)),
        ev.location ? h('span', { class: 'event-location' }, ev.location) : null,
        ev.pillars.map((p) => h('span', { class: 'chip chip-pillar' }, label(PILLAR_SHORT, p))),
        h('span', { class: 'event-attendees' }, plural(ev.attendeeCount, 'attendee'))),
      setSanitisedHtml(h('div', { class: 'post-body event-description' }), ev.descriptionHtml),
      h('p', { class: 'event-actions' },
        signedIn && !past ? attend : null,
        ev.joinUrl ? h('a', { class: 'button', href: safeUrl(ev.joinUrl), rel: 'noopener noreferrer', 'data-external': '' }, 'Join online') : null,
        h('a', { href: ev.icsUrl, download: '' }, 'Add to calendar (.ics)')));
  };
  render(e);
  return item;
}

export default class EventsView extends View {
  list = h('ul', { class: 'event-list' });

  /** @override */
  async mount() {
    const upcoming = this.ctx.query.get('past') === null;
    const title = upcoming ? 'Upcoming events' : 'Past events';
    this.showLoading(h('h1', null, title), loading());
    const [data, { viewer }] = await Promise.all([
      gql(EVENTS_QUERY, { upcoming, first: 50 }, { signal: this.signal }),
      this.session(),
    ]);
    const items = data.events.nodes;
    replaceChildren(this.list, items.map((e) => eventCard(e, { signedIn: !!viewer })));
    this.show(title,
      h('div', { class: 'events' },
        h('h1', null, title),
        h('p', { class: 'lead' }, 'Workshops, masterclasses, peer exchanges and webinars of the network. Times are shown in your time zone, with the zone each event is held in.'),
        h('p', null,
          upcoming ? h('a', { href: '/events?past' }, 'Past events') : h('a', { href: '/events' }, 'Upcoming events'),
          ' · ', h('a', { href: '/events.ics', download: '' }, 'Subscribe to the calendar of public events')),
        items.length ? this.list : notice('info', h('p', null, upcoming ? 'No events are planned yet.' : 'No past events.'))));
  }
}
