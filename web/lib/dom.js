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
 * h('a', {href: '/t/1', class: 'x', onClick: fn}, 'text', child, [more])
 * Strings and numbers become text nodes; null, undefined and false are skipped.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (REFUSED_PROPS.has(key)) throw new Error(`h(): refusing to set ${key}`);
      if (key === 'class') {
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      } else if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2).toLowerCase(), value);
      } else if (key === 'dataset') {
        Object.assign(el.dataset, value);
      } else if (PROPERTY_PROPS.has(key)) {
        el[key] = value;
      } else if (key === 'href' || key === 'src' || key === 'action') {
        el.setAttribute(key, safeUrl(value));
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replace all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A URL for href/src: relative, http(s) or mailto; anything else becomes '#'. */
export function safeUrl(url) {
  const s = String(url).trim();
  return SAFE_URL.test(s) ? s : '#';
}

/** Only for `Post.bodyHtml`: HTML the server rendered from markdown and sanitised. */
export function setSanitisedHtml(el, bodyHtml) {
  el.innerHTML = bodyHtml;
  for (const a of el.querySelectorAll('a[href]')) {
    if (!/^(?:https?:|mailto:|#|\/(?!\/))/i.test(a.getAttribute('href'))) a.removeAttribute('href');
  }
  return el;
}

/** Text only visible to assistive technology. */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden' }, text);
}

let uid = 0;
export function uniqueId(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Politely tell screen-reader users about something that changed. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes repeated messages be read again.
  setTimeout(() => { region.textContent = message; }, 50);
}
