// A thread: the opening post, the replies (live), accepting and editing, and
// the reply form with a preview.

import { ApiError, gql, idempotencyKey } from '../lib/api.js';
import {
  clearFieldErrors, errorBox, field, kindBadge, loading, markdownEditor, notice, showFieldErrors,
  signInLink, statusBadge, tagList, timeAgo, visibilityBadge,
} from '../lib/components.js';
import { announce, h, replaceChildren, setSanitisedHtml, srOnly } from '../lib/dom.js';
import { label, plural, ROLES } from '../lib/labels.js';
import { POST_FIELDS } from '../lib/queries.js';
import { subscriptions } from '../lib/ws.js';
import { notFoundContent } from './not-found.js';

const REPLIES_PAGE = 50;

const THREAD_QUERY = /* GraphQL */ `
  query Thread($id: ID!, $first: Int!) {
    node(id: $id) {
      __typename
      ... on Thread {
        id
        kind
        title
        status
        visibility
        pillars
        organisationTypes
        topics
        createdAt
        lastActivityAt
        replyCount
        expertReplyCount
        hidden
        author { id displayName role isExpert organisation { id slug name } }
        organisation { id slug name }
        opening { ...PostFields }
        acceptedReply { id author { id displayName } }
        replies(first: $first) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes { ...PostFields }
        }
      }
    }
  }
  ${POST_FIELDS}
`;

const MORE_REPLIES_QUERY = /* GraphQL */ `
  query MoreReplies($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Thread {
        id
        status
        replyCount
        replies(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes { ...PostFields }
        }
      }
    }
  }
  ${POST_FIELDS}
`;

const REPLY_MUTATION = /* GraphQL */ `
  mutation Reply($input: ReplyInput!) {
    reply(input: $input) {
      post { ...PostFields }
      errors { field message code }
    }
  }
  ${POST_FIELDS}
`;

const EDIT_MUTATION = /* GraphQL */ `
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      post { ...PostFields }
      errors { field message code }
    }
  }
  ${POST_FIELDS}
`;

const ACCEPT_MUTATION = /* GraphQL */ `
  mutation AcceptReply($input: AcceptReplyInput!) {
    acceptReply(input: $input) {
      thread { id status acceptedReply { id author { id displayName } } }
      errors { field message code }
    }
  }
`;

const CLOSE_MUTATION = /* GraphQL */ `
  mutation CloseThread($input: CloseThreadInput!) {
    closeThread(input: $input) {
      thread { id status }
      errors { field message code }
    }
  }
`;

const REOPEN_MUTATION = /* GraphQL */ `
  mutation ReopenThread($input: CloseThreadInput!) {
    reopenThread(input: $input) {
      thread { id status }
      errors { field message code }
    }
  }
`;

const HIDE_MUTATION = /* GraphQL */ `
  mutation HidePost($input: HidePostInput!) {
    hidePost(input: $input) {
      post { ...PostFields }
      errors { field message code }
    }
  }
  ${POST_FIELDS}
`;

const UNHIDE_MUTATION = /* GraphQL */ `
  mutation UnhidePost($input: UnhidePostInput!) {
    unhidePost(input: $input) {
      post { ...PostFields }
      errors { field message code }
    }
  }
  ${POST_FIELDS}
`;

const REPLY_ADDED = /* GraphQL */ `
  subscription ReplyAdded($threadId: ID!) {
    replyAdded(threadId: $threadId) { ...PostFields }
  }
  ${POST_FIELDS}
`;

const LIVE_TEXT = {
  connecting: 'Connecting for live updates…',
  live: 'Live: new replies appear here as they are posted.',
  reconnecting: 'Live updates interrupted; reconnecting…',
  offline: 'Live updates are not available. Reload the page to see new replies.',
  idle: '',
};

const MODERATORS = new Set(['MODERATOR', 'ADMIN']);

export async function render(ctx) {
  const { main, params, setTitle, signal } = ctx;
  const threadId = params[0];
  replaceChildren(main, loading('Loading the thread…'));

  const [data, viewer] = await Promise.all([
    gql(THREAD_QUERY, { id: threadId, first: REPLIES_PAGE }, { signal }),
    ctx.viewer(),
  ]);
  const thread = data.node;
  if (!thread || thread.__typename !== 'Thread') {
    setTitle('Thread not found');
    replaceChildren(main, ...notFoundContent({
      title: 'Thread not found',
      text: viewer
        ? 'This thread does not exist, or it has been removed.'
        : 'This thread does not exist, or it is for members of the network only.',
      signIn: !viewer,
    }));
    return null;
  }
  setTitle(thread.title);
  return new ThreadPage(ctx, thread, viewer);
}

class ThreadPage {
  constructor(ctx, thread, viewer) {
    this.ctx = ctx;
    this.thread = thread;
    this.viewer = viewer;
    this.posts = new Map();
    // What the list holds: for moderators, hidden replies too (Thread.replyCount leaves them out).
    this.replyCount = thread.replies.totalCount;
    this.hasNextPage = thread.replies.pageInfo.hasNextPage;
    this.endCursor = thread.replies.pageInfo.endCursor;
    this.draftKey = `moin:draft:reply:${thread.id}`;
    this.pendingKey = null;
    this.build();
    this.subscribe();
  }

  // ------------------------------------------------------------ layout ---

  build() {
    const { thread } = this;
    this.header = h('header', { class: 'thread-header' });
    this.renderHeader();

    this.posts.set(thread.opening.id, thread.opening);
    const isChallenge = thread.kind === 'CHALLENGE';
    this.openingSection = h('section', { class: ['opening', isChallenge ? 'opening-challenge' : null], 'aria-labelledby': 'opening-heading' },
      h('h2', { id: 'opening-heading', class: 'post-role' }, isChallenge ? 'The challenge' : 'Opening post'),
      this.renderPost(thread.opening, { opening: true }));

    this.repliesHeading = h('h2', { id: 'replies-heading' });
    this.liveStatus = h('p', { class: 'live-status', role: 'status' });
    this.list = h('ol', { class: 'reply-list', 'aria-labelledby': 'replies-heading' });
    for (const post of thread.replies.nodes) {
      this.posts.set(post.id, post);
      this.list.append(this.replyItem(post));
    }
    this.more = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: !this.hasNextPage }, 'Load more replies');
    this.more.addEventListener('click', () => this.loadMore({ focusNew: true }));
    this.moreError = h('div');
    this.updateCount();

    this.formSection = h('section', { class: 'reply-section', 'aria-labelledby': 'reply-heading' },
      h('h2', { id: 'reply-heading' }, 'Your reply'));
    this.renderReplyForm();

    replaceChildren(this.ctx.main,
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, '← All threads')),
      h('article', { class: 'thread', 'aria-labelledby': 'thread-title' },
        this.header,
        this.openingSection,
        h('section', { class: 'replies', 'aria-labelledby': 'replies-heading' },
          h('div', { class: 'replies-head' }, this.repliesHeading, this.liveStatus),
          this.list,
          this.moreError,
          this.more),
        this.formSection));
  }

  renderHeader() {
    const { thread } = this;
    const accepted = thread.acceptedReply;
    replaceChildren(this.header,
      h('p', { class: 'badges' }, kindBadge(thread.kind), statusBadge(thread.status), visibilityBadge(thread.visibility)),
      h('h1', { id: 'thread-title', tabindex: '-1' }, thread.title),
      tagList(thread),
      h('p', { class: 'byline' }, 'Started by ', h('span', { class: 'author' }, thread.author.displayName),
        thread.organisation ? [' of ', h('a', { href: `/o/${encodeURIComponent(thread.organisation.slug)}` }, thread.organisation.name)] : null,
        ' · ', timeAgo(thread.createdAt)),
      accepted
        ? h('p', { class: 'accepted-callout' }, h('span', { 'aria-hidden': 'true' }, '✓ '),
          thread.kind === 'CHALLENGE' ? 'This challenge has an accepted answer: ' : 'This thread has an accepted answer: ',
          h('a', { href: `#post-${accepted.id}`, class: 'accepted-link' }, `the reply by ${accepted.author.displayName}`))
        : null,
      thread.status === 'CLOSED' ? notice('info', h('p', null, 'This thread is closed: no new replies.')) : null,
      thread.hidden ? notice('info', h('p', null, 'This thread is hidden: its opening post was hidden by a moderator, so only moderators and its author can see it.')) : null,
      this.moderation());
  }

  /** Close or reopen, for moderators. */
  moderation() {
    if (!this.viewer || !MODERATORS.has(this.viewer.role)) return null;
    const closed = this.thread.status === 'CLOSED';
    const button = h('button', { type: 'button', class: 'button button-small button-secondary' },
      closed ? 'Reopen thread' : 'Close thread');
    const errorSlot = h('div');
    button.addEventListener('click', async () => {
      button.disabled = true;
      replaceChildren(errorSlot);
      try {
        const data = await gql(closed ? REOPEN_MUTATION : CLOSE_MUTATION, { input: { threadId: this.thread.id } });
        const payload = closed ? data.reopenThread : data.closeThread;
        if (payload.errors.length) throw new ApiError(payload.errors.map((e) => e.message).join(' '));
        this.thread.status = payload.thread.status;
        this.renderHeader();
        this.renderReplyForm();
        for (const post of this.posts.values()) this.replacePost(post);
        announce(closed ? 'The thread is open again.' : 'The thread is closed.');
        this.header.querySelector('.moderation button')?.focus();
      } catch (err) {
        button.disabled = false;
        replaceChildren(errorSlot, errorBox(err));
      }
    });
    return h('div', { class: 'moderation' }, h('span', { class: 'hint' }, 'Moderation:'), button, errorSlot);
  }

  updateCount() {
    replaceChildren(this.repliesHeading, plural(this.replyCount, 'reply', 'replies'));
  }

  // ------------------------------------------------------------- posts ---

  replyItem(post) {
    return h('li', { class: 'reply-item' }, this.renderPost(post));
  }

  canAccept(post, opening) {
    const { viewer, thread } = this;
    if (opening || !viewer || thread.status === 'CLOSED' || post.isAccepted || post.hidden) return false;
    return viewer.id === thread.author.id || MODERATORS.has(viewer.role);
  }

  canEdit(post) {
    return !!this.viewer && this.viewer.id === post.author.id;
  }

  isModerator() {
    return !!this.viewer && MODERATORS.has(this.viewer.role);
  }

  renderPost(post, { opening = false } = {}) {
    const article = h('article', {
      class: ['post', post.isExpertReply ? 'post-expert' : null, post.isAccepted ? 'post-accepted' : null, post.hidden ? 'post-hidden' : null],
      id: `post-${post.id}`,
      tabindex: '-1',
      'aria-label': `${opening ? 'Opening post' : 'Reply'} by ${post.author.displayName}`,
      dataset: { postId: post.id, opening: opening ? '1' : null },
    });
    const author = post.author;
    const marks = h('span', { class: 'post-marks' },
      post.isExpertReply && !opening ? h('span', { class: 'badge badge-expert' }, '★ Expert reply') : null,
      post.isAccepted ? h('span', { class: 'badge badge-accepted' }, '✓ Accepted answer') : null,
      post.hidden ? h('span', { class: 'badge badge-hidden' }, 'Hidden') : null);
    const header = h('header', { class: 'post-header' },
      h('span', { class: 'post-author' },
        h('span', { class: 'author-name' }, author.displayName),
        author.role !== 'MEMBER' ? h('span', { class: 'author-role' }, ` · ${label(ROLES, author.role)}`) : null,
        author.organisation ? [' · ', h('a', { href: `/o/${encodeURIComponent(author.organisation.slug)}` }, author.organisation.name)] : null),
      marks,
      h('span', { class: 'post-time' },
        h('a', { href: `#post-${post.id}` }, srOnly('Link to this post, posted '), timeAgo(post.createdAt)),
        post.editedAt ? h('span', { class: 'edited' }, ' · edited ', timeAgo(post.editedAt)) : null));
    const body = setSanitisedHtml(h('div', { class: 'post-body' }), post.bodyHtml);
    const hiddenNote = post.hidden
      ? h('p', { class: 'hidden-note' },
        post.hiddenReason
          ? ['Hidden by a moderator: ', h('q', null, post.hiddenReason), '. Only moderators and its author see it.']
          : 'Hidden by a moderator: only you and the moderators see it.')
      : null;
    const actions = h('div', { class: 'post-actions' });
    if (this.canAccept(post, opening)) {
      const accept = h('button', { type: 'button', class: 'button button-small button-secondary' },
        h('span', { 'aria-hidden': 'true' }, '✓ '), 'Accept as answer');
      accept.addEventListener('click', () => this.accept(post, accept));
      actions.append(accept);
    }
    if (this.canEdit(post)) {
      const edit = h('button', { type: 'button', class: 'button button-small button-secondary' }, 'Edit');
      edit.addEventListener('click', () => this.startEdit(post, article, opening));
      actions.append(edit);
    }
    if (this.isModerator()) {
      const toggle = h('button', { type: 'button', class: 'button button-small button-secondary' },
        post.hidden ? 'Unhide' : 'Hide');
      toggle.addEventListener('click', () => (post.hidden ? this.setHidden(post, false, toggle) : this.askReason(post, article, opening)));
      actions.append(toggle);
    }
    const error = h('div', { class: 'post-error' });
    article.append(header);
    if (hiddenNote) article.append(hiddenNote);
    article.append(body, error);
    if (actions.childElementCount) article.append(actions);
    return article;
  }

  replacePost(post) {
    this.posts.set(post.id, post);
    const old = document.getElementById(`post-${post.id}`);
    if (old) old.replaceWith(this.renderPost(post, { opening: old.dataset.opening === '1' }));
  }

  addReply(post, { live = false } = {}) {
    if (this.posts.has(post.id)) return false;
    if (live && this.viewer && post.author.id === this.viewer.id) live = false;
    this.posts.set(post.id, post);
    this.replyCount += 1;
    this.updateCount();
    if (this.hasNextPage) {
      // Older replies are not all loaded yet: "Load more" will bring it in order.
      if (live) announce(`New reply from ${post.author.displayName}. Load more replies to read it.`);
      return true;
    }
    const item = this.replyItem(post);
    if (live) item.firstChild.classList.add('post-new');
    this.list.append(item);
    if (live) {
      announce(`New ${post.isExpertReply ? 'expert reply' : 'reply'} from ${post.author.displayName}.`);
    }
    return true;
  }

  async loadMore({ focusNew = false, silent = false } = {}) {
    this.more.disabled = true;
    replaceChildren(this.moreError);
    try {
      const data = await gql(MORE_REPLIES_QUERY, { id: this.thread.id, first: REPLIES_PAGE, after: this.endCursor }, { signal: this.ctx.signal });
      const replies = data.node?.replies;
      if (!replies) return;
      const wasMore = this.hasNextPage;
      this.hasNextPage = false; // so that addReply appends in order
      let first = null;
      for (const post of replies.nodes) {
        if (this.posts.has(post.id)) continue;
        this.posts.set(post.id, post);
        const item = this.replyItem(post);
        this.list.append(item);
        first ??= item.firstChild;
      }
      this.hasNextPage = replies.pageInfo.hasNextPage;
      if (replies.pageInfo.endCursor) this.endCursor = replies.pageInfo.endCursor;
      this.replyCount = Math.max(replies.totalCount, this.list.childElementCount);
      this.updateCount();
      if (first && focusNew) first.focus();
      if (first && silent && !wasMore) announce('New replies were added.');
    } catch (err) {
      if (err.name === 'AbortError') return;
      if (!silent) replaceChildren(this.moreError, errorBox(err, () => this.loadMore({ focusNew })));
    } finally {
      this.more.hidden = !this.hasNextPage;
      this.more.disabled = false;
    }
  }

  // -------------------------------------------------------------- live ---

  subscribe() {
    this.stopState = subscriptions.onState((state) => {
      this.liveStatus.dataset.state = state;
      this.liveStatus.textContent = LIVE_TEXT[state] ?? '';
      // Once (re)connected and the server has set the subscription up, fetch what
      // may have been posted between loading the page (or losing the connection)
      // and now. Replies already shown are not shown twice.
      clearTimeout(this.fillTimer);
      if (state === 'live') {
        this.fillTimer = setTimeout(() => {
          if (!this.hasNextPage) this.loadMore({ silent: true });
        }, 1000);
      }
    });
    this.unsubscribe = subscriptions.subscribe(REPLY_ADDED, { threadId: this.thread.id }, {
      next: (data) => {
        const post = data.replyAdded;
        if (post) this.addReply(post, { live: true });
      },
      error: () => {
        this.liveStatus.dataset.state = 'offline';
        this.liveStatus.textContent = LIVE_TEXT.offline;
      },
    });
  }

  destroy() {
    clearTimeout(this.fillTimer);
    this.unsubscribe?.();
    this.stopState?.();
  }

  // ------------------------------------------------------------ accept ---

  async accept(post, button) {
    button.disabled = true;
    const article = document.getElementById(`post-${post.id}`);
    const errorSlot = article?.querySelector('.post-error');
    if (errorSlot) replaceChildren(errorSlot);
    try {
      const data = await gql(ACCEPT_MUTATION, { input: { postId: post.id } });
      const payload = data.acceptReply;
      if (payload.errors.length) throw new ApiError(payload.errors.map((e) => e.message).join(' '));
      const previous = this.thread.acceptedReply?.id;
      this.thread.status = payload.thread.status;
      this.thread.acceptedReply = payload.thread.acceptedReply;
      const acceptedId = payload.thread.acceptedReply?.id;
      for (const id of [previous, acceptedId]) {
        const p = id && this.posts.get(id);
        if (p) this.replacePost({ ...p, isAccepted: id === acceptedId });
      }
      this.renderHeader();
      announce(`The reply by ${post.author.displayName} is now the accepted answer.`);
      document.getElementById(`post-${acceptedId}`)?.focus();
    } catch (err) {
      button.disabled = false;
      if (errorSlot) replaceChildren(errorSlot, errorBox(err));
    }
  }

  // ------------------------------------------------------------ hiding ---

  /** Ask a moderator why, in a small form under the post, then hide it. */
  askReason(post, article, opening) {
    const id = `hide-${post.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
    const input = h('input', { type: 'text', maxlength: '500' });
    const formErrors = h('div', { class: 'form-errors', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button button-small' }, 'Hide post');
    const cancel = h('button', { type: 'button', class: 'button button-small button-secondary' }, 'Cancel');
    const form = h('form', { class: 'hide-form', novalidate: true }, formErrors,
      field({
        id,
        label: 'Reason for hiding',
        required: true,
        hint: opening
          ? 'Hiding the opening post hides the whole thread. Only moderators see the reason.'
          : 'Only moderators see the reason; the author sees that it is hidden.',
        control: input,
      }),
      h('div', { class: 'form-actions' }, submit, cancel));
    const actions = article.querySelector('.post-actions');
    if (actions) actions.hidden = true;
    article.append(form);
    input.focus();
    cancel.addEventListener('click', () => {
      form.remove();
      if (actions) actions.hidden = false;
      actions?.querySelector('button:last-child')?.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      replaceChildren(formErrors);
      const ok = await this.setHidden(post, true, submit, input.value, (errors) => {
        const { unplaced, first } = showFieldErrors(form, errors, { reason: id });
        if (unplaced.length) replaceChildren(formErrors, errorBox({ message: unplaced.map((e) => e.message).join(' ') }));
        (first || input).focus();
      }, formErrors);
      if (!ok) input.focus();
    });
  }

  /** Hide (with a reason) or show a post; true when it worked. */
  async setHidden(post, hidden, button, reason = null, onErrors = null, errorSlot = null) {
    button.disabled = true;
    const slot = errorSlot || document.getElementById(`post-${post.id}`)?.querySelector('.post-error');
    if (slot && !errorSlot) replaceChildren(slot);
    try {
      const data = hidden
        ? await gql(HIDE_MUTATION, { input: { postId: post.id, reason } })
        : await gql(UNHIDE_MUTATION, { input: { postId: post.id } });
      const payload = hidden ? data.hidePost : data.unhidePost;
      if (payload.errors.length) {
        if (onErrors) onErrors(payload.errors);
        else throw new ApiError(payload.errors.map((e) => e.message).join(' '));
        return false;
      }
      const opening = post.id === this.thread.opening.id;
      if (opening) {
        this.thread.hidden = payload.post.hidden;
        this.renderHeader();
      }
      this.replacePost({ ...post, ...payload.post });
      announce(hidden ? 'The post is hidden.' : 'The post is shown again.');
      document.getElementById(`post-${post.id}`)?.focus();
      return true;
    } catch (err) {
      if (slot) replaceChildren(slot, errorBox(err));
      return false;
    } finally {
      button.disabled = false;
    }
  }

  // -------------------------------------------------------------- edit ---

  startEdit(post, article, opening) {
    const id = `edit-${post.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
    const editor = markdownEditor({ id, label: opening ? 'Edit the opening post' : 'Edit your reply', value: post.body, rows: 8 });
    const formErrors = h('div', { class: 'form-errors', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'button' }, 'Save changes');
    const cancel = h('button', { type: 'button', class: 'button button-secondary' }, 'Cancel');
    const form = h('form', { class: 'edit-form', novalidate: true }, formErrors, editor.element,
      h('div', { class: 'form-actions' }, save, cancel));
    const body = article.querySelector('.post-body');
    const actions = article.querySelector('.post-actions');
    body.hidden = true;
    if (actions) actions.hidden = true;
    body.after(form);
    editor.textarea.focus();
    cancel.addEventListener('click', () => {
      form.remove();
      body.hidden = false;
      if (actions) actions.hidden = false;
      article.querySelector('.post-actions button:last-child')?.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      clearFieldErrors(form);
      replaceChildren(formErrors);
      try {
        const data = await gql(EDIT_MUTATION, { input: { postId: post.id, body: editor.textarea.value } });
        const payload = data.editPost;
        if (payload.errors.length) {
          const { unplaced, first } = showFieldErrors(form, payload.errors, { body: id });
          if (unplaced.length) replaceChildren(formErrors, errorBox({ message: unplaced.map((e) => e.message).join(' ') }));
          first?.focus();
          return;
        }
        this.replacePost({ ...payload.post, isAccepted: payload.post.isAccepted });
        document.getElementById(`post-${post.id}`)?.focus();
        announce('Your changes were saved.');
      } catch (err) {
        replaceChildren(formErrors, errorBox(err));
      } finally {
        save.disabled = false;
      }
    });
  }

  // ------------------------------------------------------------- reply ---

  renderReplyForm() {
    const { thread, viewer } = this;
    const section = this.formSection;
    const heading = section.querySelector('h2');
    if (thread.status === 'CLOSED') {
      replaceChildren(section, heading, h('p', null, 'This thread is closed, so it takes no new replies.'));
      return;
    }
    if (!viewer) {
      replaceChildren(section, heading,
        notice('info', h('p', null, signInLink('Sign in'), ' to reply. Members of the network’s organisations and its researchers can take part.')));
      return;
    }
    let draft = '';
    try {
      draft = sessionStorage.getItem(this.draftKey) || '';
    } catch { /* storage may be off */ }
    const editor = markdownEditor({
      id: 'reply-body',
      label: 'Write your reply',
      value: draft,
      rows: 6,
      onInput: (value) => {
        try {
          if (value) sessionStorage.setItem(this.draftKey, value);
          else sessionStorage.removeItem(this.draftKey);
        } catch { /* storage may be off */ }
      },
    });
    // The section heading already says "Your reply": keep the label short but explicit.
    const formErrors = h('div', { class: 'form-errors', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button' }, 'Post reply');
    const form = h('form', { class: 'reply-form', novalidate: true, 'aria-labelledby': 'reply-heading' },
      formErrors, editor.element, h('div', { class: 'form-actions' }, submit,
        viewer.isExpert ? h('span', { class: 'hint' }, 'As a researcher, your reply is marked as an expert reply.') : null));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      replaceChildren(formErrors);
      submit.disabled = true;
      submit.textContent = 'Posting…';
      this.pendingKey ??= idempotencyKey();
      try {
        const data = await gql(REPLY_MUTATION, {
          input: { threadId: thread.id, body: editor.textarea.value, idempotencyKey: this.pendingKey },
        });
        this.pendingKey = null;
        const payload = data.reply;
        if (payload.errors.length) {
          const { unplaced, first } = showFieldErrors(form, payload.errors, { body: 'reply-body' });
          if (unplaced.length) replaceChildren(formErrors, errorBox({ message: unplaced.map((e) => e.message).join(' ') }));
          (first || editor.textarea).focus();
          return;
        }
        editor.textarea.value = '';
        try {
          sessionStorage.removeItem(this.draftKey);
        } catch { /* storage may be off */ }
        editor.refresh();
        this.addReply(payload.post);
        announce('Your reply was posted.');
      } catch (err) {
        // Keep the key after a network failure, so that trying again cannot post twice.
        if (!(err instanceof ApiError && err.code === 'NETWORK')) this.pendingKey = null;
        replaceChildren(formErrors, errorBox(err));
        editor.textarea.focus();
      } finally {
        submit.disabled = false;
        submit.textContent = 'Post reply';
      }
    });
    replaceChildren(section, heading, form);
  }
}
