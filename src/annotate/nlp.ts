import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Span } from '../model/span.js';

/** A token with its offsets in the analysed text, its universal part-of-speech tag and its lower-cased form. */
export interface Token extends Span {
  text: string;
  /** Lower-cased once here: the entity and quote rules both key their word lists on it. */
  lower: string;
  /** Starts with an upper-case letter (tested once here; both rule sets read it). */
  upper: boolean;
  pos: string;
}

/** Tokens and sentence spans of one text. */
export interface Analysis {
  tokens: Token[];
  sentences: Span[];
}

/**
 * One wink-nlp instance for the whole process: a second `winkNLP(model)` makes POS-based patterns silently return
 * nothing (../shared/LIBRARIES.md). wink-nlp was measured best on news sentence boundaries ("U.S. Army", splits
 * after closing quotes and "p.m. The") and gives part-of-speech tags the entity rules build on.
 */
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/** Small cache: several stages analyse the same block in a row. */
const cache = new Map<string, Analysis>();
const CACHE_SIZE = 4096;

/** Most characters of blocks read by one wink call: bounds the arrays of one call on a huge article. */
const MAX_BATCH_CHARS = 200_000;
/** Put between blocks read in one call: a paragraph break, which wink's sentence splitter honours. */
const BLOCK_SEPARATOR = '\n\n';

function remember(text: string, analysis: Analysis): void {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, analysis);
}

/**
 * Tokenizes a text and splits it into sentences, with offsets into that text. wink-nlp reports tokens and the
 * spaces before them, not offsets; offsets are recovered by finding each token at or after the running position.
 */
export function analyze(text: string): Analysis {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = read(text);
  remember(text, result);
  return result;
}

/**
 * Analyses many blocks with one wink call per batch and caches each block's analysis, so the `analyze` calls of
 * the stages that follow find them. wink's per-call setup costs about a quarter of its time on news paragraphs;
 * joined by paragraph breaks the blocks get the same sentences, and a sentence that would still run across a
 * break is cut there. Blocks already cached or nested in an earlier block are skipped.
 */
export function analyzeAll(texts: readonly string[]): void {
  let batch: string[] = [];
  let size = 0;
  for (const text of texts) {
    if (text.length === 0 || cache.has(text)) continue;
    if (size + text.length > MAX_BATCH_CHARS && batch.length > 0) {
      readBatch(batch);
      batch = [];
      size = 0;
    }
    batch.push(text);
    size += text.length + BLOCK_SEPARATOR.length;
  }
  if (batch.length > 0) readBatch(batch);
}

function readBatch(texts: readonly string[]): void {
  if (texts.length === 1) {
    analyze(texts[0] as string);
    return;
  }
  const joined = texts.join(BLOCK_SEPARATOR);
  const whole = read(joined);
  let t = 0;
  let s = 0;
  let offset = 0;
  for (const text of texts) {
    const end = offset + text.length;
    const tokens: Token[] = [];
    while (t < whole.tokens.length && (whole.tokens[t] as Token).start < end) {
      const token = whole.tokens[t++] as Token;
      if (token.end > end) {
        // A token running across the break (wink never makes one): read this block alone.
        tokens.length = 0;
        break;
      }
      tokens.push({ start: token.start - offset, end: token.end - offset, text: token.text, lower: token.lower, upper: token.upper, pos: token.pos });
    }
    const sentences: Span[] = [];
    while (s < whole.sentences.length && (whole.sentences[s] as Span).start < end) {
      const sentence = whole.sentences[s] as Span;
      sentences.push({ start: sentence.start - offset, end: Math.min(sentence.end, end) - offset });
      if (sentence.end > end) break;
      s++;
    }
    if (tokens.length > 0 || text.trim() === '') remember(text, { tokens, sentences });
    else analyze(text);
    offset = end + BLOCK_SEPARATOR.length;
    while (t < whole.tokens.length && (whole.tokens[t] as Token).start < offset) t++;
    while (s < whole.sentences.length && (whole.sentences[s] as Span).end <= offset) s++;
    const next = whole.sentences[s];
    if (next && next.start < offset) whole.sentences[s] = { start: offset, end: next.end };
  }
}

/** Longest run without ASCII white space that wink reads as is: its tokenizer is quadratic in a token's length. */
const MAX_RUN = 200;

/** How far past the running position a token wink reported is looked for. */
const SEARCH_WINDOW = 1024;

function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * The text wink reads: the same length, with a space put into every run of `MAX_RUN` characters without ASCII white
 * space (never inside a surrogate pair). wink's tokenizer takes quadratic time on one long token (16 KB of letters:
 * 0.3 s; 256 KB: over two minutes), and no news word is that long; a long URL becomes several tokens.
 */
function winkSafe(text: string): string {
  let out: string[] | null = null;
  let runStart = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (isAsciiSpace(text.charCodeAt(i))) {
      runStart = i + 1;
      continue;
    }
    if (i - runStart < MAX_RUN) continue;
    let width = 1;
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a pair: break at the next character
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) width = 2;
    }
    out ??= [];
    out.push(text.slice(last, i), ' '.repeat(width));
    last = i + width;
    i += width - 1;
    runStart = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}

/**
 * A character `winkSafe` turned into a space may fall between two sentences: the later sentence starts at the first
 * non-space character after the earlier one, so no word of the original is left outside every sentence.
 */
function coverBreaks(original: string, sentences: Span[]): void {
  let previousEnd = 0;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] as Span;
    let start = previousEnd;
    while (start < sentence.start && /\s/u.test(original[start] as string)) start++;
    if (start < sentence.start) sentences[i] = { start, end: sentence.end };
    previousEnd = sentence.end;
  }
}

function read(original: string): Analysis {
  // Offsets are found in the text wink read (same length as the original); token texts come from the original.
  const text = winkSafe(original);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    // wink reports line breaks and tabs as tokens, not spaces: skip spaces only when the token is not at `at`.
    if (!text.startsWith(value, at)) while (at < text.length && text.charCodeAt(at) === 32) at++;
    let start = at;
    if (!text.startsWith(value, at)) {
      // Searched in a bounded window: a token wink normalised is found nowhere, and a search to the end of the text
      // for each one would be quadratic on a long hostile text.
      const found = text.slice(at, at + SEARCH_WINDOW).indexOf(value);
      if (found >= 0) start = at + found;
    }
    // A token not found (wink normalised it, rare) keeps its place with zero width.
    const end = Math.min(text.length, start + (text.startsWith(value, start) ? value.length : 0));
    const token = original.slice(start, end);
    tokens.push({ start, end, text: token, lower: token.toLowerCase(), upper: startsUpper(token), pos: tags[i] ?? 'X' });
    at = end;
  }
  const sentences: Span[] = [];
  for (const [first, last] of doc.sentences().out(its.span) as Array<[number, number]>) {
    const a = tokens[first];
    const b = tokens[last];
    if (a && b && b.end > a.start) sentences.push({ start: a.start, end: b.end });
  }
  if (text !== original) coverBreaks(original, sentences);
  return { tokens, sentences };
}

const UPPER = /^\p{Lu}/u;

/** Whether a word starts with an upper-case letter; ASCII answered without the Unicode regex. */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(word);
}
