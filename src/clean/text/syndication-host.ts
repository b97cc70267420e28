import { squash } from '../title.js';
import type { LineLabel } from './classify.js';
import type { Line } from './lines.js';

/**
 * The holder a rights notice names: "© 2026 Harbour Gazette", "Copyright © 2019–2026 Harbour Gazette. All rights
 * reserved." (up to the first stop, pipe or the rights words). Bounded: one lazy run of at most 60 characters.
 */
const COPYRIGHT_HOLDER = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?([^|.,;©]{2,60}?)\s*(?:[.,;|]|\ball rights reserved\b|$)/iu;
/** A rights notice is a short line; a longer one is prose about copyright. */
const MAX_NOTICE_WORDS = 16;
/** Longest holder name taken (an outlet's name, not a sentence). */
const MAX_HOLDER_WORDS = 5;

/**
 * The publisher of a page that credits its text to another outlet ("This article originally appeared in X. © X"):
 * such a page carries two rights notices, the origin's inside the credit and the host site's own. When the page has a
 * syndication credit and exactly one other name holds a rights notice, that name is the page's outlet; with none or
 * several (photo agencies, a parent company beside the site) nothing is said. The credited origin stays provenance.
 */
export function syndicationHost(lines: readonly Line[], labels: readonly LineLabel[]): { name: string; line: Line } | null {
  const origins = labels.flatMap((l) => (l.kind === 'credit' && l.origin ? [keyOf(l.origin)] : [])).filter((k) => k.length >= 2);
  if (origins.length === 0) return null;
  const holders = rightsHolders(lines, labels).filter((h) => !origins.some((o) => o.includes(h.key) || h.key.includes(o)));
  return holders.length === 1 ? (holders[0] ?? null) : null;
}

/** The distinct holders the page's rights notices name (not credits or photo credits), in page order, with the first line naming each. */
function rightsHolders(lines: readonly Line[], labels: readonly LineLabel[]): Array<{ name: string; key: string; line: Line }> {
  const holders = new Map<string, { name: string; key: string; line: Line }>();
  lines.forEach((line, i) => {
    const kind = labels[i]?.kind;
    if (kind === 'credit' || kind === 'embed' || line.words > MAX_NOTICE_WORDS) return;
    const name = COPYRIGHT_HOLDER.exec(line.text)?.[1]?.trim();
    if (!name || !/\p{Lu}/u.test(name) || name.split(/\s+/).length > MAX_HOLDER_WORDS) return;
    const key = keyOf(name);
    if (key.length >= 2 && !holders.has(key)) holders.set(key, { name, key, line });
  });
  return [...holders.values()];
}

function keyOf(name: string): string {
  return squash(name.replace(/^the\s+/i, ''));
}
