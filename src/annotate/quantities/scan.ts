import type { Quantity } from '../../model/annotations.js';
import type { Span } from '../../model/span.js';
import { mayHoldNumber, NUMBER_WORDS_ALONE } from './hint.js';
import { parseNumeral } from './numbers.js';
import { quantityTokens, type Tok } from './tokens.js';
import {
  COUNTED_STOPS,
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  FRACTIONS,
  MONTHS,
  NUMBER_WORDS,
  PERCENT_WORDS,
  QUALIFIERS,
  RATE_WORDS,
  SCALE_ONLY_STARTS,
  SCALES,
  TENS_OF,
  TIME_UNITS,
  VAGUE_AMOUNTS,
} from './vocabulary.js';

/**
 * Finds quantities in one sentence: a number (digits, words, vague amounts, fractions) with its scale, unit,
 * range, rate, qualifier and counted noun. Left out on purpose: dates, years, clock times and durations (the times
 * stage owns them), and ordinals ("third trip" ranks, it does not count).
 */

/** Most words a counted noun phrase takes ("theft suspects", "high-profile suspects wanted"). */
export const MAX_COUNTED_WORDS = 3;

interface Value {
  value: number;
  valueMax?: number;
  next: number;
  vague: boolean;
  fraction: boolean;
}

function phraseAt(tokens: readonly Tok[], i: number, words: readonly string[]): boolean {
  // A loop, not `every`: it runs for each qualifier phrase at each number, and a closure per call was garbage.
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

/**
 * Lower-cased words that can start a number ("a" and "one" only before a scale word: "a million"). Every token is
 * tried as a number start, and almost none is one, so a word outside this set (no digit, no hyphen) is turned
 * away before the phrase tables are walked.
 */
const NUMBER_STARTS: ReadonlySet<string> = new Set([...NUMBER_WORDS_ALONE, ...SCALE_ONLY_STARTS]);

function mayStartNumber(tok: Tok): boolean {
  const c = tok.text.charCodeAt(0);
  return (c >= 48 && c <= 57) || NUMBER_STARTS.has(tok.lower) || tok.lower.includes('-');
}

/** The number starting at token `i`, with any scale after it. */
function readValue(text: string, tokens: readonly Tok[], i: number, language: string): Value | null {
  const tok = tokens[i];
  if (!tok || !mayStartNumber(tok)) return null;
  for (const prefix of TENS_OF) {
    const vague = tokens[i + prefix.length];
    if (phraseAt(tokens, i, prefix) && vague && VAGUE_AMOUNTS[vague.lower]) {
      const [lo] = VAGUE_AMOUNTS[vague.lower] as [number, number];
      return { value: lo * 5, valueMax: lo * 50 - 1, next: i + prefix.length + 1, vague: true, fraction: false };
    }
  }
  const vague = VAGUE_AMOUNTS[tok.lower];
  if (vague) return { value: vague[0], valueMax: vague[1], next: i + 1, vague: true, fraction: false };
  const fraction = FRACTIONS[tok.lower];
  if (fraction !== undefined) return { value: fraction, next: i + 1, vague: false, fraction: true };
  let value: number | null = null;
  if (/^\d/.test(tok.text)) {
    // "3rd", "5G", "10:30": an ordinal, a code or a clock time, not a count.
    if (/^[\p{L}:]/u.test(text.charAt(tok.end))) return null;
    value = parseNumeral(tok.text, language);
  } else if (NUMBER_WORDS[tok.lower] !== undefined) {
    value = NUMBER_WORDS[tok.lower] as number;
    const compound = /^(\p{L}+)-(\p{L}+)$/u.exec(tok.lower);
    if (compound) value = (NUMBER_WORDS[compound[1] as string] ?? 0) + (NUMBER_WORDS[compound[2] as string] ?? 0);
  } else if (/^(\p{L}+)-(\p{L}+)$/u.test(tok.lower)) {
    const [a, b] = tok.lower.split('-') as [string, string];
    if (NUMBER_WORDS[a] !== undefined && NUMBER_WORDS[b] !== undefined && (NUMBER_WORDS[a] as number) >= 20)
      value = (NUMBER_WORDS[a] as number) + (NUMBER_WORDS[b] as number);
  } else if (SCALE_ONLY_STARTS.has(tok.lower) && tokens[i + 1] && (SCALES[(tokens[i + 1] as Tok).lower] || (tokens[i + 1] as Tok).lower === 'dozen')) {
    value = 1;
  }
  if (value === null) return null;
  let next = i + 1;
  for (let guard = 0; guard < 3; guard++) {
    const scale = tokens[next] ? SCALES[(tokens[next] as Tok).lower] : undefined;
    const word = tokens[next]?.lower;
    if (word === 'dozen') value *= 12;
    else if (scale && !(scale < 1e6 && /^(m|k|bn)$/.test(word ?? ''))) value *= scale;
    else break;
    next++;
  }
  return { value, next, vague: false, fraction: false };
}

/** The qualifier phrases split into words once. */
const QUALIFIER_WORDS = QUALIFIERS.map(([phrase, qualifier]) => [phrase.split(' '), qualifier] as const);

function qualifierBefore(tokens: readonly Tok[], i: number): { qualifier: Quantity['qualifier']; start: number } {
  for (const [words, qualifier] of QUALIFIER_WORDS) {
    const at = i - words.length;
    if (at >= 0 && phraseAt(tokens, at, words)) return { qualifier, start: at };
  }
  return { qualifier: 'exact', start: i };
}

/** Whether the number at `i` is part of a date or a year rather than a count. */
function isDateLike(tokens: readonly Tok[], i: number, value: number, hasUnit: boolean): boolean {
  const tok = tokens[i] as Tok;
  const prev = tokens[i - 1]?.lower ?? '';
  const next = tokens[i + 1]?.lower ?? '';
  if (MONTHS.has(prev) || MONTHS.has(next) || (next === 'de' && MONTHS.has(tokens[i + 2]?.lower ?? ''))) return true;
  return !hasUnit && /^\d{4}$/.test(tok.text) && value >= 1800 && value <= 2100;
}

/**
 * Whether token `k` continues the counted noun phrase: a word, not a function word, no punctuation before it, and
 * after the first word not a participle ("55 suspects wanted", "a tariff costing"), which starts a new phrase.
 */
function countable(text: string, tokens: readonly Tok[], k: number, taken: number): boolean {
  const tok = tokens[k];
  if (!tok || taken >= MAX_COUNTED_WORDS || !/^\p{L}/u.test(tok.text) || COUNTED_STOPS.has(tok.lower)) return false;
  if (/[.,;:!?()]/.test(text.slice(tokens[k - 1]?.end ?? tok.start, tok.start))) return false;
  return taken === 0 || !/(ed|ing|aron|ieron|aban|ían)$/.test(tok.lower);
}

/** Every quantity in one span of the text. */
export function scanQuantities(text: string, span: Span, language: string): Quantity[] {
  if (!mayHoldNumber(text, span.start, span.end)) return [];
  const tokens = quantityTokens(text, span);
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const sign = CURRENCY_SIGNS[(tokens[i] as Tok).text];
    const at = sign ? i + 1 : i;
    const read = readValue(text, tokens, at, language);
    if (!read) continue;
    let unit: string | null = sign ?? (read.fraction ? 'fraction' : null);
    let k = read.next;
    const after = tokens[k];
    if (after && (after.text === '%' || PERCENT_WORDS.some((p) => phraseAt(tokens, k, p)))) {
      unit = '%';
      k += after.text === '%' ? 1 : (PERCENT_WORDS.find((p) => phraseAt(tokens, k, p)) as readonly string[]).length;
    } else if (after && CURRENCY_WORDS[after.lower] && !unit) {
      unit = CURRENCY_WORDS[after.lower] as string;
      k++;
    }
    if (isDateLike(tokens, at, read.value, unit !== null) || /^\s*[ap]\.?m\b/i.test(text.slice(tokens[read.next - 1]?.end ?? 0))) continue;
    // "2,5 millones de pesos", "millions of dollars": the currency after "de"/"of".
    const linked = tokens[k + 1];
    if (!unit && (tokens[k]?.lower === 'de' || tokens[k]?.lower === 'of') && linked && CURRENCY_WORDS[linked.lower]) {
      unit = CURRENCY_WORDS[linked.lower] as string;
      k += 2;
    }
    let valueMax = read.valueMax;
    const link = tokens[k]?.lower;
    if ((link === 'to' || link === 'and' || link === 'y' || link === 'a') && tokens[k + 1] && /^\d/.test((tokens[k + 1] as Tok).text)) {
      const upper = readValue(text, tokens, k + 1, language);
      if (upper && upper.value > read.value) {
        valueMax = upper.value;
        k = upper.next;
      }
    }
    if (
      unit &&
      (tokens[k]?.lower === 'a' || tokens[k]?.lower === 'per' || tokens[k]?.lower === 'al' || tokens[k]?.lower === 'por') &&
      RATE_WORDS.has(tokens[k + 1]?.lower ?? '')
    ) {
      unit = `${unit} per ${(tokens[k + 1] as Tok).lower}`;
      k += 2;
    }
    if (!unit && TIME_UNITS.has(tokens[k]?.lower ?? '')) continue; // a duration: the times stage's
    if ((read.vague || read.fraction || read.next - at > 1) && (tokens[k]?.lower === 'of' || tokens[k]?.lower === 'de')) k++;
    const counted: Tok[] = [];
    while (countable(text, tokens, k, counted.length)) {
      counted.push(tokens[k] as Tok);
      k++;
    }
    const { qualifier, start } = qualifierBefore(tokens, i);
    const end = (tokens[k - 1] as Tok).end;
    const first = tokens[start] as Tok;
    const quantity: Quantity = {
      start: first.start,
      end,
      text: text.slice(first.start, end),
      value: read.value,
      unit,
      counted: counted.length > 0 ? text.slice((counted[0] as Tok).start, (counted[counted.length - 1] as Tok).end) : null,
      qualifier: read.vague && qualifier === 'exact' ? 'approximately' : qualifier,
    };
    if (valueMax !== undefined) quantity.valueMax = valueMax;
    out.push(quantity);
    i = k - 1;
  }
  return out;
}
