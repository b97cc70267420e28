import type { Block, Sentence } from '../../model/annotations.js';
import type { Span } from '../../model/span.js';
import type { QuotedSpan } from './marks.js';
import type { CueMatch, TokRange } from './phrases.js';
import { type Tok, tokenAt } from './tokens.js';

/** One article prepared for attribution: blocks with their tokens and sentence ranges, and the quoted stretches. */
export interface Frame {
  text: string;
  blocks: readonly Block[];
  tokens: readonly Tok[][];
  /** Per block: for each token, the index of the first and last token of its sentence. */
  sentences: readonly { first: Int32Array; last: Int32Array }[];
  quoted: readonly QuotedSpan[];
}

/** An attribution found but not yet given a speaker: spans plus the source tokens to resolve. */
export interface Draft {
  content: Span;
  kind: 'direct' | 'reported';
  cue: Span | null;
  source: readonly Tok[];
  /** How many of the source tokens are the name, when an appositive follows it ("X, the union's president,"). */
  sourceHead: number | undefined;
  venue: Span | null;
  /** A continuation of an earlier quote by the same speaker ("“A,” he said. “B.”"): takes its speaker. */
  continues: Draft | undefined;
}

/** A draft's source tokens and, with an appositive, how many of them make the name. */
export type SourceParts = Pick<Draft, 'source' | 'sourceHead'>;

/**
 * A draft in its one object shape, every field present: drafts spread from optional parts had several hidden
 * classes, and the functions reading them were re-optimised each time V8 first met one (docs/measurements.md).
 */
export function makeDraft(
  content: Span,
  kind: Draft['kind'],
  cue: Span | null,
  parts: SourceParts,
  venue: Span | null,
  continues: Draft | undefined = undefined,
): Draft {
  return { content, kind, cue, source: parts.source, sourceHead: parts.sourceHead, venue, continues };
}

/** Builds the per-block sentence index from the sentences layer (sentences without a block are placed by offset). */
export function buildFrame(text: string, blocks: readonly Block[], sentences: readonly Sentence[], tokens: Tok[][], quoted: readonly QuotedSpan[]): Frame {
  const index = blocks.map((_, b) => {
    const toks = tokens[b] ?? [];
    // Until a sentence claims them, a block's tokens form one sentence (typed arrays start at zero).
    const first = new Int32Array(toks.length);
    const last = new Int32Array(toks.length).fill(toks.length - 1);
    return { first, last };
  });
  for (const s of sentences) {
    const b = s.blockIndex ?? blockOf(blocks, s.start);
    const toks = tokens[b];
    const entry = index[b];
    if (!toks || !entry) continue;
    const from = tokenAt(toks, s.start);
    const to = tokenAt(toks, s.end) - 1;
    for (let i = from; i <= to; i++) {
      entry.first[i] = from;
      entry.last[i] = to;
    }
  }
  return { text, blocks, tokens, sentences: index, quoted };
}

/** Index of the block containing an offset (the last block starting at or before it). */
export function blockOf(blocks: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((blocks[mid] as Span).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The source tokens of a range and, with an appositive, how many of them make the name. */
export function sourceParts(tokens: readonly Tok[], range: TokRange | null): SourceParts {
  if (!range) return { source: [], sourceHead: undefined };
  const source = tokens.slice(range.first, range.last + 1);
  return { source, sourceHead: range.head === undefined ? undefined : range.head - range.first + 1 };
}

/** Character span of a token range. */
export function rangeSpan(tokens: readonly Tok[], range: TokRange): Span {
  return { start: (tokens[range.first] as Tok).start, end: (tokens[range.last] as Tok).end };
}

/** Character span of a cue. */
export function cueSpan(tokens: readonly Tok[], cue: CueMatch): Span {
  return rangeSpan(tokens, cue);
}

/** Whether an offset lies inside one of the quoted stretches (binary search over the sorted list). */
export function insideQuoted(quoted: readonly QuotedSpan[], offset: number): boolean {
  let lo = 0;
  let hi = quoted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quoted[mid] as QuotedSpan;
    if (offset < q.open) hi = mid - 1;
    else if (offset > (q.close ?? q.end)) lo = mid + 1;
    else return true;
  }
  return false;
}
