// A small markdown renderer for previews, used only when the server offers no
// preview of its own. It builds DOM nodes (never HTML strings), so whatever is
// typed stays text. It covers the common subset: headings, paragraphs, lists,
// block quotes, fenced code, rules, emphasis, code spans and links.

import { h } from './dom.js';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

export function renderMarkdown(source) {
  const fragment = document.createDocumentFragment();
  const lines = String(source).replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^\s*$/.test(line)) {
      i += 1;
      continue;
    }
    const fence = line.match(/^\s*(```|~~~)/);
    if (fence) {
      const code = [];
      i += 1;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) code.push(lines[i++]);
      i += 1;
      fragment.append(h('pre', null, h('code', null, code.join('\n'))));
      continue;
    }
    const heading = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (heading) {
      fragment.append(h(`h${heading[1].length}`, null, inline(heading[2])));
      i += 1;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      fragment.append(h('hr'));
      i += 1;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const quoted = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s{0,3}>\s?/, ''));
      fragment.append(h('blockquote', null, renderMarkdown(quoted.join('\n'))));
      continue;
    }
    const listMatch = line.match(/^\s{0,3}([-*+]|\d{1,9}[.)])\s+/);
    if (listMatch) {
      const ordered = /\d/.test(listMatch[1]);
      const list = h(ordered ? 'ol' : 'ul');
      const itemPattern = ordered ? /^\s{0,3}\d{1,9}[.)]\s+(.*)$/ : /^\s{0,3}[-*+]\s+(.*)$/;
      while (i < lines.length) {
        const item = lines[i].match(itemPattern);
        if (!item) break;
        const text = [item[1]];
        i += 1;
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !itemPattern.test(lines[i])) text.push(lines[i++].trim());
        list.append(h('li', null, inline(text.join('\n'))));
      }
      fragment.append(list);
      continue;
    }
    const paragraph = [];
    while (
      i < lines.length &&
      !/^\s*$/.test(lines[i]) &&
      !/^\s*(```|~~~|#{1,6}\s|>|[-*+]\s|\d{1,9}[.)]\s)/.test(lines[i])
    ) {
      paragraph.push(lines[i++]);
    }
    if (paragraph.length === 0) paragraph.push(lines[i++]);
    fragment.append(h('p', null, inline(paragraph.join('\n'))));
  }
  return fragment;
}

const INLINE = [
  // [pattern, build(match)]
  [/`([^`]+)`/, (m) => h('code', null, m[1])],
  [/\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__/, (m) => h('strong', null, inline(m[1] ?? m[2]))],
  [/\*(?=\S)([\s\S]*?\S)\*|(?<![\w])_(?=\S)([\s\S]*?\S)_(?![\w])/, (m) => h('em', null, inline(m[1] ?? m[2]))],
  [/\[([^\]]+)\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/, (m) => link(m[2], inline(m[1]))],
  [/<((?:https?:\/\/|mailto:)[^\s>]+)>/i, (m) => link(m[1], m[1])],
  [/ {2,}\n|\\\n/, () => h('br')],
];

function link(url, children) {
  if (!SAFE_LINK.test(url.trim())) return h('span', null, children);
  return h('a', { href: url, rel: 'nofollow noopener noreferrer ugc' }, children);
}

function inline(text) {
  const out = [];
  let rest = text;
  while (rest) {
    let best = null;
    for (const [pattern, build] of INLINE) {
      const m = rest.match(pattern);
      if (m && (best === null || m.index < best.m.index)) best = { m, build };
    }
    if (!best) {
      out.push(rest);
      break;
    }
    if (best.m.index > 0) out.push(rest.slice(0, best.m.index));
    out.push(best.build(best.m));
    rest = rest.slice(best.m.index + best.m[0].length);
  }
  return out;
}
