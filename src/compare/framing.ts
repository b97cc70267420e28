import type { Cue } from '../model/annotations.js';
import { type Article, layer } from '../model/article.js';
import type { CitationOut } from '../model/contract.js';
import type { Span } from '../model/span.js';

/** A framing word and where it was used. */
export interface CitedWord {
  word: string;
  count: number;
  /** Where it was used (the first MAX_WORD_CITATIONS uses). */
  citations: CitationOut[];
}

/** Framing signals of one article or one source: shares of its own sentences and the words behind them. */
export interface FramingSignals {
  sentences: number;
  /** Sentences with a hedge ("reportedly", "could"). */
  hedgedShare: number;
  /** Sentences that attribute ("said", "according to") or quote. */
  attributedShare: number;
  /** Sentences in opinion form outside quotes: an opinion word, the first person, an imperative or an evaluative word. */
  opinionShare: number;
  /** Sentences in the first person outside quotes ("we", "our"). */
  firstPersonShare: number;
  imperatives: number;
  loadedWords: CitedWord[];
  promotionalWords: CitedWord[];
}

/** Most citations kept per framing word: enough to check it, bounded on a story of thousands of articles. */
const MAX_WORD_CITATIONS = 5;
/** Most words listed per signal: the most frequent ones. */
const MAX_WORDS = 20;

/** Block kinds whose sentences are the article's own prose (headlines restate, captions describe pictures). */
const PROSE: ReadonlySet<string> = new Set(['paragraph', 'list-item', 'quote-block']);

/** Signals over a set of articles (one article, or every article of one source). */
export function framingOf(articles: readonly Article[]): FramingSignals {
  let sentences = 0;
  let hedged = 0;
  let attributed = 0;
  let opinion = 0;
  let firstPerson = 0;
  let imperatives = 0;
  const loaded = new Map<string, CitedWord>();
  const promotional = new Map<string, CitedWord>();
  for (const article of articles) {
    const blocks = layer(article, 'blocks');
    const cues = [...layer(article, 'cues')].sort((a, b) => a.start - b.start);
    let from = 0;
    const quotes = layer(article, 'quotes');
    const direct = quotes.filter((q) => q.kind === 'direct');
    for (const s of layer(article, 'sentences')) {
      const kind = s.blockIndex === undefined ? 'paragraph' : blocks[s.blockIndex]?.kind;
      // Sentences and cues are both in text order: one pass over the cues for the whole article.
      while (from < cues.length && (cues[from] as Cue).start < s.start) from++;
      const own: Cue[] = [];
      for (let k = from; k < cues.length && (cues[k] as Cue).start < s.end; k++) if (inside(cues[k] as Cue, s)) own.push(cues[k] as Cue);
      if (kind === 'headline' || kind === 'subheadline' || kind === 'heading') {
        // A headline frames the story most of all: its charged words are listed, though it is not counted as prose.
        for (const c of own) if (c.kind === 'loaded' || c.kind === 'promotional') note(c.kind === 'loaded' ? loaded : promotional, c, article.id);
        continue;
      }
      if (!kind || !PROSE.has(kind)) continue;
      sentences++;
      const has = (k: Cue['kind']): boolean => own.some((c) => c.kind === k);
      if (has('hedge')) hedged++;
      if (has('attribution') || quotes.some((q) => inside(q, s))) attributed++;
      const unquotedOpinion = own.some((c) => c.kind === 'opinion' && !direct.some((q) => inside(c, q)));
      // Opinion form: a judging word, the first person, an imperative, or an evaluative (loaded or promotional) word.
      if (unquotedOpinion || has('first-person') || has('imperative') || has('loaded') || has('promotional')) opinion++;
      if (has('first-person')) firstPerson++;
      if (has('imperative')) imperatives++;
      for (const c of own) {
        if (c.kind === 'loaded') note(loaded, c, article.id);
        if (c.kind === 'promotional') note(promotional, c, article.id);
      }
    }
  }
  const n = Math.max(1, sentences);
  return {
    sentences,
    hedgedShare: hedged / n,
    attributedShare: attributed / n,
    opinionShare: opinion / n,
    firstPersonShare: firstPerson / n,
    imperatives,
    loadedWords: ranked(loaded),
    promotionalWords: ranked(promotional),
  };
}

function inside(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function note(words: Map<string, CitedWord>, cue: Cue, articleId: string): void {
  const word = cue.text.toLowerCase();
  const entry = words.get(word) ?? { word, count: 0, citations: [] };
  entry.count++;
  if (entry.citations.length < MAX_WORD_CITATIONS) entry.citations.push({ articleId, start: cue.start, end: cue.end });
  words.set(word, entry);
}

function ranked(words: ReadonlyMap<string, CitedWord>): CitedWord[] {
  return [...words.values()].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, MAX_WORDS);
}
