import { durationValue, pad } from './calendar.js';
import { AMOUNT_FILLERS, BARE_UNIT_CONTEXT, DURATION_QUALIFIERS, PREPOSITION_LIKE, RATE_BEFORE } from './cues.js';
import { amountAt, isWord, type Match, monthAt, type Rule, type Scan, skipWord, unitAt, weekdayAt, wordIn } from './grammar.js';
import { ALL_WORDS, DETERMINERS, EACH_WORDS, FREQUENCY_WORDS, ONE_WORDS, PARTS_OF_DAY, SEASONS, VAGUE_SIDES, WEEKDAYS } from './lexicon.js';
import { isPunct } from './tokens.js';

/**
 * Rules for durations ("90 days", "a decade", "the past two months", "five-year", "los últimos 14 años",
 * "for years") and sets ("every week", "daily", "each Thursday", "twice a day", "todos los días").
 */

/**
 * "90 days", "a decade", "the past two months", "five-year", "two more years", "a year and a half", "los últimos
 * 14 años". Ages ("a 14-year-old") are not durations; "a second" is an ordinal and "three-quarters of" a fraction.
 */
export const duration: Rule = (scan, i) => {
  const start = i;
  let j = skipWord(scan, i, DETERMINERS);
  const determiner = j !== i;
  const qualifier = wordIn(scan, j, DURATION_QUALIFIERS) ? (scan.tokens[j]?.lower ?? null) : null;
  if (qualifier) j++;
  const amount = amountAt(scan, j);
  if (!amount) return vagueUnits(scan, i, j, qualifier);
  let k = amount.end;
  if (wordIn(scan, k, AMOUNT_FILLERS)) k++;
  const hyphen = isPunct(scan.tokens[k], '-');
  // "the two-week delay": the hyphenated duration is an attribute, "the" belongs to the noun (matched from the next token).
  if (hyphen && determiner && !qualifier) return null;
  if (hyphen) k++;
  const unit = unitAt(scan, k);
  if (!unit) return null;
  const article = scan.tokens[j]?.kind === 'word' && ONE_WORDS.has(scan.tokens[j]?.lower ?? '');
  if (article && unit.plural && amount.amount !== null) return null;
  if (determiner && !qualifier && article) return null;
  if (unit.unit === 'second' && !unit.plural && (article || amount.amount === null)) return null;
  // A singular unit after a number other than one is an attribute ("a 30 day delay") only with small amounts;
  // "the 1988 second quarter" is a year and an ordinal.
  if (!unit.plural && !hyphen && amount.amount !== null && amount.amount !== 1 && (amount.amount >= 1000 || unit.unit === 'second')) return null;
  let end = unit.end;
  if (isWord(scan, end, 'of') && (unit.unit === 'quarter' || unit.unit === 'half')) return null;
  let value = amount.amount;
  const half = halfAfter(scan, end);
  if (half > end && value !== null) {
    value += 0.5;
    end = half;
  }
  if (isPunct(scan.tokens[end], '-') && isWord(scan, end + 1, 'long')) end += 2;
  if (isWord(scan, end, 'old') || (isPunct(scan.tokens[end], '-') && isWord(scan, end + 1, 'old'))) return null;
  if (isWord(scan, end, 'de') && isWord(scan, end + 1, 'edad')) return null;
  // "the past few weeks", "the last several months": only the side of the reference is known.
  if (value === null && (qualifier === 'past' || qualifier === 'last')) return { start, end, spec: { kind: 'reference', value: 'PAST_REF' } };
  return { start, end, spec: { kind: 'duration', amount: value, unit: unit.unit } };
};

/** "and a half" / "y medio": the index after it, or `i`. */
function halfAfter(scan: Scan, i: number): number {
  if (isWord(scan, i, 'and') && isWord(scan, i + 1, 'a') && isWord(scan, i + 2, 'half')) return i + 3;
  if (isWord(scan, i, 'y') && (isWord(scan, i + 1, 'medio') || isWord(scan, i + 1, 'media'))) return i + 2;
  return i;
}

/**
 * Plural units without a number: "for years" (PXY), "over decades", "recent months" and "past years" (PAST_REF, as
 * TBAQ annotates them), "coming weeks" and "las próximas semanas" (FUTURE_REF).
 */
function vagueUnits(scan: Scan, i: number, j: number, qualifier: string | null): Match | null {
  const unit = unitAt(scan, j);
  if (!unit?.plural) return null;
  if (qualifier === null) {
    return j === i && wordIn(scan, i - 1, BARE_UNIT_CONTEXT) ? { start: i, end: unit.end, spec: { kind: 'duration', amount: null, unit: unit.unit } } : null;
  }
  if (j === i + 1 && PREPOSITION_LIKE.has(qualifier)) return null;
  const side = VAGUE_SIDES.get(qualifier);
  return side ? { start: i, end: unit.end, spec: { kind: 'reference', value: side } } : null;
}

/** The TIMEX3 value of one repeated unit, weekday, month, season or part of the day, or null. */
function periodSetValue(scan: Scan, i: number): { value: string; end: number } | null {
  const amount = amountAt(scan, i);
  const numbered = amount && amount.amount !== null && scan.tokens[i]?.kind !== 'word' ? amount : null;
  const unit = unitAt(scan, numbered ? numbered.end : i);
  if (unit) return { value: durationValue(numbered ? numbered.amount : 1, unit.unit), end: unit.end };
  const weekday = weekdayAt(scan, i);
  if (weekday) return { value: `XXXX-WXX-${weekday.weekday}`, end: weekday.end };
  const month = monthAt(scan, i, true);
  if (month) return { value: `XXXX-${pad(month.month)}`, end: month.end };
  const t = scan.tokens[i];
  const season = t?.kind === 'word' ? SEASONS.get(t.lower) : undefined;
  if (season) return { value: `XXXX-${season}`, end: i + 1 };
  const part = t?.kind === 'word' ? PARTS_OF_DAY.get(t.lower) : undefined;
  if (part) return { value: `XXXX-XX-XXT${part}`, end: i + 1 };
  return null;
}

export const set: Rule = (scan, i) => {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  const frequency = FREQUENCY_WORDS.get(t.lower);
  if (frequency) return { start: i, end: i + 1, spec: { kind: 'set', value: frequency } };
  if (EACH_WORDS.has(t.lower)) {
    const j = isWord(scan, i + 1, 'other') ? i + 1 : i;
    const period = periodSetValue(scan, j + 1);
    if (!period) return null;
    const value = j > i ? period.value.replace(/^P(T?)1/, 'P$12') : period.value;
    return { start: i, end: period.end, spec: { kind: 'set', value } };
  }
  // "todos los días", "todas las semanas"
  if (ALL_WORDS.has(t.lower) && wordIn(scan, i + 1, DETERMINERS)) {
    const period = periodSetValue(scan, i + 2);
    return period ? { start: i, end: period.end, spec: { kind: 'set', value: period.value } } : null;
  }
  // "on Tuesdays"
  if (t.capital && t.lower.endsWith('s') && WEEKDAYS.has(t.lower.slice(0, -1)) && t.lower.length > 6) {
    return { start: i, end: i + 1, spec: { kind: 'set', value: `XXXX-WXX-${WEEKDAYS.get(t.lower.slice(0, -1))}` } };
  }
  // A rate: "twice a day", "$5 a year", "20% a year", "1 million barrels a day", "tres veces al año".
  if ((ONE_WORDS.has(t.lower) || t.lower === 'al' || t.lower === 'por') && rateBefore(scan, i)) {
    const unit = unitAt(scan, i + 1);
    if (unit && !unit.plural) return { start: i, end: unit.end, spec: { kind: 'set', value: durationValue(1, unit.unit) } };
  }
  return null;
};

/**
 * Whether a quantity ends just before `i`: a number, a percentage, "times", "twice" right before it, or a plural
 * noun counted by a number ("1 million barrels a day"). "…de 2024 y al día siguiente" is not a rate.
 */
function rateBefore(scan: Scan, i: number): boolean {
  const previous = scan.tokens[i - 1];
  if (!previous) return false;
  if (previous.kind === 'number' || RATE_BEFORE.has(previous.lower)) return true;
  if (previous.kind !== 'word' || !previous.lower.endsWith('s')) return false;
  return scan.tokens[i - 2]?.kind === 'number' || scan.tokens[i - 3]?.kind === 'number';
}
