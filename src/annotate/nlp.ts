import type { Span } from '../model/span.js';
import { tagFacts, UPOS, type WordFacts, wordFacts } from './pos/tagger.js';
import { posModel } from './pos/weights.js';
import { KEPT_TOKENS, sentenceSpans, tokenOffsets } from './tokenize.js';
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

/**
 * Per token of the text being read: its word id, facts and tag. Reused by every read (a text's tokens are made before
 * the next is read): three arrays per block were ≈50 bytes of garbage per token. Dropped after a text of more than
 * KEPT_TOKENS tokens, so one long text does not keep its size.
 */
let ids = new Int32Array(1024);
let facts: WordFacts[] = [];
let tags = new Uint8Array(1024);

function read(text: string): Analysis {
  beginTokenizing();
  const offsets = tokenOffsets(text);
  const sentences = sentenceSpans(text, offsets);
  const { starts, ends, length } = offsets;
  const model = posModel();
  if (ids.length < length || ids.length > KEPT_TOKENS) {
    const size = Math.max(1024, length);
    ids = new Int32Array(size);
    tags = new Uint8Array(size);
    facts = [];
  }
  // Each token's word id and facts: one string per spelling (consumers' lookups by `text` reuse its cached hash) and
  // no slice per token.
  for (let k = 0; k < length; k++) {
    const id = wordId(text, starts[k] as number, ends[k] as number);
    ids[k] = id;
    facts[k] = factsOf(id);
  }
  const tokens: Token[] = [];
  let k = 0;
  for (const sentence of sentences) {
    let end = k;
    while (end < length && (starts[end] as number) < sentence.end) end++;
    tagFacts(model, facts, k, end, tags);
    k = end;
  }
  for (let j = 0; j < length; j++) {
    const f = facts[j] as WordFacts;
    const id = ids[j] as number;
    tokens.push({
      start: starts[j] as number,
      end: ends[j] as number,
      text: wordText(id),
      lower: f.lowerText,
      upper: f.upper,
      pos: UPOS[tags[j] as number] as string,
      id,
    });
  }
  return { tokens, sentences };
}
