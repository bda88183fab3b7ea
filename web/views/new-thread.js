// Start a thread: kind, title, body with preview, pillars, organisation
// types, topics, visibility. API field errors appear next to their fields and
// nothing typed is lost (a draft is also kept for the browser tab).

import { ApiError, gql, idempotencyKey } from '../lib/api.js';
import {
  choiceGroup, clearFieldErrors, field, loading, markdownEditor, notice, showFieldErrors, signInLink,
} from '../lib/components.js';
import { h, replaceChildren } from '../lib/dom.js';
import {
  KIND_HINTS, KINDS, ORGANISATION_TYPES, VISIBILITIES, VISIBILITY_HINTS,
} from '../lib/labels.js';

const FORM_QUERY = /* GraphQL */ `
  query NewThreadForm { pillars { pillar title description } }
`;

const START_THREAD = /* GraphQL */ `
  mutation StartThread($input: StartThreadInput!) {
    startThread(input: $input) {
      thread { id url }
      errors { field message code }
    }
  }
`;

const DRAFT_KEY = 'moin:draft:new-thread';

const FIELDS = {
  kind: 'nt-kind',
  title: 'nt-title',
  body: 'nt-body',
  pillars: 'nt-pillars',
  organisationTypes: 'nt-orgtypes',
  topics: 'nt-topics',
  visibility: 'nt-visibility',
};

/** "Procurement, public-finance  ,#capabilities" -> ["procurement", "public-finance", "capabilities"] */
export function parseTopics(text) {
  const seen = new Set();
  for (const raw of text.split(/[,\n]/)) {
    const topic = raw.trim().replace(/^#/, '').toLowerCase();
    if (topic) seen.add(topic);
  }
  return [...seen];
}

/** "Assessment: evaluating …" under the title "Assessment" reads better as "Evaluating …". */
function withoutTitle(title, description) {
  const prefix = `${title}:`;
  if (!description.toLowerCase().startsWith(prefix.toLowerCase())) return description;
  const rest = description.slice(prefix.length).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function readDraft() {
  try {
    return JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null');
  } catch {
    return null;
  }
}

export async function render(ctx) {
  const { main, setTitle, signal, navigate } = ctx;
  setTitle('Start a thread');
  replaceChildren(main, h('h1', null, 'Start a thread'), loading());
  const [viewer, data] = await Promise.all([ctx.viewer(), gql(FORM_QUERY, {}, { signal })]);

  if (!viewer) {
    replaceChildren(main,
      h('div', { class: 'narrow' },
        h('h1', null, 'Start a thread'),
        notice('info',
          h('p', null, 'Members of the network start challenges, discussions and case examples here.'),
          h('p', null, signInLink('Sign in to start a thread', '/new'), '.'))));
    return null;
  }

  const draft = readDraft();
  const defaultType = viewer.organisation?.type;
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
      value, label: text, description: KIND_HINTS[value], checked: value === initial.kind,
    })),
  });
  const title = h('input', { type: 'text', name: 'title', value: initial.title, autocomplete: 'off' });
  const body = markdownEditor({
    id: FIELDS.body,
    label: 'What is it about?',
    value: initial.body,
    rows: 10,
    onInput: () => saveDraft(),
  });
  const pillars = choiceGroup({
    id: FIELDS.pillars,
    legend: 'ROAR pillars',
    hint: 'Choose at least one.',
    type: 'checkbox',
    name: 'pillars',
    required: true,
    options: data.pillars.map((p) => ({
      value: p.pillar, label: p.title, description: withoutTitle(p.title, p.description), checked: initial.pillars.includes(p.pillar),
    })),
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
  const topics = h('input', { type: 'text', name: 'topics', value: initial.topics, autocomplete: 'off' });
  const visibility = choiceGroup({
    id: FIELDS.visibility,
    legend: 'Who can read it',
    type: 'radio',
    name: 'visibility',
    options: Object.entries(VISIBILITIES).map(([value, text]) => ({
      value, label: text, description: VISIBILITY_HINTS[value], checked: value === initial.visibility,
    })),
  });

  const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button button-large' }, 'Start thread');
  const form = h('form', { class: 'new-thread-form', novalidate: true, 'aria-labelledby': 'new-thread-heading' },
    summary,
    kind,
    field({ id: FIELDS.title, label: 'Title', hint: 'A question or a short statement others will recognise.', control: title, required: true }),
    body.element,
    pillars,
    orgTypes,
    field({ id: FIELDS.topics, label: 'Topics', hint: 'Separated by commas, e.g. procurement, public-finance, capabilities.', control: topics }),
    visibility,
    h('div', { class: 'form-actions' }, submit));

  function values() {
    const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    return {
      kind: checked('kind')[0] || '',
      title: title.value,
      body: body.textarea.value,
      pillars: checked('pillars'),
      organisationTypes: checked('organisationTypes'),
      topics: topics.value,
      visibility: checked('visibility')[0] || 'PUBLIC',
    };
  }

  function saveDraft() {
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(values()));
    } catch { /* storage may be off */ }
  }
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);

  function showSummary(errors) {
    replaceChildren(summary,
      h('h2', null, 'Please check the form'),
      h('ul', null, errors.map((e) => {
        const path = (e.field || []).filter((p) => p !== 'input');
        const id = FIELDS[path[0]];
        if (!id) return h('li', null, e.message);
        const target = form.querySelector(`#${id}`)?.matches('fieldset')
          ? form.querySelector(`#${id} input`)?.id
          : id;
        const link = h('a', { href: `#${target}` }, e.message);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          document.getElementById(target)?.focus();
        });
        return h('li', null, link);
      })));
    summary.hidden = false;
    summary.focus();
  }

  let pendingKey = null;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    summary.hidden = true;
    const v = values();
    pendingKey ??= idempotencyKey();
    submit.disabled = true;
    submit.textContent = 'Starting…';
    try {
      const result = await gql(START_THREAD, {
        input: {
          kind: v.kind,
          title: v.title,
          body: v.body,
          pillars: v.pillars,
          organisationTypes: v.organisationTypes,
          topics: parseTopics(v.topics),
          visibility: v.visibility,
          idempotencyKey: pendingKey,
        },
      });
      pendingKey = null;
      const payload = result.startThread;
      if (payload.errors.length || !payload.thread) {
        showFieldErrors(form, payload.errors, FIELDS);
        showSummary(payload.errors.length ? payload.errors : [{ field: [], message: 'The thread could not be started.' }]);
        return;
      }
      try {
        sessionStorage.removeItem(DRAFT_KEY);
      } catch { /* storage may be off */ }
      navigate(`/t/${encodeURIComponent(payload.thread.id)}`);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'NETWORK')) pendingKey = null;
      showSummary([{ field: [], message: err.message }]);
    } finally {
      submit.disabled = false;
      submit.textContent = 'Start thread';
    }
  });

  replaceChildren(main,
    h('div', { class: 'narrow' },
      h('h1', { id: 'new-thread-heading' }, 'Start a thread'),
      h('p', { class: 'lead' }, `Posting as ${viewer.displayName}${viewer.organisation ? ` of ${viewer.organisation.name}` : ''}.`),
      form));
  return null;
}
