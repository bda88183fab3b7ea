// @ts-check
// Join the network: what membership brings, who may join, the Terms of
// Reference, and the application form. Errors from the API appear next to
// their fields and nothing typed is lost; a robot that fills in the hidden
// field is answered as if accepted.

import { ApiError, gql, idempotencyKey } from '../lib/api.js';
import { clearFieldErrors, field, loading, notice, showFormErrors } from '../lib/components.js';
import { h, replaceChildren, setSanitisedHtml } from '../lib/dom.js';
import { ORGANISATION_TYPES } from '../lib/labels.js';
import { oneOf } from '../lib/text.js';
import { View } from '../lib/view.js';
import { ORGANISATION_TYPE_VALUES } from '../graphql/enums.js';
import { APPLY_FOR_MEMBERSHIP_MUTATION, JOIN_PAGE_QUERY } from '../graphql/join.js';

/** Input field name (as in the API's error paths) -> the id of its field. */
const FIELDS = {
  organisationName: 'join-name',
  organisationType: 'join-type',
  country: 'join-country',
  website: 'join-website',
  contactName: 'join-contact',
  contactEmail: 'join-email',
  motivation: 'join-motivation',
  acceptsTermsOfReference: 'join-terms',
};

export default class JoinView extends View {
  /** @type {string | null} kept after a network failure, so that trying again sends one application */
  pendingKey = null;
  name = h('input', { type: 'text', name: 'organisationName', autocomplete: 'organization', maxlength: '200' });
  type = h('select', { name: 'organisationType' },
    h('option', { value: '' }, 'Choose…'),
    Object.entries(ORGANISATION_TYPES).map(([value, text]) => h('option', { value }, text)));
  country = h('input', { type: 'text', name: 'country', autocomplete: 'country', maxlength: '2', size: '3' });
  website = h('input', { type: 'url', name: 'website', autocomplete: 'url', placeholder: 'https://' });
  contact = h('input', { type: 'text', name: 'contactName', autocomplete: 'name', maxlength: '120' });
  email = h('input', { type: 'email', name: 'contactEmail', autocomplete: 'email' });
  motivation = h('textarea', { name: 'motivation', rows: '8', maxlength: '5000' });
  terms = h('input', { type: 'checkbox', name: 'acceptsTermsOfReference', value: 'yes' });
  // Hidden from people (and from assistive technology); robots fill it in.
  trap = h('input', { type: 'text', name: 'fax', tabindex: '-1', autocomplete: 'off' });
  summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true });
  submit = h('button', { type: 'submit', class: 'button button-large' }, 'Send the application');
  form = h('form', { class: 'join-form', novalidate: true, 'aria-labelledby': 'join-form-heading' },
    h('h2', { id: 'join-form-heading' }, 'Apply to join'),
    this.summary,
    field({ id: FIELDS.organisationName, label: 'Organisation', control: this.name, required: true }),
    field({ id: FIELDS.organisationType, label: 'Type of organisation', control: this.type, required: true }),
    field({ id: FIELDS.country, label: 'Country', hint: 'Its two-letter ISO code, e.g. DE, KE or BR.', control: this.country, required: true }),
    field({ id: FIELDS.website, label: 'Website', control: this.website }),
    field({ id: FIELDS.contactName, label: 'Your name', hint: 'You become the organisation’s lead contact in the network.', control: this.contact, required: true }),
    field({ id: FIELDS.contactEmail, label: 'Your e-mail address', hint: 'We send the confirmation, the decision and your invitation here; it is never shown to others.', control: this.email, required: true }),
    field({ id: FIELDS.motivation, label: 'Why join?', hint: 'What your organisation wants to learn, and what it would bring to peers (Markdown).', control: this.motivation, required: true }),
    h('div', { class: 'field', dataset: { field: FIELDS.acceptsTermsOfReference } },
      h('p', { class: 'field-error', id: `${FIELDS.acceptsTermsOfReference}-error`, hidden: true }),
      h('label', { class: 'checkbox' }, this.terms, ' I have read the Terms of Reference above and accept them on behalf of my organisation.')),
    h('div', { class: 'honeypot', 'aria-hidden': 'true' },
      h('label', null, 'Fax (leave empty) ', this.trap)),
    h('div', { class: 'form-actions' }, this.submit));
  result = h('div', { role: 'status' });

  /** @override */
  async mount() {
    this.showLoading(h('h1', null, 'Join the network'), loading());
    this.terms.id = FIELDS.acceptsTermsOfReference;
    const data = await gql(JOIN_PAGE_QUERY, {}, { signal: this.signal });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
    this.show('Join the network',
      h('div', { class: 'narrow join' },
        h('h1', null, 'Join the network'),
        h('p', { class: 'lead' },
          'The Mission-Oriented Innovation Network brings together public organisations that run mission-oriented innovation policy, so that they can learn from each other.'),
        h('h2', null, 'What membership brings'),
        h('ul', null,
          h('li', null, 'The forum: ask peers about the challenges you face, and learn from their case examples.'),
          h('li', null, 'A place in the directory of member organisations.'),
          h('li', null, 'Peer exchanges, workshops, masterclasses and webinars.'),
          h('li', null, 'The research of the network’s researchers, shared as expert replies.')),
        h('h2', null, 'Who may join'),
        h('p', null, 'Public-sector organisations and organisations with a public mandate: ',
          Object.values(ORGANISATION_TYPES).filter((t) => !/institute/i.test(t)).join(', ').toLowerCase(), '.'),
        h('details', { class: 'terms' },
          h('summary', null, 'Read the Terms of Reference'),
          setSanitisedHtml(h('div', { class: 'post-body' }), data.termsOfReferenceHtml)),
        this.result,
        this.form));
  }

  values() {
    return {
      organisationName: this.name.value,
      organisationType: oneOf(this.type.value, ORGANISATION_TYPE_VALUES),
      country: this.country.value,
      website: this.website.value.trim() || null,
      contactName: this.contact.value,
      contactEmail: this.email.value,
      motivation: this.motivation.value,
      acceptsTermsOfReference: this.terms.checked,
      honeypot: this.trap.value || null,
    };
  }

  async send() {
    clearFieldErrors(this.form);
    this.summary.hidden = true;
    const v = this.values();
    if (!v.organisationType) {
      showFormErrors(this.form, this.summary,
        [{ field: ['input', 'organisationType'], message: 'Choose the type of organisation.', code: 'REQUIRED' }], FIELDS);
      return;
    }
    this.pendingKey ??= idempotencyKey();
    this.submit.disabled = true;
    try {
      // No signal: an application sent stays sent when the page is left.
      const result = await gql(APPLY_FOR_MEMBERSHIP_MUTATION, {
        input: { ...v, organisationType: v.organisationType, idempotencyKey: this.pendingKey },
      });
      this.pendingKey = null;
      const payload = result.applyForMembership;
      if (payload.errors.length) {
        showFormErrors(this.form, this.summary, payload.errors, FIELDS, this.summary);
        return;
      }
      this.form.hidden = true;
      replaceChildren(this.result, notice('info',
        h('h2', null, 'Thank you: your application has arrived'),
        h('p', null, `We have sent a confirmation to ${v.contactEmail}. The network’s secretariat reviews every application and will write to you with its decision.`)));
      this.result.focus?.();
    } catch (err) {
      if (this.left) return;
      if (!(err instanceof ApiError && err.code === 'NETWORK')) this.pendingKey = null;
      replaceChildren(this.summary, h('p', null, err instanceof Error ? err.message : String(err)));
      this.summary.hidden = false;
      this.summary.focus();
    } finally {
      this.submit.disabled = false;
    }
  }
}
