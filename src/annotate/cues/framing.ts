import type { Cue } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import type { Span } from '../../model/span.js';
import { analyzeSpan, type Token } from '../nlp.js';
import { tokenAt } from '../quotes/tokens.js';
import { FRAMING_KINDS } from './vocabulary.js';

/**
 * Framing signals speak for the outlet, so they are read in its own voice only: words inside a direct quote are the
 * speaker's, and a charged word inside a fixed expression is terminology ("improvised explosive device", "Crisis
 * Group"), not a judgement. Imperative sentences ("Consider the numbers.") are found here from part-of-speech tags.
 */
export function framingCues(article: Article, matched: readonly Cue[]): Cue[] {
  const quoted = layer(article, 'quotes').filter((q) => q.kind === 'direct');
  const names = layer(article, 'entities').filter((e) => e.via !== 'pronoun');
  const tokens = new BlockTokens(article);
  const kept = matched.filter((cue) => {
    if (!FRAMING_KINDS.has(cue.kind)) return true;
    if (covers(quoted, cue)) return false;
    if (cue.kind === 'first-person') return true;
    return !covers(names, cue) && !tokens.inCompound(cue);
  });
  return [...kept, ...imperatives(article, quoted, tokens)].sort((a, b) => a.start - b.start || a.end - b.end);
}

function covers(spans: readonly Span[], cue: Span): boolean {
  return spans.some((s) => s.start <= cue.start && cue.end <= s.end);
}

/** A block's tokens from the shared analysis: offsets into the block, which starts at `offset` in the article. */
interface TokensOfBlock {
  kind: string;
  offset: number;
  tokens: readonly Token[];
}

/** Tokens of each block, read from the shared analysis (cached by the sentences stage) without copying them. */
class BlockTokens {
  private readonly blocks: Array<Span & { kind: string; tokens: readonly Token[] | null }>;

  constructor(private readonly article: Article) {
    const blocks = layer(article, 'blocks');
    // Copied field by field, not spread: a spread copy keeps the hidden class of whichever code built the block, so
    // `at` met new ones (and was re-optimised) long after warm-up; these copies all have one.
    this.blocks = (blocks.length > 0 ? blocks : [{ start: 0, end: article.text.length, kind: 'paragraph' as const }]).map((b) => ({
      start: b.start,
      end: b.end,
      kind: b.kind,
      tokens: null,
    }));
  }

  /** The block holding an offset and its tokens. */
  at(offset: number): TokensOfBlock | null {
    // Blocks are in text order: binary search keeps a long article linear in its cues.
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.blocks[mid] as Span).end <= offset) lo = mid + 1;
      else hi = mid;
    }
    const block = this.blocks[lo]?.start !== undefined && (this.blocks[lo] as Span).start <= offset ? this.blocks[lo] : undefined;
    if (!block) return null;
    block.tokens ??= analyzeSpan(this.article.text, block.start, block.end).tokens;
    return { kind: block.kind, offset: block.start, tokens: block.tokens };
  }

  /**
   * A one-word cue between a modifier and the noun it forms a term with: "improvised explosive devices", "a
   * high-stakes landmark ruling" would read as judgement alone but name a thing together. A determiner, an adverb
   * or nothing before the word keeps it evaluative ("the explosive report").
   */
  inCompound(cue: Span): boolean {
    const block = this.at(cue.start);
    if (!block) return false;
    const start = cue.start - block.offset;
    const i = block.tokens.findIndex((t) => t.start === start);
    const prev = block.tokens[i - 1];
    const next = block.tokens[i + 1];
    if (i < 0 || block.tokens[i]?.end !== cue.end - block.offset || !prev || !next) return false;
    const modifier = prev.pos === 'ADJ' || (prev.pos === 'VERB' && /ed$/.test(prev.lower)) || prev.pos === 'NOUN';
    return modifier && next.pos === 'NOUN';
  }
}

const LETTER = /\p{L}/u;

/**
 * Sentences that tell the reader what to do: the first word a verb in its base form, in a paragraph, outside
 * quotes, and not a question. Headlines and list labels are not paragraphs and are skipped.
 */
function imperatives(article: Article, quoted: readonly Span[], tokens: BlockTokens): Cue[] {
  const out: Cue[] = [];
  for (const s of layer(article, 'sentences')) {
    const block = tokens.at(s.start);
    if (block?.kind !== 'paragraph' || covers(quoted, s)) continue;
    let k = tokenAt(block.tokens, s.start - block.offset);
    while (k < block.tokens.length && !LETTER.test((block.tokens[k] as Token).text)) k++;
    const first = block.tokens[k];
    if (!first || first.end + block.offset > s.end || first.pos !== 'VERB' || !first.upper || /(?:ing|ed|s)$/.test(first.lower)) continue;
    if (/\?\s*["”’]?\s*$/u.test(article.text.slice(s.start, s.end))) continue;
    out.push({ start: first.start + block.offset, end: first.end + block.offset, kind: 'imperative', text: first.text });
  }
  return out;
}
