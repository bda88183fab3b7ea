// @ts-check
// The admins' queue of applications to join: pending first (with the contact
// and the motivation), then those decided. Approve, or reject with a reason.

import { gql } from '../lib/api.js';
import { clearFieldErrors, field, loading, notice, showFormErrors } from '../lib/components.js';
import { h, replaceChildren } from '../lib/dom.js';
import { absoluteTime, countryName, label, ORGANISATION_TYPES } from '../lib/labels.js';
import { View } from '../lib/view.js';
import {
  DECIDE_MEMBERSHIP_APPLICATION_MUTATION, MEMBERSHIP_APPLICATIONS_QUERY,
} from '../graphql/applications.js';

/** @import { ApplicationFields } from '../graphql/types' */

const STATUS_TEXT = { PENDING: 'Waiting for a decision', APPROVED: 'Approved', REJECTED: 'Rejected' };

export default class ApplicationsView extends View {
  pending = h('ol', { class: 'application-list', 'aria-label': 'Waiting for a decision' });
  decided = h('ol', { class: 'application-list', 'aria-label': 'Decided' });

  /** @override */
  async mount() {
    this.showLoading(h('h1', null, 'Applications to join'), loading());
    const { viewer } = await this.session();
    if (!viewer || viewer.role !== 'ADMIN') {
      this.show('Applications to join',
        h('div', { class: 'narrow' }, h('h1', null, 'Applications to join'),
          notice('info', h('p', null, 'Only the network’s admins see the applications to join.'))));
      return;
    }
    const [waiting, all] = await Promise.all([
      gql(MEMBERSHIP_APPLICATIONS_QUERY, { status: 'PENDING', first: 100 }, { signal: this.signal }),
      gql(MEMBERSHIP_APPLICATIONS_QUERY, { first: 50 }, { signal: this.signal }),
    ]);
    const pending = waiting.membershipApplications.nodes;
    const decided = all.membershipApplications.nodes.filter((a) => a.status !== 'PENDING');
    replaceChildren(this.pending, pending.map((a) => this.card(a)));
    replaceChildren(this.decided, decided.map((a) => this.card(a)));
    this.show('Applications to join',
      h('div', { class: 'applications' },
        h('h1', null, 'Applications to join'),
        h('h2', null, `Waiting for a decision (${waiting.membershipApplications.totalCount})`),
        pending.length ? this.pending : h('p', null, 'No application is waiting.'),
        h('h2', null, 'Decided'),
        decided.length ? this.decided : h('p', null, 'None yet.')));
  }

  /** @param {ApplicationFields} a */
  card(a) {
    const item = h('li', { class: 'application-card', dataset: { status: a.status } });
    this.renderCard(item, a);
    return item;
  }

  /**
   * @param {HTMLElement} item
   * @param {ApplicationFields} a
   */
  renderCard(item, a) {
    replaceChildren(item,
      h('h3', null, a.organisationName),
      h('p', { class: 'org-meta' },
        h('span', { class: 'chip chip-orgtype' }, label(ORGANISATION_TYPES, a.organisationType)),
        h('span', null, countryName(a.country)),
        a.website ? h('a', { href: a.website, rel: 'nofollow noopener noreferrer', 'data-external': '' }, a.website) : null),
      h('p', null, 'Contact: ', a.contactName, a.contactEmail ? ` <${a.contactEmail}>` : '',
        ` · sent ${absoluteTime(a.submittedAt)}`),
      h('blockquote', { class: 'motivation' }, a.motivation),
      h('p', { class: 'application-status' }, STATUS_TEXT[a.status],
        a.decidedAt ? ` on ${absoluteTime(a.decidedAt)}` : '',
        a.organisation ? [' · ', h('a', { href: `/o/${encodeURIComponent(a.organisation.slug)}` }, a.organisation.name)] : null,
        a.decisionReason ? ` · reason: ${a.decisionReason}` : ''),
      a.status === 'PENDING' ? this.decisionForm(item, a) : null);
  }

  /**
   * @param {HTMLElement} item
   * @param {ApplicationFields} a
   */
  decisionForm(item, a) {
    const reasonId = `reason-${a.id}`;
    const reason = h('textarea', { name: 'reason', rows: '2', maxlength: '500' });
    const summary = h('div', { class: 'error-summary', tabindex: '-1' });
    const approve = h('button', { type: 'button', class: 'button' }, 'Approve');
    const reject = h('button', { type: 'button', class: 'button button-secondary' }, 'Reject');
    const form = h('form', { class: 'decision-form', 'aria-label': `Decide on ${a.organisationName}` },
      summary,
      field({ id: reasonId, label: 'Reason (needed to reject; sent to the contact)', control: reason }),
      h('div', { class: 'form-actions' }, approve, reject));
    const decide = async (/** @type {boolean} */ yes) => {
      clearFieldErrors(form);
      replaceChildren(summary);
      approve.disabled = reject.disabled = true;
      try {
        const result = await gql(DECIDE_MEMBERSHIP_APPLICATION_MUTATION, {
          input: { applicationId: a.id, approve: yes, reason: yes ? null : reason.value },
        });
        const payload = result.decideMembershipApplication;
        if (payload.errors.length || !payload.application) {
          showFormErrors(form, summary, payload.errors, { reason: reasonId }, summary);
          return;
        }
        this.renderCard(item, payload.application);
        item.dataset.status = payload.application.status;
      } catch (err) {
        replaceChildren(summary, h('p', null, err instanceof Error ? err.message : String(err)));
      } finally {
        approve.disabled = reject.disabled = false;
      }
    };
    approve.addEventListener('click', () => decide(true));
    reject.addEventListener('click', () => decide(false));
    return form;
  }
}
