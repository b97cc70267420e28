import type { Block } from '../../model/annotations.js';
import type { ArticleKind, MetaLine, Published, Removal } from '../../model/article.js';
import { normalizeDate } from '../dates.js';
import type { CleanedText } from './clean-text.js';
import { furnitureCandidates, mastheadCandidate, type OutletCandidate, pickOutlet, registryCandidates, withoutLegalForm } from './outlet-names.js';

/** Outlet, authors, date, title and kind read off a pasted page, each traceable to the line that gave it. */
export interface PastedMeta {
  outlet: { name: string; line: string } | null;
  authors: string[];
  published: Published | null;
  /** Last revision date from an "Updated …" line, `YYYY-MM-DD`. */
  modified: string | null;
  title: string | null;
  /** `lead` when the title is the first sentence because the page printed no headline. */
  titleFrom: 'lead' | null;
  kind: ArticleKind | null;
  /** The metadata lines, plus the copyright line when it named the outlet. */
  metaLines: MetaLine[];
}

/** "© 2026 Name.", "Copyright © 2026 Name 98.1.", "© Name 2026": group 1 is the name. Bounded, linear. */
const COPYRIGHT_NAME =
  /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*[-–.,])?\s*)?([\p{L}][\p{L}\p{N}&.'’ -]{1,60}?)(?:\s+\d{4})?\s*(?:\.\s|\.$|[,|·(]|\s[-–—]\s|all rights|todos los derechos|$)/iu;
/** Longest copyright line read for a name (they are short; the bound keeps the patterns' work small on hostile text). */
const MAX_COPYRIGHT_CHARS = 300;
/** "Name © 2026": the name before the sign. */
const NAME_COPYRIGHT = /^([\p{L}][\p{L}\p{N}&.'’ -]{1,60}?)\s*(?:©|\(c\)|copyright)\s*\d{4}/iu;
/** How many of the first blocks may hold the page's own date line (later ones date entries or updates). */
const DATE_LINE_WINDOW = 6;
/** Longest title made from a lead sentence when the page has no headline line (words; a headline's usual length). */
const MAX_LEAD_TITLE_WORDS = 14;
const MAX_AUTHORS = 10;
/** A copyright line names the publisher outright (weights: see outlet-names.ts). */
const COPYRIGHT_WEIGHT = 3;

/**
 * Settles the metadata of a pasted page: header and footer lines first (masthead, byline, date line, kind label;
 * see header.ts), then the page's own copyright line for the outlet, then a date-only line kept in the text. With no
 * headline line, the title is the lead sentence, shortened. Nothing is guessed beyond that: no line, no value.
 */
export function pastedMeta(cleaned: Pick<CleanedText, 'text' | 'blocks' | 'removed' | 'metaLines' | 'headline'> & { firstLine?: Removal | null }): PastedMeta {
  const { text, blocks, removed } = cleaned;
  const metaLines = [...cleaned.metaLines];
  const first = (field: MetaLine['field']): MetaLine | undefined => metaLines.find((m) => m.field === field);
  let outlet: PastedMeta['outlet'] = null;
  const stated = first('outlet');
  if (stated) outlet = { name: stated.value, line: stated.text };
  else {
    const candidates = [
      ...copyrightCandidates(removed),
      ...furnitureCandidates(removed),
      ...mastheadCandidate(cleaned.firstLine ?? null),
      ...registryCandidates(removed),
    ];
    const named = pickOutlet(candidates, `${text}\n${removed.map((r) => r.text).join('\n')}`);
    if (named) {
      outlet = { name: named.name, line: named.line.text };
      metaLines.push({ field: 'outlet', value: named.name, text: named.line.text, raw: named.line.raw });
    }
  }
  const authors = [...new Set(metaLines.filter((m) => m.field === 'authors').map((m) => m.value))].slice(0, MAX_AUTHORS);
  const date = pickDate(metaLines);
  const published: Published | null = date ? { date: date.value, basis: 'dateline' } : dateInText(text, blocks);
  const kind = (first('kind')?.value as ArticleKind | undefined) ?? null;
  const lead = cleaned.headline === null ? leadTitle(text, blocks) : null;
  const title = cleaned.headline ?? lead;
  const modified = first('modified')?.value ?? null;
  return { outlet, authors, published, modified, title, titleFrom: lead ? 'lead' : null, kind, metaLines };
}

/** The header's date line under the headline wins over one above it (a masthead's "today" sits above). */
function pickDate(metaLines: readonly MetaLine[]): MetaLine | undefined {
  const title = metaLines.find((m) => m.field === 'title');
  const dates = metaLines.filter((m) => m.field === 'published');
  return (title && dates.find((d) => d.raw.start > title.raw.start)) ?? dates[dates.length - 1];
}

/** The publisher a copyright line names, without its company form: a candidate for the outlet. */
function copyrightCandidates(removed: readonly Removal[]): OutletCandidate[] {
  const out: OutletCandidate[] = [];
  for (const r of removed) {
    if (r.reason !== 'chrome: copyright') continue;
    const line = r.text.slice(0, MAX_COPYRIGHT_CHARS);
    const before = NAME_COPYRIGHT.exec(line)?.[1]?.trim();
    const name = before && !/copyright|all rights/i.test(before) ? before : COPYRIGHT_NAME.exec(line)?.[1]?.trim();
    if (name && /\p{L}{2}/u.test(name) && !/^(?:all rights|todos los derechos)/i.test(name))
      out.push({ name: withoutLegalForm(name), line: r, weight: COPYRIGHT_WEIGHT });
  }
  return out;
}

/** A date-only line left in the text near the top ("Published 10 March 2026 · Updated …"), basis `dateline`. */
function dateInText(text: string, blocks: readonly Block[]): Published | null {
  for (const b of blocks.slice(0, DATE_LINE_WINDOW)) {
    if (b.kind !== 'dateline' || b.end - b.start > 160) continue;
    const line = text.slice(b.start, b.end);
    if (/^[\p{Lu}\s,.'’-]+[—–-]\s*$/u.test(line)) continue; // "CITY —" prefix of a paragraph, not a date line
    if (/^(?:updated|last updated|actualizado)\b/i.test(line)) continue; // a revision's date, not the publication's
    const date = normalizeDate(line);
    if (date) return { date, basis: 'dateline', place: { start: b.start, end: b.end } };
  }
  return null;
}

/** The first sentence of the first paragraph, cut at a word boundary: a title for a page that printed none. */
function leadTitle(text: string, blocks: readonly Block[]): string | null {
  const lead = blocks.find((b) => b.kind === 'paragraph');
  if (!lead) return null;
  const paragraph = text.slice(lead.start, Math.min(lead.end, lead.start + 600));
  const sentence = /^.*?[.!?](?=\s|$)/su.exec(paragraph)?.[0] ?? paragraph;
  const words = sentence.replace(/[.!?]$/, '').split(/\s+/);
  if (words.length < 3) return null;
  return words.length <= MAX_LEAD_TITLE_WORDS ? words.join(' ') : `${words.slice(0, MAX_LEAD_TITLE_WORDS).join(' ')}…`;
}
