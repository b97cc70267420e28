import { normalizeDate } from '../dates.js';
import type { Line } from './lines.js';
import { DATE_LINE_WORDS, MONTH_WORDS, SPANISH_MONTHS, WEEKDAY_WORDS } from './vocabulary.js';

/**
 * Shape features of single lines: the evidence the classifier combines with position and neighbours. None of them
 * looks at what a line says beyond generic date words; each is linear in the line's length.
 */

/** A line of prose this long (in words) that ends like a sentence is article text, not furniture. */
export const PROSE_MIN_WORDS = 12;
/** Most words left in a date line once the date words are gone (a place, "by" and an author's name). */
const MAX_DATE_LINE_EXTRA_WORDS = 4;
const MAX_DATE_LINE_WORDS = 22;
const MAX_DATE_LINE_CHARS = 200;

const SENTENCE_END = /[.!?…]["”’»)]?$|[.!?…]\s?["”’»]$/u;
const HEADING_START = /^[\p{Lu}\p{N}"“'‘¿¡]/u;
const BULLET = /^[-•*▪●◦‣–]\s+/u;
const NUMBERED = /^\d{1,2}[.)]\s+/;
const CLOCK = /^(\d{1,2})[:.](\d{2})(\s?(a\.?m\.?|p\.?m\.?|h|hrs))?(\s+[A-Z]{2,5}([+-]\d{1,2})?)?$/i;
const YEAR = /\b(19|20)\d{2}\b/;
const NUMERIC_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})\b/;
const TIME_OF_DAY = /\b\d{1,2}[:.]\d{2}\b/;
const RELATIVE_AGE = /\b\d{1,3}\s+(hours?|minutes?|mins?|days?|horas?|minutos?|d[ií]as?)\s+(ago)\b|\bhace\s+\d{1,3}\s+(horas?|minutos?|d[ií]as?)\b/i;
const DIGIT = /\d/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;
const NAV_SEPARATORS = /\s[|›»·•]\s|\s\/\s/g;
const SOCIAL_SIGNATURE = /^[—–-]\s*([^()@\n]{1,80}?)\s*\((@[\w.]{1,40})\)\s*(.{4,40})$/u;
const SOCIAL_MARKER = /(^|\s)[@#][\p{L}\p{N}_]{2,}|pic\.twitter\.com|https?:\/\//u;
const CAPITALIZED = /^[\p{Lu}]/u;

/** Ends like a sentence: final stop, question or exclamation mark, possibly inside a closing quote or bracket. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Could be a title: starts with a capital, digit or opening quote, and does not end with a period or colon. */
export function headingShaped(text: string): boolean {
  return HEADING_START.test(text) && !/[.:;,]$/.test(text);
}

/** A full line of prose: long enough and ending like a sentence. */
export function isProse(line: Line): boolean {
  return line.words >= PROSE_MIN_WORDS && endsSentence(line.text);
}

/** "- item", "• item" (bullet) or "1. item" (numbered), else null. */
export function listMarker(text: string): 'bullet' | 'number' | null {
  if (BULLET.test(text)) return 'bullet';
  return NUMBERED.test(text) ? 'number' : null;
}

/** A bare clock time that can head a live-blog entry ("21:38", "11.42 GMT", "3.15pm"); "0:00" is a media player. */
export function isEntryTime(text: string): boolean {
  const m = CLOCK.exec(text);
  if (!m) return false;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return minute < 60 && hour < 24 && !(hour === 0 && minute === 0);
}

/**
 * A line that only dates (and perhaps places or credits) the article: once month and weekday names, numbers and
 * date words are removed, at most a few words remain, and some real date evidence (a year, a numeric date, a
 * clock time, a month with a day, "2 hours ago") is present.
 */
export function isDateLine(text: string): boolean {
  // Every kind of date evidence below holds a digit: a line without one (most prose) is answered by one scan.
  if (text.length > MAX_DATE_LINE_CHARS || !DIGIT.test(text)) return false;
  let month = false;
  let extra = 0;
  let count = 0;
  // Words are read one at a time: most lines are prose and fail within a few words, so matching them all was waste.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (++count > MAX_DATE_LINE_WORDS) return false;
    const w = m[0].toLowerCase().replace(/[.,]+$/, '');
    if (MONTH_WORDS.has(w)) month = true;
    else if (/^\d/.test(w) || WEEKDAY_WORDS.has(w) || DATE_LINE_WORDS.has(w) || /^\d{1,2}(st|nd|rd|th)$/.test(w)) continue;
    else if (w === 'by' || w === 'por') continue;
    // Most lines are prose: stop at the first word too many rather than reading them all.
    else if (++extra > MAX_DATE_LINE_EXTRA_WORDS) return false;
  }
  if (count === 0) return false;
  const hasDay = month && /\b\d{1,2}\b/.test(text);
  if (NUMERIC_DATE.test(text) || hasDay || RELATIVE_AGE.test(text) || (TIME_OF_DAY.test(text) && extra <= 1)) return true;
  // A bare year is weak evidence ("Elections 2026" is a title): only with nothing else on the line but date words.
  return YEAR.test(text) && extra === 0;
}

/** Segments of a one-line navigation bar or breadcrumb ("Home › Region › Labour", "A | B | C"), else null. */
export function navSegments(text: string): string[] | null {
  const separators = text.match(NAV_SEPARATORS)?.length ?? 0;
  if (separators < 2) return null;
  return text.split(NAV_SEPARATORS).map((s) => s.trim());
}

/** Cells of a pipe-separated row ("2024 | 88,000 | 19"), or 0 when the line has no pipes. */
export function pipeCells(text: string): number {
  return text.includes('|') ? text.split('|').length : 0;
}

/** An embedded post's signature line ("— Name (@handle) March 3, 2026"), with the author and the post's date. */
export function socialSignature(text: string): { author: string; date: string | null } | null {
  const m = SOCIAL_SIGNATURE.exec(text);
  const when = m?.[3]?.trim() ?? '';
  if (!m || !/\d{4}/.test(when)) return null;
  return { author: `${m[1]?.trim()} (${m[2]})`, date: embedDate(when) };
}

/** Hashtags, @handles or links: marks of a social post's own text. */
export function hasSocialMarker(text: string): boolean {
  return SOCIAL_MARKER.test(text);
}

/** "Name / Outlet", "Name/Agency": a two-part credit line with capitalized parts and no sentence punctuation. */
export function creditShaped(line: Line): boolean {
  if (line.words > 8 || endsSentence(line.text)) return false;
  const parts = line.text.split('/').map((p) => p.trim());
  return parts.length === 2 && parts.every((p) => p !== '' && CAPITALIZED.test(p));
}

/** An embed's own date as `YYYY-MM-DD` (English or Spanish month names), or null. */
export function embedDate(text: string): string | null {
  const english = text.replace(/\b(\d{1,2}) de ([a-zé]{4,10}) de (\d{4})\b/i, (all, d: string, m: string, y: string) => {
    const month = SPANISH_MONTHS[m.toLowerCase()];
    return month ? `${d} ${month} ${y}` : all;
  });
  return normalizeDate(english);
}
