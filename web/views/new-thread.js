// @ts-check
// Start a thread: kind, title, body with preview, pillars, organisation
// types, topics, visibility. API field errors appear next to their fields and
// nothing typed is lost (a draft is also kept for the browser tab).

import { ApiError, gql, idempotencyKey } from '../lib/api.js';
import {
  choiceGroup, clearFieldErrors, field, fieldIdOf, loading, markdownEditor, notice, showFieldErrors, signInLink,
} from '../lib/components.js';
import { h, replaceChildren } from '../lib/dom.js';
import { KINDS, label, ORGANISATION_TYPES, VISIBILITIES } from '../lib/labels.js';
import { oneOf, parseTopics, postText, withoutTitle } from '../lib/text.js';
import { attachMentions } from '../lib/mentions.js';
import { View } from '../lib/view.js';
import {
  ORGANISATION_TYPE_VALUES, ROAR_PILLAR_VALUES, THREAD_KIND_VALUES, VISIBILITY_VALUES,
} from '../graphql/enums.js';
import { START_THREAD_MUTATION } from '../graphql/new-thread.js';

/** @import { ThreadKind, UserErrorFields, Visibility } from '../graphql/types' */
/** @import { Viewer, Vocabulary } from '../lib/session.js' */

const DRAFT_KEY = 'moin:draft:new-thread';

/** Input field name (as in the API's error paths) -> the id of its field. */
const FIELDS = {
  kind: 'nt-kind',
  title: 'nt-title',
  body: 'nt-body',
  pillars: 'nt-pillars',
  organisationTypes: 'nt-orgtypes',
  topics: 'nt-topics',
  visibility: 'nt-visibility',
};

/**
 * What the form holds (and the draft keeps).
 * @typedef {object} Draft
 * @property {string} kind
 * @property {string} title
 * @property {string} body
 * @property {string[]} pillars
 * @property {string[]} organisationTypes
 * @property {string} topics as typed
 * @property {string} visibility
 */

/** @returns {Partial<Draft> | null} */
function readDraft() {
  try {
    return JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null');
  } catch {
    return null;
  }
}

export default class NewThreadView extends View {
  /** @type {string | null} kept after a network failure, so that trying again cannot start two threads */
  pendingKey = null;

  // Filled by mount():
  /** @type {HTMLFormElement} */ form;
  /** @type {HTMLElement} */ summary;
  /** @type {HTMLButtonElement} */ submit;
  /** @type {HTMLInputElement} */ title;
  /** @type {HTMLTextAreaElement} */ body;
  /** @type {HTMLInputElement} */ topics;

  /** @override */
  async mount() {
    this.showLoading(h('h1', null, 'Start a thread'), loading());
    const { viewer, vocabulary } = await this.session();
    if (!viewer) {
      this.show('Start a thread',
        h('div', { class: 'narrow' },
          h('h1', null, 'Start a thread'),
          notice('info',
            h('p', null, 'Members of the network start challenges, discussions and case examples here.'),
            h('p', null, signInLink('Sign in to start a thread', '/new'), '.'))));
      return;
    }
    this.build(viewer, vocabulary);
    this.show('Start a thread',
      h('div', { class: 'narrow' },
        h('h1', { id: 'new-thread-heading' }, 'Start a thread'),
        h('p', { class: 'lead' }, `Posting as ${viewer.displayName}${viewer.organisation ? ` of ${viewer.organisation.name}` : ''}.`),
        this.form));
  }

  /**
   * @param {Viewer} viewer
   * @param {Vocabulary} vocabulary
   */
  build(viewer, vocabulary) {
    const draft = readDraft();
    const defaultType = viewer.organisation?.type;
    /** @type {Draft} */
    const initial = {
      kind: draft?.kind || 'CHALLENGE',
      title: draft?.title || '',
      body: draft?.body || '',
      pillars: draft?.pillars || [],
      organisationTypes: draft?.organisationTypes || (defaultType ? [defaultType] : []),
      topics: draft?.topics || '',
      visibility: draft?.visibility || 'PUBLIC',
    };

    const kind = choiceGroup({
      id: FIELDS.kind,
      legend: 'Kind of thread',
      type: 'radio',
      name: 'kind',
      required: true,
      options: Object.entries(KINDS).map(([value, text]) => ({
        value,
        label: text,
        description: vocabulary.kindDescriptions[/** @type {ThreadKind} */ (value)],
        checked: value === initial.kind,
      })),
    });
    this.title = h('input', { type: 'text', name: 'title', value: initial.title, autocomplete: 'off' });
    const body = markdownEditor({
      id: FIELDS.body,
      label: 'What is it about?',
      value: initial.body,
      rows: 10,
      onInput: () => this.saveDraft(),
      signal: this.signal,
    });
    this.body = body.textarea;
    attachMentions(body.textarea, { signal: this.signal });
    const pillars = choiceGroup({
      id: FIELDS.pillars,
      legend: 'ROAR pillars',
      hint: 'Choose at least one.',
      type: 'checkbox',
      name: 'pillars',
      required: true,
      options: vocabulary.pillars.map((p) => {
        const title = label(vocabulary.pillarTitles, p);
        const description = vocabulary.pillarDescriptions[p];
        return {
          value: p,
          label: title,
          description: description ? withoutTitle(title, description) : undefined,
          checked: initial.pillars.includes(p),
        };
      }),
    });
    const orgTypes = choiceGroup({
      id: FIELDS.organisationTypes,
      legend: 'Organisation types it concerns',
      hint: defaultType ? 'Your organisation’s type is chosen for you; add others it concerns.' : 'The kinds of organisation this concerns.',
      type: 'checkbox',
      name: 'organisationTypes',
      options: Object.entries(ORGANISATION_TYPES).map(([value, text]) => ({
        value, label: text, checked: initial.organisationTypes.includes(value),
      })),
    });
    orgTypes.classList.add('choices-compact');
    this.topics = h('input', { type: 'text', name: 'topics', value: initial.topics, autocomplete: 'off' });
    const visibility = choiceGroup({
      id: FIELDS.visibility,
      legend: 'Who can read it',
      type: 'radio',
      name: 'visibility',
      options: Object.entries(VISIBILITIES).map(([value, text]) => ({
        value,
        label: text,
        description: vocabulary.visibilityDescriptions[/** @type {Visibility} */ (value)],
        checked: value === initial.visibility,
      })),
    });

    this.summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true });
    this.submit = h('button', { type: 'submit', class: 'button button-large' }, 'Start thread');
    this.form = h('form', { class: 'new-thread-form', novalidate: true, 'aria-labelledby': 'new-thread-heading' },
      this.summary,
      kind,
      field({ id: FIELDS.title, label: 'Title', hint: 'A question or a short statement others will recognise.', control: this.title, required: true }),
      body.element,
      pillars,
      orgTypes,
      field({ id: FIELDS.topics, label: 'Topics', hint: 'Separated by commas, e.g. procurement, public-finance, capabilities.', control: this.topics }),
      visibility,
      h('div', { class: 'form-actions' }, this.submit));
    this.form.addEventListener('input', () => this.saveDraft());
    this.form.addEventListener('change', () => this.saveDraft());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
  }

  /** @returns {Draft} */
  values() {
    const checked = (/** @type {string} */ name) => [...this.form.querySelectorAll(`input[name="${name}"]:checked`)]
      .map((i) => /** @type {HTMLInputElement} */ (i).value);
    return {
      kind: checked('kind')[0] || '',
      title: this.title.value,
      body: this.body.value,
      pillars: checked('pillars'),
      organisationTypes: checked('organisationTypes'),
      topics: this.topics.value,
      visibility: checked('visibility')[0] || 'PUBLIC',
    };
  }

  saveDraft() {
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(this.values()));
    } catch { /* storage may be off */ }
  }

  async send() {
    clearFieldErrors(this.form);
    this.summary.hidden = true;
    const v = this.values();
    this.pendingKey ??= idempotencyKey();
    this.submit.disabled = true;
    this.submit.textContent = 'Starting…';
    try {
      // No signal: a thread sent stays sent when the page is left.
      const result = await gql(START_THREAD_MUTATION, {
        input: {
          // The form's radio buttons always have one checked.
          kind: oneOf(v.kind, THREAD_KIND_VALUES) || 'CHALLENGE',
          title: v.title,
          body: postText(v.body),
          pillars: v.pillars.flatMap((p) => oneOf(p, ROAR_PILLAR_VALUES) || []),
          organisationTypes: v.organisationTypes.flatMap((t) => oneOf(t, ORGANISATION_TYPE_VALUES) || []),
          topics: parseTopics(v.topics),
          visibility: oneOf(v.visibility, VISIBILITY_VALUES) || 'PUBLIC',
          idempotencyKey: this.pendingKey,
        },
      });
      this.pendingKey = null;
      const payload = result.startThread;
      if (payload.errors.length || !payload.thread) {
        showFieldErrors(this.form, payload.errors, FIELDS);
        this.showSummary(payload.errors.length ? payload.errors : [{ field: [], message: 'The thread could not be started.', code: 'INVALID' }]);
        return;
      }
      try {
        sessionStorage.removeItem(DRAFT_KEY);
      } catch { /* storage may be off */ }
      this.ctx.navigate(`/t/${encodeURIComponent(payload.thread.id)}`);
    } catch (err) {
      if (this.left) return;
      if (!(err instanceof ApiError && err.code === 'NETWORK')) this.pendingKey = null;
      this.showSummary([{ field: [], message: err instanceof Error ? err.message : String(err), code: 'INVALID' }]);
    } finally {
      this.submit.disabled = false;
      this.submit.textContent = 'Start thread';
    }
  }

  /**
   * The list of problems at the top of the form, each linking to its field.
   * @param {UserErrorFields[]} errors
   */
  showSummary(errors) {
    const form = this.form;
    replaceChildren(this.summary,
      h('h2', null, 'Please check the form'),
      h('ul', null, errors.map((e) => {
        const id = fieldIdOf(e, FIELDS);
        if (!id) return h('li', null, e.message);
        const target = form.querySelector(`#${id}`)?.matches('fieldset')
          ? form.querySelector(`#${id} input`)?.id ?? id
          : id;
        const link = h('a', { href: `#${target}` }, e.message);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          document.getElementById(target)?.focus();
        });
        return h('li', null, link);
      })));
    this.summary.hidden = false;
    this.summary.focus();
  }
}
