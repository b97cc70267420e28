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

function read(text: string): Analysis {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    let start = text.startsWith(value, at) ? at : text.indexOf(value, at);
    if (start < 0) start = at; // wink normalised the token (rare): keep its place, zero width.
    const end = start < 0 ? at : Math.min(text.length, start + (text.startsWith(value, start) ? value.length : 0));
    const token = text.slice(start, end);
    tokens.push({ start, end, text: token, lower: token.toLowerCase(), upper: startsUpper(token), pos: tags[i] ?? 'X' });
    at = end;
  }
  const sentences: Span[] = [];
  for (const [first, last] of doc.sentences().out(its.span) as Array<[number, number]>) {
    const a = tokens[first];
    const b = tokens[last];
    if (a && b && b.end > a.start) sentences.push({ start: a.start, end: b.end });
  }
  return { tokens, sentences };
}

const UPPER = /^\p{Lu}/u;

/** Whether a word starts with an upper-case letter; ASCII answered without the Unicode regex. */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(word);
}
