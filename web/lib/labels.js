// @ts-check
// Words for the API's values that the API does not serve, and formatting of
// numbers and times. What the API does serve (the pillars' titles and
// descriptions, the descriptions of thread kinds and visibilities) comes with
// the session: see lib/session.js. Each map is typed by the API's enum, so a
// value added to the schema fails the type check until it has a word here.

/** @import { MemberRole, OrganisationType, RoarPillar, ThreadKind, ThreadOrder, ThreadStatus, Visibility } from '../graphql/types' */

/**
 * Short column headings of the network grid (the API's titles are too long for it).
 * @type {Record<RoarPillar, string>}
 */
export const PILLAR_SHORT = {
  ROUTES_AND_DIRECTIONS: 'Routes',
  ORGANISATIONAL_CAPACITY: 'Capacity',
  ASSESSMENT: 'Assess\u00ADment',
  RISKS_AND_REWARDS: 'Risks & rewards',
};

/** @type {Record<OrganisationType, string>} */
export const ORGANISATION_TYPES = {
  GOVERNMENT_DEPARTMENT: 'Government department',
  PUBLIC_BANK: 'Public bank',
  INTERNATIONAL_AGENCY: 'International agency',
  STRATEGIC_DESIGN_AGENCY: 'Strategic design agency',
  RESEARCH_INNOVATION_AGENCY: 'Research and innovation agency',
  DIGITAL_AGENCY: 'Digital agency',
  LOCAL_REGIONAL_GOVERNMENT: 'Local or regional government',
  SPACE_AGENCY: 'Space agency',
  RESEARCH_INSTITUTE: 'Research institute',
};

/** The organisation types in the network grid's narrow first column: long words break at
 * a soft hyphen ("Govern-ment"), never between any two letters.
 * @type {Record<OrganisationType, string>} */
export const ORGANISATION_TYPES_NARROW = {
  ...ORGANISATION_TYPES,
  GOVERNMENT_DEPARTMENT: 'Govern\u00ADment depart\u00ADment',
  INTERNATIONAL_AGENCY: 'Inter\u00ADnational agency',
  RESEARCH_INNOVATION_AGENCY: 'Research and inno\u00ADvation agency',
  LOCAL_REGIONAL_GOVERNMENT: 'Local or regional govern\u00ADment',
};

/** @type {Record<ThreadKind, string>} */
export const KINDS = {
  CHALLENGE: 'Challenge',
  DISCUSSION: 'Discussion',
  CASE_EXAMPLE: 'Case example',
};

/** @type {Record<ThreadStatus, string>} */
export const STATUSES = {
  OPEN: 'Open',
  ANSWERED: 'Answered',
  CLOSED: 'Closed',
};

/** @type {Record<Visibility, string>} */
export const VISIBILITIES = {
  PUBLIC: 'Public',
  MEMBERS: 'Members only',
};

/** @type {Record<MemberRole, string>} */
export const ROLES = {
  MEMBER: 'Member',
  RESEARCHER: 'Researcher',
  MODERATOR: 'Moderator',
  ADMIN: 'Administrator',
};

/** @type {Record<ThreadOrder, string>} */
export const ORDERS = {
  LAST_ACTIVITY: 'Latest activity',
  NEWEST: 'Newest',
  MOST_REPLIES: 'Most replies',
  FEWEST_REPLIES: 'Fewest replies',
  OLDEST_UNANSWERED: 'Oldest unanswered',
};

/**
 * The word for `value` in `map`; an unknown value (a newer server) is shown
 * readably: "NEW_VALUE" -> "new value".
 * @param {Partial<Record<string, string>>} map
 * @param {string} value
 */
export function label(map, value) {
  return map[value] ?? String(value).toLowerCase().replaceAll('_', ' ');
}

/** @type {Intl.DisplayNames | null} */
let regionNames = null;
/**
 * "DE" -> "Germany" (falls back to the code).
 * @param {string | null | undefined} code
 */
export function countryName(code) {
  if (!code) return '';
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code.toUpperCase()) || code;
  } catch {
    return code;
  }
}

/** @type {Array<[Intl.RelativeTimeFormatUnit, number]>} */
const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
/** @type {Map<string, Intl.RelativeTimeFormat>} */
const relativeFormats = new Map();
// Dates and numbers in the reader's own locale (the words stay English).
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const numbers = new Intl.NumberFormat(undefined);
const pluralRules = new Intl.PluralRules('en');
/** @type {Map<string, Intl.NumberFormat>} */
const units = new Map();

/**
 * Relative times in a language (English when the tag is not one the browser knows).
 * @param {string} lang a BCP 47 tag
 */
function relativeFormat(lang) {
  let format = relativeFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    } catch {
      format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    }
    relativeFormats.set(lang, format);
  }
  return format;
}

/**
 * "3 hours ago", "just now" ("vor 3 Stunden", "jetzt" with `lang` 'de'); '' for a
 * time that cannot be read.
 * @param {string} iso
 * @param {number} [now] milliseconds since the epoch
 * @param {string} [lang] the language of the words (the feed widget's `lang`)
 */
export function relativeTime(iso, now = Date.now(), lang = 'en') {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  const format = relativeFormat(lang);
  if (Math.abs(seconds) < 45) return lang === 'en' ? 'just now' : format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

/**
 * A short age for a column of a list: "now", "5m", "3h", "2d"; from four weeks on, the
 * date ("12 Nov", with the year when it is not this one). '' for a time that cannot be read.
 * @param {string} iso
 * @param {number} [now] milliseconds since the epoch
 */
export function shortAge(iso, now = Date.now()) {
  const date = new Date(iso);
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 60) return 'now';
  /** @type {Array<[string, number]>} */
  const steps = [['minute', 60], ['hour', 3600], ['day', 24 * 3600]];
  const limits = [3600, 24 * 3600, 28 * 24 * 3600];
  for (const [i, [unit, size]] of steps.entries()) {
    if (seconds < limits[i]) {
      let format = units.get(unit);
      if (!format) {
        format = new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'narrow' });
        units.set(unit, format);
      }
      return format.format(Math.floor(seconds / size));
    }
  }
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return (sameYear ? dayMonth : dayMonthYear).format(date);
}

/**
 * "3 Dec 2026, 14:05" in the reader's locale; '' for a time that cannot be read.
 * @param {string} iso
 */
export function absoluteTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : absolute.format(date);
}

/**
 * "1 reply", "2 replies", "1,204 threads": the noun chosen by the language's plural rules.
 * @param {number} n
 * @param {string} one
 * @param {string} [many]
 */
export function plural(n, one, many = `${one}s`) {
  return `${numbers.format(n)} ${pluralWord(n, one, many)}`;
}

/**
 * A count in the reader's locale: "1,204".
 * @param {number} n
 */
export function formatCount(n) {
  return numbers.format(n);
}

/**
 * The word alone: "reply" or "replies" for `n`.
 * @param {number} n
 * @param {string} one
 * @param {string} [many]
 */
export function pluralWord(n, one, many = `${one}s`) {
  return pluralRules.select(n) === 'one' ? one : many;
}
