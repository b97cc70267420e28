import { wordTable } from '../../model/word-table.js';
import { THE_UNIT_STOPS } from './cues.js';
import { isWord, type Rule, type Scan, skipWord, unitAt, wordIn } from './grammar.js';
import { CENTURY_ORDINALS, DETERMINERS, PERIOD_QUALIFIERS, SAME_DAY_WORDS, THE_UNITS } from './lexicon.js';
import type { Unit } from './spec.js';
import { isPunct, numberValue } from './tokens.js';

/**
 * Periods named without a number: "the year", "the fiscal year", "year-end", "that year", "the same day", "the
 * weeks ahead", "the near future", "the 20th century", "el siglo XX".
 */

/**
 * "the year", "the fiscal year", "the week", "the weekend", "the quarter", "year-end", "by year's end": the current
 * period (the last weekend or quarter in a past clause, see ShiftSpec.byTense). "for the year" stays a date:
 * reading it as P1Y scored lower on TBAQ.
 */
export const theUnit: Rule = (scan, i) => {
  const yearEnd = yearEndAt(scan, i);
  if (yearEnd) return { start: i, end: yearEnd, spec: { kind: 'shift', unit: 'year', amount: 0, mod: 'END' } };
  if (!isWord(scan, i, 'the')) return null;
  let j = i + 1;
  while (j < i + 3 && wordIn(scan, j, PERIOD_QUALIFIERS)) j++;
  const unit = unitAt(scan, j);
  if (!unit || unit.plural || !THE_UNITS.has(unit.unit) || (j > i + 1 && unit.unit !== 'year')) return null;
  const next = scan.tokens[unit.end];
  if (next && (next.kind === 'number' || isPunct(next, '-') || isPunct(next, "'") || isPunct(next, '’') || THE_UNIT_STOPS.has(next.lower))) return null;
  const byTense = unit.unit === 'weekend' || unit.unit === 'quarter';
  return { start: i, end: unit.end, spec: { kind: 'shift', unit: unit.unit, amount: 0, ...(byTense ? { byTense } : {}) } };
};

/** "year-end", "year end", "year's end": the index after it, or null. */
function yearEndAt(scan: Scan, i: number): number | null {
  if (!isWord(scan, i, 'year')) return null;
  if (isPunct(scan.tokens[i + 1], '-') && isWord(scan, i + 2, 'end')) return i + 3;
  if (isWord(scan, i + 1, 'end')) return i + 2;
  if ((isPunct(scan.tokens[i + 1], "'") || isPunct(scan.tokens[i + 1], '’')) && isWord(scan, i + 2, 's') && isWord(scan, i + 3, 'end')) return i + 4;
  return null;
}

/** Units "that"/"the same" can point back to. */
const POINTED_UNITS: ReadonlySet<Unit> = new Set<Unit>(['day', 'week', 'month', 'quarter', 'year']);

/** "that day", "the same year", "that quarter", "ese mismo día", "aquel año": the period the narrative last mentioned. */
export const samePeriod: Rule = (scan, i) => {
  const j = skipWord(scan, i, DETERMINERS);
  let k = j;
  while (k < j + 2 && wordIn(scan, k, SAME_DAY_WORDS)) k++;
  const unit = k > j ? unitAt(scan, k) : null;
  if (!unit || unit.plural || !POINTED_UNITS.has(unit.unit)) return null;
  // "the same" needs its article; a bare "same day" is an attribute ("same-day delivery").
  if (j === i && (isWord(scan, j, 'same') || isWord(scan, j, 'mismo'))) return null;
  return { start: i, end: unit.end, spec: { kind: 'shift', unit: unit.unit, amount: 0, anaphoric: true } };
};

/** "the weeks ahead", "the near future", "the near term", "the short term": FUTURE_REF. */
export const aheadOrNear: Rule = (scan, i) => {
  if (!wordIn(scan, i, DETERMINERS)) return null;
  const unit = unitAt(scan, i + 1);
  if (unit?.plural && isWord(scan, unit.end, 'ahead')) return { start: i, end: unit.end + 1, spec: { kind: 'reference', value: 'FUTURE_REF' } };
  if (isWord(scan, i + 1, 'near') && (isWord(scan, i + 2, 'future') || isWord(scan, i + 2, 'term'))) {
    return { start: i, end: i + 3, spec: { kind: 'reference', value: 'FUTURE_REF' } };
  }
  if (isWord(scan, i + 1, 'short') && isWord(scan, i + 2, 'term')) return { start: i, end: i + 3, spec: { kind: 'reference', value: 'FUTURE_REF' } };
  return null;
};

/** "the 20th century", "the twentieth century", "el siglo XX", "siglo 21" → TIMEX3 century "19", "20". */
export const century: Rule = (scan, i) => {
  const j = skipWord(scan, i, DETERMINERS);
  if (isWord(scan, j, 'siglo')) {
    const n = romanOrNumber(scan.tokens[j + 1]?.lower ?? '');
    return n ? { start: i, end: j + 2, spec: { kind: 'calendar', century: n - 1 } } : null;
  }
  const t = scan.tokens[j];
  let n = numberValue(t);
  let k = j + 1;
  if (n !== null) {
    const suffix = scan.tokens[k];
    if (!suffix || suffix.gap || !['st', 'nd', 'rd', 'th'].includes(suffix.lower)) return null;
    k++;
  } else {
    n = CENTURY_ORDINALS.get(t?.lower ?? '') ?? null;
  }
  if (n === null || n < 1 || n > 30) return null;
  if (isPunct(scan.tokens[k], '-')) k++;
  if (!isWord(scan, k, 'century')) return null;
  return { start: i, end: k + 1, spec: { kind: 'calendar', century: n - 1 } };
};

const ROMAN: Readonly<Record<string, number>> = wordTable({ i: 1, v: 5, x: 10, l: 50 });

/** A small Roman numeral ("xx", "xxi") or digits, as a century number; null otherwise. */
function romanOrNumber(word: string): number | null {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  if (!/^[ivxl]{1,6}$/.test(word)) return null;
  let total = 0;
  for (let k = 0; k < word.length; k++) {
    const value = ROMAN[word[k] as string] ?? 0;
    const next = ROMAN[word[k + 1] as string] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total <= 30 ? total : null;
}
