import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Span } from '../model/span.js';

/** A token with its offsets in the analysed text and its universal part-of-speech tag. */
export interface Token extends Span {
  text: string;
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

/**
 * Tokenizes a text and splits it into sentences, with offsets into that text. wink-nlp reports tokens and the
 * spaces before them, not offsets; offsets are recovered by finding each token at or after the running position.
 */
export function analyze(text: string): Analysis {
  const hit = cache.get(text);
  if (hit) return hit;
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
    tokens.push({ start, end, text: text.slice(start, end), pos: tags[i] ?? 'X' });
    at = end;
  }
  const sentences: Span[] = [];
  for (const [first, last] of doc.sentences().out(its.span) as Array<[number, number]>) {
    const a = tokens[first];
    const b = tokens[last];
    if (a && b && b.end > a.start) sentences.push({ start: a.start, end: b.end });
  }
  const result = { tokens, sentences };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, result);
  return result;
}
