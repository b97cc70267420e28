import { daysInMonth } from './calendar.js';
import { DATE_CONTEXT_BEFORE, NOT_YEAR_AFTER, OLD_YEAR_CONTEXT, POSSESSIVES, SEASON_CONTEXT } from './cues.js';
import {
  dayAt,
  isWord,
  type Match,
  monthAt,
  type Rule,
  type Scan,
  skipWord,
  spokenYearAt,
  unitAt,
  weekdayAt,
  wordIn,
  yearAt,
  yearPhraseAt,
} from './grammar.js';
import { DETERMINERS, FISCAL_WORDS, OF_WORDS, ORDINALS, PERIOD_LETTERS, SEASONS } from './lexicon.js';
import type { CalendarSpec } from './spec.js';
import { isPunct, numberValue } from './tokens.js';

/**
 * Rules for dates written on the calendar: "Sept. 2, 2025", "Tuesday, Sept. 2", "2 de septiembre de 2025",
 * "March 2013", "in May", bare years, decades, quarters, halves, seasons and numeric dates.
 */

/** Whether the word before `i` makes a bare month or season a date ("in May", "desde marzo"). */
function dateContext(scan: Scan, i: number): boolean {
  return wordIn(scan, i - 1, DATE_CONTEXT_BEFORE) || isPunct(scan.tokens[i - 1], '-');
}

/** A year after a month or day: ", 2025", " 2025", " de 2025", " of 2025". */
function trailingYear(scan: Scan, i: number): { year: number; end: number } | null {
  let j = i;
  if (isPunct(scan.tokens[j], ',') || wordIn(scan, j, OF_WORDS)) j++;
  return yearAt(scan, j, 1000) ?? spokenYearAt(scan, j, true);
}

/**
 * Month-and-day dates with an optional weekday before and year after: "Tuesday, Sept. 2, 2025", "Sept. 2",
 * "2 September 2025", "el martes 2 de septiembre de 2025", "March 2013", "marzo de 2025", "in May".
 */
export const calendarDate: Rule = (scan, i) => {
  let j = i;
  const spec: CalendarSpec = { kind: 'calendar' };
  const weekday = weekdayAt(scan, j);
  if (weekday) {
    spec.weekday = weekday.weekday;
    j = weekday.end;
    if (isPunct(scan.tokens[j], ',')) j++;
  }
  const monthFirst = monthAt(scan, j, !weekday && dateContext(scan, j));
  if (monthFirst) {
    spec.month = monthFirst.month;
    const day = dayAt(scan, monthFirst.end);
    if (day) {
      spec.day = day.day;
      return withYear(scan, i, day.end, spec);
    }
    if (weekday) return null;
    const year = trailingYear(scan, monthFirst.end);
    if (year) return { start: i, end: year.end, spec: { ...spec, year: year.year } };
    const counted = yearPhraseAt(scan, monthFirst.end);
    if (counted) return { start: i, end: counted.end, spec: { ...spec, yearOffset: counted.offset } };
    return { start: i, end: monthFirst.end, spec };
  }
  const day = dayAt(scan, j);
  if (!day) return null;
  const k = wordIn(scan, day.end, OF_WORDS) ? day.end + 1 : day.end;
  const month = monthAt(scan, k, true);
  if (!month) return null;
  return withYear(scan, i, month.end, { ...spec, month: month.month, day: day.day });
};

/** A leap year: "Feb. 29" with no year written is a valid date. */
const LEAP_YEAR = 2000;

function withYear(scan: Scan, start: number, end: number, spec: CalendarSpec): Match | null {
  const year = trailingYear(scan, end);
  const full = year ? { ...spec, year: year.year } : spec;
  if (full.day !== undefined && full.month !== undefined && full.day > daysInMonth(full.year ?? LEAP_YEAR, full.month)) return null;
  return { start, end: year ? year.end : end, spec: full };
}

/**
 * Years and decades: "2025", "fiscal 1998", "the year 2000", "the 1990s", "'90s", "mid-1990s" (the "mid" is read by
 * the period-modifier wrapper), "la década de 1990", "los años 90".
 */
export const yearExpression: Rule = (scan, i) => {
  const start = i;
  const j = skipWord(scan, i, DETERMINERS);
  if (wordIn(scan, j, FISCAL_WORDS)) {
    const k = isWord(scan, j + 1, 'year') ? j + 2 : j + 1;
    const year = yearAt(scan, k);
    return year ? { start, end: year.end, spec: { kind: 'calendar', year: year.year } } : null;
  }
  if (isWord(scan, j, 'year') || isWord(scan, j, 'año')) {
    const year = yearAt(scan, j + 1) ?? spokenYearAt(scan, j + 1, true);
    if (year) return { start, end: year.end, spec: { kind: 'calendar', year: year.year } };
  }
  if ((isWord(scan, j, 'década') || isWord(scan, j, 'años')) && (isWord(scan, j + 1, 'de') || scan.tokens[j + 1]?.kind === 'number')) {
    const k = isWord(scan, j + 1, 'de') ? j + 2 : j + 1;
    const decade = decadeNumber(scan, k, false);
    if (decade) return { start, end: decade.end, spec: { kind: 'calendar', decade: decade.decade } };
  }
  const decade = decadeNumber(scan, j, true);
  // "in his 30s" is an age.
  if (decade && !wordIn(scan, j - 1, POSSESSIVES)) return { start, end: decade.end, spec: { kind: 'calendar', decade: decade.decade } };
  const spoken = spokenYearAt(scan, j, OLD_YEAR_CONTEXT.has(scan.tokens[j - 1]?.lower ?? '') || isWord(scan, j - 1, 'year'));
  if (spoken && !wordIn(scan, spoken.end, NOT_YEAR_AFTER)) return { start, end: spoken.end, spec: { kind: 'calendar', year: spoken.year } };
  if (j !== i) return null;
  const year = yearAt(scan, i, OLD_YEAR_CONTEXT.has(scan.tokens[i - 1]?.lower ?? '') ? 1000 : 1900);
  if (!year) return null;
  const after = scan.tokens[year.end];
  if (after?.kind === 'word' && NOT_YEAR_AFTER.has(after.lower)) return null;
  return { start: i, end: year.end, spec: { kind: 'calendar', year: year.year } };
};

/** "1990s", "'90s", "90s" (needs the "s"), or "1990"/"90" after "década de"/"años". */
function decadeNumber(scan: Scan, i: number, needsS: boolean): { decade: number; end: number } | null {
  let j = i;
  const apostrophe = isPunct(scan.tokens[j], "'") || isPunct(scan.tokens[j], '’');
  if (apostrophe) j++;
  const t = scan.tokens[j];
  const value = numberValue(t);
  if (!t || value === null || value % 10 !== 0) return null;
  const s = scan.tokens[j + 1];
  const hasS = !!s && !s.gap && s.kind === 'word' && s.lower === 's';
  if (needsS && !hasS) return null;
  const end = hasS ? j + 2 : j + 1;
  if (t.lower.length === 4 && value >= 1000 && value <= 2090) return { decade: value / 10, end };
  if (t.lower.length === 2 && (apostrophe || hasS || !needsS)) return { decade: (value >= 30 ? 190 : 200) + value / 10, end };
  return null;
}

/**
 * Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter", "the first quarter of
 * 2013", "the 1988 second quarter", "this year's third quarter", "Q3 2025", "the first half", "el primer trimestre
 * de 2025", "el segundo semestre del año pasado".
 */
export const quarterOrHalf: Rule = (scan, i) => {
  const start = i;
  let j = skipWord(scan, i, DETERMINERS);
  const spec: CalendarSpec = { kind: 'calendar' };
  const before = yearPhraseAt(scan, j);
  const yearBefore = before ? null : yearAt(scan, j);
  if (before) spec.yearOffset = before.offset;
  if (yearBefore) spec.year = yearBefore.year;
  j = before?.end ?? yearBefore?.end ?? j;
  if (wordIn(scan, j, FISCAL_WORDS)) j++;
  const period = periodAt(scan, j);
  if (!period) return null;
  if (period.period === 'quarter') spec.quarter = period.n;
  else spec.half = period.n;
  // "the third-quarter loss": a hyphenated period is an attribute, "the" belongs to the noun (matched from the next token).
  if (period.hyphenated && start !== j) return null;
  if (spec.year !== undefined || spec.yearOffset !== undefined) return { start, end: period.end, spec };
  const year = trailingYear(scan, period.end);
  if (year) return { start, end: year.end, spec: { ...spec, year: year.year } };
  const counted = yearPhraseAt(scan, period.end);
  if (counted) return { start, end: counted.end, spec: { ...spec, yearOffset: counted.offset } };
  return { start, end: period.end, spec };
};

/** "third quarter", "third-quarter", "fiscal first quarter", "first half", "Q3", "H1", "primer trimestre". */
function periodAt(scan: Scan, i: number): { period: 'quarter' | 'half'; n: number; end: number; hyphenated: boolean } | null {
  const letters = scan.tokens[i];
  const digit = scan.tokens[i + 1];
  if (letters?.kind === 'word' && PERIOD_LETTERS.has(letters.lower) && digit && !digit.gap && digit.kind === 'number') {
    const period = PERIOD_LETTERS.get(letters.lower);
    const n = Number(digit.lower);
    return period && n >= 1 && n <= (period === 'quarter' ? 4 : 2) ? { period, n, end: i + 2, hyphenated: false } : null;
  }
  const n = ORDINALS.get(letters?.lower ?? '');
  if (n === undefined) return null;
  let j = i + 1;
  const hyphenated = isPunct(scan.tokens[j], '-');
  if (hyphenated) j++;
  if (wordIn(scan, j, FISCAL_WORDS)) j++;
  const unit = unitAt(scan, j);
  const period = isWord(scan, j, 'half') ? 'half' : unit && !unit.plural && (unit.unit === 'quarter' || unit.unit === 'half') ? unit.unit : null;
  if (!period || n > (period === 'quarter' ? 4 : 2)) return null;
  return { period, n, end: j + 1, hyphenated };
}

/** Seasons with a year or a date context: "the summer of 2024", "in the spring", "este verano" is a shift rule. */
export const season: Rule = (scan, i) => {
  const start = i;
  const j = skipWord(scan, i, DETERMINERS);
  const t = scan.tokens[j];
  const value = t?.kind === 'word' ? SEASONS.get(t.lower) : undefined;
  if (!value) return null;
  const year = trailingYear(scan, j + 1);
  if (year) return { start, end: year.end, spec: { kind: 'calendar', season: value, year: year.year } };
  const counted = yearPhraseAt(scan, j + 1);
  if (counted) return { start, end: counted.end, spec: { kind: 'calendar', season: value, yearOffset: counted.offset } };
  // "to fall", "the fall of the regime": a season needs "in", "during", "this"… before it and no "of" after it.
  if (!wordIn(scan, start - 1, SEASON_CONTEXT) || isWord(scan, j + 1, 'of')) return null;
  return { start, end: j + 1, spec: { kind: 'calendar', season: value } };
};

/** Numeric dates: "2025-09-02", "2025/09/02", and day/month/year with the order of the text's language. */
export const numericDate: Rule = (scan, i) => {
  const t = scan.tokens;
  const parts: number[] = [];
  let j = i;
  let separator = '';
  while (parts.length < 3) {
    const value = numberValue(t[j]);
    if (value === null || (parts.length > 0 && t[j]?.gap)) break;
    parts.push(value);
    j++;
    if (parts.length === 3) break;
    const sep = t[j];
    if (!sep || sep.gap || sep.kind !== 'punct' || !['-', '/', '.'].includes(sep.lower) || (separator && sep.lower !== separator)) break;
    separator = sep.lower;
    j++;
  }
  if (parts.length !== 3) return null;
  const [a, b, c] = parts as [number, number, number];
  const iso = t[i]?.lower.length === 4;
  const [year, month, day] = iso ? [a, b, c] : scan.spanish || separator === '.' ? [c, b, a] : [c, a, b];
  if ((t[j - 1]?.lower.length ?? 0) !== 4 && !iso) return null;
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { start: i, end: j, spec: { kind: 'calendar', year, month, day } };
};
