// @ts-check
// An organisation's profile beyond its name: threads per ROAR pillar, and the
// form in which its lead contact or an admin edits description and website.

import { gql } from './api.js';
import { clearFieldErrors, field, showFormErrors } from './components.js';
import { h, replaceChildren } from './dom.js';
import { label, plural } from './labels.js';
import { UPDATE_ORGANISATION_PROFILE_MUTATION } from '../graphql/organisation.js';

/** @import { OrganisationData } from '../graphql/types' */
/** @import { Vocabulary } from './session.js' */

/** Input field name (as in the API's error paths) -> the id of its field. */
const FIELDS = { description: 'org-description', website: 'org-website' };

/**
 * Threads per pillar, as a short list (pillars without threads left out).
 * @param {NonNullable<OrganisationData['organisation']>['pillarCounts']} counts
 * @param {Vocabulary} vocabulary
 */
export function pillarCountList(counts, vocabulary) {
  const shown = counts.filter((c) => c.count > 0);
  if (!shown.length) return null;
  return h('ul', { class: 'org-pillars', 'aria-label': 'Threads by ROAR pillar' },
    shown.map((c) => h('li', { class: 'chip chip-pillar' },
      `${label(vocabulary.pillarTitles, c.pillar)}: ${plural(c.count, 'thread')}`)));
}

/**
 * "Edit profile": a button that opens the form; on save `onSaved` gets the new values.
 * @param {{ id: string, description: string | null, website: string | null }} org
 * @param {(saved: { description: string | null, descriptionHtml: string | null, website: string | null }) => void} onSaved
 */
export function profileEditor(org, onSaved) {
  const description = h('textarea', { name: 'description', rows: 5, maxlength: 2000 });
  description.value = org.description ?? '';
  const website = h('input', { name: 'website', type: 'url', inputmode: 'url' });
  website.value = org.website ?? '';
  const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true });
  const status = h('p', { role: 'status', class: 'hint' });
  const save = h('button', { type: 'submit', class: 'button' }, 'Save profile');
  const form = h('form', { class: 'org-profile-form', novalidate: '' },
    summary,
    field({ id: FIELDS.description, label: 'Description', hint: 'What the organisation does (Markdown, up to 2,000 characters).', control: description }),
    field({ id: FIELDS.website, label: 'Website', hint: 'Its address, starting with https://', control: website }),
    h('p', null, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    summary.hidden = true;
    replaceChildren(summary);
    status.textContent = '';
    save.disabled = true;
    try {
      const result = await gql(UPDATE_ORGANISATION_PROFILE_MUTATION,
        { input: { organisation: org.id, description: description.value, website: website.value } });
      const payload = result.updateOrganisationProfile;
      if (payload.errors.length) {
        summary.hidden = false;
        showFormErrors(form, summary, payload.errors, FIELDS, summary);
        if (!summary.childNodes.length) summary.hidden = true;
        return;
      }
      if (payload.organisation) onSaved(payload.organisation);
      status.textContent = 'Profile saved.';
    } catch (err) {
      replaceChildren(summary, h('p', null, err instanceof Error ? err.message : String(err)));
      summary.hidden = false;
      summary.focus();
    } finally {
      save.disabled = false;
    }
  });
  return h('details', { class: 'org-edit' },
    h('summary', null, 'Edit profile'),
    form,
    status);
}
