import type { Block } from '../../model/annotations.js';
import type { ArticleKind, MetaLine, Published } from '../../model/article.js';
import { normalizeDate } from '../dates.js';
import type { CleanedText } from './clean-text.js';
import { readOutlet } from './outlet-model.js';
import { syndicationHost } from './syndication-host.js';

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
  /** The metadata lines, plus the line that named the outlet. */
  metaLines: MetaLine[];
}

/** How many of the first blocks may hold the page's own date line (later ones date entries or updates). */
const DATE_LINE_WINDOW = 6;
/** Longest title made from a lead sentence when the page has no headline line (words; a headline's usual length). */
const MAX_LEAD_TITLE_WORDS = 14;
const MAX_AUTHORS = 10;

/**
 * Settles the metadata of a pasted page: header and footer lines first (masthead, byline, date line, kind label;
 * see header.ts), the outlet from the names the page gives itself (outlet-model.ts), then a date-only line kept in the text. With no
 * headline line, the title is the lead sentence, shortened. Nothing is guessed beyond that: no line, no value.
 */
export function pastedMeta(cleaned: Pick<CleanedText, 'text' | 'blocks' | 'metaLines' | 'headline' | 'lines' | 'labels'>): PastedMeta {
  const { text, blocks } = cleaned;
  const stated = headerOutlet(cleaned.metaLines);
  // The header's outlet is one cue among the page's others: the model weighs them all (outlet-model.ts).
  const metaLines = cleaned.metaLines.filter((m) => m.field !== 'outlet');
  const first = (field: MetaLine['field']): MetaLine | undefined => metaLines.find((m) => m.field === field);
  const named = readOutlet(cleaned.lines, cleaned.labels, stated);
  // A syndicated copy's own rights notice names its host (syndication-host.ts); the model, trained on pages that credit
  // no origin, weighs a lone notice low (often a parent company's).
  const host = named ? null : syndicationHost(cleaned.lines, cleaned.labels);
  const stating = named ? { name: named.candidate.name, line: named.candidate.line } : host;
  // A slug line ("Headline/ Outlet/ CITY/ Author/ Section/ …") states its outlet in a fixed slot: it stands when the
  // model found nothing (the training pages have no slug lines to weigh it by).
  const slug = stating ? null : slugOutlet(cleaned);
  if (stating) {
    const line = stating.line;
    metaLines.push({ field: 'outlet', value: stating.name, text: line.text, raw: { start: line.start, end: line.end } });
  } else if (slug) metaLines.push(slug);
  const outlet: PastedMeta['outlet'] = stating ? { name: stating.name, line: stating.line.text } : slug ? { name: slug.value, line: slug.text } : null;
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

/** The outlet the header lines state ("By A, Outlet", "Outlet | date"; header.ts), or null. */
export function headerOutlet(metaLines: readonly MetaLine[]): string | null {
  return metaLines.find((m) => m.field === 'outlet')?.value ?? null;
}

/** The outlet a slug line's segment stated (header.ts reads the chain), or null. */
function slugOutlet(cleaned: Pick<CleanedText, 'metaLines' | 'lines'>): MetaLine | null {
  const stated = cleaned.metaLines.find((m) => m.field === 'outlet');
  const line = stated ? cleaned.lines.find((l) => l.start === stated.raw.start && l.end === stated.raw.end) : undefined;
  return stated && line?.segment ? stated : null;
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
