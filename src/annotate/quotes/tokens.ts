import type { Span } from '../../model/span.js';
import { analyzeSpan } from '../nlp.js';

/** A token with offsets into the article text, its lower-cased form and part-of-speech tag. */
export interface Tok extends Span {
  text: string;
  lower: string;
  pos: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /**
   * Inside a time expression of the times layer ("earlier this month"), when that layer ran. Always present (false
   * until marked): a field added later would give marked tokens another hidden class and deoptimise every reader.
   */
  time: boolean;
}

/**
 * Tokens of one block with article offsets. The block is analysed exactly as the sentences stage does, so in a
 * pipeline the shared analysis cache (src/annotate/nlp.ts) answers and the text is tagged once.
 */
export function blockTokens(text: string, block: Span): Tok[] {
  const { tokens } = analyzeSpan(text, block.start, block.end);
  return tokens.map((t) => ({
    start: block.start + t.start,
    end: block.start + t.end,
    text: t.text,
    lower: t.lower,
    pos: t.pos,
    cap: t.upper,
    time: false,
  }));
}

/** Index of the first token that starts at or after `offset` (tokens.length when none). Binary search. */
export function tokenAt(tokens: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as { readonly start: number }).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether tokens `from..ceil-1` hold a verb (a clause, not "on Tuesday"). */
export function hasVerb(tokens: readonly Tok[], from: number, ceil: number): boolean {
  for (let k = from; k < ceil; k++) if ((tokens[k] as Tok).pos === 'VERB' || (tokens[k] as Tok).pos === 'AUX') return true;
  return false;
}

/** Whether a token is punctuation that ends a clause for source and content scanning. */
export function isClausePunct(tok: Tok): boolean {
  return /^[.!?;:,\u2014\u2013()[\]]$/.test(tok.text) || tok.text === '--';
}

/** Whether a token is a quote mark of any kind. */
export function isQuoteMark(tok: Tok): boolean {
  return /^["“”«»‘’'„]$/.test(tok.text);
}
