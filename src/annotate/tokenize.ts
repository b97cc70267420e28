import type { Span } from '../model/span.js';

/**
 * Tokenizer and sentence splitter of our own. Written by hand, not taken from a library, because every caller needs
 * offsets into the text (wink-nlp gave token strings whose offsets had to be searched for again) and because article
 * text is hostile: one left-to-right pass, each character looked at a bounded number of times, no regex over the
 * text, so a 1 MB run without spaces costs what 1 MB of prose costs. Tokens follow the Penn Treebank conventions
 * the part-of-speech training data uses: "don't" → "do" "n't", "Smith's" → "Smith" "'s", "U.S.", "Mr." and "C."
 * keep their period, hyphenated words and numbers ("1,200.5", "10:30", "1996-08-22") stay whole.
 */

/**
 * The token offsets of one text, packed: token k is `[starts[k], ends[k])` for k below `length`. `tokenOffsets` fills
 * one shared buffer, valid until its next call: an object per token span was ≈60 bytes of garbage per token.
 */
export interface TokenOffsets {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

/** Tokens a reused buffer keeps room for; a longer text's buffer is dropped after it (bounds the kept memory). */
export const KEPT_TOKENS = 1 << 16;

function emptyOffsets(capacity: number): TokenOffsets {
  return { starts: new Int32Array(capacity), ends: new Int32Array(capacity), length: 0 };
}

let shared = emptyOffsets(1024);

function pushToken(out: TokenOffsets, start: number, end: number): void {
  if (out.length === out.starts.length) {
    const starts = new Int32Array(out.length * 2);
    const ends = new Int32Array(out.length * 2);
    starts.set(out.starts);
    ends.set(out.ends);
    out.starts = starts;
    out.ends = ends;
  }
  out.starts[out.length] = start;
  out.ends[out.length] = end;
  out.length++;
}

/** Abbreviations a name follows: the sentence goes on after them. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'messrs',
  'mme',
  'sra',
]);

/** Abbreviations that keep their period (lower case, without it). Multi-period ones ("u.s.") are found by shape. */
const ABBREVIATIONS = new Set([
  // titles and ranks: a name always follows, so they never end a sentence (see TITLES)
  ...TITLES,
  'sr',
  'jr',
  // companies, months and other shortenings that may end a sentence
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'dept',
  'univ',
  'assn',
  'est',
  'approx',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ave',
  'blvd',
  'rd',
  'fig',
  'vol',
  'pp',
  'ca',
]);

/**
 * US state abbreviations of the news style guides ("Denver, Colo."), matched as written: in lower case several are
 * words ("ill.", "miss.", "wash.").
 */
const STATES = new Set([
  'Ala',
  'Ariz',
  'Ark',
  'Calif',
  'Colo',
  'Conn',
  'Del',
  'Fla',
  'Ga',
  'Ill',
  'Ind',
  'Kan',
  'Kans',
  'Ky',
  'La',
  'Md',
  'Mass',
  'Mich',
  'Minn',
  'Miss',
  'Mo',
  'Mont',
  'Neb',
  'Nev',
  'Okla',
  'Ore',
  'Pa',
  'Penn',
  'Tenn',
  'Tex',
  'Va',
  'Vt',
  'Wash',
  'Wis',
  'Wyo',
]);

/**
 * Capitalised function words that start a sentence after an abbreviation which may also end one ("in the U.S. The
 * talks…", "at 5 p.m. He said…"); any other capitalised word ("U.S. Army", "Acme Inc. Chief…") continues it.
 * Closed-class words only (determiners, pronouns, conjunctions, prepositions), so the list is not tied to a text.
 */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'some',
  'many',
  'most',
  'all',
  'both',
  'each',
  'no',
  'one',
  'i',
  'he',
  'she',
  'it',
  'we',
  'they',
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'there',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'in',
  'on',
  'at',
  'for',
  'with',
  'after',
  'before',
  'when',
  'while',
  'if',
  'as',
  'since',
  'then',
  'however',
  'what',
  'who',
  'where',
  'why',
  'how',
  'el',
  'la',
  'los',
  'las',
  'en',
  'pero',
]);

/** Clitics split off the end of a word, after their apostrophe ("'s", "'re"; "n't" is handled apart). */
const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const PERIOD = 0x2e;
const HYPHEN = 0x2d;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** 1 for the ASCII letters and digits: one table read per character of the common case. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0));

/** Letters, digits and combining marks (ASCII answered without the Unicode regex). */
function isWordChar(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral characters (emoji, rare scripts) stand alone
  return WORD_CHAR.test(String.fromCharCode(code));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return isWordChar(code) && !isDigit(code);
}

/**
 * Width in UTF-16 units (2 for a surrogate pair, tested whole) of the character at `k` when it matches `oneChar` (a
 * regex of one character, anchored), else 0: the slow path of the character walks that stand in for word regexes
 * (cues' words, quantities' tokens), after their own fast path for common code units.
 */
export function matchedCharWidth(text: string, k: number, end: number, oneChar: RegExp): number {
  const c = text.charCodeAt(k);
  if (c >= 0xd800 && c <= 0xdbff && k + 1 < end) {
    const low = text.charCodeAt(k + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return oneChar.test(text.slice(k, k + 2)) ? 2 : 0;
  }
  return oneChar.test(text.charAt(k)) ? 1 : 0;
}

/** White space: exactly JavaScript's `\s` (no-break and typographic spaces included), so no sentence gap holds a `\S`. */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether the character at `j` joins the word before it to the word after it: a hyphen between word characters
 * ("well-known"), a period between digits or after a single letter ("3.5", "U.S"), a comma or colon between digits
 * ("1,200", "10:30"), an apostrophe, "&" or "@" between letters ("O'Brien", "AT&T", an e-mail address).
 */
function joins(text: string, j: number): boolean {
  const next = text.charCodeAt(j + 1);
  if (!isWordChar(next)) return false;
  const code = text.charCodeAt(j);
  const prev = text.charCodeAt(j - 1);
  if (code === HYPHEN) return true;
  // "U.S", "p.m", "3.5", but not "People.com": a period joins digits, or single letters written with periods.
  if (code === PERIOD) return (isDigit(prev) && isDigit(next)) || (isLetter(prev) && !isWordChar(text.charCodeAt(j - 2)) && isLetter(next));
  if (code === 0x2c || code === 0x3a) return isDigit(prev) && isDigit(next);
  if (code === APOSTROPHE || code === RIGHT_QUOTE || code === 0x26 || code === 0x40) return isLetter(prev) && isLetter(next);
  return false;
}

/** Where a web address starting at `i` ends (at white space, trailing punctuation left out), or −1 if none starts. */
function urlEnd(text: string, i: number): number {
  const head = text.slice(i, i + 8).toLowerCase();
  if (!head.startsWith('http://') && !head.startsWith('https://') && !head.startsWith('www.')) return -1;
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
  while (j > i + 4 && '.,;:!?)]}"\'”’'.includes(text.charAt(j - 1))) j--;
  return j;
}

/** Whether a word ("U.S", "p.m", "e.g") is letters with periods between them, with no digit. */
function isDottedLetters(text: string, start: number, end: number): boolean {
  let dots = 0;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === PERIOD) dots++;
    else if (!isLetter(code)) return false;
  }
  return dots > 0;
}

/** Whether the period right after a word belongs to it: an abbreviation, an initial ("C."), or dotted letters. */
function keepsPeriod(text: string, start: number, end: number): boolean {
  if (end - start === 1) {
    const code = text.charCodeAt(start);
    return code >= 65 && code <= 90;
  }
  if (end - start <= 6) {
    const word = text.slice(start, end);
    if (ABBREVIATIONS.has(word.toLowerCase()) || STATES.has(word)) return true;
  }
  return isDottedLetters(text, start, end);
}

/** Splits a word's spans into the word and its clitic: "do|n't", "Smith|'s", "they|'re". */
function pushWord(text: string, start: number, end: number, out: TokenOffsets): void {
  const length = end - start;
  if (length > 3) {
    const apostrophe = text.charCodeAt(end - 2);
    if ((apostrophe === APOSTROPHE || apostrophe === RIGHT_QUOTE) && (text.charCodeAt(end - 3) | 0x20) === 0x6e && (text.charCodeAt(end - 1) | 0x20) === 0x74) {
      pushToken(out, start, end - 3);
      pushToken(out, end - 3, end);
      return;
    }
  }
  // The last apostrophe within three characters of the end, followed by a clitic.
  for (let k = end - 2; k > start && k >= end - 3; k--) {
    const code = text.charCodeAt(k);
    if (code !== APOSTROPHE && code !== RIGHT_QUOTE) continue;
    if (CLITICS.has(text.slice(k + 1, end).toLowerCase())) {
      pushToken(out, start, k);
      pushToken(out, k, end);
      return;
    }
    break;
  }
  pushToken(out, start, end);
}

/** A token's span. */
export type TokenSpan = Span;

/** The token spans of a text, in order, as objects (for scripts and tests: the analysis reads `tokenOffsets`). */
export function tokenSpans(text: string): TokenSpan[] {
  const { starts, ends, length } = tokenOffsets(text);
  return Array.from({ length }, (_, k) => ({ start: starts[k] as number, end: ends[k] as number }));
}

/** The token offsets of a text, in order, into the shared buffer (see TokenOffsets). */
export function tokenOffsets(text: string): TokenOffsets {
  if (shared.starts.length > KEPT_TOKENS) shared = emptyOffsets(1024);
  const out = shared;
  out.length = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (code === 0x68 || code === 0x48 || code === 0x77 || code === 0x57) {
      const end = urlEnd(text, i);
      if (end > i) {
        pushToken(out, i, end);
        i = end;
        continue;
      }
    }
    // "#Oscars", "@TheAcademy": a hashtag or handle is one token, so its capital never reads as a name.
    const tagged = (code === 0x23 || code === 0x40) && i + 1 < n && isWordChar(text.charCodeAt(i + 1)) && (i === 0 || !isWordChar(text.charCodeAt(i - 1)));
    if (isWordChar(code) || tagged) {
      let j = i + 1;
      while (j < n && (isWordChar(text.charCodeAt(j)) || joins(text, j))) j++;
      if (!tagged && j < n && text.charCodeAt(j) === PERIOD && keepsPeriod(text, i, j)) {
        pushToken(out, i, j + 1);
        i = j + 1;
        continue;
      }
      if (tagged) pushToken(out, i, j);
      else pushWord(text, i, j, out);
      i = j;
      continue;
    }
    // Runs of periods ("...") and of hyphens ("--") are one token; any other character is a token of its own.
    if (code === PERIOD || code === HYPHEN) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === code) j++;
      pushToken(out, i, j);
      i = j;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    pushToken(out, i, i + width);
    i += width;
  }
  return out;
}

const TERMINATORS = new Set(['.', '!', '?', '…', '...', '....', '!!', '?!']);
/** Closing marks a sentence keeps after its final punctuation ("…he said." ” or "(…).)"). */
const CLOSERS: ReadonlySet<number> = new Set([...'"”’\')]».!?'].map((c) => c.charCodeAt(0)));
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;
/** The last characters of every terminator: a word ending otherwise never ends a sentence. */
const FINAL_MARKS: ReadonlySet<number> = new Set([...TERMINATORS].map((t) => t.charCodeAt(t.length - 1)));

/** Whether token k is one closing mark. */
function isCloser(text: string, tokens: TokenOffsets, k: number): boolean {
  const start = tokens.starts[k] as number;
  return (tokens.ends[k] as number) - start === 1 && CLOSERS.has(text.charCodeAt(start));
}

const LOWER_START = /^\p{Ll}/u;

function startsLower(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_START.test(word);
}

/** Whether the text has an ASCII lower-case letter at `at` (the common case of `startsLower`, read in place). */
function startsAsciiLower(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 97 && c <= 122;
}

/** Whether a token ends its sentence before `next`, which follows it after white space. */
function endsBefore(word: string, next: string): boolean {
  // A spaced ellipsis (". . .") or "?!" ends the sentence at its last mark.
  if (startsLower(next) || next === ',' || next === ';' || next === ':' || next === ')' || TERMINATORS.has(next)) return false;
  if (TERMINATORS.has(word)) return true;
  // An abbreviation: the sentence ends only where a function word starts the next one.
  if (word.length < 2 || word.charCodeAt(word.length - 1) !== PERIOD) return false;
  const bare = word.slice(0, -1).toLowerCase();
  if (TITLES.has(bare) || bare.length === 1) return false;
  return SENTENCE_STARTERS.has(next.toLowerCase());
}

/** Whether the gap between two tokens holds a blank line (a paragraph break ends a sentence whatever precedes it). */
function blankLine(text: string, from: number, to: number): boolean {
  let lines = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10 && ++lines >= 2) return true;
  return false;
}

/**
 * Sentence spans over the tokens: a sentence ends at final punctuation (with the closing quotes and brackets that
 * follow it) when white space and a word not in lower case come next, after an abbreviation only when a function
 * word comes next, and always at a blank line. Each sentence runs from its first token's start to its last's end.
 */
export function sentenceSpans(text: string, tokens: TokenOffsets): Span[] {
  const out: Span[] = [];
  const { starts, ends, length } = tokens;
  let first = 0;
  for (let k = 0; k + 1 < length; k++) {
    const tokenEnd = ends[k] as number;
    const nextStart = starts[k + 1] as number;
    let end = false;
    if (nextStart > tokenEnd) {
      if (blankLine(text, tokenEnd, nextStart)) end = true;
      // A next word in ASCII lower case never ends the sentence (`endsBefore`'s first test), read without slicing.
      else if (!startsAsciiLower(text, nextStart)) {
        // Final punctuation with its closers attached: look back over the closers to the punctuation.
        let p = k;
        while (p > first && isCloser(text, tokens, p) && ends[p - 1] === starts[p]) {
          // A closer is one character: the terminators among them are the three final marks.
          const mark = text.charCodeAt(starts[p] as number);
          if (mark === PERIOD || mark === EXCLAMATION || mark === QUESTION) break;
          p--;
        }
        // Only a word ending in final punctuation can end a sentence (`endsBefore`): most are read without slicing.
        const wordEnd = ends[p] as number;
        if (FINAL_MARKS.has(text.charCodeAt(wordEnd - 1))) {
          end = endsBefore(text.slice(starts[p] as number, wordEnd), text.slice(nextStart, ends[k + 1] as number));
        }
      }
    }
    if (end) {
      out.push({ start: starts[first] as number, end: tokenEnd });
      first = k + 1;
    }
  }
  if (first < length) out.push({ start: starts[first] as number, end: ends[length - 1] as number });
  return out;
}
