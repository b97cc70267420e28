import {
  AMBIGUOUS_MONTHS,
  DIRECTION_AFTER,
  DIRECTION_BEFORE,
  FULL_SHORT_MONTHS,
  LOWER_CASE_MONTHS,
  MONTHS,
  NUMBER_WORDS,
  OF_WORDS,
  ONE_WORDS,
  SHORT_WEEKDAYS,
  UNITS,
  VAGUE_AMOUNTS,
  WEEKDAYS,
} from './lexicon.js';
import type { TimeSpec, Unit } from './spec.js';
import { isPunct, numberValue, skipDot, type Token } from './tokens.js';

/**
 * Shared pieces of the time grammar. A rule looks at the tokens from index `i` and returns the tokens it covers
 * (`[start, end)` token indices) with what they say, or null. Rules only walk forward a bounded number of tokens.
 */

/** What a rule sees: the tokens and the language switches that change word meanings. */
export interface Scan {
  tokens: readonly Token[];
  /** Spanish words that clash with English ones ("once" = eleven) are read only in Spanish text. */
  spanish: boolean;
}

/** A rule's result over token indices. */
export interface Match {
  start: number;
  end: number;
  spec: TimeSpec;
}

export type Rule = (scan: Scan, i: number) => Match | null;

/** The token at `i`, if it is a word in the given set or map. */
export function wordIn(scan: Scan, i: number, words: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean {
  const t = scan.tokens[i];
  return t?.kind === 'word' && words.has(t.lower);
}

/** Whether token `i` is exactly this lower-case word. */
export function isWord(scan: Scan, i: number, word: string): boolean {
  const t = scan.tokens[i];
  return t?.kind === 'word' && t.lower === word;
}

/** Skips a determiner ("the", "el", "la") at `i` when the rule allows one. */
export function skipWord(scan: Scan, i: number, words: ReadonlySet<string>): number {
  return wordIn(scan, i, words) ? i + 1 : i;
}

/**
 * A month name at `i` (with its abbreviation dot). English month words must be capitalized, and those that are
 * also common words ("May", "March") need a number next to them or `contextOk` (a preposition before them).
 */
export function monthAt(scan: Scan, i: number, contextOk = false): { month: number; end: number } | null {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  const month = MONTHS.get(t.lower);
  if (!month) return null;
  // Spanish month names are written in lower case; English ones are proper nouns.
  if (!LOWER_CASE_MONTHS.has(t.lower) && !t.capital) return null;
  const abbreviation = t.lower.length <= 4 && !FULL_SHORT_MONTHS.has(t.lower);
  // Only an abbreviation owns the period after it; "in May." ends the sentence.
  const end = abbreviation ? skipDot(scan.tokens, i + 1) : i + 1;
  const numberNext = scan.tokens[end]?.kind === 'number';
  if (abbreviation && end === i + 1 && !numberNext) return null;
  if (AMBIGUOUS_MONTHS.has(t.lower) && !numberNext && !contextOk) return null;
  return { month, end };
}

/** A weekday name at `i`; abbreviations only with their dot, and English names capitalized. */
export function weekdayAt(scan: Scan, i: number): { weekday: number; end: number } | null {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  const weekday = WEEKDAYS.get(t.lower);
  if (!weekday) return null;
  const short = SHORT_WEEKDAYS.has(t.lower);
  const end = short ? skipDot(scan.tokens, i + 1) : i + 1;
  if (short && (end === i + 1 || !t.capital)) return null;
  const english = /day$/.test(t.lower);
  if (english && !t.capital) return null;
  return { weekday, end };
}

/** A four-digit year at `i` in a plausible range, not part of a larger number ("2,000") or a time ("20:15"). */
export function yearAt(scan: Scan, i: number, min = 1900): { year: number; end: number } | null {
  const t = scan.tokens[i];
  const value = numberValue(t);
  if (!t || value === null || t.lower.length !== 4 || value < min || value > 2099) return null;
  const tokens = scan.tokens;
  const next = tokens[i + 1];
  if (next && !next.gap && (isPunct(next, ',') || isPunct(next, '.') || isPunct(next, ':')) && tokens[i + 2]?.kind === 'number' && !tokens[i + 2]?.gap)
    return null;
  if (next && !next.gap && next.kind === 'number') return null;
  const previous = tokens[i - 1];
  if (previous && !t.gap && (previous.kind === 'number' || isPunct(previous, '.') || isPunct(previous, ','))) return null;
  if (previous && (isPunct(previous, '$') || isPunct(previous, '€') || isPunct(previous, '£') || isPunct(previous, '#'))) return null;
  return { year: value, end: i + 1 };
}

/** A day of the month (1–31) at `i`, with an optional English ordinal suffix ("2nd"). */
export function dayAt(scan: Scan, i: number): { day: number; end: number } | null {
  const t = scan.tokens[i];
  const value = numberValue(t);
  if (!t || value === null || t.lower.length > 2 || value < 1 || value > 31) return null;
  let end = i + 1;
  const suffix = scan.tokens[end];
  if (suffix && !suffix.gap && suffix.kind === 'word' && ['st', 'nd', 'rd', 'th', 'º', 'o'].includes(suffix.lower)) end++;
  const after = scan.tokens[end];
  // "March 5:30" or "5.5" are not days; "5%" neither.
  const digitsAfter = scan.tokens[end + 1]?.kind === 'number' && !scan.tokens[end + 1]?.gap;
  if (after && !after.gap && (isPunct(after, '%') || ((isPunct(after, ':') || isPunct(after, '.')) && digitsAfter))) return null;
  return { day: value, end };
}

/**
 * An amount of time units at `i`: digits ("90"), number words ("twenty-four", "catorce"), "a"/"an"/"un", or a
 * vague amount ("several", "a few", "a couple of") whose value is null.
 */
export function amountAt(scan: Scan, i: number): { amount: number | null; end: number } | null {
  const t = scan.tokens[i];
  if (!t) return null;
  if (t.kind === 'number') {
    if (t.lower.length > 6) return null;
    const next = scan.tokens[i + 1];
    // Decimal amounts ("1.5 years"); thousands separators are not amounts of time units in news.
    if (
      next &&
      !next.gap &&
      (isPunct(next, '.') || (scan.spanish && isPunct(next, ','))) &&
      scan.tokens[i + 2]?.kind === 'number' &&
      !scan.tokens[i + 2]?.gap
    ) {
      return { amount: Number(`${t.lower}.${scan.tokens[i + 2]?.lower}`), end: i + 3 };
    }
    if (next && !next.gap && (isPunct(next, ',') || isPunct(next, '.'))) return null;
    // "2 1/2 years"
    if (scan.tokens[i + 1]?.lower === '1' && isPunct(scan.tokens[i + 2], '/') && scan.tokens[i + 3]?.lower === '2') {
      return { amount: Number(t.lower) + 0.5, end: i + 4 };
    }
    return { amount: Number(t.lower), end: i + 1 };
  }
  if (t.kind !== 'word') return null;
  if (ONE_WORDS.has(t.lower)) {
    if (isWord(scan, i + 1, 'few')) return vague(scan, i + 2);
    if (isWord(scan, i + 1, 'couple')) return { amount: 2, end: isWord(scan, i + 2, 'of') ? i + 3 : i + 2 };
    return { amount: 1, end: i + 1 };
  }
  if (VAGUE_AMOUNTS.has(t.lower)) return vague(scan, i + 1);
  const value = numberWord(scan, t.lower);
  if (value === null) return null;
  // "twenty-four", "twenty four"
  let j = i + 1;
  if (value >= 20 && value < 100 && value % 10 === 0) {
    const k = isPunct(scan.tokens[j], '-') ? j + 1 : j;
    const unitsWord = scan.tokens[k];
    const units = unitsWord ? numberWord(scan, unitsWord.lower) : null;
    if (units !== null && units < 10) return { amount: value + units, end: k + 1 };
  }
  if (isWord(scan, j, 'hundred')) return { amount: value * 100, end: j + 1 };
  if (scan.spanish && value >= 30 && isWord(scan, j, 'y')) {
    const units = numberWord(scan, scan.tokens[j + 1]?.lower ?? '');
    if (units !== null && units < 10) {
      j += 2;
      return { amount: value + units, end: j };
    }
  }
  return { amount: value, end: j };
}

function vague(scan: Scan, i: number): { amount: null; end: number } {
  return { amount: null, end: isWord(scan, i, 'of') ? i + 1 : i };
}

function numberWord(scan: Scan, lower: string): number | null {
  if (lower === 'once' && !scan.spanish) return null;
  return NUMBER_WORDS.get(lower) ?? null;
}

/** A calendar unit word at `i` ("years", "semana", and Spanish "fin de semana", "fines de semana"). */
export function unitAt(scan: Scan, i: number): { unit: Unit; plural: boolean; end: number } | null {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  if ((t.lower === 'fin' || t.lower === 'fines') && isWord(scan, i + 1, 'de') && isWord(scan, i + 2, 'semana')) {
    return { unit: 'weekend', plural: t.lower === 'fines', end: i + 3 };
  }
  const unit = UNITS.get(t.lower);
  if (!unit) return null;
  const plural = t.lower.endsWith('s') && t.lower !== 'mes';
  return { unit, plural, end: i + 1 };
}

/**
 * A year named from the reference: "last year", "of this year", "this year's", "next year" or Spanish "del año pasado", "de este
 * año", "del próximo año". Returns the offset from the reference year and the index after the phrase.
 */
export function yearPhraseAt(scan: Scan, i: number): { offset: number; end: number } | null {
  // "February of last year" as "February last year": without it the month was read in the reference year.
  const at = isWord(scan, i, 'of') ? i + 1 : i;
  const english = DIRECTION_BEFORE.get(scan.tokens[at]?.lower ?? '');
  if (english !== undefined && isWord(scan, at + 1, 'year')) {
    const possessive = (isPunct(scan.tokens[at + 2], "'") || isPunct(scan.tokens[at + 2], '’')) && isWord(scan, at + 3, 's');
    return { offset: english, end: possessive ? at + 4 : at + 2 };
  }
  if (!scan.spanish || !wordIn(scan, i, OF_WORDS)) return null;
  let j = i + 1;
  if (isWord(scan, j, 'el')) j++;
  const before = DIRECTION_BEFORE.get(scan.tokens[j]?.lower ?? '');
  if (before !== undefined && isWord(scan, j + 1, 'año')) return { offset: before, end: j + 2 };
  if (isWord(scan, j, 'año')) {
    const after = DIRECTION_AFTER.get(scan.tokens[j + 1]?.lower ?? '');
    if (after !== undefined) return { offset: after, end: j + 2 };
  }
  return null;
}

/**
 * A year spoken in words, as transcripts write them: "nineteen ninety-six", "twenty twenty-five", "two thousand
 * eight". "two thousand" alone needs `contextOk` ("in two thousand"), since it is mostly a count.
 */
export function spokenYearAt(scan: Scan, i: number, contextOk: boolean): { year: number; end: number } | null {
  const first = scan.tokens[i]?.lower;
  if (first === 'two' && isWord(scan, i + 1, 'thousand')) {
    const j = isWord(scan, i + 2, 'and') ? i + 3 : i + 2;
    const rest = tensAndUnits(scan, j, true);
    if (!rest && !contextOk) return null;
    return { year: 2000 + (rest?.value ?? 0), end: rest?.end ?? i + 2 };
  }
  if (first !== 'nineteen' && first !== 'twenty') return null;
  const rest = tensAndUnits(scan, i + 1, false);
  return rest ? { year: (first === 'nineteen' ? 1900 : 2000) + rest.value, end: rest.end } : null;
}

/** "ninety-six", "ninety six", "twenty" (and, when `unitsAlone`, "eight"): a number from 1 to 99 in words. */
function tensAndUnits(scan: Scan, i: number, unitsAlone: boolean): { value: number; end: number } | null {
  const tens = NUMBER_WORDS.get(scan.tokens[i]?.lower ?? '');
  if (tens === undefined || tens > 90) return null;
  if (tens < 20) return unitsAlone ? { value: tens, end: i + 1 } : null;
  const k = isPunct(scan.tokens[i + 1], '-') ? i + 2 : i + 1;
  const units = NUMBER_WORDS.get(scan.tokens[k]?.lower ?? '');
  return units !== undefined && units < 10 ? { value: tens + units, end: k + 1 } : { value: tens, end: i + 1 };
}
