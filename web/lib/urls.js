// @ts-check
// Addresses the client builds from what it is given.

/**
 * Where to go after signing in: only paths on this site, and never back to the
 * sign-in page; anything else is '/'.
 * @param {unknown} value
 */
export function safeNext(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/signin')) return '/';
  return value;
}

/**
 * A provider's sign-in address with `next` added to its query string.
 * @param {string} loginUrl
 * @param {string} next
 */
export function withNext(loginUrl, next) {
  return `${loginUrl}${loginUrl.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}`;
}
