import { MONTHS } from './date-words.js';

/**
 * Normalizes a date string found in metadata ("2025-09-02T22:10:00-05:00", "Tue, 02 Sep 2025 10:00:00 GMT",
 * "September 2, 2025", "02.09.2025", "2 septembre 2025") to `YYYY-MM-DD` as written: the calendar date in the
 * writer's own time zone, never shifted to UTC (which moves late-evening stories to the next day). A bare
 * `YYYY-MM` stays month-precise. Falls back to the first full date anywhere in the string.
 */
export function normalizeDate(value: string): string | null {
  const s = value.trim().slice(0, MAX_DATE_TEXT);
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : undefined);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const slash = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (slash) return valid(Number(slash[1]), Number(slash[2]), Number(slash[3]));
  return findDate(s)?.date ?? null;
}

/** A full date found in free text, with where it sits. */
export interface FoundDate {
  date: string;
  index: number;
  length: number;
}

/** Longest text searched for one date (metadata values and date lines are short; hostile ones are not). */
const MAX_DATE_TEXT = 2_000;

// Each pattern is anchored on digits or letters with bounded repetition, so none can backtrack badly.
/** The year every date pattern below ends with. */
const YEAR_IN_TEXT = /(?:19|20)\d{2}(?!\d)/;
const ISO_IN_TEXT = /(?<![\d.])((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/;
const DAY_MONTH_YEAR_DOTS = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)/;
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?!\d)/;
const DAY_NAME_YEAR = /(?<![\p{L}\d])(\d{1,2})(?:\.|er|st|nd|rd|th)?\s{0,3}(?:de\s{1,3})?(\p{L}{3,12})\.?,?\s{1,3}(?:de\s{1,3})?((?:19|20)\d{2})(?!\d)/u;
/** Chinese, Japanese and Korean: 2020年7月3日, 2020년 7월 3일. */
const CJK_DATE = /(?<!\d)((?:19|20)\d{2})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/;
const NAME_DAY_YEAR = /(?<![\p{L}])(\p{L}{3,12})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}((?:19|20)\d{2})(?!\d)/u;

/**
 * The first full calendar date written in `text`: ISO (`2025-09-02`), day-first with dots (`02.09.2025`, German,
 * Finnish, Polish…), day–month name–year in the languages of `date-words.ts` (`2 septembre 2025`, `6. Mai 2018`,
 * `16 de octubre de 2020`), English month–day–year (`September 2, 2025`), Chinese, Japanese and Korean year–month–day
 * (`2020年07月03日`), and slashed dates only when the order is certain (a part over 12). Null when no complete, valid date is written.
 */
export function findDate(text: string): FoundDate | null {
  const s = text.slice(0, MAX_DATE_TEXT);
  // Every pattern below ends in a year: a text without one (most lines asked about) is answered by one cheap scan
  // instead of five, two of them Unicode patterns with look-behinds that cost a third of cleaning a pasted page.
  if (!YEAR_IN_TEXT.test(s)) return null;
  let best: FoundDate | null = null;
  const consider = (m: RegExpExecArray | null, toDate: (m: RegExpExecArray) => string | null): void => {
    if (!m || (best && m.index >= best.index)) return;
    const date = toDate(m);
    if (date) best = { date, index: m.index, length: m[0].length };
  };
  consider(ISO_IN_TEXT.exec(s), (m) => valid(Number(m[1]), Number(m[2]), Number(m[3])));
  consider(DAY_MONTH_YEAR_DOTS.exec(s), (m) => valid(Number(m[3]), Number(m[2]), Number(m[1])));
  consider(DAY_NAME_YEAR.exec(s), (m) => {
    const month = monthNumber(m[2] as string);
    return month ? valid(Number(m[3]), month, Number(m[1])) : null;
  });
  consider(NAME_DAY_YEAR.exec(s), (m) => {
    const month = monthNumber(m[1] as string);
    return month ? valid(Number(m[3]), month, Number(m[2])) : null;
  });
  consider(CJK_DATE.exec(s), (m) => valid(Number(m[1]), Number(m[2]), Number(m[3])));
  consider(SLASHED.exec(s), (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) return valid(Number(m[3]), b, a);
    if (b > 12 && a <= 12) return valid(Number(m[3]), a, b);
    return null;
  });
  return best;
}

/** 1–12 for a month name or abbreviation in one of the listed languages ("Sept.", "März", "juin"), else 0. */
export function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(key) ?? 0;
}

function valid(year: number, month: number, day?: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}
