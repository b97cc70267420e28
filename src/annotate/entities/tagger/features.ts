import { continuesPhrase, gazetteerKind, isFirstName, isLastName, MAX_GAZETTEER_WORDS, startsPhrase, startsPhrasePair } from '../gazetteer.js';

/**
 * Hashed features of the sequence tagger. Every feature is a 32-bit integer (a template number mixed with hashes of
 * the words it reads): no feature string is ever built while tagging, and the shipped weights hold no word of the
 * training text, only rows of a hashed table.
 */

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into one (murmur3's finaliser over a combination), for template × value features. */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Feature templates: the first argument of `mix`, so equal values under different templates are different features. */
const T = {
  Bias: 1,
  Word: 2,
  Cased: 3,
  Shape: 4,
  Prefix: 5,
  Suffix: 6,
  PrevWord: 7,
  NextWord: 8,
  Prev2Word: 9,
  Next2Word: 10,
  PrevShape: 11,
  NextShape: 12,
  PrevShapeShape: 13,
  ShapeNextShape: 14,
  PrevWordWord: 15,
  WordNextWord: 16,
  Phrase: 17,
  WordKind: 18,
  FirstName: 19,
  LastName: 20,
  Initial: 21,
  Document: 22,
  Caseless: 23,
  PrevLabel: 24,
  PrevLabels: 25,
  PrevLabelWord: 26,
  PrevLabelShape: 27,
  History: 28,
  Length: 29,
} as const;

/** What the tagger knows of one word apart from its neighbours, cached by the word's text. */
export interface WordInfo {
  /**
   * Hashes of the lower-cased word and of its shape, as signed 32-bit integers: V8 keeps those unboxed (a small
   * integer), so the per-document sets and maps keyed by them hash an integer instead of a boxed double. Every
   * feature reads them through `mix`, whose integer operations see the same 32 bits either way.
   */
  lower: number;
  shape: number;
  capitalized: boolean;
  /** Holds a lower-case letter anywhere / starts with one (for the caseless-sentence and document evidence tests). */
  hasLower: boolean;
  startsLower: boolean;
  /** Holds any cased letter. */
  hasLetter: boolean;
  /** Capitalised and the first word of a listed phrase (the phrase features look further only then). */
  startsPhrase: boolean;
  /**
   * Some listed phrase has the word second (`continuesPhrase`): a phrase start joins it only then. Asked only after a
   * phrase start, once per word: 1 yes, 0 no, −1 not asked yet.
   */
  continuesPhrase: number;
  /** What the current document says of the word's lower-case form (shared by all its spellings). */
  folded: FoldedWord;
  /** Features of the word alone (the bias among them: it is the same for every word). */
  own: number[];
  /** `shape` as a small number (`shapeId`), or −1 past the first `MAX_SHAPE_IDS` shapes seen. */
  shapeId: number;
  /**
   * The first `mix` of the word-pair features that read this word as the left one (`mix(T.PrevWordWord, lower)` for
   * the next word's `PrevWordWord`, `mix(T.WordNextWord, lower)` for its own `WordNextWord`): mixed once per word.
   */
  asPrevWord: number;
  asWordNext: number;
  /**
   * The model's cache of this word's summed weight rows under `scoredBy` (its own features, its features as each
   * neighbour, its label-word features after an outside word): kept here to save a second lookup by text. The rows
   * under the other language's table are kept too (`otherRows`): words both languages write (names, figures,
   * punctuation) lost their rows at every switch between an English and a Spanish article, ≈12% of their words.
   */
  rows: Float64Array | null;
  scoredBy: object | null;
  otherRows: Float64Array | null;
  otherScoredBy: object | null;
}

/**
 * What one document has said of a lower-cased word, shared by every spelling of it ("Police", "police") as the
 * per-document sets and maps it replaces were keyed by the lower-case hash: the stamps of the last document that
 * wrote it capitalised inside a sentence and in lower case, and the label history's class counts with the stamp of
 * the history they belong to. A stamp is one field write per word where a set cost a hash insert or lookup.
 */
export interface FoldedWord {
  capitalizedInside: number;
  lowerCase: number;
  history: number;
  classes: Int32Array | null;
}
const FOLDED = new Map<number, FoldedWord>();

/** Stamps of documents and label histories: every one gets a new number, so no stamp needs clearing. */
let stamps = 0;
export function newStamp(): number {
  stamps += 1;
  return stamps;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const UPPERS = /\p{Lu}/gu;
const LOWERS = /\p{Ll}/gu;
const DIGITS = /\d/g;
const RUNS = /(.)\1+/g;

/** Word shape with runs collapsed ("Xx", "X.X.", "dd", "Xx-Xx"). */
export function shapeOf(word: string): string {
  return asciiShape(word) ?? word.replace(UPPERS, 'X').replace(LOWERS, 'x').replace(DIGITS, 'd').replace(RUNS, '$1');
}

/**
 * `shapeOf` of an ASCII word in one pass, null for any other: the four regex replacements were a fifth of a new
 * word's cost. The same classes (A–Z are \p{Lu}, a–z \p{Ll}, 0–9 \d) and the same collapsing of a repeated
 * character, which `RUNS` never does for a line break (its `.` does not match one).
 */
function asciiShape(word: string): string | null {
  let out = '';
  let last = -1;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code >= 128) return null;
    const c = code >= 65 && code <= 90 ? 88 : code >= 97 && code <= 122 ? 120 : code >= 48 && code <= 57 ? 100 : code;
    if (c === last && c !== 10 && c !== 13) continue;
    out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

/**
 * Most words whose features (and the model's summed rows, about 1.3 KB a word) stay cached; the cache is cleared
 * whole when full, between documents only (`documentInfos`): the words of one document must share their folded
 * forms. 30,000 distinct words hold most tokens of a long news stream while bounding the cache near 45 MB.
 */
const WORD_CACHE_SIZE = 30_000;
const WORDS = new Map<string, WordInfo>();

/** Longest prefix and suffix used as features. */
const MAX_PREFIX = 3;
const MAX_SUFFIX = 4;

/** The words of a document's sentences as the tagger reads them (the caches trimmed first, if full). */
export function documentInfos(sentences: ReadonlyArray<readonly string[]>): WordInfo[][] {
  startDocument();
  return sentences.map((words) => words.map(wordInfo));
}

/** Counts the clearings of the word cache: an info kept outside it is the cache's own only under its generation. */
let generation = 0;

/**
 * Trims the caches if full, before a document's words are read (its spellings must share their folded forms), and
 * returns the cache's generation: an info from `wordInfo` under the same generation is the one the cache holds.
 */
export function startDocument(): number {
  if (WORDS.size >= WORD_CACHE_SIZE) {
    WORDS.clear();
    FOLDED.clear();
    generation++;
  }
  return generation;
}

function foldedWord(lower: number): FoldedWord {
  let folded = FOLDED.get(lower);
  if (!folded) {
    folded = { capitalizedInside: 0, lowerCase: 0, history: 0, classes: null };
    FOLDED.set(lower, folded);
  }
  return folded;
}

/** The cached facts of a word (computed on first sight; `startDocument` bounds the cache). */
export function wordInfo(word: string): WordInfo {
  const hit = WORDS.get(word);
  if (hit) return hit;
  const lowerText = word.toLowerCase();
  const lower = hashString(lowerText) | 0;
  const shapeText = shapeOf(word);
  const shape = hashString(shapeText.length > 6 ? `${shapeText.slice(0, 3)}…${shapeText.slice(-3)}` : shapeText) | 0;
  const capitalized = UPPER.test(word.charAt(0));
  const hasLower = LOWER.test(word);
  const own = [T.Bias, mix(T.Word, lower), mix(T.Cased, hashString(word)), mix(T.Shape, shape), mix(T.Length, Math.min(word.length, 12))];
  for (let n = 1; n <= MAX_PREFIX && n < lowerText.length; n++) own.push(mix(T.Prefix, hashString(lowerText.slice(0, n))));
  for (let n = 1; n <= MAX_SUFFIX && n < lowerText.length; n++) own.push(mix(T.Suffix, hashString(lowerText.slice(-n))));
  if (capitalized || !hasLower) {
    const kind = gazetteerKind(word);
    if (kind) own.push(mix(T.WordKind, hashString(kind)));
    if (isFirstName(word)) own.push(mix(T.FirstName, 1));
    if (isLastName(word)) own.push(mix(T.LastName, 1));
  }
  const info: WordInfo = {
    lower,
    shape,
    capitalized,
    hasLower,
    startsLower: LOWER.test(word.charAt(0)),
    hasLetter: hasLower || UPPER.test(word),
    startsPhrase: capitalized && startsPhrase(word),
    continuesPhrase: -1,
    folded: foldedWord(lower),
    own,
    shapeId: shapeId(shape),
    asPrevWord: mix(T.PrevWordWord, lower),
    asWordNext: mix(T.WordNextWord, lower),
    rows: null,
    scoredBy: null,
    otherRows: null,
    otherScoredBy: null,
  };
  WORDS.set(word, info);
  return info;
}

/**
 * Document-wide evidence: how each word (its folded form) is written where capitals carry meaning. The document's
 * stamp is in a folded word's `capitalizedInside` when the document writes it capitalised somewhere other than a
 * sentence start or an all-capitals line, in its `lowerCase` when written in lower case somewhere.
 */
export interface DocumentEvidence {
  stamp: number;
}

/** Whether a sentence is written in capitals (a headline or a table), where case says nothing. */
export function isCaselessSentence(infos: readonly WordInfo[]): boolean {
  let letters = 0;
  for (const w of infos) {
    if (w.hasLower) return false;
    if (w.hasLetter) letters++;
  }
  return letters >= 2;
}

/** Collects the document evidence of a document's sentences (each as its words' infos). */
export function documentEvidence(sentences: ReadonlyArray<readonly WordInfo[]>): DocumentEvidence {
  const stamp = newStamp();
  for (const infos of sentences) {
    if (isCaselessSentence(infos)) continue;
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i] as WordInfo;
      if (info.capitalized && i > 0) info.folded.capitalizedInside = stamp;
      else if (info.startsLower) info.folded.lowerCase = stamp;
    }
  }
  return { stamp };
}

/** `continuesPhrase` of a word (`text`, whose info `w` is), asked once per word. */
function continuesListedPhrase(w: WordInfo, text: string): boolean {
  if (w.continuesPhrase < 0) w.continuesPhrase = continuesPhrase(text) ? 1 : 0;
  return w.continuesPhrase === 1;
}

/** No phrase feature at a word (features are unsigned, so −1 is free). */
const NO_PHRASE = -1;

/**
 * Position of a word in the longest listed phrase covering it (B, I, L, U) with the phrase's kind; null when the
 * sentence holds no listed phrase (most do not: no array is made for them).
 */
function phraseFeatures(words: readonly string[], infos: readonly WordInfo[]): Float64Array | null {
  let out: Float64Array | null = null;
  for (let i = 0; i < words.length; i++) {
    if (
      (infos[i] as WordInfo).startsPhrase &&
      i + 1 < words.length &&
      continuesListedPhrase(infos[i + 1] as WordInfo, words[i + 1] as string) &&
      startsPhrasePair(words[i] as string, words[i + 1] as string)
    ) {
      for (let n = Math.min(MAX_GAZETTEER_WORDS, words.length - i); n >= 2; n--) {
        const kind = gazetteerKind(words.slice(i, i + n).join(' '));
        if (!kind) continue;
        const k = hashString(kind);
        out ??= new Float64Array(words.length).fill(NO_PHRASE);
        for (let j = 0; j < n; j++) out[i + j] = mix(mix(T.Phrase, k), j === 0 ? 1 : j === n - 1 ? 3 : 2);
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** A sentence as the feature templates read it: its words' infos, listed phrases, and whether it is caseless. */
export interface SentenceView {
  infos: readonly WordInfo[];
  phrases: Float64Array | null;
  caseless: boolean;
}

export function sentenceView(words: readonly string[], infos: readonly WordInfo[]): SentenceView {
  return { infos, phrases: phraseFeatures(words, infos), caseless: isCaselessSentence(infos) };
}

/** Most context features of one word (see `contextFeatures`): buffers passed to it hold at least this many. */
export const MAX_CONTEXT_FEATURES = 16;
/** The word and shape hash of a missing neighbour (a sentence edge). */
const NONE = 0x2545f491;

/**
 * Shapes get small numbers so the tagger can keep the rows of each pair of shapes (`shapePairFeatures`) in a table
 * indexed by the pair: news text writes a few dozen shapes ("Xx", "x", "d", "X.X."), so the first 255 seen hold
 * nearly every token, and a shape past them (−1) is hashed per occurrence as before. Number 0 is the sentence edge
 * (`NONE`). A number is never reused, so rows kept by number stay right; the features read the hash, not the number.
 */
export const MAX_SHAPE_IDS = 256;
const SHAPE_IDS = new Map<number, number>([[NONE, 0]]);

function shapeId(shape: number): number {
  const known = SHAPE_IDS.get(shape);
  if (known !== undefined) return known;
  if (SHAPE_IDS.size >= MAX_SHAPE_IDS) return -1;
  SHAPE_IDS.set(shape, SHAPE_IDS.size);
  return SHAPE_IDS.size - 1;
}

/** The shape number of the sentence edge, the missing neighbour in `shapePairFeatures`. */
export const EDGE_SHAPE_ID = 0;

/** The places a word takes in its neighbours' features: the word before, after, two before, two after. */
export const Neighbour = { Prev: 0, Next: 1, Prev2: 2, Next2: 3 } as const;
export const NEIGHBOUR_PLACES = 4;

/**
 * Writes at `at` the features a word gives the word `place` away from it (no word there: a sentence edge) and
 * returns how many. They depend on that one word alone, so the tagger sums their rows once per word.
 */
export function neighbourFeatures(w: WordInfo | undefined, place: number, out: Uint32Array, at: number): number {
  const lower = w ? w.lower : NONE;
  const shape = w ? w.shape : NONE;
  if (place === Neighbour.Prev) {
    out[at] = mix(T.PrevWord, lower);
    out[at + 1] = mix(T.PrevShape, shape);
    return 2;
  }
  if (place === Neighbour.Next) {
    out[at] = mix(T.NextWord, lower);
    out[at + 1] = mix(T.NextShape, shape);
    return 2;
  }
  out[at] = mix(place === Neighbour.Prev2 ? T.Prev2Word : T.Next2Word, lower);
  return 1;
}

/**
 * Writes at `at` the features of word `i` read together with a neighbour or a listed phrase (they depend on two
 * words), and returns how many: its shape with the shapes before and after it, then `lowerPairFeatures`.
 */
export function wordPairFeatures(s: SentenceView, i: number, out: Uint32Array, at: number): number {
  const infos = s.infos;
  const shape = (infos[i] as WordInfo).shape;
  out[at] = prevShapeShape(i > 0 ? (infos[i - 1] as WordInfo).shape : NONE, shape);
  out[at + 1] = shapeNextShape(shape, i + 1 < infos.length ? (infos[i + 1] as WordInfo).shape : NONE);
  return 2 + lowerPairFeatures(s, i, out, at + 2);
}

/** The right word's feature of a pair of neighbouring shapes (`NONE` for a sentence edge). */
function prevShapeShape(leftShape: number, rightShape: number): number {
  return mix(mix(T.PrevShapeShape, leftShape), rightShape);
}

/** The left word's feature of a pair of neighbouring shapes (`NONE` for a sentence edge). */
function shapeNextShape(leftShape: number, rightShape: number): number {
  return mix(mix(T.ShapeNextShape, leftShape), rightShape);
}

/**
 * Writes at `at` the two shape-pair features of two neighbouring words (none: a sentence edge): the left word's
 * `ShapeNextShape`, then the right word's `PrevShapeShape`. They read the two shapes alone, so the tagger keeps
 * their rows per pair of shape numbers instead of hashing them per token.
 */
export function shapePairFeatures(left: WordInfo | undefined, right: WordInfo | undefined, out: Uint32Array, at: number): void {
  const leftShape = left ? left.shape : NONE;
  const rightShape = right ? right.shape : NONE;
  out[at] = shapeNextShape(leftShape, rightShape);
  out[at + 1] = prevShapeShape(leftShape, rightShape);
}

/** The first mix of `PrevWordWord` with no word before (a sentence's first word). */
const EDGE_AS_PREV_WORD = mix(T.PrevWordWord, NONE);

/** Most features `lowerPairFeatures` writes for one word: two word pairs and a listed phrase. */
export const MAX_LOWER_PAIR_FEATURES = 3;

/**
 * Writes at `at` the features of word `i` read with its neighbours' lower-case words or a listed phrase (hashed per
 * occurrence: they depend on two words), and returns how many.
 */
export function lowerPairFeatures(s: SentenceView, i: number, out: Uint32Array, at: number): number {
  const infos = s.infos;
  const w = infos[i] as WordInfo;
  let n = at;
  out[n++] = mix(i > 0 ? (infos[i - 1] as WordInfo).asPrevWord : EDGE_AS_PREV_WORD, w.lower);
  out[n++] = mix(w.asWordNext, i + 1 < infos.length ? (infos[i + 1] as WordInfo).lower : NONE);
  const phrase = s.phrases ? (s.phrases[i] as number) : NO_PHRASE;
  if (phrase !== NO_PHRASE) out[n++] = phrase;
  return n - at;
}

/** The feature of a sentence's first word (its shape there). */
export function initialFeature(w: WordInfo): number {
  return mix(T.Initial, w.shape);
}

/** The feature of a word in a caseless sentence (its shape there). */
export function caselessFeature(w: WordInfo): number {
  return mix(T.Caseless, w.shape);
}

/** Values of the document-evidence feature: evidence bits (0–3) × places (1–3). */
export const DOCUMENT_FEATURES = 12;

/**
 * The document-evidence value of word `i` (index of `documentFeature`), or −1 where capitals carry no question:
 * a lower-case word inside a sentence with case.
 */
export function documentValue(s: SentenceView, i: number, doc: DocumentEvidence): number {
  const w = s.infos[i] as WordInfo;
  if (!(w.capitalized || s.caseless || i === 0)) return -1;
  const inside = w.folded.capitalizedInside === doc.stamp ? 1 : 0;
  const lower = w.folded.lowerCase === doc.stamp ? 2 : 0;
  return (inside | lower) * 3 + (s.caseless ? 0 : i === 0 ? 1 : 2);
}

/** The document-evidence feature of a value of `documentValue`: how the word is written elsewhere × where it is. */
export function documentFeature(value: number): number {
  return mix(mix(T.Document, Math.floor(value / 3)), (value % 3) + 1);
}

/**
 * Writes at `at` the context features of word `i` that read it together with a neighbour, listed phrases or the
 * document evidence, and returns how many.
 */
export function pairFeatures(s: SentenceView, i: number, doc: DocumentEvidence, out: Uint32Array, at: number): number {
  const w = s.infos[i] as WordInfo;
  let n = at + wordPairFeatures(s, i, out, at);
  if (i === 0) out[n++] = initialFeature(w);
  if (s.caseless) out[n++] = caselessFeature(w);
  const value = documentValue(s, i, doc);
  if (value >= 0) out[n++] = documentFeature(value);
  return n - at;
}

/**
 * Writes into `out` (from index 0) the features of word `i` that read its context but not the labels chosen: its
 * neighbours, listed phrases and the document evidence; returns how many. Label features are added while decoding.
 */
export function contextFeatures(s: SentenceView, i: number, doc: DocumentEvidence, out: Uint32Array): number {
  const at = (k: number): WordInfo | undefined => (k >= 0 && k < s.infos.length ? s.infos[k] : undefined);
  let n = neighbourFeatures(at(i - 1), Neighbour.Prev, out, 0);
  n += neighbourFeatures(at(i + 1), Neighbour.Next, out, n);
  n += neighbourFeatures(at(i - 2), Neighbour.Prev2, out, n);
  n += neighbourFeatures(at(i + 2), Neighbour.Next2, out, n);
  return n + pairFeatures(s, i, doc, out, n);
}

/** Most label features of one word (`labelFeatures` plus `labelWordFeatures`). */
export const MAX_LABEL_FEATURES = 5;

/** Features of the labels chosen before a word alone: the previous label and the two previous. Written at `at`. */
export function labelFeatures(prev: number, prev2: number, out: Uint32Array, at: number): number {
  out[at] = mix(T.PrevLabel, prev);
  out[at + 1] = mix(mix(T.PrevLabels, prev), prev2);
  return 2;
}

/** Features of the previous label with the word and with its shape. */
export function labelWordFeatures(w: WordInfo, prev: number, out: Uint32Array, at: number): number {
  out[at] = mix(mix(T.PrevLabelWord, prev), w.lower);
  out[at + 1] = mix(mix(T.PrevLabelShape, prev), w.shape);
  return 2;
}

/** The feature of the class the document chose most often for the word so far (none when it never chose one). */
export function historyFeature(history: number, out: Uint32Array, at: number): number {
  if (history < 0) return 0;
  out[at] = mix(T.History, history);
  return 1;
}
