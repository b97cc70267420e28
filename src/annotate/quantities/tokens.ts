import type { Span } from '../../model/span.js';
import { matchedCharWidth } from '../tokenize.js';
import { beginTokenizing, lowerText, wordId, wordText } from '../words.js';

/**
 * The quantity scanner's tokens, found by a walk over the characters instead of `matchAll` over a slice: the
 * regex's match objects and the slice were a quarter of the stage. The walk gives exactly the matches of TOKEN
 * read over `text[span]` alone (held to it by a property test): at each position, in the regex's order, "US$" and
 * "MX$", a currency or percent sign, a numeral with grouping marks, a plain numeral, a word with inner hyphens or
 * apostrophes.
 */

/** A token with offsets into the article text and its lower-cased form. */
export interface Tok extends Span {
  text: string;
  lower: string;
}

/** Numerals with grouping marks, plain numerals, currency signs, words (with inner hyphens), percent signs. */
export const TOKEN = /US\$|MX\$|[$€£¥%]|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|\p{L}+(?:[-'’]\p{L}+)*/gu;

const LETTER = /^\p{L}$/u;
/** `\p{L}` for the first 2,048 code units (Latin, Greek, Cyrillic…), read once: most non-ASCII letters of news. */
export const LOW_LETTERS = Uint8Array.from({ length: 0x800 }, (_, c) => (LETTER.test(String.fromCharCode(c)) ? 1 : 0));

/** Width of the letter at `k` (2 for an astral one), or 0; nothing at or after `end` is read. */
function letterWidth(text: string, k: number, end: number): number {
  if (k >= end) return 0;
  const c = text.charCodeAt(k);
  if (c < 0x800) return LOW_LETTERS[c] as number;
  return matchedCharWidth(text, k, end, LETTER);
}

function isDigitAt(text: string, k: number, end: number): boolean {
  if (k >= end) return false;
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}

function isGroupMark(text: string, k: number, end: number): boolean {
  if (k >= end) return false;
  const c = text.charCodeAt(k);
  return c === 0x2e || c === 0x2c;
}

function isSign(c: number): boolean {
  return c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x25;
}

/** End of a numeral starting at `k` (a digit), as the regex's two numeral alternatives read it. */
function numeralEnd(text: string, k: number, end: number): number {
  let run = k;
  while (isDigitAt(text, run, end)) run++;
  // `\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?`: up to three digits, at least one group of a mark and three digits (a
  // fourth digit may follow a group: the groups stop there), then an optional mark and digits.
  if (run - k <= 3) {
    let j = run;
    while (isGroupMark(text, j, end) && isDigitAt(text, j + 1, end) && isDigitAt(text, j + 2, end) && isDigitAt(text, j + 3, end)) j += 4;
    if (j > run) {
      if (isGroupMark(text, j, end) && isDigitAt(text, j + 1, end)) {
        j += 2;
        while (isDigitAt(text, j, end)) j++;
      }
      return j;
    }
  }
  // `\d+(?:[.,]\d+)?`
  if (isGroupMark(text, run, end) && isDigitAt(text, run + 1, end)) {
    run += 2;
    while (isDigitAt(text, run, end)) run++;
  }
  return run;
}

/** End of the token starting at `k`, or −1 when none starts there; nothing at or after `end` is read. */
function tokenEnd(text: string, k: number, end: number): number {
  const c = text.charCodeAt(k);
  if ((c === 0x55 || c === 0x4d) && k + 2 < end) {
    const two = text.charCodeAt(k + 1);
    if (text.charCodeAt(k + 2) === 0x24 && ((c === 0x55 && two === 0x53) || (c === 0x4d && two === 0x58))) return k + 3;
  }
  if (isSign(c)) return k + 1;
  if (c >= 48 && c <= 57) return numeralEnd(text, k, end);
  let w = letterWidth(text, k, end);
  if (w === 0) return -1;
  let j = k;
  for (;;) {
    while (w > 0) {
      j += w;
      w = letterWidth(text, j, end);
    }
    const sep = j < end ? text.charCodeAt(j) : -1;
    if (sep !== 0x2d && sep !== 0x27 && sep !== 0x2019) return j;
    w = letterWidth(text, j + 1, end);
    if (w === 0) return j;
    j += 1;
  }
}

/** The tokens of `text[span]`, read as if the span were the whole text. */
export function quantityTokens(text: string, span: Span): Tok[] {
  const out: Tok[] = [];
  beginTokenizing();
  let k = span.start;
  while (k < span.end) {
    const end = tokenEnd(text, k, span.end);
    if (end < 0) {
      k++;
      continue;
    }
    // The shared word table's strings: one per spelling, so the vocabulary lookups reuse their cached hashes.
    const id = wordId(text, k, end);
    out.push({ start: k, end, text: wordText(id), lower: lowerText(id) });
    k = end;
  }
  return out;
}
