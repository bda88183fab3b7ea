// @ts-check
// Building DOM without HTML strings.
//
// Everything the API returns (titles, topics, names, descriptions) is text and
// goes in as text nodes or attribute values. The only HTML the client ever
// inserts is a post's `bodyHtml`, which the server renders and sanitises; see
// `setSanitisedHtml`.

const SAFE_URL = /^(?:\/(?!\/)|#|\?|https?:|mailto:)/i;
const REFUSED_PROPS = new Set(['style', 'innerHTML', 'outerHTML', 'srcdoc']);
const PROPERTY_PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'indeterminate', 'open']);

/**
 * What `h()` and `append()` accept as children: nodes, text, and nested lists of
 * them; null, undefined and false are skipped.
 * @typedef {Node | string | number | null | undefined | false | Child[]} Child
 */

/**
 * Attributes and properties for `h()`: `class` takes a string or a list (falsy
 * entries dropped), `dataset` an object, `onX` a listener; `href`, `src` and
 * `action` are passed through `safeUrl`; null, undefined and false leave the
 * attribute out, true sets it empty.
 * @typedef {Record<string, unknown>} Props
 */

/**
 * h('a', {href: '/t/1', class: 'x', onClick: fn}, 'text', child, [more])
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props | null} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (REFUSED_PROPS.has(key)) throw new Error(`h(): refusing to set ${key}`);
      if (key === 'class') {
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
      } else if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
      } else if (key === 'dataset') {
        for (const [name, data] of Object.entries(/** @type {Record<string, unknown>} */ (value))) {
          if (data != null) el.dataset[name] = String(data);
        }
      } else if (PROPERTY_PROPS.has(key)) {
        /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[key] = value;
      } else if (key === 'href' || key === 'src' || key === 'action') {
        el.setAttribute(key, safeUrl(String(value)));
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

/**
 * @template {ParentNode} P
 * @param {P} parent
 * @param {Child} children
 * @returns {P}
 */
export function append(parent, children) {
  if (Array.isArray(children)) {
    for (const child of children) append(parent, child);
  } else if (children != null && children !== false) {
    parent.append(children instanceof Node ? children : document.createTextNode(String(children)));
  }
  return parent;
}

/**
 * Replace all children of `parent`.
 * @template {ParentNode} P
 * @param {P} parent
 * @param {...Child} children
 * @returns {P}
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/**
 * A URL for href/src: relative, http(s) or mailto; anything else becomes '#'.
 * @param {string} url
 */
export function safeUrl(url) {
  const s = String(url).trim();
  return SAFE_URL.test(s) ? s : '#';
}

/**
 * Only for HTML the server rendered from markdown and sanitised (`Post.bodyHtml`,
 * `Organisation.descriptionHtml`).
 * @template {HTMLElement} E
 * @param {E} el
 * @param {string} bodyHtml
 * @returns {E}
 */
export function setSanitisedHtml(el, bodyHtml) {
  el.innerHTML = bodyHtml;
  for (const a of el.querySelectorAll('a[href]')) {
    if (!/^(?:https?:|mailto:|#|\/(?!\/))/i.test(a.getAttribute('href') ?? '')) a.removeAttribute('href');
  }
  return el;
}

/**
 * Text only visible to assistive technology.
 * @param {string} text
 */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden' }, text);
}

let uid = 0;
/** An id unique in the page: `prefix-1`, `prefix-2`, … */
export function uniqueId(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * Politely tell screen-reader users about something that changed.
 * @param {string} message
 */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes repeated messages be read again.
  setTimeout(() => { region.textContent = message; }, 50);
}

/**
 * The element with this id, which the page is known to have (a programming
 * error otherwise, not a user's).
 * @param {string} id
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  return el;
}
