import { matchedCharWidth } from '../tokenize.js';
/**
 * The words of a span as the cue matcher reads them, found by a walk over the characters instead of a global
 * regex: the regex's match objects were a sixth of the stage. The walk gives exactly the matches of WORD (kept
 * for the tests that hold the walk to it): at each position the clitic alternatives first ("n't", "'ll" before a
 * non-word character), then a run of letters and digits joined by single hyphens or apostrophes.
 */
export const WORD = /n['’]t\b|['’]ll\b|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;

/** Width (1, or 2 for a surrogate pair) of the letter or digit at `k`, or 0 when none starts there. */
function wordCharWidth(text: string, k: number, end: number): number {
  if (k >= end) return 0;
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  return matchedCharWidth(text, k, end, LETTER_OR_DIGIT);
}

/** `\b` after a match ending at `k` whose last character is an ASCII letter: no ASCII word character follows. */
function asciiBoundary(text: string, k: number, end: number): boolean {
  if (k >= end) return true;
  const c = text.charCodeAt(k);
  return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x5f);
}

function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_QUOTE;
}

/**
 * Appends to `starts` and `ends` each word of `text` that starts at or after `from` and ends by `to`, in order;
 * stops at the first word that would run past `to` (as the regex read over the whole text and cut there does). The
 * characters after `to` are read as the regex reads them (a word or `\b` may look past the span).
 */
export function wordsIn(text: string, from: number, to: number, starts: number[], ends: number[]): void {
  const n = text.length;
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    let end = -1;
    // "n't" and "'ll" standing alone, before a word run could start at the same place.
    if (c === 0x6e && isApostrophe(text.charCodeAt(k + 1)) && text.charCodeAt(k + 2) === 0x74 && asciiBoundary(text, k + 3, n)) end = k + 3;
    else if (isApostrophe(c) && text.charCodeAt(k + 1) === 0x6c && text.charCodeAt(k + 2) === 0x6c && asciiBoundary(text, k + 3, n)) end = k + 3;
    else {
      let w = wordCharWidth(text, k, n);
      if (w === 0) {
        k++;
        continue;
      }
      let j = k;
      for (;;) {
        while (w > 0) {
          j += w;
          w = wordCharWidth(text, j, n);
        }
        const sep = text.charCodeAt(j);
        if (sep !== HYPHEN && !isApostrophe(sep)) break;
        w = wordCharWidth(text, j + 1, n);
        if (w === 0) break;
        j += 1;
      }
      end = j;
    }
    if (end > to) return;
    starts.push(k);
    ends.push(end);
    k = end;
  }
}
