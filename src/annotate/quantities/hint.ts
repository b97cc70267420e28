import { LOW_LETTERS } from './tokens.js';
import { FRACTIONS, NUMBER_WORDS, SCALES, TENS_OF, VAGUE_AMOUNTS } from './vocabulary.js';

/**
 * Whether a sentence may hold a number at all, so most sentences skip the quantity tokenizer. The answer is exactly
 * `NUMBER_HINT.test(sentence)`; a character walk in front of that regex answers the common cases (a digit: yes; no
 * listed word: no) without it, because the regex tries its hundred alternatives at every position of a sentence
 * that holds none (≈2 µs a sentence, two thirds of news sentences).
 */

/** Lower-cased words that make a number without a digit (scan.ts turns away any other token). */
export const NUMBER_WORDS_ALONE: readonly string[] = [
  ...TENS_OF.map((prefix) => prefix[0] ?? ''),
  ...Object.keys(VAGUE_AMOUNTS),
  ...Object.keys(FRACTIONS),
  ...Object.keys(NUMBER_WORDS),
];

const HINT_WORDS: readonly string[] = [...NUMBER_WORDS_ALONE, ...Object.keys(SCALES), 'dozen'];

/**
 * A digit, or a listed word standing alone or as a hyphenated part ("twenty-five"). Every token `readValue` accepts
 * is one of these.
 */
export const NUMBER_HINT = new RegExp(`\\d|(?<!\\p{L})(?:${HINT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?!\\p{L})`, 'iu');

/**
 * The words the walk looks for: the regex's alternatives split at their hyphens and spaces. A regex match of a
 * letters-only alternative is a whole letter run (its look-behind and look-ahead refuse a letter on either side);
 * a match of "one-third" or "dos tercios" starts with such a run ("one", "dos"). So a sentence none of whose letter
 * runs folds to one of these words has no match.
 */
const RUN_WORDS: readonly string[] = [...new Set(HINT_WORDS.flatMap((w) => w.split(/[- ]/)))];

/** Symbols of the run automaton: a–z, then "ó", then any other letter. */
const SYMBOLS = 28;
const O_ACUTE = 26;
const OTHER = 27;

/**
 * The letters the regex's case-insensitive (Unicode simple case folding) match takes for a–z and ó: their upper
 * case, the Kelvin sign (lower-cases to "k") and the long s (folds to "s" but does not lower-case); checked against
 * every BMP character when written. Any other letter folds to none of them.
 */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code === 0xf3 || code === 0xd3) return O_ACUTE;
  if (code === 0x212a) return 10; // "k"
  if (code === 0x17f) return 18; // "s"
  return OTHER;
}

/** A trie of RUN_WORDS as a transition table (−1: no word continues) and the states a word ends in. */
function buildRunAutomaton(): { next: Int32Array; accepts: Uint8Array } {
  const rows: number[][] = [new Array(SYMBOLS).fill(-1)];
  const ends = new Set<number>();
  for (const word of RUN_WORDS) {
    let state = 0;
    for (const ch of word) {
      const symbol = symbolOf(ch.charCodeAt(0));
      const row = rows[state] as number[];
      if ((row[symbol] as number) < 0) {
        row[symbol] = rows.length;
        rows.push(new Array(SYMBOLS).fill(-1));
      }
      state = row[symbol] as number;
    }
    ends.add(state);
  }
  const accepts = new Uint8Array(rows.length);
  for (const state of ends) accepts[state] = 1;
  return { next: Int32Array.from(rows.flat()), accepts };
}

const RUNS = buildRunAutomaton();
const LETTER = /\p{L}/u;

/** Whether a character code is a letter to the regex (a lone surrogate half is not: astral letters end a run here). */
function isLetter(code: number): boolean {
  if (code < 0x800) return LOW_LETTERS[code] === 1;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return LETTER.test(String.fromCharCode(code));
}

/** Whether `text[start, end)` may hold a number: exactly `NUMBER_HINT.test(text.slice(start, end))`. */
export function mayHoldNumber(text: string, start: number, end: number): boolean {
  let state = 0;
  let inRun = false;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code >= 48 && code <= 57) return true;
    if (isLetter(code)) {
      if (!inRun) {
        inRun = true;
        state = 0;
      }
      if (state >= 0) state = RUNS.next[state * SYMBOLS + symbolOf(code)] as number;
      continue;
    }
    // A run word is necessary, not sufficient ("one" alone is no match; an astral letter beside a word refuses it).
    if (inRun && state >= 0 && RUNS.accepts[state] === 1) return NUMBER_HINT.test(text.slice(start, end));
    inRun = false;
  }
  return inRun && state >= 0 && RUNS.accepts[state] === 1 && NUMBER_HINT.test(text.slice(start, end));
}
