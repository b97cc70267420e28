import { gazetteerKind, isFirstName, isLastName, MAX_GAZETTEER_WORDS, startsPhrase } from '../gazetteer.js';

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
interface WordInfo {
  lower: number;
  shape: number;
  capitalized: boolean;
  /** Features of the word alone. */
  own: number[];
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const UPPERS = /\p{Lu}/gu;
const LOWERS = /\p{Ll}/gu;
const DIGITS = /\d/g;
const RUNS = /(.)\1+/g;

/** Word shape with runs collapsed ("Xx", "X.X.", "dd", "Xx-Xx"). */
function shapeOf(word: string): string {
  return word.replace(UPPERS, 'X').replace(LOWERS, 'x').replace(DIGITS, 'd').replace(RUNS, '$1');
}

/** Most words whose features stay cached; the cache is cleared whole when full. */
const WORD_CACHE_SIZE = 100_000;
const WORDS = new Map<string, WordInfo>();

/** Longest prefix and suffix used as features. */
const MAX_PREFIX = 3;
const MAX_SUFFIX = 4;

function wordInfo(word: string): WordInfo {
  const hit = WORDS.get(word);
  if (hit) return hit;
  const lowerText = word.toLowerCase();
  const lower = hashString(lowerText);
  const shapeText = shapeOf(word);
  const shape = hashString(shapeText.length > 6 ? `${shapeText.slice(0, 3)}…${shapeText.slice(-3)}` : shapeText);
  const capitalized = UPPER.test(word.charAt(0));
  const own = [mix(T.Word, lower), mix(T.Cased, hashString(word)), mix(T.Shape, shape), mix(T.Length, Math.min(word.length, 12))];
  for (let n = 1; n <= MAX_PREFIX && n < lowerText.length; n++) own.push(mix(T.Prefix, hashString(lowerText.slice(0, n))));
  for (let n = 1; n <= MAX_SUFFIX && n < lowerText.length; n++) own.push(mix(T.Suffix, hashString(lowerText.slice(-n))));
  if (capitalized || !LOWER.test(word)) {
    const kind = gazetteerKind(word);
    if (kind) own.push(mix(T.WordKind, hashString(kind)));
    if (isFirstName(word)) own.push(mix(T.FirstName, 1));
    if (isLastName(word)) own.push(mix(T.LastName, 1));
  }
  const info = { lower, shape, capitalized, own };
  if (WORDS.size >= WORD_CACHE_SIZE) WORDS.clear();
  WORDS.set(word, info);
  return info;
}

/** Document-wide evidence: how each word (lower-cased hash) is written where capitals carry meaning. */
export interface DocumentEvidence {
  /** Written capitalised somewhere other than a sentence start or an all-capitals line. */
  capitalizedInside: Set<number>;
  /** Written in lower case somewhere. */
  lowerCase: Set<number>;
}

/** Whether a sentence is written in capitals (a headline or a table), where case says nothing. */
export function isCaselessSentence(words: readonly string[]): boolean {
  let letters = 0;
  let lower = 0;
  for (const w of words) {
    if (!UPPER.test(w) && !LOWER.test(w)) continue;
    letters++;
    if (LOWER.test(w)) lower++;
  }
  return letters >= 2 && lower === 0;
}

/** Collects the document evidence of a document's sentences. */
export function documentEvidence(sentences: ReadonlyArray<readonly string[]>): DocumentEvidence {
  const capitalizedInside = new Set<number>();
  const lowerCase = new Set<number>();
  for (const words of sentences) {
    if (isCaselessSentence(words)) continue;
    words.forEach((w, i) => {
      const info = wordInfo(w);
      if (info.capitalized && i > 0) capitalizedInside.add(info.lower);
      else if (LOWER.test(w.charAt(0))) lowerCase.add(info.lower);
    });
  }
  return { capitalizedInside, lowerCase };
}

/** Position of a word in the longest listed phrase covering it (B, I, L, U) with the phrase's kind. */
function phraseFeatures(words: readonly string[]): Array<number | null> {
  const out: Array<number | null> = words.map(() => null);
  for (let i = 0; i < words.length; i++) {
    const first = words[i] ?? '';
    if (!UPPER.test(first.charAt(0))) continue;
    if (startsPhrase(first)) {
      for (let n = Math.min(MAX_GAZETTEER_WORDS, words.length - i); n >= 2; n--) {
        const kind = gazetteerKind(words.slice(i, i + n).join(' '));
        if (!kind) continue;
        const k = hashString(kind);
        for (let j = 0; j < n; j++) out[i + j] = mix(mix(T.Phrase, k), j === 0 ? 1 : j === n - 1 ? 3 : 2);
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/**
 * The features of every word of a sentence that do not depend on the labels chosen: the word, its shape and affixes,
 * its neighbours, listed phrases, and the document evidence. Label-history features are added while decoding.
 */
export function sentenceFeatures(words: readonly string[], doc: DocumentEvidence): Array<{ own: readonly number[]; context: number[] }> {
  const infos = words.map(wordInfo);
  const phrases = phraseFeatures(words);
  const caseless = isCaselessSentence(words);
  const none = 0x2545f491;
  return infos.map((w, i) => {
    const prev = infos[i - 1];
    const next = infos[i + 1];
    const prevLower = prev?.lower ?? none;
    const nextLower = next?.lower ?? none;
    const prevShape = prev?.shape ?? none;
    const nextShape = next?.shape ?? none;
    const out = [
      T.Bias,
      mix(T.PrevWord, prevLower),
      mix(T.NextWord, nextLower),
      mix(T.Prev2Word, infos[i - 2]?.lower ?? none),
      mix(T.Next2Word, infos[i + 2]?.lower ?? none),
      mix(T.PrevShape, prevShape),
      mix(T.NextShape, nextShape),
      mix(mix(T.PrevShapeShape, prevShape), w.shape),
      mix(mix(T.ShapeNextShape, w.shape), nextShape),
      mix(mix(T.PrevWordWord, prevLower), w.lower),
      mix(mix(T.WordNextWord, w.lower), nextLower),
    ];
    const phrase = phrases[i];
    if (phrase !== null && phrase !== undefined) out.push(phrase);
    if (i === 0) out.push(mix(T.Initial, w.shape));
    if (caseless) out.push(mix(T.Caseless, w.shape));
    if (w.capitalized || caseless || i === 0) {
      const inside = doc.capitalizedInside.has(w.lower) ? 1 : 0;
      const lower = doc.lowerCase.has(w.lower) ? 2 : 0;
      out.push(mix(mix(T.Document, inside | lower), caseless ? 1 : i === 0 ? 2 : 3));
    }
    return { own: w.own, context: out };
  });
}

/** Features of the labels chosen so far: the previous label, the two previous, each with the word and shape. */
export function historyFeatures(words: readonly string[], i: number, prev: number, prev2: number, history: number): number[] {
  const w = wordInfo(words[i] ?? '');
  const out = [
    mix(T.PrevLabel, prev),
    mix(mix(T.PrevLabels, prev), prev2),
    mix(mix(T.PrevLabelWord, prev), w.lower),
    mix(mix(T.PrevLabelShape, prev), w.shape),
  ];
  if (history >= 0) out.push(mix(T.History, history));
  return out;
}

/** The lower-case hash of a word, the key of the document's label history. */
export function wordKeyHash(word: string): number {
  return wordInfo(word).lower;
}

/** Whether a word starts with a capital (label history is only kept for such words). */
export function isCapitalized(word: string): boolean {
  return wordInfo(word).capitalized;
}
