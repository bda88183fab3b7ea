// @ts-check
// One event at its own address, /events/<id> (the address calendars and link previews
// give): the events page's card, with the event's title as the page's heading.

import { gql } from '../lib/api.js';
import { loading, notFoundContent } from '../lib/components.js';
import { h } from '../lib/dom.js';
import { View } from '../lib/view.js';
import { EVENT_PAGE_QUERY } from '../graphql/events.js';
import { eventCard } from './events.js';

export default class EventView extends View {
  /** @override */
  async mount() {
    const [id] = this.ctx.params;
    this.showLoading(h('h1', null, 'Event'), loading());
    const [data, { viewer }] = await Promise.all([
      gql(EVENT_PAGE_QUERY, { id }, { signal: this.signal }),
      this.session(),
    ]);
    const event = data.node?.__typename === 'Event' ? data.node : null;
    if (!event) {
      this.show('Event not found', notFoundContent({
        title: 'Event not found',
        text: 'There is no such event, or it is for members only.',
        signIn: !viewer,
      }));
      return;
    }
    this.show(event.title,
      h('div', { class: 'events' },
        eventCard(event, { signedIn: !!viewer, page: true }),
        h('p', null, h('a', { href: '/events' }, 'All upcoming events'))));
  }
}
