import type { Span } from '../model/span.js';
import { tagFacts, UPOS, type WordFacts, wordFacts } from './pos/tagger.js';
import { posModel } from './pos/weights.js';
import { sentenceSpans, tokenSpans } from './tokenize.js';
import { beginTokenizing, clearWithTable, wordId, wordText } from './words.js';

/** A token with its offsets in the analysed text, its universal part-of-speech tag and its lower-cased form. */
export interface Token extends Span {
  text: string;
  /** Lower-cased once here: the entity and quote rules both key their word lists on it. */
  lower: string;
  /** Starts with an upper-case letter (tested once here; both rule sets read it). */
  upper: boolean;
  pos: string;
  /**
   * The word table's id of `text` (./words.ts) when the text was read: it still names `text` while `wordText(id)` is
   * `text` (the table may have been emptied since), so a stage can keep per-word records in an array by id.
   */
  id: number;
}

/** Tokens and sentence spans of one text. */
export interface Analysis {
  tokens: Token[];
  sentences: Span[];
}

/** The part-of-speech facts of each word id, looked up by text once per id (emptied with the word table). */
let factsById: (WordFacts | undefined)[] = [];
clearWithTable(() => {
  factsById = [];
});

function factsOf(id: number): WordFacts {
  let facts = factsById[id];
  if (!facts) {
    facts = wordFacts(wordText(id));
    factsById[id] = facts;
  }
  return facts;
}

/**
 * Small cache: the sentence, entity, quote and cue stages analyse the same block in a row, and the entity tokens
 * are cached by the analysis object (src/annotate/entities/tokens.ts), so one block is read once per pipeline run.
 * Two generations of at most CACHE_SIZE / 2 texts: a hit in the older moves up, and when the newer is full the older
 * is dropped whole. Dropping the oldest entry one at a time (`keys().next()`) made each insertion walk the deleted
 * entries V8 leaves at the front of the table until its next rehash.
 */
let recent = new Map<string, Analysis>();
let older = new Map<string, Analysis>();
const CACHE_SIZE = 4096;

/**
 * Tokenizes a text (./tokenize.ts), splits it into sentences and tags each sentence's words with the
 * part-of-speech tagger (./pos/tagger.ts); offsets are into that text. Linear in the text's length.
 */
export function analyze(text: string): Analysis {
  const hit = recent.get(text);
  if (hit) return hit;
  const result = older.get(text) ?? read(text);
  if (recent.size >= CACHE_SIZE / 2) {
    older = recent;
    recent = new Map();
  }
  recent.set(text, result);
  return result;
}

/**
 * The analyses of the last few texts' spans, by the text itself and the span: each annotation stage asks for the
 * same blocks of the same article text, and looking a fresh slice up by content hashed and compared every block's
 * characters four times per article (≈2.5% of annotation). The article text is one string object through the
 * pipeline, so after its first lookup V8 finds it by its cached hash and identity.
 */
const SPANS = new Map<string, Map<number, Analysis>>();
/** Texts whose spans stay indexed: the pipeline runs every stage on one article before the next. */
const SPAN_TEXTS = 16;
/** Span keys pack start and end into one exact integer below 2^53 while the text is shorter than this. */
const SPAN_KEY_BASE = 2 ** 26;

/** `analyze(text.slice(start, end))`, found by the span when the same text was asked about before. */
export function analyzeSpan(text: string, start: number, end: number): Analysis {
  if (text.length >= SPAN_KEY_BASE) return analyze(text.slice(start, end));
  let spans = SPANS.get(text);
  if (!spans) {
    if (SPANS.size >= SPAN_TEXTS) SPANS.delete(SPANS.keys().next().value as string);
    spans = new Map();
    SPANS.set(text, spans);
  }
  const key = start * SPAN_KEY_BASE + end;
  let analysis = spans.get(key);
  if (!analysis) {
    analysis = analyze(text.slice(start, end));
    spans.set(key, analysis);
  }
  return analysis;
}

function read(text: string): Analysis {
  beginTokenizing();
  const spans = tokenSpans(text);
  const sentences = sentenceSpans(text, spans);
  const model = posModel();
  // Each token's spelling and facts by its word id: one string per spelling (consumers' lookups by `text` reuse its
  // cached hash) and no slice per token.
  const ids: number[] = [];
  const words: string[] = [];
  const facts: WordFacts[] = [];
  for (const s of spans) {
    const id = wordId(text, s.start, s.end);
    ids.push(id);
    words.push(wordText(id));
    facts.push(factsOf(id));
  }
  const tokens: Token[] = [];
  let k = 0;
  for (const sentence of sentences) {
    let end = k;
    while (end < spans.length && (spans[end] as Span).start < sentence.end) end++;
    const tags = tagFacts(model, facts, k, end);
    for (let j = k; j < end; j++) {
      const { start, end: tokenEnd } = spans[j] as Span;
      const f = facts[j] as WordFacts;
      tokens.push({
        start,
        end: tokenEnd,
        text: words[j] as string,
        lower: f.lowerText,
        upper: f.upper,
        pos: UPOS[tags[j - k] as number] as string,
        id: ids[j] as number,
      });
    }
    k = end;
  }
  return { tokens, sentences };
}
