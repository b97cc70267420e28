import type { Span } from '../../model/span.js';
import { AMOUNT_FILLERS, CLOCK_JOINERS_AFTER, CLOCK_JOINERS_BEFORE, DURATION_QUALIFIERS, EXTENT_QUALIFIERS, OTHER_STARTERS, QUALIFIER_SECOND } from './cues.js';
import { clockTime } from './detect-clock.js';
import { calendarDate, numericDate, quarterOrHalf, season, yearExpression } from './detect-dates.js';
import { duration, set } from './detect-durations.js';
import { holiday } from './detect-holidays.js';
import { aheadOrNear, century, samePeriod, theUnit } from './detect-periods.js';
import { ago, directionAfter, directional, referenceWord, relativeDay, weekdayRule } from './detect-relative.js';
import { isWord, type Match, type Rule, type Scan, wordIn } from './grammar.js';
import * as lexicon from './lexicon.js';
import { OF_WORDS, PERIOD_MOD_NOUNS, PERIOD_MODS } from './lexicon.js';
import type { CalendarSpec, Detection, PeriodMod, TimeSpec } from './spec.js';
import { tenseAround } from './tense.js';
import { isPunct, type Token, tokenize } from './tokens.js';

/**
 * Finds every temporal expression in a text. At each token all rules are tried and the longest match wins (ties go
 * to the earlier rule); matches never overlap. Then period modifiers ("early", "the end of", "a finales de") are
 * taken in, and a clock time next to a day is merged with it ("3 p.m. Friday").
 */

/** Rule order breaks ties between equally long matches: specific shapes first. */
const RULES: readonly Rule[] = [
  numericDate,
  calendarDate,
  holiday,
  quarterOrHalf,
  set,
  ago,
  directional,
  directionAfter,
  relativeDay,
  samePeriod,
  weekdayRule,
  clockTime,
  yearExpression,
  season,
  duration,
  theUnit,
  aheadOrNear,
  century,
  referenceWord,
];

/**
 * Detects temporal expressions; spans are offsets into `text`. `sentences` (sorted spans, optional) keep the tense
 * reader inside each expression's sentence.
 */
export function detectTimes(text: string, language: string, sentences: readonly Span[] = []): Detection[] {
  const tokens = tokenize(text);
  const scan: Scan = { tokens, spanish: language === 'es' };
  const matches: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = canStart(tokens, i) ? longestAt(scan, i) : null;
    if (match) {
      matches.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return mergeClocks(scan, matches).map((m) => ({
    start: (tokens[m.start] as Token).start,
    end: (tokens[m.end - 1] as Token).end,
    spec: m.spec,
    tense: tenseAround(tokens, m.start, m.end - 1, sentenceAt(sentences, (tokens[m.start] as Token).start)),
  }));
}

/**
 * Every word an expression can begin with: most words of a text cannot start one, and a set lookup skips all the
 * rules for them.
 */
const STARTERS: ReadonlySet<string> = new Set([
  ...lexicon.MONTHS.keys(),
  ...lexicon.SAME_DAY_WORDS,
  ...lexicon.CENTURY_ORDINALS.keys(),
  ...lexicon.HOLIDAYS.map((h) => h.phrase[0] ?? ''),
  ...lexicon.WEEKDAYS.keys(),
  ...[...lexicon.WEEKDAYS.keys()].map((w) => `${w}s`),
  ...lexicon.NUMBER_WORDS.keys(),
  ...lexicon.ONE_WORDS,
  ...lexicon.VAGUE_AMOUNTS,
  ...lexicon.ORDINALS.keys(),
  ...lexicon.UNITS.keys(),
  ...lexicon.SEASONS.keys(),
  ...lexicon.RELATIVE_DAYS.keys(),
  ...lexicon.DAY_PART_WORDS.keys(),
  ...lexicon.DIRECTION_BEFORE.keys(),
  ...lexicon.DETERMINERS,
  ...lexicon.PERIOD_MODS.keys(),
  ...lexicon.REFERENCE_WORDS.keys(),
  ...lexicon.FREQUENCY_WORDS.keys(),
  ...lexicon.EACH_WORDS,
  ...lexicon.ALL_WORDS,
  ...lexicon.CLOCK_WORDS.keys(),
  ...lexicon.FISCAL_WORDS,
  ...lexicon.PERIOD_LETTERS.keys(),
  ...DURATION_QUALIFIERS,
  ...OTHER_STARTERS,
  ...EXTENT_QUALIFIERS,
]);

function startsHere(t: Token | undefined): boolean {
  if (!t) return false;
  return t.kind === 'number' || (t.kind === 'word' ? STARTERS.has(t.lower) : t.lower === "'" || t.lower === '’');
}

/** An article ("the", "a", "la") starts an expression only before a word that can ("the third quarter", "a decade"). */
function canStart(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!startsHere(t)) return false;
  if (!(lexicon.DETERMINERS.has(t.lower) || lexicon.ONE_WORDS.has(t.lower))) return true;
  const next = tokens[i + 1];
  // "one-year", "an additional year": look past one hyphen or filler word.
  const skip = next && (next.lower === '-' || AMOUNT_FILLERS.has(next.lower));
  return startsHere(skip ? tokens[i + 2] : next);
}

/** The sentence holding `offset` (binary search over sorted spans), if any. */
function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function longestAt(scan: Scan, i: number): Match | null {
  return withQualifier(scan, i) ?? withPeriodMod(scan, i) ?? bestRule(scan, i);
}

/** "nearly two years", "more than four hours ago", "at least 90 days": the qualifier joins a duration or a shift. */
function withQualifier(scan: Scan, i: number): Match | null {
  const t = scan.tokens[i];
  if (t?.kind !== 'word') return null;
  let k = i;
  if (t.lower === 'at' && isWord(scan, i + 1, 'least')) k = i + 2;
  else if (EXTENT_QUALIFIERS.has(t.lower)) {
    const second = QUALIFIER_SECOND.get(t.lower);
    if (second && !isWord(scan, i + 1, second)) return null;
    k = second ? i + 2 : i + 1;
  } else {
    return null;
  }
  const base = bestRule(scan, k);
  if (!base || !(base.spec.kind === 'duration' || (base.spec.kind === 'shift' && base.spec.unit !== 'day'))) return null;
  return { start: i, end: base.end, spec: base.spec };
}

function bestRule(scan: Scan, i: number): Match | null {
  let best: Match | null = null;
  for (const rule of RULES) {
    const m = rule(scan, i);
    if (m && m.end > m.start && m.start === i && (!best || m.end > best.end)) best = m;
  }
  return best;
}

/**
 * "early next year", "late Sunday night", "mid-1990s", "the end of 1990", "at the start of the month" (from
 * "the"), "a finales de marzo" (from "finales"): the modifier joins the expression and sets its `mod`.
 */
function withPeriodMod(scan: Scan, i: number): Match | null {
  let j = i;
  if (isWord(scan, j, 'the')) j++;
  const word = scan.tokens[j];
  const mod = word?.kind === 'word' ? PERIOD_MODS.get(word.lower) : undefined;
  if (!word || !mod) return null;
  let k = j + 1;
  const nounForm = PERIOD_MOD_NOUNS.has(word.lower);
  if (nounForm) {
    if (!wordIn(scan, k, OF_WORDS)) return null;
    k++;
  } else if (isPunct(scan.tokens[k], '-')) {
    k++;
  }
  const base = bestRule(scan, k);
  if (!base || !acceptsMod(base.spec)) return null;
  return { start: i, end: base.end, spec: { ...base.spec, mod } as TimeSpec };
}

function acceptsMod(spec: TimeSpec): spec is CalendarSpec | (TimeSpec & { kind: 'shift' }) {
  return spec.kind === 'calendar' || (spec.kind === 'shift' && !spec.vague);
}

/** Merges a clock time with an adjacent day expression: "3 p.m. Friday", "Friday at 3 p.m.", "ayer a las 10". */
function mergeClocks(scan: Scan, matches: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (const m of matches) {
    const previous = out[out.length - 1];
    if (previous && canMerge(scan, previous, m)) {
      out[out.length - 1] = merge(previous, m);
    } else {
      out.push(m);
    }
  }
  return out;
}

function isClockOnly(spec: TimeSpec): spec is CalendarSpec {
  return spec.kind === 'calendar' && spec.clock !== undefined && spec.day === undefined && spec.weekday === undefined && spec.month === undefined;
}

function isDay(spec: TimeSpec): boolean {
  if (spec.kind === 'calendar') return spec.clock === undefined && (spec.day !== undefined || spec.weekday !== undefined);
  return spec.kind === 'shift' && spec.unit === 'day' && spec.clock === undefined;
}

function canMerge(scan: Scan, a: Match, b: Match): boolean {
  const between = b.start - a.end;
  if (between > 2) return false;
  const joiners = isClockOnly(a.spec) && isDay(b.spec) ? CLOCK_JOINERS_BEFORE : isDay(a.spec) && isClockOnly(b.spec) ? CLOCK_JOINERS_AFTER : null;
  if (!joiners) return false;
  for (let k = a.end; k < b.start; k++) {
    const t = scan.tokens[k];
    if (!t || !(joiners.has(t.lower) || isPunct(t, ','))) return false;
  }
  return true;
}

function merge(a: Match, b: Match): Match {
  const clockSpec = isClockOnly(a.spec) ? a.spec : (b.spec as CalendarSpec);
  const daySpec = isClockOnly(a.spec) ? b.spec : a.spec;
  const clock = clockSpec.clock;
  const mod: PeriodMod | undefined = daySpec.kind === 'calendar' || daySpec.kind === 'shift' ? daySpec.mod : undefined;
  const spec = { ...daySpec, ...(clock ? { clock } : {}), ...(mod ? { mod } : {}) } as TimeSpec;
  return { start: a.start, end: b.end, spec };
}
