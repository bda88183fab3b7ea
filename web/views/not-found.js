// @ts-check
// The friendly page for addresses that are no page of the client.

import { notFoundContent } from '../lib/components.js';
import { View } from '../lib/view.js';

export default class NotFoundView extends View {
  /** @override */
  async mount() {
    this.show('Page not found', notFoundContent());
  }
}
