import { type Rule, wordIn, yearAt } from './grammar.js';
import { DIRECTION_BEFORE, HOLIDAYS, OF_WORDS } from './lexicon.js';
import type { CalendarSpec } from './spec.js';
import { isPunct } from './tokens.js';

/**
 * Holidays: "Christmas", "last Thanksgiving", "Easter 2024", "Nochebuena". The first word must be capitalized in
 * English ("easter" in lower case is rarely the feast in news), any case in Spanish phrases that start in lower case.
 */
export const holiday: Rule = (scan, i) => {
  const direction = DIRECTION_BEFORE.get(scan.tokens[i]?.lower ?? '');
  const j = direction === undefined ? i : i + 1;
  const first = scan.tokens[j];
  if (first?.kind !== 'word' || (!first.capital && !scan.spanish)) return null;
  let best: { end: number; spec: CalendarSpec } | null = null;
  for (const { phrase, rule } of HOLIDAYS) {
    if (phrase[0] !== first.lower) continue;
    let k = j;
    while (k - j < phrase.length && scan.tokens[k]?.lower === phrase[k - j]) k++;
    if (k - j < phrase.length || (best && best.end >= k)) continue;
    best = { end: k, spec: { kind: 'calendar', holiday: rule, ...(direction !== undefined ? { direction } : {}) } };
  }
  if (!best) return null;
  const comma = isPunct(scan.tokens[best.end], ',') ? 1 : wordIn(scan, best.end, OF_WORDS) ? 1 : 0;
  const year = direction === undefined ? yearAt(scan, best.end + comma) : null;
  return year ? { start: i, end: year.end, spec: { ...best.spec, year: year.year } } : { start: i, end: best.end, spec: best.spec };
};
