// @ts-check
// Initials avatars: generated from a member's name, coloured from their id, so
// that a list shows who is talking without loading any image.

import { h } from './dom.js';

/**
 * "Ana María López" -> "AL"; "mei" -> "M".
 * @param {string} name
 */
export function initials(name) {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]][0] ?? '';
  const last = words.length > 1 ? [...words[words.length - 1]][0] ?? '' : '';
  return (first + last).toLocaleUpperCase();
}

/**
 * A hue (0..359) from a member's id: the same member has the same colour everywhere.
 * @param {string} id
 */
export function hueOf(id) {
  let hash = 2166136261; // FNV-1a, 32 bits
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 360;
}

// Twelve hues, each with a class in style.css whose colours keep a contrast of 4.5:1
// in both themes (no inline style: the CSP forbids it).
const HUES = 12;

/**
 * The avatar of one member: their initials on their colour; the name for screen readers
 * comes from `label` (or the name itself).
 * @param {{ id: string, displayName: string }} member
 * @param {{ size?: 'small' | 'medium', decorative?: boolean }} [options]
 */
export function avatar(member, { size = 'small', decorative = false } = {}) {
  const hue = Math.floor(hueOf(member.id) / (360 / HUES));
  return h('span', {
    class: ['avatar', `avatar-${size}`, `avatar-hue-${hue}`],
    title: decorative ? null : member.displayName,
    role: decorative ? null : 'img',
    'aria-label': decorative ? null : member.displayName,
    'aria-hidden': decorative ? 'true' : null,
  }, initials(member.displayName));
}

/**
 * Overlapping avatars of a thread's participants, and "+n" for the rest.
 * @param {Array<{ id: string, displayName: string }>} people
 * @param {number} total how many participants there are in all
 */
export function avatarStack(people, total) {
  const rest = total - people.length;
  const names = people.map((p) => p.displayName).join(', ');
  const label = rest > 0 ? `${names} and ${rest} more` : names;
  return h('span', { class: 'avatar-stack', role: 'img', 'aria-label': `Participants: ${label}`, title: label },
    people.map((p) => avatar(p, { decorative: true })),
    rest > 0 ? h('span', { class: 'avatar avatar-small avatar-more', 'aria-hidden': 'true' }, `+${rest}`) : null);
}
