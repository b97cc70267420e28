import { gunzipSync, gzipSync } from 'node:zlib';
import type { WeightTable } from '../entities/tagger/codec.js';
import { hashString, mix } from '../entities/tagger/features.js';

/**
 * A greedy averaged-perceptron part-of-speech tagger (the design of Honnibal's "A good POS tagger in about 200
 * lines": the word, its affixes and shape, two words either side and the two tags chosen before it). Features are
 * 32-bit hashes into a table of weight rows, so the shipped file holds no word of the training text. Trained by
 * scripts/train-pos.ts on the CoNLL-2003 training file's tags mapped to universal tags (./treebank.ts).
 */

/** Universal POS tags (the tag set the annotation rules were written against). */
export const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
export type Upos = (typeof UPOS)[number];
export const POS_LABELS = UPOS.length;
/** The tag "before" a sentence's first word, in history features. */
const START = POS_LABELS;

/** A hashed weight table: `rows` × POS_LABELS weights, row = feature hash & (rows − 1). */
export type PosWeights = WeightTable;

/**
 * The shipped tagger: the weights and the unambiguous frequent words (Honnibal's tag dictionary: seen often in
 * training with one tag nearly always, "the", "of", ","), keyed by the word's hash so no word is shipped. Such words
 * take their tag without scoring: about half the words of news text, and as accurate.
 */
export interface PosModel {
  weights: PosWeights;
  known: ReadonlyMap<number, number>;
}

/** Feature templates (the first argument of `mix`). */
const T = {
  Bias: 1,
  Word: 2,
  Suffix1: 3,
  Suffix2: 4,
  Suffix3: 5,
  Prefix1: 6,
  Shape: 7,
  FirstShape: 8,
  PrevTag: 9,
  PrevTags: 10,
  PrevTagWord: 11,
  PrevWord: 12,
  PrevSuffix: 13,
  Prev2Word: 14,
  NextWord: 15,
  NextSuffix: 16,
  Next2Word: 17,
  Cased: 18,
} as const;

/** What the tagger reads of one word alone, cached by its text. */
export interface WordFacts {
  /** The word lower-cased as written (typographic quotes kept): tokens share this string instead of each making one. */
  lowerText: string;
  /** Starts with an upper-case letter. */
  upper: boolean;
  /** Hash of the word as written (after straightening quotes): the tag dictionary's key. */
  cased: number;
  lower: number;
  suffix3: number;
  shape: number;
  /** Hashed features of the word alone (the bias among them). */
  own: number[];
  /**
   * Where the word's summed weight rows start in the rows of the arena it was prepared in (`preparedIn`): one block
   * of POS_LABELS per place it is read from, itself (its own features), then as the previous, the one before that,
   * the next and the one after. A word's neighbour features depend on that word alone, so tagging adds five cached
   * blocks and looks up only the tag features.
   */
  at: number;
  /** The word's tag in the model's tag dictionary, −1 when it is not there. */
  fixed: number;
  /** The generation of the arena holding its rows (0: none yet). */
  preparedIn: number;
}

/** Places a word's features are read from, in the order of the `rows` blocks. */
const SELF = 0;
const AS_PREV = 1;
const AS_PREV2 = 2;
const AS_NEXT = 3;
const AS_NEXT2 = 4;
const PLACES = 5;

/** Distinct words cached (cleared whole when full): 40,000 words × ~0.5 KB bounds the cache near 20 MB. */
const WORD_CACHE_SIZE = 40_000;
const WORDS = new Map<string, WordFacts>();
/** Outside the sentence: a hash no word gets from `wordFacts`. */
const NONE = 0x9e3779b9;

/** Word shape with runs collapsed ("Xx", "X.X.", "d,d", "x-x"); ASCII classified without case conversion. */
function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (let k = 0; k < word.length && out.length < 8; k++) {
    const code = word.charCodeAt(k);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code < 128) c = word.charAt(k);
    else {
      const ch = word.charAt(k);
      const up = ch.toUpperCase();
      c = up !== ch.toLowerCase() ? (ch === up ? 'X' : 'x') : ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const UPPER = /^\p{Lu}/u;

/** Whether a word starts with an upper-case letter; ASCII answered without the Unicode regex. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(word);
}

/** Typographic quotes and apostrophes as the training text writes them (straight), so "n’t" reads as "n't". */
const TYPOGRAPHIC = /[’‘“”„«»]/g;
const STRAIGHT: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"' };

/** The cached facts of a word (computed on first sight). */
export function wordFacts(text: string): WordFacts {
  const hit = WORDS.get(text);
  if (hit) return hit;
  const word = text.replace(TYPOGRAPHIC, (c) => STRAIGHT[c] as string);
  const lowerText = word.toLowerCase();
  const lower = hashString(lowerText);
  const suffix3 = hashString(lowerText.slice(-3));
  const shape = hashString(shapeOf(word));
  const cased = hashString(word);
  const own = [
    T.Bias,
    mix(T.Word, lower),
    mix(T.Cased, cased),
    mix(T.Suffix1, hashString(lowerText.slice(-1))),
    mix(T.Suffix2, hashString(lowerText.slice(-2))),
    mix(T.Suffix3, suffix3),
    mix(T.Prefix1, hashString(lowerText.slice(0, 1))),
    mix(T.Shape, shape),
  ];
  const facts: WordFacts = {
    lowerText: text.toLowerCase(),
    upper: startsUpper(text),
    cased,
    lower,
    suffix3,
    shape,
    own,
    at: 0,
    fixed: -1,
    preparedIn: 0,
  };
  if (WORDS.size >= WORD_CACHE_SIZE) WORDS.clear();
  WORDS.set(text, facts);
  return facts;
}

/** Most context features of one word. */
export const MAX_CONTEXT_FEATURES = 10;

/** The features a word gives the word it neighbours, from `place` (AS_PREV … AS_NEXT2). */
function neighbourFeatures(w: WordFacts | undefined, place: number): number[] {
  const lower = w ? w.lower : NONE;
  const suffix = w ? w.suffix3 : NONE;
  if (place === AS_PREV) return [mix(T.PrevWord, lower), mix(T.PrevSuffix, suffix)];
  if (place === AS_PREV2) return [mix(T.Prev2Word, lower)];
  if (place === AS_NEXT) return [mix(T.NextWord, lower), mix(T.NextSuffix, suffix)];
  return [mix(T.Next2Word, lower)];
}

/** Tags a history feature reads: the universal tags and START. */
const HISTORY = POS_LABELS + 1;

/** `mix(T.PrevTagWord, prev)` for each tag a history reads: the first half of a hash tagging computes per word. */
const PREV_TAG_WORD = Uint32Array.from({ length: HISTORY }, (_, prev) => mix(T.PrevTagWord, prev));

/** The features of the two tags before a word. */
function historyFeatures(prev: number, prev2: number): number[] {
  return [mix(T.PrevTag, prev), mix(mix(T.PrevTags, prev), prev2)];
}

/** The features of word `i` that read the previous tag with the word (and the first word's shape), into `out` (training; tagging inlines them). */
function tagWordFeatures(w: WordFacts, i: number, prev: number, out: Uint32Array): number {
  out[0] = mix(PREV_TAG_WORD[prev] as number, w.lower);
  if (i > 0) return 1;
  out[1] = mix(T.FirstShape, w.shape);
  return 2;
}

/** Every feature of word `i` apart from its own: its neighbours' and the tag features (training reads them). */
function contextFeatures(facts: readonly WordFacts[], i: number, tags: ArrayLike<number>, out: Uint32Array): number {
  const prev = i > 0 ? (tags[i - 1] as number) : START;
  const prev2 = i > 1 ? (tags[i - 2] as number) : START;
  let c = tagWordFeatures(facts[i] as WordFacts, i, prev, out);
  for (const f of historyFeatures(prev, prev2)) out[c++] = f;
  for (const f of neighbourFeatures(facts[i - 1], AS_PREV)) out[c++] = f;
  for (const f of neighbourFeatures(facts[i - 2], AS_PREV2)) out[c++] = f;
  for (const f of neighbourFeatures(facts[i + 1], AS_NEXT)) out[c++] = f;
  for (const f of neighbourFeatures(facts[i + 2], AS_NEXT2)) out[c++] = f;
  return c;
}

/** Adds the rows of `count` features into `out[at..at + POS_LABELS)` (building a word's cached rows). */
function addRows(weights: PosWeights, features: readonly number[], count: number, out: Float32Array, at: number): void {
  const mask = weights.rows - 1;
  const values = weights.values;
  for (let k = 0; k < count; k++) {
    const base = ((features[k] as number) & mask) * POS_LABELS;
    for (let y = 0; y < POS_LABELS; y++) out[at + y] = (out[at + y] as number) + (values[base + y] as number);
  }
}

/** Floats of one word's cached rows (a block per place). */
const WORD_ROWS = PLACES * POS_LABELS;
/** Where the rows of the neighbour past either end of a sentence start: the arena's first block. */
const EDGE = 0;
/** Words an arena holds before tagging starts a new one (their rows ≈ 13.6 MB, as many as the word cache). */
const ARENA_WORDS = WORD_CACHE_SIZE;

/**
 * The cached rows of the words prepared for one model, one typed array for all of them: the tagging loop reads every
 * row from it by offset instead of loading a typed array per word (and the heap holds one buffer, not one per word).
 * Grown by doubling; replaced whole (a new generation) when full or when another model tags, and the words prepared
 * in an older generation are prepared again when next tagged.
 */
interface Arena {
  model: PosModel | null;
  rows: Float32Array;
  /** Word blocks in use, the edge block included. */
  used: number;
  generation: number;
}

let arena: Arena = { model: null, rows: new Float32Array(0), used: 0, generation: 0 };

/** Starts a new arena for `model` with room for `words` more words. */
function startArena(model: PosModel, words: number): void {
  const rows = new Float32Array(Math.max(1024, words + 1) * WORD_ROWS);
  for (const place of [AS_PREV, AS_PREV2, AS_NEXT, AS_NEXT2]) {
    const features = neighbourFeatures(undefined, place);
    addRows(model.weights, features, features.length, rows, EDGE + place * POS_LABELS);
  }
  arena = { model, rows, used: 1, generation: arena.generation + 1 };
}

/** A word made ready for the arena's model: its rows from each place and its dictionary tag (once per word and arena). */
function prepare(model: PosModel, facts: WordFacts): void {
  if (facts.preparedIn === arena.generation) return;
  if (arena.used * WORD_ROWS === arena.rows.length) {
    const grown = new Float32Array(arena.rows.length * 2);
    grown.set(arena.rows);
    arena.rows = grown;
  }
  const at = arena.used * WORD_ROWS;
  arena.used++;
  const rows = arena.rows;
  addRows(model.weights, facts.own, facts.own.length, rows, at + SELF * POS_LABELS);
  for (const place of [AS_PREV, AS_PREV2, AS_NEXT, AS_NEXT2]) {
    const features = neighbourFeatures(facts, place);
    addRows(model.weights, features, features.length, rows, at + place * POS_LABELS);
  }
  facts.at = at;
  facts.fixed = model.known.get(facts.cased) ?? -1;
  facts.preparedIn = arena.generation;
}

/** Rows of PrevTag + PrevTags for each (prev2, prev) pair of tags (START included), by weights: no hashing per word. */
const HISTORY_ROWS = new WeakMap<PosWeights, Float32Array>();

function historyRows(weights: PosWeights): Float32Array {
  let history = HISTORY_ROWS.get(weights);
  if (history) return history;
  history = new Float32Array(HISTORY * HISTORY * POS_LABELS);
  for (let prev2 = 0; prev2 < HISTORY; prev2++) {
    for (let prev = 0; prev < HISTORY; prev++) addRows(weights, historyFeatures(prev, prev2), 2, history, (prev2 * HISTORY + prev) * POS_LABELS);
  }
  HISTORY_ROWS.set(weights, history);
  return history;
}

/**
 * Tag numbers (indices into UPOS) of one sentence's words, left to right. The hot loop of annotation: each score
 * is the sum of seven cached rows (the word's own, its four neighbours' as neighbours, the tag history) and one
 * hashed row (the previous tag with the word), summed and compared in one pass without a scores array.
 */
export function tagWords(model: PosModel, words: readonly string[]): Uint8Array {
  return tagFacts(model, words.map(wordFacts), 0, words.length, new Uint8Array(words.length));
}

/**
 * `tagWords` on words already looked up with `wordFacts`: the tags of `words[from..to)` into `tags[from..to)` (the
 * analysis keeps one list of facts and one of tags for a block and tags it sentence by sentence, without a copy or
 * a new array per sentence). Returns `tags`.
 */
export function tagFacts(model: PosModel, words: readonly WordFacts[], from: number, to: number, tags: Uint8Array): Uint8Array {
  // The whole sentence is prepared in one arena: its words' offsets all point into the rows read below.
  if (arena.model !== model || arena.used + (to - from) > ARENA_WORDS) startArena(model, to - from);
  for (let i = from; i < to; i++) prepare(model, words[i] as WordFacts);
  const rows = arena.rows;
  const history = historyRows(model.weights);
  const mask = model.weights.rows - 1;
  const values = model.weights.values;
  for (let i = from; i < to; i++) {
    const w = words[i] as WordFacts;
    if (w.fixed >= 0) {
      tags[i] = w.fixed;
      continue;
    }
    const prev = i > from ? (tags[i - 1] as number) : START;
    const prev2 = i > from + 1 ? (tags[i - 2] as number) : START;
    const self = w.at + SELF * POS_LABELS;
    const p1 = (i > from ? (words[i - 1] as WordFacts).at : EDGE) + AS_PREV * POS_LABELS;
    const p2 = (i > from + 1 ? (words[i - 2] as WordFacts).at : EDGE) + AS_PREV2 * POS_LABELS;
    const n1 = (i + 1 < to ? (words[i + 1] as WordFacts).at : EDGE) + AS_NEXT * POS_LABELS;
    const n2 = (i + 2 < to ? (words[i + 2] as WordFacts).at : EDGE) + AS_NEXT2 * POS_LABELS;
    const h = (prev2 * HISTORY + prev) * POS_LABELS;
    const t = (mix(PREV_TAG_WORD[prev] as number, w.lower) & mask) * POS_LABELS;
    const f = i === from ? (mix(T.FirstShape, w.shape) & mask) * POS_LABELS : -1;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let y = 0; y < POS_LABELS; y++) {
      let score =
        (rows[self + y] as number) +
        (rows[p1 + y] as number) +
        (rows[p2 + y] as number) +
        (rows[n1 + y] as number) +
        (rows[n2 + y] as number) +
        (history[h + y] as number) +
        (values[t + y] as number);
      if (f >= 0) score += values[f + y] as number;
      if (score > bestScore) {
        bestScore = score;
        best = y;
      }
    }
    tags[i] = best;
  }
  return tags;
}

/** A sentence's words as the features read them (opaque outside this file; training prepares each sentence once). */
export type SentenceFacts = readonly WordFacts[];

export function sentenceFacts(words: readonly string[]): SentenceFacts {
  return words.map(wordFacts);
}

/** The tag dictionary file: the entry count (u32), the word hashes (u32 each), then the tags (u8 each); gzip over it. */
export function encodeKnown(known: ReadonlyMap<number, number>): Buffer {
  const entries = [...known].sort((a, b) => a[0] - b[0]);
  const out = Buffer.alloc(4 + entries.length * 5);
  out.writeUInt32LE(entries.length, 0);
  entries.forEach(([hash, tag], i) => {
    out.writeUInt32LE(hash, 4 + i * 4);
    out.writeUInt8(tag, 4 + entries.length * 4 + i);
  });
  return gzipSync(out, { level: 9 });
}

export function decodeKnown(file: Buffer): Map<number, number> {
  const raw = gunzipSync(file);
  const count = raw.readUInt32LE(0);
  const known = new Map<number, number>();
  for (let i = 0; i < count; i++) known.set(raw.readUInt32LE(4 + i * 4), raw.readUInt8(4 + count * 4 + i));
  return known;
}

/** Hash of a word as the tag dictionary keys it (training builds the dictionary with it). */
export function knownKey(word: string): number {
  return wordFacts(word).cased;
}

/** Training access to the features: the own features of word `i` and its context features into `out` (the count). */
export function featuresAt(facts: SentenceFacts, i: number, tags: ArrayLike<number>, out: Uint32Array): { own: readonly number[]; count: number } {
  return { own: (facts[i] as WordFacts).own, count: contextFeatures(facts, i, tags, out) };
}
