import { PREPOSITION_LIKE } from './cues.js';
import { amountAt, isWord, monthAt, type Rule, type Scan, skipWord, unitAt, weekdayAt } from './grammar.js';
import {
  AGO_WORDS,
  ANAPHORIC_DIRECTIONS,
  DAY_PART_WORDS,
  DETERMINERS,
  DIRECTION_AFTER,
  DIRECTION_BEFORE,
  PARTS_OF_DAY,
  REFERENCE_WORDS,
  RELATIVE_DAYS,
  SEASONS,
} from './lexicon.js';
import type { Part, TimeSpec } from './spec.js';
import { isPunct } from './tokens.js';

/**
 * Rules for expressions that need the reference date: "yesterday", "tonight", "last week", "next Friday",
 * "el año pasado", "two years ago", "hace tres días", weekdays, "now", "recently", "in the coming weeks".
 */

/** A part of the day after a day word: "morning", "night", Spanish "por la tarde", "en la noche". */
function partAfter(scan: Scan, i: number): { part: Part; end: number } | null {
  let j = i;
  if ((isWord(scan, j, 'por') || isWord(scan, j, 'en') || isWord(scan, j, 'de')) && (isWord(scan, j + 1, 'la') || isWord(scan, j + 1, 'el'))) j += 2;
  const t = scan.tokens[j];
  const part = t?.kind === 'word' ? PARTS_OF_DAY.get(t.lower) : undefined;
  if (!part || t?.lower === 'overnight') return null;
  return { part, end: j + 1 };
}

/** "today", "yesterday morning", "ayer por la tarde", "tonight", "anoche", "mañana" (Spanish "tomorrow"). */
export const relativeDay: Rule = (scan, i) => {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  const dayPart = DAY_PART_WORDS.get(t.lower);
  if (dayPart) return { start: i, end: i + 1, spec: { kind: 'shift', unit: 'day', amount: dayPart.days, part: dayPart.part } };
  let days = RELATIVE_DAYS.get(t.lower);
  let end = i + 1;
  if (days === undefined && scan.spanish && t.lower === 'pasado' && isWord(scan, i + 1, 'mañana')) {
    days = 2;
    end = i + 2;
  } else if (days === undefined && t.lower === 'mañana' && !spanishMorning(scan, i)) {
    days = 1;
  }
  if (days === undefined) return null;
  const part = partAfter(scan, end);
  const spec: TimeSpec = part ? { kind: 'shift', unit: 'day', amount: days, part: part.part } : { kind: 'shift', unit: 'day', amount: days };
  return { start: i, end: part ? part.end : end, spec };
};

/** "la mañana", "esta mañana", "por la mañana": the morning, not tomorrow. */
function spanishMorning(scan: Scan, i: number): boolean {
  return isWord(scan, i - 1, 'la') || isWord(scan, i - 1, 'esta') || isWord(scan, i - 1, 'cada') || isWord(scan, i - 1, 'una');
}

/**
 * A direction word with a unit, weekday, month, season or part of the day: "last week", "this year", "next
 * Friday", "last March", "this summer", "last night", "this morning", "the past year", "el próximo año",
 * "el pasado jueves", "esta semana". Plural units after "the coming/past" are vague ("the coming weeks").
 */
export const directional: Rule = (scan, i) => {
  const start = i;
  const j = skipWord(scan, i, DETERMINERS);
  const t = scan.tokens[j];
  const direction = t?.kind === 'word' ? DIRECTION_BEFORE.get(t.lower) : undefined;
  if (direction === undefined) return null;
  // Without an article "following" is a preposition: "following Tuesday's vote", "following months of pressure".
  if (j === i && PREPOSITION_LIKE.has(t?.lower ?? '')) return null;
  const k = j + 1;
  const weekday = weekdayAt(scan, k);
  if (weekday) return { start, end: weekday.end, spec: { kind: 'calendar', weekday: weekday.weekday, direction } };
  const month = monthAt(scan, k, true);
  if (month) return { start, end: month.end, spec: { kind: 'calendar', month: month.month, direction } };
  const next = scan.tokens[k];
  const seasonValue = next?.kind === 'word' ? SEASONS.get(next.lower) : undefined;
  if (seasonValue) return { start, end: k + 1, spec: { kind: 'calendar', season: seasonValue, direction } };
  const part = next?.kind === 'word' ? PARTS_OF_DAY.get(next.lower) : undefined;
  const anaphoric = j !== i && (ANAPHORIC_DIRECTIONS.has(t?.lower ?? '') || (t?.lower === 'next' && (part !== undefined || isWord(scan, k, 'day'))));
  if (part && (direction !== 1 || anaphoric)) {
    const amount = direction === -1 ? -1 : anaphoric ? direction : 0;
    return { start, end: k + 1, spec: { kind: 'shift', unit: 'day', amount, part, ...(anaphoric ? { anaphoric } : {}) } };
  }
  const unit = unitAt(scan, k);
  if (!unit || ['second', 'minute', 'hour'].includes(unit.unit)) return null;
  if (anaphoric && !unit.plural) return { start, end: unit.end, spec: { kind: 'shift', unit: unit.unit, amount: direction, anaphoric } };
  if (unit.plural) {
    // "the coming weeks", "the next few days" are handled by durations; "las próximas semanas" too.
    return direction === 1 && j !== i ? { start, end: unit.end, spec: { kind: 'reference', value: 'FUTURE_REF' } } : null;
  }
  return { start, end: unit.end, spec: { kind: 'shift', unit: unit.unit, amount: direction } };
};

/** Spanish direction after the noun: "la semana pasada", "el año que viene", "el jueves pasado", "el mes anterior". */
export const directionAfter: Rule = (scan, i) => {
  if (!scan.spanish) return null;
  const start = i;
  const j = skipWord(scan, i, DETERMINERS);
  const weekday = weekdayAt(scan, j);
  const unit = weekday ? null : unitAt(scan, j);
  if (!weekday && !unit) return null;
  const after = weekday ? weekday.end : (unit?.end ?? j);
  let direction = DIRECTION_AFTER.get(scan.tokens[after]?.lower ?? '');
  let end = after + 1;
  if (direction === undefined && isWord(scan, after, 'que') && isWord(scan, after + 1, 'viene')) {
    direction = 1;
    end = after + 2;
  }
  if (direction === undefined) return null;
  if (weekday) return { start: j, end, spec: { kind: 'calendar', weekday: weekday.weekday, direction } };
  if (!unit || unit.plural) return unit?.plural && direction === 1 ? { start, end, spec: { kind: 'reference', value: 'FUTURE_REF' } } : null;
  // "al día siguiente", "el año anterior" count from the narrative's last date; "la semana pasada" from today.
  const anaphoric = ANAPHORIC_DIRECTIONS.has(scan.tokens[after]?.lower ?? '');
  return { start, end, spec: { kind: 'shift', unit: unit.unit, amount: direction, ...(anaphoric ? { anaphoric } : {}) } };
};

/** "two years ago", "a year earlier", "three days later", "hace dos años", "dentro de un mes", "years ago". */
export const ago: Rule = (scan, i) => {
  const spanishAgo = scan.spanish && isWord(scan, i, 'hace');
  const spanishIn = scan.spanish && isWord(scan, i, 'dentro') && isWord(scan, i + 1, 'de');
  const j = spanishAgo ? i + 1 : spanishIn ? i + 2 : i;
  const amount = amountAt(scan, j);
  const unit = unitAt(scan, amount ? amount.end : j);
  if (!unit) return null;
  // "desde hace 14 días" is how long something has lasted, not when: the duration rule reads "14 días".
  if (spanishAgo && isWord(scan, i - 1, 'desde')) return null;
  if (!amount && !unit.plural) return null;
  let sign: -1 | 1 | undefined;
  let end = unit.end;
  if (spanishAgo) sign = -1;
  else if (spanishIn) sign = 1;
  else {
    sign = AGO_WORDS.get(scan.tokens[unit.end]?.lower ?? '');
    end = unit.end + 1;
    if (sign === undefined && isWord(scan, unit.end, 'from') && isWord(scan, unit.end + 1, 'now')) {
      sign = 1;
      end = unit.end + 2;
    }
  }
  if (sign === undefined) return null;
  const n = amount ? amount.amount : null;
  if (n === null) return { start: i, end, spec: { kind: 'shift', unit: unit.unit, amount: sign, vague: true } };
  if (!Number.isInteger(n)) return null;
  return { start: i, end, spec: { kind: 'shift', unit: unit.unit, amount: sign * n } };
};

/** "Friday", "Friday night", "el jueves por la noche", "Tuesdays" is a set (see sets). */
export const weekdayRule: Rule = (scan, i) => {
  const weekday = weekdayAt(scan, i);
  if (!weekday) return null;
  const part = partAfter(scan, weekday.end);
  return { start: i, end: part ? part.end : weekday.end, spec: { kind: 'calendar', weekday: weekday.weekday, ...(part ? { part: part.part } : {}) } };
};

/** "now", "currently", "recently", "soon", "the future", "in the past", "these days", "la actualidad", "hoy en día". */
export const referenceWord: Rule = (scan, i) => {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  const value = REFERENCE_WORDS.get(t.lower);
  if (value) return { start: i, end: i + 1, spec: { kind: 'reference', value } };
  if (t.lower === 'at' && isWord(scan, i + 1, 'present') && !isPunct(scan.tokens[i + 2], '-'))
    return { start: i, end: i + 2, spec: { kind: 'reference', value: 'PRESENT_REF' } };
  if (t.lower === 'these' && isWord(scan, i + 1, 'days')) return { start: i, end: i + 2, spec: { kind: 'reference', value: 'PRESENT_REF' } };
  if (t.lower === 'hoy' && isWord(scan, i + 1, 'en') && (isWord(scan, i + 2, 'día') || isWord(scan, i + 2, 'dia'))) {
    return { start: i, end: i + 3, spec: { kind: 'reference', value: 'PRESENT_REF' } };
  }
  if (!DETERMINERS.has(t.lower)) return null;
  const next = scan.tokens[i + 1]?.lower;
  if (next === 'future' || next === 'futuro') return { start: i, end: i + 2, spec: { kind: 'reference', value: 'FUTURE_REF' } };
  if (next === 'actualidad') return { start: i, end: i + 2, spec: { kind: 'reference', value: 'PRESENT_REF' } };
  const afterPast = scan.tokens[i + 2];
  if (
    (next === 'past' || next === 'pasado') &&
    (isWord(scan, i - 1, 'in') || isWord(scan, i - 1, 'en')) &&
    !unitAt(scan, i + 2) &&
    afterPast?.kind !== 'number'
  ) {
    return { start: i, end: i + 2, spec: { kind: 'reference', value: 'PAST_REF' } };
  }
  return null;
};
