import type { Span } from '../../model/span.js';

/**
 * Finding quoted stretches by their marks. Hand-written (no library pairs news quote marks across paragraphs): one
 * linear pass over each paragraph, so a line of a million quote marks costs a million steps, never more.
 */

/** A stretch of text between quote marks; `start`/`end` exclude the marks. */
export interface QuotedSpan extends Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the quote was never closed (it then ends with its paragraph). */
  close: number | null;
  /** The quote goes on in the next paragraph (one span per paragraph, as a speech quoted over several is). */
  continued?: boolean;
}

/**
 * A quote longer than this is cut at the end of the paragraph it reaches: a stray opening mark must not swallow
 * the rest of the article. Long speeches in news are rarely longer than a few paragraphs.
 */
export const MAX_QUOTE_PARAGRAPHS = 8;
/** Hard bound on one quote's length in UTF-16 units, for the same reason. */
export const MAX_QUOTE_CHARS = 12_000;

type Family = 'double' | 'guillemet' | 'single';

/** Whether a character code is a quote mark: " ' “ ” „ « » ‘ ’ (each one UTF-16 unit). */
function isMark(c: number): boolean {
  if (c < 0x80) return c === 0x22 || c === 0x27;
  return c === 0xab || c === 0xbb || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x201e;
}

/** Offset of the first quote mark in `[from, to)`, or -1: the scan jumps from one mark to the next. */
function nextMark(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isMark(text.charCodeAt(i))) return i;
  return -1;
}

const OPENERS: Readonly<Record<string, Family>> = { '“': 'double', '„': 'double', '«': 'guillemet', '‘': 'single' };
const CLOSERS: Readonly<Record<string, Family>> = { '”': 'double', '»': 'guillemet', '’': 'single' };

/** Characters after which a mark opens a quote: start, spaces, brackets, dashes, slash, colon, semicolon, comma. */
const OPEN_AFTER = new Set([...' \t\n\r\f\v\u00a0([{\u2014\u2013-/:;,']);

function isSpaceOrStart(text: string, i: number): boolean {
  return i < 0 || OPEN_AFTER.has(text.charAt(i));
}

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a);
}

/** Letters and digits; ASCII answered without a regex (this runs once per quote mark). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(text.charAt(i));
}

/**
 * Width of the quote mark at `i`: 2 for two straight apostrophes standing for a double quote (''…'', the
 * convention of typewritten copy and news archives that keep only ASCII), else 1.
 */
export function markWidth(text: string, i: number): number {
  return text.charAt(i) === "'" && text.charAt(i + 1) === "'" ? 2 : 1;
}

/** Which family a mark at `i` opens, if it can open one here. */
function opensAt(text: string, i: number): Family | null {
  const c = text.charAt(i);
  // ''Like this'': a double quote; the word after it must touch it (an empty '' is not a quote).
  if (markWidth(text, i) === 2) return isSpaceOrStart(text, i - 1) && !isSpace(text, i + 2) && text.charAt(i + 2) !== "'" ? 'double' : null;
  const family = OPENERS[c];
  if (family === 'single') return isSpaceOrStart(text, i - 1) && isWordChar(text, i + 1) ? 'single' : null;
  if (family) return family;
  // `name="value"` in leftover markup is not a quote, nor an inch mark after a number (6'3" tall, a 12" pipe).
  if (c === '"') return !/[=0-9]/.test(text.charAt(i - 1)) && (isSpaceOrStart(text, i - 1) || !isSpace(text, i + 1)) ? 'double' : null;
  if (c === "'") return isSpaceOrStart(text, i - 1) && isWordChar(text, i + 1) ? 'single' : null;
  return null;
}

/** Whether the mark at `i` closes a quote of `family` (a straight mark closes either kind of double quote). */
function closesAt(text: string, i: number, family: Family): boolean {
  const c = text.charAt(i);
  if (family === 'single') return (c === '’' || c === "'") && !isWordChar(text, i + 1) && !isSpace(text, i - 1);
  if (c === '"') return family === 'double' && (!isSpace(text, i - 1) || !isWordChar(text, i + 1));
  if (markWidth(text, i) === 2) return family === 'double' && !isSpace(text, i - 1) && !isWordChar(text, i + 2);
  return CLOSERS[c] === family;
}

/** Offset of the first non-space character at or after `i` within the paragraph, or -1. */
function firstNonSpace(text: string, paragraph: Span): number {
  for (let i = paragraph.start; i < paragraph.end; i++) if (!isSpace(text, i)) return i;
  return -1;
}

/**
 * Every top-level quote in the paragraphs (given in text order). Quotes nested inside another stay part of the
 * outer one. A quote left open at the end of a paragraph continues when the next paragraph starts with an opening
 * mark (the news convention for a speech running over several paragraphs): each paragraph's part is its own span,
 * marked `continued` except the last. Otherwise an open quote ends with its paragraph.
 */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let open: { at: number; family: Family; paragraphs: number } | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p] as Span;
    let i = paragraph.start;
    if (open) {
      const first = firstNonSpace(text, paragraph);
      const continues = first >= 0 && opensAt(text, first) === open.family && open.paragraphs < MAX_QUOTE_PARAGRAPHS && first - open.at < MAX_QUOTE_CHARS;
      if (continues) {
        out.push({ ...unclosed(text, open.at, paragraphs[p - 1] as Span), continued: true });
        open = { at: first, family: open.family, paragraphs: open.paragraphs + 1 };
        i = first + markWidth(text, first);
      } else {
        out.push(unclosed(text, open.at, paragraphs[p - 1] as Span));
        open = null;
      }
    }
    // Read backwards only when a single quote may open here: most paragraphs have none.
    let lastSingleClose: number | undefined;
    for (; i < paragraph.end; i++) {
      i = nextMark(text, i, paragraph.end);
      if (i < 0) break;
      if (open) {
        if (closesAt(text, i, open.family)) {
          const start = open.at + markWidth(text, open.at);
          if (i > start) out.push({ open: open.at, close: i, start, end: i });
          i += markWidth(text, i) - 1;
          open = null;
        } else if (i - open.at > MAX_QUOTE_CHARS) {
          out.push(unclosed(text, open.at, paragraph));
          open = null;
        }
        continue;
      }
      const family = opensAt(text, i);
      // Single quotes double as apostrophes: one opens a quote only when a closing one follows in the paragraph.
      if (family === 'single') {
        lastSingleClose ??= lastSingleCloser(text, paragraph);
        if (lastSingleClose <= i + 1) continue;
      }
      if (family) {
        open = { at: i, family, paragraphs: 1 };
        i += markWidth(text, i) - 1;
      }
    }
  }
  const last = paragraphs[paragraphs.length - 1];
  if (open && last) out.push(unclosed(text, open.at, last));
  return out.filter((q) => q.end > q.start);
}

/** Offset of the paragraph's last mark that can close a single quote (-1 if none); one backward scan. */
function lastSingleCloser(text: string, paragraph: Span): number {
  for (let j = paragraph.end - 1; j > paragraph.start; j--) {
    // Only ’ and ' close a single quote: other characters are passed by their code.
    const c = text.charCodeAt(j);
    if ((c === 0x2019 || c === 0x27) && closesAt(text, j, 'single')) return j;
  }
  return -1;
}

function unclosed(text: string, openAt: number, paragraph: Span): QuotedSpan {
  const start = openAt + markWidth(text, openAt);
  let end = paragraph.end;
  while (end > start && isSpace(text, end - 1)) end--;
  return { open: openAt, close: null, start, end };
}
