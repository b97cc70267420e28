import type { Article } from '../model/article.js';
import { type Message, message } from '../model/message.js';
import type { Span } from '../model/span.js';
import { fold, stopwordsFor } from './anchors.js';
import modelFile from './rewrite-model.json' with { type: 'json' };

/**
 * Rewrite detection: B retells A sentence by sentence. A rewrite (an outlet reworking a wire story, "with agency
 * reporting" or not) keeps few five-word runs, so the copy print (copies.ts) misses it, but it keeps the content words
 * of many of A's sentences, in A's order. Two outlets reporting one event independently share names and the event's
 * words in a sentence or two (the lead), seldom in a long chain through the text. The evidence is chains of sentence
 * pairs, in the same order in both texts, each pair sharing some content-word stems, at a few strictnesses (below);
 * a small logistic model weighs them (`REWRITE_FEATURES`, weights in rewrite-model.json).
 */

/** The sentences of an article as the rewrite test needs them: where each sits, and its content words. */
export interface LinePrint {
  /** `[start, end, start, end, …]`: the span in `Article.text` of each kept sentence. */
  spans: number[];
  /** Per kept sentence, its distinct content-word stems as 16-bit hashes, sorted. */
  stems: number[][];
}

/**
 * Letters of a word kept as its stem: "combating"/"combat", "organisations"/"organizations" meet; crude but
 * language-free. TUNED with the chain rule that preceded the model over 4, 5 and 6: 4 tied 5 on recall with more
 * pairs joined, 6 recalled less.
 */
export const STEM_CHARS = 5;
/** Shortest content word: two-letter words are mostly function words or initials. */
const MIN_WORD = 3;
/** A sentence with fewer content stems says too little to match on (datelines, captions, "He said."). */
const MIN_SENTENCE_STEMS = 4;
/** Sentences read and stems kept per sentence: a rewrite shows in its first few dozen sentences; hostile text stays cheap. */
const MAX_SENTENCES = 80;
const MAX_STEMS = 40;
/**
 * Content stems two sentences must share to be one sentence reworded, and sentences in the chain, of the rule the
 * model replaced (kept as the rewrite message's chain and as the eval's baseline): no cross-outlet pair of two
 * different happenings joined on the even ECB+ topics, rewrite recall 0.851 on the even originals of the
 * near-duplicate set (held-out odd half 0.866).
 */
export const SHARED_STEMS = 6;
export const MIN_CHAIN = 6;

/**
 * The model's features, in order. `chain5`/`chain6`: the longest chain of sentence pairs sharing 5 / 6 stems.
 * `rareChain2`/`rareChain3`: the same counting only stems that are rare in both texts (in at most 2 / 3 of each
 * text's sentences) at 4 / 5 shared. Two reports of one event share its names and words ("quake", the town, the
 * minister) in sentence after sentence; a rewrite shares each sentence's own details (a number, a place, a phrase of
 * a quote) with one sentence of its original. `cover6`: `chain6` as a share of the shorter text's sentences, since a
 * rewrite of a short wire story cannot retell more sentences than it has. Left out: the texts' lengths, which tell
 * the training sets apart (long real texts behind the positives, short ECB+ texts behind the negatives), not rewrites
 * from reports.
 */
export const REWRITE_FEATURES = ['chain5', 'chain6', 'rareChain2', 'rareChain3', 'cover6'] as const;
/** [stems shared, stem rarity bound (sentences of each text holding it; 0: any)] of each chain feature, in order. */
const CHAINS: ReadonlyArray<readonly [number, number]> = [
  [5, 0],
  [SHARED_STEMS, 0],
  [4, 2],
  [5, 3],
];

/** A logistic rewrite model: standardized features, weights, and the score (log-odds) at which a pair is a rewrite. */
export interface RewriteModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
}

/** The line print of an article: its sentence layer when present, else lines split at sentence ends. */
export function linePrint(article: Pick<Article, 'text' | 'language' | 'layers'>, stemChars = STEM_CHARS): LinePrint {
  const stop = stopwordsFor(article.language);
  const spans: number[] = [];
  const stems: number[][] = [];
  for (const s of sentenceSpans(article)) {
    if (stems.length >= MAX_SENTENCES) break;
    const found = new Set<number>();
    for (const m of article.text.slice(s.start, s.end).matchAll(/[\p{L}\p{N}]{1,40}/gu)) {
      const word = fold(m[0]);
      if (word.length < MIN_WORD || stop.has(word)) continue;
      found.add(hash16(word.slice(0, stemChars)));
      if (found.size >= MAX_STEMS) break;
    }
    if (found.size < MIN_SENTENCE_STEMS) continue;
    spans.push(s.start, s.end);
    stems.push([...found].sort((a, b) => a - b));
  }
  return { spans, stems };
}

function sentenceSpans(article: Pick<Article, 'text' | 'layers'>): Span[] {
  if (article.layers.sentences) return article.layers.sentences;
  const out: Span[] = [];
  // Sentence ends or line breaks; bounded runs, no nested quantifiers.
  for (const m of article.text.matchAll(/[^\n.!?]{1,2000}[.!?]{0,3}/gu)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** FNV-1a folded to 16 bits: two stems of one sentence pair collide about once in 500 pairs, too rarely to matter. */
function hash16(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & 0xffff;
}

/** Sentence pair `[i in a, j in b]` and the stems they share: all, then those within each rarity bound asked for. */
type SharedPair = [number, number, number[]];

/** Stems are 16-bit hashes (`hash16`): per-stem tables of `sharedPairs` are indexed by them. */
const STEMS = 0x10000;
/**
 * `sharedPairs`' tables, shared by all calls and all zero between them except `start`: per stem, how many sentences
 * of a and of b hold it, and where its sentences of a end in `holders`.
 */
const inA = new Int32Array(STEMS);
const inB = new Int32Array(STEMS);
const start = new Int32Array(STEMS);
let holders = new Int32Array(1024);
/** `sharedPairs`' pair counts: a row per sentence of a. */
let scratch = new Int32Array(1024);

/**
 * Every sentence pair sharing a stem, with the count of stems shared, and of those held by at most `bounds[k]`
 * sentences of each text. Matching pairs are found through an index of a's stems, so the cost follows the shared
 * words, not the product of the sentence counts. The index and counts live in typed tables reused by every call
 * (cleared after each): a story build compares every pair of members sharing passages, and maps of stems and an
 * array filled a pair were a fifth of a first linker pass.
 */
function sharedPairs(a: LinePrint, b: LinePrint, bounds: readonly number[]): SharedPair[] {
  checkStems(a);
  checkStems(b);
  const seen: number[] = [];
  let held = 0;
  for (const stems of a.stems) {
    for (const s of stems) {
      if (inA[s] === 0) seen.push(s);
      inA[s] = (inA[s] as number) + 1;
      held++;
    }
  }
  if (holders.length < held) holders = new Int32Array(2 * held);
  let next = 0;
  for (const s of seen) {
    start[s] = next;
    next += inA[s] as number;
  }
  for (let i = 0; i < a.stems.length; i++) {
    for (const s of a.stems[i] as number[]) {
      const at = start[s] as number;
      holders[at] = i;
      start[s] = at + 1;
    }
  }
  const seenB: number[] = [];
  for (const stems of b.stems) {
    for (const s of stems) {
      if (inB[s] === 0) seenB.push(s);
      inB[s] = (inB[s] as number) + 1;
    }
  }
  const width = bounds.length + 1;
  if (scratch.length < a.stems.length * width) scratch = new Int32Array(2 * a.stems.length * width);
  const counts = scratch;
  const met: number[] = [];
  const pairs: SharedPair[] = [];
  for (let j = 0; j < b.stems.length; j++) {
    for (const s of b.stems[j] as number[]) {
      const count = inA[s] as number;
      if (count === 0) continue;
      const spread = Math.max(count, inB[s] as number);
      const end = start[s] as number;
      for (let h = end - count; h < end; h++) {
        const i = holders[h] as number;
        const at = i * width;
        if (counts[at] === 0) met.push(i);
        counts[at] = (counts[at] as number) + 1;
        for (let k = 0; k < bounds.length; k++) if (spread <= (bounds[k] as number)) counts[at + k + 1] = (counts[at + k + 1] as number) + 1;
      }
    }
    for (const i of met) {
      const c = new Array<number>(width);
      for (let k = 0, at = i * width; k < width; k++, at++) {
        c[k] = counts[at] as number;
        counts[at] = 0;
      }
      pairs.push([i, j, c]);
    }
    met.length = 0;
  }
  for (const s of seen) inA[s] = 0;
  for (const s of seenB) inB[s] = 0;
  return pairs;
}

/** Refuses a line print whose stems are not 16-bit hashes, before `sharedPairs` indexes its tables by them. */
function checkStems(print: LinePrint): void {
  for (const stems of print.stems)
    for (const s of stems) if (!(Number.isInteger(s) && s >= 0 && s < STEMS)) throw new Error(`line print stem ${s} is not a 16-bit hash`);
}

/** The longest chain of pairs increasing in both texts. */
function longestChain(pairs: readonly SharedPair[]): Array<[number, number]> {
  // Pairs by j then i descending, then the longest strictly increasing run of i.
  const sorted = [...pairs].sort((x, y) => x[1] - y[1] || y[0] - x[0]);
  const tails: number[] = [];
  const tailPair: number[] = [];
  const previous: number[] = [];
  sorted.forEach(([i], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < i) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = i;
    tailPair[lo] = k;
    previous[k] = lo > 0 ? (tailPair[lo - 1] as number) : -1;
  });
  const chain: Array<[number, number]> = [];
  for (let k = tails.length > 0 ? (tailPair[tails.length - 1] as number) : -1; k >= 0; k = previous[k] as number) {
    const [i, j] = sorted[k] as SharedPair;
    chain.push([i, j]);
  }
  return chain.reverse();
}

/**
 * The longest chain of sentence pairs `[i in a, j in b]`, increasing in both, each pair sharing `sharedStems` stems
 * (with `rarity`, only stems held by at most that many sentences of each text count).
 */
export function rewriteChain(a: LinePrint, b: LinePrint, sharedStems = SHARED_STEMS, rarity = 0): Array<[number, number]> {
  return chainOver(sharedPairs(a, b, rarity > 0 ? [rarity] : []), rarity > 0 ? 1 : 0, sharedStems);
}

/** The longest chain over the pairs sharing at least `shared` stems of count `slot` (0: all stems; k: the k-th rarity bound). */
function chainOver(pairs: readonly SharedPair[], slot: number, shared: number): Array<[number, number]> {
  return longestChain(pairs.filter((p) => (p[2][slot] as number) >= shared));
}

/** The chains of `CHAINS`, in order, from one pass over the shared stems. */
function rewriteChains(a: LinePrint, b: LinePrint): Array<Array<[number, number]>> {
  const bounds = [...new Set(CHAINS.map(([, rarity]) => rarity).filter((r) => r > 0))];
  const pairs = sharedPairs(a, b, bounds);
  return CHAINS.map(([shared, rarity]) => chainOver(pairs, rarity > 0 ? bounds.indexOf(rarity) + 1 : 0, shared));
}

/** The features of `REWRITE_FEATURES` for a pair of texts (symmetric). */
export function rewriteFeatures(a: LinePrint, b: LinePrint): number[] {
  return featuresOf(
    rewriteChains(a, b).map((c) => c.length),
    Math.min(a.stems.length, b.stems.length),
  );
}

function featuresOf(chains: readonly number[], shorter: number): number[] {
  return [...chains, (chains[1] as number) / Math.max(1, shorter)];
}

/** The model's log-odds that a pair with features `x` is a rewrite. */
export function rewriteScore(x: readonly number[], model: RewriteModel = shippedRewriteModel()): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += ((model.weights[k] as number) * ((x[k] as number) - (model.mean[k] as number))) / (model.scale[k] as number);
  return z;
}

/** Whether one of the two texts retells the other: the model's score reaches its threshold. */
export function isRewrite(a: LinePrint, b: LinePrint, model: RewriteModel = shippedRewriteModel()): boolean {
  // No chain outruns the shorter text: when even chains through all of it would score below the threshold, skip
  // the index (most candidate pairs of short texts end here).
  const shorter = Math.min(a.stems.length, b.stems.length);
  const best = featuresOf(
    CHAINS.map(() => shorter),
    shorter,
  ).map((v, k) => ((model.weights[k] as number) < 0 ? 0 : v));
  if (shorter === 0 || rewriteScore(best, model) < model.threshold) return false;
  return rewriteScore(rewriteFeatures(a, b), model) >= model.threshold;
}

/** Checks a model against the features the code computes; throws on a mismatch (a stale weights file). */
export function checkedRewriteModel(model: RewriteModel): RewriteModel {
  const n = REWRITE_FEATURES.length;
  if (model.features.join(',') !== REWRITE_FEATURES.join(',') || model.mean.length !== n || model.scale.length !== n || model.weights.length !== n)
    throw new Error(
      `rewrite model: features [${model.features.join(', ')}] do not match the code's [${REWRITE_FEATURES.join(', ')}]; retrain (scripts/train-rewrite-model.ts)`,
    );
  return model;
}

let shipped: RewriteModel | undefined;
/**
 * The shipped model (scripts/train-rewrite-model.ts: fitted on the tuning half only, so the eval's held-out half
 * scores it). Checked on first use, not on import, so the training script still loads when the weights are stale.
 */
export function shippedRewriteModel(): RewriteModel {
  shipped ??= checkedRewriteModel(modelFile as RewriteModel);
  return shipped;
}

/** Which of two joined articles is the rewrite: the later published; undated or same day, the one crediting no origin. */
export function rewriteOrder<T extends { id: string; published: string | null; origin: string | null }>(a: T, b: T): { rewrite: T; original: T } {
  const key = (e: T) => [e.published ?? '9999', e.origin ? 0 : 1, e.id] as const;
  const [x, y] = [key(a), key(b)];
  const aFirst = x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
  return aFirst ? { rewrite: b, original: a } : { rewrite: a, original: b };
}

/**
 * Why a rewrite counts with its original as one source: a message placed on the rewrite's first sentence that retells
 * one of the original's (without a place when the pair was joined for shared word runs alone and no sentence chains).
 * The chain told is the longest of the model's chains.
 */
export function rewriteMessage(rewrite: LinePrint, original: LinePrint, model: RewriteModel = shippedRewriteModel()): Message {
  const chains = rewriteChains(original, rewrite);
  const retold =
    rewriteScore(
      featuresOf(
        chains.map((c) => c.length),
        Math.min(rewrite.stems.length, original.stems.length),
      ),
      model,
    ) >= model.threshold;
  // A pair joined for shared word runs alone is placed as before the model, by its chain of `SHARED_STEMS` stems.
  const chain = retold
    ? chains.reduce((x, y) => (y.length > x.length ? y : x), [])
    : (chains[CHAINS.findIndex(([shared, rarity]) => shared === SHARED_STEMS && rarity === 0)] ?? []);
  const first = chain[0];
  const place = first ? { start: rewrite.spans[2 * first[1]] as number, end: rewrite.spans[2 * first[1] + 1] as number } : undefined;
  const reason = retold
    ? `${chain.length} of its ${rewrite.stems.length} sentences retell the original's, in the same order`
    : 'shares long passages with the original';
  return message('link', 'rewrite', reason, { severity: 'info', ...(place ? { place } : {}) });
}
