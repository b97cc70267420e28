/**
 * A small tokenizer for the time grammar: letter runs, digit runs and single punctuation marks, each with its
 * offsets. The grammar works on these rather than on one big regular expression so that every rule is a short,
 * bounded walk over tokens (no backtracking on hostile text) and the text is scanned once. It reads character
 * codes directly: a Unicode-property regex over the whole text was measured 3–5× slower here.
 */

/** One token with its `[start, end)` offsets in the analysed text. */
export interface Token {
  start: number;
  end: number;
  /** Lower-cased text. */
  lower: string;
  kind: 'word' | 'number' | 'punct';
  /** First character is upper case (proper nouns: "May" the month, not "may" the verb). */
  capital: boolean;
  /** Whitespace separates this token from the previous one. */
  gap: boolean;
  /** That whitespace holds a line break (a headline or paragraph ended without a period). */
  lineBreak: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;
const UPPER = /\p{Lu}/u;

enum CharClass {
  Space,
  Letter,
  Digit,
  Other,
}

function classify(text: string, k: number): CharClass {
  const c = text.charCodeAt(k);
  if (c >= 97 && c <= 122) return CharClass.Letter;
  if (c >= 65 && c <= 90) return CharClass.Letter;
  if (c >= 48 && c <= 57) return CharClass.Digit;
  if (c === 32 || (c >= 9 && c <= 13)) return CharClass.Space;
  if (c < 128) return CharClass.Other;
  const ch = text[k] as string;
  if (LETTER.test(ch)) return CharClass.Letter;
  return SPACE.test(ch) ? CharClass.Space : CharClass.Other;
}

/**
 * The text lower-cased whole, when each of its words lower-cases to the same characters there as alone: no
 * character changes length in lower case ("İ"), and no capital sigma, whose lower case depends on the letters
 * around it (word-final "ς"). Slicing words from it spares a lower-cased copy per capitalised word.
 */
function lowerInPlace(text: string): string | null {
  if (text.includes('\u03a3')) return null;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}

/** Splits a text into tokens in one pass over its characters. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  const lowerText = lowerInPlace(text);
  let k = 0;
  let previousEnd = 0;
  let lineBreak = false;
  while (k < n) {
    const cls = classify(text, k);
    if (cls === CharClass.Space) {
      if (text.charCodeAt(k) === 10) lineBreak = true;
      k++;
      continue;
    }
    const start = k;
    k++;
    if (cls === CharClass.Digit) {
      for (let c = text.charCodeAt(k); k < n && c >= 48 && c <= 57; c = text.charCodeAt(++k));
    } else if (cls === CharClass.Letter) {
      // ASCII letters inline (the common case); anything else goes through classify.
      for (let c = text.charCodeAt(k); k < n; c = text.charCodeAt(++k)) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) continue;
        if (c < 128 || classify(text, k) !== CharClass.Letter) break;
      }
    } else if (text.charCodeAt(start) >= 0xd800 && text.charCodeAt(start) <= 0xdbff && k < n) {
      k++; // keep surrogate pairs whole
    }
    const kind = cls === CharClass.Letter ? 'word' : cls === CharClass.Digit ? 'number' : 'punct';
    const first = text.charCodeAt(start);
    let lower: string;
    if (kind !== 'word') lower = text.slice(start, k);
    else lower = lowerText === null ? text.slice(start, k).toLowerCase() : lowerText.slice(start, k);
    tokens.push({
      start,
      end: k,
      lower,
      kind,
      capital: kind === 'word' && (first < 128 ? first >= 65 && first <= 90 : UPPER.test(text[start] as string)),
      gap: start > previousEnd || start === 0,
      lineBreak,
    });
    previousEnd = k;
    lineBreak = false;
  }
  return tokens;
}

/** The numeric value of a digit token, or null. */
export function numberValue(token: Token | undefined): number | null {
  return token?.kind === 'number' && token.lower.length <= 9 ? Number(token.lower) : null;
}

/** Whether the token is the given punctuation mark. */
export function isPunct(token: Token | undefined, mark: string): boolean {
  return token?.kind === 'punct' && token.lower === mark;
}

/** Index after an abbreviation's period glued to token `i - 1` ("Sept." → skips the "."), else `i`. */
export function skipDot(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  return t && !t.gap && isPunct(t, '.') ? i + 1 : i;
}
