// @ts-check
// Follow buttons: one toggle per thing that can be followed (a thread, a pillar,
// an organisation type, a topic, an organisation), pressed while followed.

import { gql } from './api.js';
import { h, replaceChildren } from './dom.js';
import { FOLLOW_MUTATION, UNFOLLOW_MUTATION, VIEWER_FOLLOW_QUERY } from '../graphql/engagement.js';

/** @import { FollowTarget } from '../graphql/types' */

/**
 * A button that follows `target`, or stops following it.
 * @param {FollowTarget} target
 * @param {boolean} followed whether the member follows it now
 * @param {{ what?: string }} [options] what the button's name says is followed, e.g. "this thread"
 */
export function followButton(target, followed, { what = '' } = {}) {
  const button = h('button', { type: 'button', class: 'button button-small follow-button' });
  const render = () => {
    button.setAttribute('aria-pressed', String(followed));
    button.classList.toggle('button-secondary', followed);
    button.textContent = followed ? 'Following' : 'Follow';
    button.title = followed ? `Stop following ${what}`.trim() : `Follow ${what}`.trim();
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (followed) {
        const data = await gql(UNFOLLOW_MUTATION, { input: target });
        if (!data.unfollow.errors.length) followed = false;
      } else {
        const data = await gql(FOLLOW_MUTATION, { input: target });
        if (data.follow.follow) followed = true;
      }
    } finally {
      button.disabled = false;
      render();
    }
  });
  render();
  return button;
}

/**
 * A follow button for `target` that first asks whether the member follows it: an empty
 * element until the answer comes (make it for signed-in members only).
 * @param {FollowTarget} target
 * @param {{ what?: string, signal?: AbortSignal }} [options] `what` as for followButton
 */
export function followControl(target, { what = '', signal } = {}) {
  const slot = h('span', { class: 'follow-control' });
  gql(VIEWER_FOLLOW_QUERY, { target }, { signal }).then(
    (data) => replaceChildren(slot, followButton(target, data.viewerFollow !== null, { what })),
    () => { /* no button; the Following page still lists and changes what one follows */ },
  );
  return slot;
}
