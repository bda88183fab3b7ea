// Human names for the API's enum values, and time formatting.

export const PILLARS = {
  ROUTES_AND_DIRECTIONS: 'Routes and directions',
  ORGANISATIONAL_CAPACITY: 'Organisational capacity',
  ASSESSMENT: 'Assessment',
  RISKS_AND_REWARDS: 'Risks and rewards',
};

/** Short column headings for the network grid. */
export const PILLAR_SHORT = {
  ROUTES_AND_DIRECTIONS: 'Routes',
  ORGANISATIONAL_CAPACITY: 'Capacity',
  ASSESSMENT: 'Assess\u00ADment',
  RISKS_AND_REWARDS: 'Risks & rewards',
};

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

export const KINDS = {
  CHALLENGE: 'Challenge',
  DISCUSSION: 'Discussion',
  CASE_EXAMPLE: 'Case example',
};

export const KIND_HINTS = {
  CHALLENGE: 'Your organisation faces a challenge and asks the network.',
  DISCUSSION: 'An open discussion.',
  CASE_EXAMPLE: 'A case of practice, shared for others to learn from.',
};

export const STATUSES = {
  OPEN: 'Open',
  ANSWERED: 'Answered',
  CLOSED: 'Closed',
};

export const VISIBILITIES = {
  PUBLIC: 'Public',
  MEMBERS: 'Members only',
};

export const VISIBILITY_HINTS = {
  PUBLIC: 'Anyone may read it, and partner sites may embed it.',
  MEMBERS: 'Only signed-in members of the network may read it.',
};

export const ROLES = {
  MEMBER: 'Member',
  RESEARCHER: 'Researcher',
  MODERATOR: 'Moderator',
  ADMIN: 'Administrator',
};

export const ORDERS = {
  LAST_ACTIVITY: 'Latest activity',
  NEWEST: 'Newest',
  MOST_REPLIES: 'Most replies',
};

export function label(map, value) {
  return map[value] ?? String(value).toLowerCase().replaceAll('_', ' ');
}

let regionNames = null;
/** "DE" -> "Germany" (falls back to the code). */
export function countryName(code) {
  if (!code) return '';
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code.toUpperCase()) || code;
  } catch {
    return code;
  }
}

const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 hours ago", "just now". */
export function relativeTime(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

export function absoluteTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : absolute.format(date);
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
