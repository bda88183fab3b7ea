// @ts-check
// A thread: the opening post, the replies (live), accepting and editing,
// moderation, and the reply form with a preview.

import { ApiError, gql, idempotencyKey, isAbort } from '../lib/api.js';
import { avatar } from '../lib/avatars.js';
import { setUnread } from '../lib/bell.js';
import {
  clearFieldErrors, errorBox, feedHref, field, kindBadge, loading, markdownEditor, notFoundContent, notice,
  organisationLink, showFormErrors, signInLink, statusBadge, tagList, timeAgo, visibilityBadge,
} from '../lib/components.js';
import { announce, h, replaceChildren, setSanitisedHtml, srOnly } from '../lib/dom.js';
import { followButton, followControl } from '../lib/follow.js';
import { attachMentions } from '../lib/mentions.js';
import { label, ORGANISATION_TYPES, plural, ROLES } from '../lib/labels.js';
import { postText } from '../lib/text.js';
import { View } from '../lib/view.js';
import {
  ACCEPT_REPLY_MUTATION, CLOSE_THREAD_MUTATION, EDIT_POST_MUTATION, HIDE_POST_MUTATION, MORE_REPLIES_QUERY,
  REOPEN_THREAD_MUTATION, REPLY_ADDED_SUBSCRIPTION, REPLY_MUTATION, THREAD_QUERY, THREAD_UPDATED_SUBSCRIPTION,
  UNHIDE_POST_MUTATION,
} from '../graphql/thread.js';
import { MARK_THREAD_READ_MUTATION, THREAD_FOLLOWED_QUERY } from '../graphql/engagement.js';

/** @import { PostFields, ThreadContextFields, ThreadData, ThreadUpdatedData, UserErrorFields } from '../graphql/types' */
/** @import { Viewer, Vocabulary } from '../lib/session.js' */
/** @import { LiveState } from '../lib/ws.js' */

/** @typedef {Extract<NonNullable<ThreadData['node']>, { __typename: 'Thread' }>} Thread */

const REPLIES_PAGE = 50;

/** @type {Record<LiveState, string>} */
const LIVE_TEXT = {
  connecting: 'Connecting for live updates…',
  live: 'Live: new replies appear here as they are posted.',
  reconnecting: 'Live updates interrupted; reconnecting…',
  offline: 'Live updates are not available. Reload the page to see new replies.',
  idle: '',
};

const MODERATORS = new Set(['MODERATOR', 'ADMIN']);

/**
 * The payload's errors as one ApiError (for an action whose errors belong to no field).
 * @param {UserErrorFields[]} errors
 */
function payloadError(errors) {
  return new ApiError(errors.map((e) => e.message).join(' '));
}

/**
 * "Assessment: evaluating …" -> "Evaluating …" when the title is shown just above it.
 * @param {string} description
 * @param {string} title
 */
function withoutTitle(description, title) {
  const prefix = `${title}:`;
  if (!description.toLowerCase().startsWith(prefix.toLowerCase())) return description;
  const rest = description.slice(prefix.length).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * An id made of a post's id that is safe in a selector.
 * @param {string} prefix
 * @param {PostFields} post
 */
function postFieldId(prefix, post) {
  return `${prefix}-${post.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

export default class ThreadView extends View {
  /** @type {Map<string, PostFields>} every post shown, by id */
  posts = new Map();
  /** @type {string | null} the key of a reply being sent, kept after a network failure */
  pendingKey = null;
  /** @type {Set<string>} replies by others posted since the member last opened the thread, or live since */
  newIds = new Set();
  /** @type {boolean} whether the "New since your last visit" divider is shown */
  dividerShown = false;
  /** @type {() => void} cancels the pending record of replies seen live */
  cancelSeen = () => {};
  /** @type {boolean} whether replies seen live are still to be recorded */
  seenPending = false;

  // Filled by mount():
  /** @type {Thread} */ thread;
  /** @type {ThreadData['relatedThreads']} */ related;
  /** @type {HTMLElement} */ answer;
  /** @type {HTMLElement} */ sidebar;
  /** @type {HTMLElement} */ people;
  /**
   * Places in the sidebar for other features' controls: `follow` (following the
   * thread) and `feeds` (its feed link). Each is an empty element until filled.
   * @type {{ follow: HTMLElement, feeds: HTMLElement }}
   */
  slots;
  /** @type {Viewer | null} */ viewer;
  /** @type {Vocabulary} */ vocabulary;
  /** @type {number} what the list holds: for moderators, hidden replies too (Thread.replyCount leaves them out) */
  replyCount;
  /** @type {boolean} */ hasNextPage;
  /** @type {string | null} */ endCursor;
  /** @type {string} */ draftKey;
  /** @type {HTMLElement} */ header;
  /** @type {HTMLElement} */ repliesHeading;
  /** @type {HTMLElement} */ liveStatus;
  /** @type {HTMLOListElement} */ list;
  /** @type {HTMLButtonElement} */ more;
  /** @type {HTMLElement} */ moreError;
  /** @type {HTMLElement} */ formSection;

  /** @override */
  async mount() {
    const threadId = this.ctx.params[0];
    this.showLoading(loading('Loading the thread…'));
    const [data, { viewer, vocabulary }] = await Promise.all([
      gql(THREAD_QUERY, { id: threadId, first: REPLIES_PAGE }, { signal: this.signal }),
      this.session(),
    ]);
    const thread = data.node?.__typename === 'Thread' ? data.node : null;
    if (!thread) {
      this.show('Thread not found', notFoundContent({
        title: 'Thread not found',
        text: viewer
          ? 'This thread does not exist, or it has been removed.'
          : 'This thread does not exist, or it is for members of the network only.',
        signIn: !viewer,
      }));
      return;
    }
    this.thread = thread;
    this.related = data.relatedThreads;
    this.viewer = viewer;
    this.vocabulary = vocabulary;
    this.replyCount = thread.replies.totalCount;
    this.hasNextPage = thread.replies.pageInfo.hasNextPage;
    this.endCursor = thread.replies.pageInfo.endCursor;
    this.draftKey = `moin:draft:reply:${thread.id}`;
    this.show(thread.title, ...this.build());
    this.subscribeToReplies();
    this.subscribeToChanges();
    if (viewer) this.engage();
  }

  /**
   * Following the thread (its sidebar's button); and the thread read up to its newest post
   * now that it is open, with its notifications (the "New" marks shown stay until the next visit).
   */
  async engage() {
    const { thread } = this;
    let followed, marked;
    try {
      [followed, marked] = await Promise.all([
        gql(THREAD_FOLLOWED_QUERY, { id: thread.id }, { signal: this.signal }),
        gql(MARK_THREAD_READ_MUTATION, { input: { threadId: thread.id } }, { signal: this.signal }),
      ]);
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(this.slots.follow, errorBox(err, () => this.engage()));
      return;
    }
    const node = followed.node;
    const follows = node?.__typename === 'Thread' ? node.viewerFollows : false;
    replaceChildren(this.slots.follow, followButton({ thread: thread.id }, follows, { what: 'this thread' }));
    setUnread(marked.markThreadRead.unreadNotificationCount);
  }

  // ------------------------------------------------------------ layout ---

  build() {
    const { thread } = this;
    this.header = h('header', { class: 'thread-header' });
    this.renderHeader();

    this.posts.set(thread.opening.id, thread.opening);
    const isChallenge = thread.kind === 'CHALLENGE';
    const openingSection = h('section', { class: ['opening', isChallenge ? 'opening-challenge' : null], 'aria-labelledby': 'opening-heading' },
      h('h2', { id: 'opening-heading', class: 'post-role' }, isChallenge ? 'The challenge' : 'Opening post'),
      this.renderPost(thread.opening, { opening: true }));

    this.repliesHeading = h('h2', { id: 'replies-heading' });
    this.liveStatus = h('p', { class: 'live-status', role: 'status' });
    this.list = h('ol', { class: 'reply-list', 'aria-labelledby': 'replies-heading' });
    for (const post of thread.replies.nodes) {
      this.posts.set(post.id, post);
      if (post.isNewForViewer) this.newIds.add(post.id);
      this.list.append(this.replyItem(post));
    }
    this.more = h('button', { type: 'button', class: 'button button-secondary load-more', hidden: !this.hasNextPage }, 'Load more replies');
    this.more.addEventListener('click', () => this.loadMore({ focusNew: true }));
    this.moreError = h('div');
    this.renderCount();

    this.formSection = h('section', { class: 'reply-section', 'aria-labelledby': 'reply-heading' },
      h('h2', { id: 'reply-heading' }, 'Your reply'));
    this.renderReplyForm();

    // The accepted answer, right after the opening post (and in its place among the replies).
    this.answer = h('section', { class: 'answer-pinned', 'aria-labelledby': 'answer-heading' });
    this.renderAnswer();

    this.people = h('section', { class: 'sidebar-section', 'aria-labelledby': 'people-heading' });
    this.renderPeople();
    this.slots = {
      follow: h('div', { class: 'sidebar-slot', dataset: { slot: 'follow' } }),
      feeds: h('div', { class: 'sidebar-slot', dataset: { slot: 'feeds' } }),
    };
    this.sidebar = h('aside', { class: 'thread-sidebar', 'aria-label': 'About this thread' },
      this.slots.follow,
      this.pillarSection(),
      this.typeSection(),
      this.people,
      this.relatedSection(),
      this.slots.feeds);

    return [
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, '← All threads')),
      h('div', { class: 'thread-layout' },
        h('article', { class: 'thread', 'aria-labelledby': 'thread-title' },
          this.header,
          openingSection,
          this.answer,
          h('section', { class: 'replies', 'aria-labelledby': 'replies-heading' },
            h('div', { class: 'replies-head' }, this.repliesHeading, this.liveStatus),
            this.list,
            this.moreError,
            this.more),
          this.formSection),
        this.sidebar),
    ];
  }

  // ----------------------------------------------------------- sidebar ---

  /** The thread's pillars, each with its one line of explanation. */
  pillarSection() {
    const { vocabulary } = this;
    return h('section', { class: 'sidebar-section', 'aria-labelledby': 'pillars-heading' },
      h('h2', { id: 'pillars-heading' }, this.thread.pillars.length === 1 ? 'ROAR pillar' : 'ROAR pillars'),
      h('ul', { class: 'pillar-list' },
        this.thread.pillars.map((p) => h('li', null,
          h('a', { class: ['chip', 'chip-pillar', `chip-${p.toLowerCase().replaceAll('_', '-')}`], href: feedHref({ pillar: p }) },
            label(vocabulary.pillarTitles, p)),
          vocabulary.pillarDescriptions[p]
            ? h('p', { class: 'pillar-description' }, withoutTitle(vocabulary.pillarDescriptions[p] ?? '', label(vocabulary.pillarTitles, p)))
            : null))));
  }

  /**
   * Organisation types and topics, each a link to the feed filtered by it; for members,
   * each topic with a button to follow it (new threads about it are notified).
   */
  typeSection() {
    const { thread, viewer, signal } = this;
    const topic = (/** @type {string} */ t) => {
      const chip = h('a', { class: 'chip chip-topic', href: feedHref({ topic: t }) }, `#${t}`);
      return viewer
        ? h('li', { class: 'topic-follow' }, chip, followControl({ topic: t }, { what: `#${t}`, signal }))
        : h('li', null, chip);
    };
    return h('section', { class: 'sidebar-section', 'aria-labelledby': 'types-heading' },
      h('h2', { id: 'types-heading' }, 'Concerns'),
      h('ul', { class: 'chips', 'aria-label': 'Organisation types' },
        thread.organisationTypes.map((t) => h('li', null,
          h('a', { class: 'chip chip-orgtype', href: feedHref({ orgType: t }) }, label(ORGANISATION_TYPES, t))))),
      thread.topics.length
        ? h('ul', { class: viewer ? 'topic-follows' : 'chips', 'aria-label': 'Topics' }, thread.topics.map(topic))
        : null);
  }

  /** Who takes part: the author first, then by how much they wrote. */
  renderPeople() {
    const { thread } = this;
    const rest = thread.participantCount - thread.everyone.length;
    replaceChildren(this.people,
      h('h2', { id: 'people-heading' }, plural(thread.participantCount, 'participant')),
      h('ul', { class: 'people-list' },
        thread.everyone.map((m) => h('li', { class: 'person' },
          avatar(m, { decorative: true }),
          h('span', { class: 'person-text' },
            h('span', { class: 'person-name' }, m.displayName),
            h('span', { class: 'person-meta' },
              m.id === thread.author.id ? 'Started the thread' : m.role !== 'MEMBER' ? label(ROLES, m.role) : null,
              m.organisation && (m.id === thread.author.id || m.role !== 'MEMBER') ? ' · ' : null,
              m.organisation ? m.organisation.name : null))))),
      rest > 0 ? h('p', { class: 'hint' }, `and ${plural(rest, 'other')}`) : null);
  }

  /** Threads that share topics and pillars with this one. */
  relatedSection() {
    if (!this.related.length) return null;
    return h('section', { class: 'sidebar-section', 'aria-labelledby': 'related-heading' },
      h('h2', { id: 'related-heading' }, 'Related threads'),
      h('ul', { class: 'related-list' },
        this.related.map((t) => h('li', null,
          h('a', { href: `/t/${encodeURIComponent(t.id)}` }, t.title),
          h('span', { class: 'related-meta' }, plural(t.replyCount, 'reply', 'replies'),
            t.status === 'ANSWERED' ? ' · answered' : null)))));
  }

  /** The accepted answer, pinned under the opening post (the reply stays in its place). */
  renderAnswer() {
    const accepted = this.thread.acceptedReply;
    if (!accepted) {
      replaceChildren(this.answer);
      this.answer.hidden = true;
      return;
    }
    this.answer.hidden = false;
    replaceChildren(this.answer,
      h('h2', { id: 'answer-heading', class: 'post-role post-role-answer' }, '✓ Accepted answer'),
      this.renderPost(accepted, { pinned: true }));
  }

  renderHeader() {
    const { thread } = this;
    const accepted = thread.acceptedReply;
    replaceChildren(this.header,
      h('p', { class: 'badges' }, kindBadge(thread.kind), statusBadge(thread.status), visibilityBadge(thread.visibility)),
      h('h1', { id: 'thread-title', tabindex: '-1' }, thread.title),
      tagList(thread, this.vocabulary),
      h('p', { class: 'byline' }, 'Started by ', h('span', { class: 'author' }, thread.author.displayName),
        thread.organisation ? [' of ', organisationLink(thread.organisation)] : null,
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
    if (!this.isModerator()) return null;
    const closed = this.thread.status === 'CLOSED';
    const button = h('button', { type: 'button', class: 'button button-small button-secondary' },
      closed ? 'Reopen thread' : 'Close thread');
    const errorSlot = h('div');
    button.addEventListener('click', async () => {
      button.disabled = true;
      replaceChildren(errorSlot);
      try {
        const input = { threadId: this.thread.id };
        const payload = closed
          ? (await gql(REOPEN_THREAD_MUTATION, { input })).reopenThread
          : (await gql(CLOSE_THREAD_MUTATION, { input })).closeThread;
        if (payload.errors.length || !payload.thread) throw payloadError(payload.errors);
        this.thread.status = payload.thread.status;
        this.renderHeader();
        this.renderReplyForm();
        for (const post of this.posts.values()) this.replacePost(post);
        announce(closed ? 'The thread is open again.' : 'The thread is closed.');
        /** @type {HTMLElement | null} */ (this.header.querySelector('.moderation button'))?.focus();
      } catch (err) {
        button.disabled = false;
        replaceChildren(errorSlot, errorBox(err));
      }
    });
    return h('div', { class: 'moderation' }, h('span', { class: 'hint' }, 'Moderation:'), button, errorSlot);
  }

  renderCount() {
    replaceChildren(this.repliesHeading, plural(this.replyCount, 'reply', 'replies'));
  }

  // ------------------------------------------------------------- posts ---

  /**
   * A reply in the list; the first new one since the member's last visit comes after a divider.
   * @param {PostFields} post
   */
  replyItem(post) {
    const article = this.renderPost(post);
    // Only replies loaded as new get the divider: one arriving live is marked, not divided off.
    const loadedNew = /** @type {{ isNewForViewer?: boolean }} */ (post).isNewForViewer === true;
    if (!loadedNew || this.dividerShown) return h('li', { class: 'reply-item' }, article);
    this.dividerShown = true;
    const since = this.thread.viewerLastReadAt;
    return h('li', { class: 'reply-item reply-item-first-new' },
      h('p', { class: 'new-divider', id: 'new-since' },
        h('span', null, 'New since your last visit', since ? [' ', timeAgo(since, '('), ')'] : null)),
      article);
  }

  /**
   * @param {PostFields} post
   * @param {boolean} opening
   */
  canAccept(post, opening) {
    // Who may accept what is the server's rule (`viewerCanAccept`: not one's own reply).
    if (opening || this.thread.status === 'CLOSED' || post.isAccepted) return false;
    return post.viewerCanAccept;
  }

  /** @param {PostFields} post */
  canEdit(post) {
    return !!this.viewer && this.viewer.id === post.author.id;
  }

  isModerator() {
    return !!this.viewer && MODERATORS.has(this.viewer.role);
  }

  /**
   * A post with its marks and the buttons the viewer may use.
   * @param {PostFields} post
   * @param {{ opening?: boolean, pinned?: boolean }} [options] the copy pinned under the opening post has no buttons
   */
  renderPost(post, { opening = false, pinned = false } = {}) {
    const article = h('article', {
      class: ['post', post.isExpertReply ? 'post-expert' : null, post.isAccepted ? 'post-accepted' : null, post.hidden ? 'post-hidden' : null],
      id: pinned ? `answer-${post.id}` : `post-${post.id}`,
      tabindex: '-1',
      'aria-label': `${opening ? 'Opening post' : pinned ? 'Accepted answer' : 'Reply'} by ${post.author.displayName}`,
      dataset: { postId: post.id, opening: opening ? '1' : null },
    });
    const author = post.author;
    const marks = h('span', { class: 'post-marks' },
      this.newIds.has(post.id) && !pinned && !opening ? h('span', { class: 'badge badge-new' }, 'New') : null,
      post.isExpertReply && !opening ? h('span', { class: 'badge badge-expert' }, '★ Expert reply') : null,
      post.isAccepted ? h('span', { class: 'badge badge-accepted' }, '✓ Accepted answer') : null,
      post.hidden ? h('span', { class: 'badge badge-hidden' }, 'Hidden') : null);
    // A quiet author line: avatar, name, and role and organisation in small grey text.
    const header = h('header', { class: 'post-header' },
      avatar(author, { size: 'medium', decorative: true }),
      h('span', { class: 'post-author' },
        h('span', { class: 'author-name' }, author.displayName),
        h('span', { class: 'author-meta' },
          author.role !== 'MEMBER' ? h('span', { class: 'author-role' }, label(ROLES, author.role)) : null,
          author.role !== 'MEMBER' && author.organisation ? ' · ' : null,
          author.organisation ? organisationLink(author.organisation) : null)),
      marks,
      h('span', { class: 'post-time' },
        h('a', { href: `#post-${post.id}` }, srOnly(pinned ? 'Read it in its place, posted ' : 'Link to this post, posted '), timeAgo(post.createdAt)),
        post.editedAt ? h('span', { class: 'edited' }, ' · edited ', timeAgo(post.editedAt)) : null));
    const body = setSanitisedHtml(h('div', { class: 'post-body' }), post.bodyHtml);
    const hiddenNote = post.hidden
      ? h('p', { class: 'hidden-note' },
        post.hiddenReason
          ? ['Hidden by a moderator: ', h('q', null, post.hiddenReason), '. Only moderators and its author see it.']
          : 'Hidden by a moderator: only you and the moderators see it.')
      : null;
    const actions = h('div', { class: 'post-actions' });
    if (pinned) {
      article.append(header, body);
      return article;
    }
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
      toggle.addEventListener('click', () => (post.hidden ? this.unhide(post, toggle) : this.askReason(post, article, opening)));
      actions.append(toggle);
    }
    article.append(header);
    if (hiddenNote) article.append(hiddenNote);
    article.append(body, h('div', { class: 'post-error' }));
    if (actions.childElementCount) article.append(actions);
    return article;
  }

  /**
   * Show a post anew after it changed.
   * @param {PostFields} post
   */
  replacePost(post) {
    this.posts.set(post.id, post);
    const old = document.getElementById(`post-${post.id}`);
    if (old) old.replaceWith(this.renderPost(post, { opening: old.dataset.opening === '1' }));
    if (this.thread.acceptedReply?.id === post.id) {
      this.thread.acceptedReply = post;
      this.renderAnswer();
    }
  }

  /**
   * The error slot of a post on the page.
   * @param {PostFields} post
   * @returns {HTMLElement | null}
   */
  errorSlotOf(post) {
    return document.getElementById(`post-${post.id}`)?.querySelector('.post-error') ?? null;
  }

  /**
   * A reply to add at the end (false when it is shown already).
   * @param {PostFields} post
   * @param {{ live?: boolean, inOrder?: boolean }} [options] it came live, from someone
   *   else; put it where its time says (a post shown again) rather than at the end
   */
  addReply(post, { live = false, inOrder = false } = {}) {
    if (this.posts.has(post.id)) return false;
    if (live && this.viewer && post.author.id === this.viewer.id) live = false;
    this.posts.set(post.id, post);
    // A reply by someone else that arrives while the page is open is new to the reader too.
    if (live && this.viewer) this.newIds.add(post.id);
    this.replyCount += 1;
    this.renderCount();
    if (this.hasNextPage) {
      // Older replies are not all loaded yet: "Load more" will bring it in order.
      if (live) announce(`New reply from ${post.author.displayName}. Load more replies to read it.`);
      return true;
    }
    const item = this.replyItem(post);
    if (live) item.querySelector('article.post')?.classList.add('post-new');
    const later = inOrder
      ? [...this.list.children].find((li) => {
        const shown = this.posts.get(/** @type {HTMLElement | null} */ (li.querySelector('article.post'))?.dataset.postId ?? '');
        return shown !== undefined && shown.createdAt > post.createdAt;
      })
      : undefined;
    if (later) later.before(item);
    else this.list.append(item);
    if (live) {
      announce(`New ${post.isExpertReply ? 'expert reply' : 'reply'} from ${post.author.displayName}.`);
      this.seenLive();
    }
    return true;
  }

  /**
   * The reader saw replies arrive: record the thread read again (once for a burst of them),
   * so that the next visit does not show them as new and the bell does not count them.
   */
  seenLive() {
    if (!this.viewer) return;
    if (!this.seenPending) this.onLeave(() => this.recordSeen());
    this.seenPending = true;
    this.cancelSeen();
    this.cancelSeen = this.later(1500, () => this.recordSeen());
  }

  /** Record the replies seen live, if not done yet (also when the reader leaves the page). */
  recordSeen() {
    if (!this.seenPending) return;
    this.seenPending = false;
    // No abort signal: leaving the page is when this is sent last.
    gql(MARK_THREAD_READ_MUTATION, { input: { threadId: this.thread.id } }).then(
      (data) => setUnread(data.markThreadRead.unreadNotificationCount),
      () => { /* the next visit shows them as new: nothing is lost */ },
    );
  }

  /**
   * The next page of replies.
   * @param {{ focusNew?: boolean, silent?: boolean }} [options] focus the first new one; fetched by itself, not asked for
   */
  async loadMore({ focusNew = false, silent = false } = {}) {
    this.more.disabled = true;
    replaceChildren(this.moreError);
    try {
      const data = await gql(MORE_REPLIES_QUERY, { id: this.thread.id, first: REPLIES_PAGE, after: this.endCursor }, { signal: this.signal });
      const replies = data.node?.__typename === 'Thread' ? data.node.replies : null;
      if (!replies) return;
      const wasMore = this.hasNextPage;
      /** @type {HTMLElement | null} */
      let first = null;
      for (const post of replies.nodes) {
        if (this.posts.has(post.id)) continue;
        this.posts.set(post.id, post);
        if (post.isNewForViewer) this.newIds.add(post.id);
        const item = this.replyItem(post);
        this.list.append(item);
        first ??= /** @type {HTMLElement | null} */ (item.querySelector('article.post'));
      }
      this.hasNextPage = replies.pageInfo.hasNextPage;
      if (replies.pageInfo.endCursor) this.endCursor = replies.pageInfo.endCursor;
      this.replyCount = Math.max(replies.totalCount, this.list.childElementCount);
      this.renderCount();
      if (first && focusNew) first.focus();
      if (first && silent && !wasMore) announce('New replies were added.');
    } catch (err) {
      if (isAbort(err)) return;
      if (!silent) replaceChildren(this.moreError, errorBox(err, () => this.loadMore({ focusNew })));
    } finally {
      this.more.hidden = !this.hasNextPage;
      this.more.disabled = false;
    }
  }

  // -------------------------------------------------------------- live ---

  subscribeToReplies() {
    /** @type {() => void} */
    let cancelFill = () => {};
    this.onLiveState((state) => {
      this.liveStatus.dataset.state = state;
      this.liveStatus.textContent = LIVE_TEXT[state];
      // Once (re)connected and the server has set the subscription up, fetch what
      // may have been posted between loading the page (or losing the connection)
      // and now. Replies already shown are not shown twice.
      cancelFill();
      if (state === 'live') {
        cancelFill = this.later(1000, () => {
          if (!this.hasNextPage) this.loadMore({ silent: true });
        });
      }
    });
    this.subscribe(REPLY_ADDED_SUBSCRIPTION, { threadId: this.thread.id }, {
      next: (data) => this.addReply(data.replyAdded, { live: true }),
      error: () => {
        this.liveStatus.dataset.state = 'offline';
        this.liveStatus.textContent = LIVE_TEXT.offline;
      },
    });
  }

  /**
   * The thread's changing facts, as a response or a live update gives them: status,
   * counts, the accepted answer and who takes part. Shows what changed.
   * @param {ThreadContextFields} context
   */
  applyContext(context) {
    const { thread } = this;
    const previous = thread.acceptedReply?.id ?? null;
    const accepted = context.acceptedReply?.id ?? null;
    const statusChanged = thread.status !== context.status;
    Object.assign(thread, context);
    if (previous !== accepted) {
      for (const id of [previous, accepted]) {
        const p = id && this.posts.get(id);
        if (p) this.replacePost({ ...p, isAccepted: id === accepted });
      }
    }
    this.renderHeader();
    this.renderAnswer();
    this.renderPeople();
    if (statusChanged) {
      this.renderReplyForm();
      for (const post of this.posts.values()) this.replacePost(post);
    }
  }

  /** Edits, answers, closing and hiding by others, shown in place as they happen. */
  subscribeToChanges() {
    this.subscribe(THREAD_UPDATED_SUBSCRIPTION, { threadId: this.thread.id }, {
      next: (data) => this.applyUpdate(data.threadUpdated),
    });
  }

  /** @param {ThreadUpdatedData['threadUpdated']} update */
  applyUpdate(update) {
    const { change, post, postId } = update;
    const shown = postId ? this.posts.get(postId) : undefined;
    // What this page did itself comes back too: then nothing is new.
    const fresh = !(post && shown && JSON.stringify(post) === JSON.stringify(shown));
    if (post && shown && fresh && change !== 'REPLY_ADDED') {
      const element = document.getElementById(`post-${post.id}`);
      // Someone editing this post here keeps their form; the post shows the change after.
      if (!element?.parentElement?.querySelector('.edit-form')) this.replacePost(post);
      else this.posts.set(post.id, post);
    } else if (!post && shown && change === 'POST_HIDDEN') {
      // Hidden from this reader: it leaves the page.
      this.posts.delete(shown.id);
      document.getElementById(`post-${shown.id}`)?.closest('li')?.remove();
      this.replyCount = Math.max(0, this.replyCount - 1);
      this.renderCount();
    } else if (post && !shown && change === 'POST_SHOWN') {
      this.addReply(post, { live: true, inOrder: true });
    }
    this.applyContext(update.thread);
    if (change === 'POST_EDITED' && shown && post && fresh) announce(`${post.author.displayName} edited a post.`);
    if (change === 'ANSWER_ACCEPTED' && post && fresh) announce(`The reply by ${post.author.displayName} was accepted as the answer.`);
    if (change === 'STATUS_CHANGED') announce(update.thread.status === 'CLOSED' ? 'The thread was closed.' : 'The thread was reopened.');
  }

  // ------------------------------------------------------------ accept ---

  /**
   * @param {PostFields} post
   * @param {HTMLButtonElement} button
   */
  async accept(post, button) {
    button.disabled = true;
    const errorSlot = this.errorSlotOf(post);
    if (errorSlot) replaceChildren(errorSlot);
    try {
      const data = await gql(ACCEPT_REPLY_MUTATION, { input: { postId: post.id } });
      const payload = data.acceptReply;
      if (payload.errors.length || !payload.thread) throw payloadError(payload.errors);
      this.applyContext(payload.thread);
      const acceptedId = payload.thread.acceptedReply?.id;
      announce(`The reply by ${post.author.displayName} is now the accepted answer.`);
      document.getElementById(`post-${acceptedId}`)?.focus();
    } catch (err) {
      button.disabled = false;
      if (errorSlot) replaceChildren(errorSlot, errorBox(err));
    }
  }

  // ------------------------------------------------------------ hiding ---

  /**
   * Ask a moderator why, in a small form under the post, then hide it.
   * @param {PostFields} post
   * @param {HTMLElement} article
   * @param {boolean} opening
   */
  askReason(post, article, opening) {
    const id = postFieldId('hide', post);
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
    const actions = /** @type {HTMLElement | null} */ (article.querySelector('.post-actions'));
    if (actions) actions.hidden = true;
    article.append(form);
    input.focus();
    cancel.addEventListener('click', () => {
      form.remove();
      if (actions) actions.hidden = false;
      /** @type {HTMLElement | null | undefined} */ (actions?.querySelector('button:last-child'))?.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      replaceChildren(formErrors);
      submit.disabled = true;
      try {
        const payload = (await gql(HIDE_POST_MUTATION, { input: { postId: post.id, reason: input.value } })).hidePost;
        if (payload.errors.length || !payload.post) {
          showFormErrors(form, formErrors, payload.errors, { reason: id }, input);
          return;
        }
        this.postChanged(post, payload.post, 'The post is hidden.');
      } catch (err) {
        replaceChildren(formErrors, errorBox(err));
        input.focus();
      } finally {
        submit.disabled = false;
      }
    });
  }

  /**
   * Show a hidden post again.
   * @param {PostFields} post
   * @param {HTMLButtonElement} button
   */
  async unhide(post, button) {
    button.disabled = true;
    const slot = this.errorSlotOf(post);
    if (slot) replaceChildren(slot);
    try {
      const payload = (await gql(UNHIDE_POST_MUTATION, { input: { postId: post.id } })).unhidePost;
      if (payload.errors.length || !payload.post) throw payloadError(payload.errors);
      this.postChanged(post, payload.post, 'The post is shown again.');
    } catch (err) {
      if (slot) replaceChildren(slot, errorBox(err));
    } finally {
      button.disabled = false;
    }
  }

  /**
   * A post was hidden or shown again: show it so, and the thread's header when
   * it is the opening post.
   * @param {PostFields} post as shown
   * @param {PostFields} changed as the API returned it
   * @param {string} message
   */
  postChanged(post, changed, message) {
    if (post.id === this.thread.opening.id) {
      this.thread.hidden = changed.hidden;
      this.renderHeader();
    }
    this.replacePost({ ...post, ...changed });
    announce(message);
    document.getElementById(`post-${post.id}`)?.focus();
  }

  // -------------------------------------------------------------- edit ---

  /**
   * Edit a post in place.
   * @param {PostFields} post
   * @param {HTMLElement} article
   * @param {boolean} opening
   */
  startEdit(post, article, opening) {
    const id = postFieldId('edit', post);
    const editor = markdownEditor({ id, label: opening ? 'Edit the opening post' : 'Edit your reply', value: post.body, rows: 8, signal: this.signal });
    attachMentions(editor.textarea, { signal: this.signal });
    const formErrors = h('div', { class: 'form-errors', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'button' }, 'Save changes');
    const cancel = h('button', { type: 'button', class: 'button button-secondary' }, 'Cancel');
    const form = h('form', { class: 'edit-form', novalidate: true }, formErrors, editor.element,
      h('div', { class: 'form-actions' }, save, cancel));
    const body = /** @type {HTMLElement} */ (article.querySelector('.post-body'));
    const actions = /** @type {HTMLElement | null} */ (article.querySelector('.post-actions'));
    body.hidden = true;
    if (actions) actions.hidden = true;
    body.after(form);
    editor.textarea.focus();
    cancel.addEventListener('click', () => {
      form.remove();
      body.hidden = false;
      if (actions) actions.hidden = false;
      /** @type {HTMLElement | null} */ (article.querySelector('.post-actions button:last-child'))?.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      clearFieldErrors(form);
      replaceChildren(formErrors);
      try {
        const payload = (await gql(EDIT_POST_MUTATION, { input: { postId: post.id, body: postText(editor.textarea.value) } })).editPost;
        if (payload.errors.length || !payload.post) {
          showFormErrors(form, formErrors, payload.errors, { body: id });
          return;
        }
        this.replacePost(payload.post);
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
      signal: this.signal,
      onInput: (value) => {
        try {
          if (value) sessionStorage.setItem(this.draftKey, value);
          else sessionStorage.removeItem(this.draftKey);
        } catch { /* storage may be off */ }
      },
    });
    attachMentions(editor.textarea, { signal: this.signal });
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
        // No signal: a reply sent stays sent when the page is left.
        const data = await gql(REPLY_MUTATION, {
          input: { threadId: thread.id, body: postText(editor.textarea.value), idempotencyKey: this.pendingKey },
        });
        this.pendingKey = null;
        const payload = data.reply;
        if (payload.errors.length || !payload.post) {
          showFormErrors(form, formErrors, payload.errors, { body: 'reply-body' }, editor.textarea);
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
