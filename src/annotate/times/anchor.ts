import type { AnchorBasis } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import { covers, type Span } from '../../model/span.js';
import { dayNumber } from './calendar.js';
import { detectTimes } from './detect.js';
import type { EmbedZone } from './mentions.js';
import type { Reference } from './normalize.js';
import type { Detection } from './spec.js';

/**
 * Where an article's "today" comes from, in order of trust: its metadata, else a full date written in its own text,
 * else (set later by the story linker) the other articles of its story, else a caption written by the outlet,
 * else nothing. Social posts quote other days and never date the article.
 */

/** A chosen reference date and its evidence. */
export interface ReferenceChoice {
  reference: Reference | null;
  basis: AnchorBasis;
  /** Where in the clean text the evidence sits (text basis only). */
  place?: Span;
}

/**
 * Reference years the calendar arithmetic is valid for: `Date.UTC` reads years 0–99 as 1900–1999, and a reference
 * near 9999 resolves "next year" to a five-digit year that is no TIMEX3 value. A placeholder date ("0001-01-01",
 * "9999-12-31") from hostile or broken metadata is no reference at all.
 */
const MIN_REFERENCE_YEAR = 1000;
const MAX_REFERENCE_YEAR = 9000;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (with anything after, such as a time) into a reference. */
export function parseReference(date: string | null | undefined): Reference | null {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null;
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_REFERENCE_YEAR || year > MAX_REFERENCE_YEAR) return null;
  const month = m[2] ? Number(m[2]) : null;
  if (month === null || month < 1 || month > 12) return { year, month: null, day: null };
  const day = m[3] ? Number(m[3]) : null;
  return { year, month, day: day !== null && day >= 1 && day <= 31 ? day : null };
}

/** `YYYY-MM-DD` (or coarser) of a reference. */
export function formatReference(ref: Reference): string {
  const parts = [String(ref.year).padStart(4, '0')];
  if (ref.month !== null) parts.push(String(ref.month).padStart(2, '0'));
  if (ref.month !== null && ref.day !== null) parts.push(String(ref.day).padStart(2, '0'));
  return parts.join('-');
}

/** Embeds kept in the clean text (captions), as zones whose expressions keep the embed's own date. */
export function embedZones(article: Article): EmbedZone[] {
  return article.embeds.filter((e) => e.inText).map((e) => ({ span: e.place, reference: parseReference(e.date) }));
}

/**
 * Picks the article's reference date. From the text, only full dates (day, month and year) outside embeds count,
 * and not in a future clause ("the vote will be held on Nov. 3, 2026"): a date in a dateline or byline block wins;
 * otherwise the latest one, since articles recount history but are written after what they report.
 */
export function chooseReference(article: Article, detections: readonly Detection[], zones: readonly EmbedZone[], captionAnchor = true): ReferenceChoice {
  const published = parseReference(article.published.date);
  if (published) return { reference: published, basis: 'metadata' };
  const datelines = layer(article, 'blocks').filter((b) => b.kind === 'dateline' || b.kind === 'byline');
  const fromText = latestFullDate(
    detections.filter((d) => d.tense !== 1 && !zones.some((z) => covers(z.span, d)) && !ambiguousNumeric(article.text.slice(d.start, d.end))),
    datelines,
  );
  if (fromText) return { reference: fromText.reference, basis: 'text', place: { start: fromText.start, end: fromText.end } };
  const fromCaptions = captionAnchor ? captionDate(article) : null;
  if (fromCaptions) return { reference: fromCaptions, basis: 'embed' };
  return { reference: null, basis: 'none' };
}

/**
 * "12/03/2026" is 12 March on most of the world's pages and 3 December on American ones: when both numbers could be
 * the month, the page's language does not settle it, so such a date never becomes the reference.
 */
function ambiguousNumeric(text: string): boolean {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}$/.exec(text.trim());
  return m !== null && Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2];
}

function fullDate(d: Detection): Reference | null {
  const s = d.spec;
  if (s.kind !== 'calendar' || s.year === undefined || s.month === undefined || s.day === undefined) return null;
  return { year: s.year, month: s.month, day: s.day };
}

function latestFullDate(detections: readonly Detection[], datelines: readonly Span[]): { reference: Reference; start: number; end: number } | null {
  let best: { reference: Reference; start: number; end: number } | null = null;
  for (const d of detections) {
    const reference = fullDate(d);
    if (!reference) continue;
    if (datelines.some((b) => covers(b, d))) return { reference, start: d.start, end: d.end };
    if (!best || dayOf(reference) > dayOf(best.reference)) best = { reference, start: d.start, end: d.end };
  }
  return best;
}

function dayOf(ref: Reference): number {
  return dayNumber({ year: ref.year, month: ref.month ?? 1, day: ref.day ?? 1 });
}

/**
 * The latest full date in the outlet's own captions (not social posts, not photo credits). A caption of an archive
 * photo dates the photo first ("FILE — … Aug. 8") and the news after it, so the latest date is the news date.
 */
function captionDate(article: Article): Reference | null {
  let best: Reference | null = null;
  for (const embed of article.embeds) {
    if (embed.kind !== 'caption') continue;
    for (const d of detectTimes(embed.text, article.language, [])) {
      const reference = d.tense === 1 ? null : fullDate(d);
      if (reference && (!best || dayOf(reference) > dayOf(best))) best = reference;
    }
  }
  return best;
}
