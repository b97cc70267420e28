import type { Block } from '../../model/annotations.js';
import type { Published, Removal } from '../../model/article.js';
import { normalizeDate } from '../dates.js';

/** Outlet and date read off a pasted page, each with the line that gave it. */
export interface PastedMeta {
  outlet: { name: string; line: string } | null;
  published: Published | null;
}

/** "© 2026 Name.", "Copyright © 2026 Name 98.1.", "© Name 2026": group 1 is the name. Bounded, linear. */
const COPYRIGHT_NAME =
  /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]?\s*(?:\d{4}\s*)?)?([\p{L}][\p{L}\p{N}&.'’ -]{1,60}?)(?:\s+\d{4})?\s*(?:\.\s|\.$|[,|·]|all rights|todos los derechos|$)/iu;
/** "Name © 2026": the name before the sign. */
const NAME_COPYRIGHT = /^([\p{L}][\p{L}\p{N}&.'’ -]{1,60}?)\s*(?:©|\(c\))\s*\d{4}/iu;
/** How many of the first blocks may hold the page's own date line (later ones date entries or updates). */
const DATE_LINE_WINDOW = 6;

/**
 * Metadata a pasted page gives away: the outlet named by its own copyright line (not a credit naming where the
 * text came from), and the publication date from a date-only line near the top ("Published 10 March 2026 ·
 * Updated …"), basis `dateline`. Nothing is guessed: no line, no value.
 */
export function pastedMeta(text: string, blocks: readonly Block[], removed: readonly Removal[]): PastedMeta {
  let outlet: PastedMeta['outlet'] = null;
  for (const r of removed) {
    if (r.reason !== 'chrome: copyright') continue;
    const before = NAME_COPYRIGHT.exec(r.text)?.[1]?.trim();
    const name = before && !/^copyright$/i.test(before) ? before : COPYRIGHT_NAME.exec(r.text)?.[1]?.trim();
    if (name && /\p{L}{2}/u.test(name)) {
      outlet = { name, line: r.text };
      break;
    }
  }
  let published: Published | null = null;
  for (const b of blocks.slice(0, DATE_LINE_WINDOW)) {
    if (b.kind !== 'dateline' || b.end - b.start > 160) continue;
    const line = text.slice(b.start, b.end);
    if (/^[\p{Lu}\s,.'’-]+[—–-]\s*$/u.test(line)) continue; // "CITY —" prefix of a paragraph, not a date line
    const date = normalizeDate(line);
    if (date) {
      published = { date, basis: 'dateline', place: { start: b.start, end: b.end } };
      break;
    }
  }
  return { outlet, published };
}
