// @ts-check
// What people type (or an address holds), turned into what the API takes, and
// the API's words made to read well where the client shows them.

/**
 * "Procurement, public-finance  ,#capabilities" -> ["procurement", "public-finance", "capabilities"]:
 * split at commas and new lines, '#' and case dropped, each topic once.
 * @param {string} text
 */
export function parseTopics(text) {
  const seen = new Set();
  for (const raw of text.split(/[,\n]/)) {
    const topic = raw.trim().replace(/^#/, '').toLowerCase();
    if (topic) seen.add(topic);
  }
  return [...seen];
}

/**
 * A post's text as the API takes it: the manual line breaks and page breaks that
 * word processors put in copied text (U+000B, U+000C) become line breaks, because
 * the API refuses control characters in text (they break feeds and calendars).
 * @param {string} text
 */
export function postText(text) {
  return text.replace(/[\v\f]/g, '\n');
}

/**
 * A description without the title it repeats: under the title "Assessment",
 * "Assessment: evaluating …" reads better as "Evaluating …".
 * @param {string} title
 * @param {string} description
 */
export function withoutTitle(title, description) {
  const prefix = `${title}:`;
  if (!description.toLowerCase().startsWith(prefix.toLowerCase())) return description;
  const rest = description.slice(prefix.length).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * `value` if it is one of `allowed`, else ''.
 * @template {string} E
 * @param {string | null} value
 * @param {ReadonlyArray<E>} allowed
 * @returns {E | ''}
 */
export function oneOf(value, allowed) {
  return allowed.find((a) => a === value) ?? '';
}
