import type { DateBasis } from '../../model/article.js';
import type { Span } from '../../model/span.js';
import { findDate, normalizeDate } from '../dates.js';
import type { LdFacts } from './json-ld.js';
import type { DateMarkup, PageFacts } from './page-facts.js';
import { MODIFIED_META, PUBLISHED_HINT, PUBLISHED_LABEL, PUBLISHED_META, UNSPECIFIED_DATE_META, UPDATED_HINT } from './vocabulary.js';

/** A date with the evidence it was read from; `place` when the evidence is in the article text. */
export interface DatedBy {
  value: string;
  basis: DateBasis;
  place?: Span;
}

/** What the date finder reads besides the page facts. */
export interface DateContext {
  /** The page's address: a date in its path is evidence. */
  url: string | null;
  /** The extracted article text: a date written in its first lines is evidence. */
  text: string;
  /** Latest plausible date (`YYYY-MM-DD`): later ones are event dates or typos, not publication. */
  latest: string;
}

/** How far into the article text a written date still dates the article (a dateline or a "Published" line). */
const LEAD_CHARS = 400;
/** Earliest plausible publication date of a web page. */
const EARLIEST = '1990-01-01';

/**
 * The publication and last-modified dates of a page with their basis, in order of trust: a full date in the URL
 * path (set when the page was created, never by a later edit or a time-zone shift), JSON-LD, meta tags,
 * `<time>`/itemprop/date-classed markup, a date written at the top of the article. Dates inside comments,
 * embedded posts, captions and related-article lists are never read; script text and cookie banners are not looked
 * at, and "updated" dates only ever give the modified date.
 */
export function findDates(facts: PageFacts, ld: LdFacts, context: DateContext): { published: DatedBy | null; modified: DatedBy | null } {
  const plausible = (date: string | null): string | null => (date && date.length === 10 && date >= EARLIEST && date <= context.latest ? date : null);
  const metaDate = (keys: readonly string[]): { raw: string; value: string } | null => {
    for (const key of keys)
      for (const m of facts.metas)
        if (m.key === key) {
          const value = plausible(normalizeDate(m.content));
          if (value) return { raw: m.content, value };
        }
    return null;
  };
  const modifiedValue = plausible(ld.dateModified ? normalizeDate(ld.dateModified) : null) ?? metaDate(MODIFIED_META)?.value ?? null;
  const modified: DatedBy | null = modifiedValue ? { value: modifiedValue, basis: 'meta' } : null;
  const found = (value: string | null, basis: DateBasis, place?: Span): DatedBy | null => (value ? { value, basis, ...(place ? { place } : {}) } : null);
  const fromUrl = plausible(context.url ? urlDate(context.url) : null);
  const lead = findDate(context.text.slice(0, LEAD_CHARS));
  const ldPublished = ld.datePublished ? { raw: ld.datePublished, value: plausible(normalizeDate(ld.datePublished)) } : null;
  const structured = ldPublished?.value ? { ...ldPublished, basis: 'json-ld' as const } : { ...metaDate(PUBLISHED_META), basis: 'meta' as const };
  const shown = markupDate(facts.dates, plausible);
  const structuredDay = structured.value && structured.raw ? localDay(structured.raw, structured.value, shown?.value ?? null) : null;
  const published =
    found(fromUrl, 'url') ??
    found(structuredDay, structured.basis) ??
    (shown?.basis === 'time-element' ? shown : null) ??
    found(facts.h1 === null ? null : plausible(findDate(facts.visibleText.slice(facts.h1Offset, facts.h1Offset + UNDER_H1_CHARS))?.date ?? null), 'text') ??
    shown ??
    found(metaDate(UNSPECIFIED_DATE_META)?.value ?? null, 'meta') ??
    found(plausible(lead?.date ?? null), 'text', lead ? { start: lead.index, end: lead.index + lead.length } : undefined) ??
    found(labelledDate(facts.visibleText, plausible), 'text') ??
    found(plausible(findDate(facts.visibleText.slice(facts.h1Offset, facts.h1Offset + AFTER_H1_CHARS))?.date ?? null), 'text') ??
    found(plausible(ld.otherDatePublished ? normalizeDate(ld.otherDatePublished) : null), 'json-ld');
  return { published, modified };
}

/** A timestamp in UTC ("…T23:15:00Z", "+00:00", "GMT"): an instant whose calendar day may not be the writer's. */
const UTC_INSTANT = /T\d{1,2}:\d{2}(?::\d{1,2}(?:\.\d{1,9})?)?\s{0,2}(?:Z|[+-]00:?00|GMT|UTC)$/i;

/**
 * The day a structured date stands for: as written, except that a UTC instant one day off the date the page shows
 * under its headline was stamped by a server in another time zone, and the shown date is the writer's day.
 */
function localDay(raw: string, value: string, shown: string | null): string {
  if (!shown || shown === value || !UTC_INSTANT.test(raw.trim())) return value;
  return Math.abs(Date.parse(shown) - Date.parse(value)) === 86_400_000 ? shown : value;
}

/** How far under the headline a date is the byline's own, read before the article's first lines (which may name events). */
const UNDER_H1_CHARS = 300;
/** How far past the headline a written date still dates the page (the byline/date line sits under it). */
const AFTER_H1_CHARS = 1_500;
/** How far after a "Published" label its date may follow. */
const LABEL_REACH = 40;
/** Most labels tried per page. */
const MAX_LABELS = 20;

/** A date written right after a publication label ("Veröffentlicht am 16.08.2019", "Published: March 3, 2021"). */
function labelledDate(text: string, plausible: (d: string | null) => string | null): string | null {
  const label = new RegExp(PUBLISHED_LABEL.source, 'giu');
  for (let i = 0, m = label.exec(text); m && i < MAX_LABELS; i++, m = label.exec(text)) {
    const date = plausible(findDate(text.slice(m.index + m[0].length, m.index + m[0].length + LABEL_REACH))?.date ?? null);
    if (date) return date;
  }
  return null;
}

/**
 * The page's own date in its markup: first an element marked as the publication date (itemprop, "published",
 * "posted"), then the first machine-readable `<time>`, then the first date written in date-classed markup.
 */
function markupDate(dates: readonly DateMarkup[], plausible: (d: string | null) => string | null): DatedBy | null {
  // Dates under the headline first: a banner above it holds the site's "today" date, not the article's.
  const usable = dates.filter((d) => !d.foreign && !UPDATED_HINT.test(d.hints));
  const own = [...usable.filter((d) => d.afterHeadline), ...usable.filter((d) => !d.afterHeadline)];
  const read = (d: DateMarkup): string | null => plausible((d.value && normalizeDate(d.value)) || written(d));
  for (const d of own)
    if (PUBLISHED_HINT.test(d.hints)) {
      const value = read(d);
      if (value) return { value, basis: 'time-element' };
    }
  for (const d of own)
    if (d.value) {
      const value = plausible(normalizeDate(d.value));
      if (value) return { value, basis: 'time-element' };
    }
  for (const d of own) {
    const value = plausible(written(d));
    if (value) return { value, basis: 'text' };
  }
  return null;
}

/** Longest markup text read as a date line; longer is a container of prose ("status-publish" on a whole post). */
const DATE_LINE_CHARS = 120;

function written(d: DateMarkup): string | null {
  return d.text.length <= DATE_LINE_CHARS ? (findDate(d.text)?.date ?? null) : null;
}

/** A full date in a URL path: /2019/08/02/, /2019-08-02-, /20190802/. */
export function urlDate(url: string): string | null {
  const path = url.replace(/^https?:\/\/[^/]{1,200}/i, '').slice(0, 500);
  const m = /(?:^|\/|[-_])((?:19|20)\d{2})[/_-](\d{2})[/_-](\d{2})(?:$|[/_.-])/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:$|\/)/.exec(path);
  if (!m) return null;
  return normalizeDate(`${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`);
}
