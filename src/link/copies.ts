import xxhash from 'xxhash-wasm';
import { fold } from './anchors.js';
import { grown } from './vectors.js';

/**
 * Copy detection: an exact hash of the normalized words, plus a content-defined sample of word 5-gram hashes
 * (Broder's "mod-m" sampling). A shingle is sampled when its hash is 0 modulo `SAMPLE_MOD`, so two copies sample the
 * same shingles wherever they sit on the page: added chrome only adds samples, a dropped or moved paragraph only
 * removes or moves some, a typo changes the five shingles around it. Containment of the smaller sample set in the
 * larger then estimates how much of one text the other carries.
 */
export interface CopyPrint {
  /** Hash of the normalized word sequence: equal for copies differing only in case, punctuation or spacing. */
  exact: string;
  /** Sorted, distinct sampled shingle hashes. */
  samples: number[];
}

/** Words per shingle: five is long enough that two independent reports rarely share one by chance. */
const SHINGLE_WORDS = 5;
/** One shingle in four is kept: about 100 samples for an 800-word article. */
const SAMPLE_MOD = 4;
/** Most words read: a copy is recognisable from its first few thousand words, and hostile input stays cheap. */
const MAX_WORDS = 20_000;
/**
 * Share of the smaller text's samples found in the other above which two articles are copies (chrome, trims, typos
 * and reordering aside). On eval/sets/neardup.ts (tuning half) every threshold from 0.3 to 0.6 gives pair F1 0.998
 * (0.7: 0.990, 0.8: 0.964); 0.6, the top of that plateau, keeps rewrites that share only some passages apart.
 */
export const DUPLICATE_CONTAINMENT = 0.6;
/** Below this many samples, containment is noise: only the exact hash decides. */
export const MIN_SAMPLES = 8;

/**
 * The xxhash WebAssembly module, instantiated once when this module loads (top-level await): instantiation is the
 * only asynchronous step, and awaiting it here keeps every linking API synchronous.
 */
const hasher = await xxhash();

/** The copy fingerprint of a text. */
export function copyPrint(text: string): CopyPrint {
  const h = hasher;
  const words: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]{1,40}/gu)) {
    words.push(fold(m[0]));
    if (words.length >= MAX_WORDS) break;
  }
  // Hashing words once and mixing five word hashes avoids building shingle strings, the slow part of shingling.
  const wordHashes = words.map((w) => h.h32(w));
  const samples = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i++) {
    let x = 0x9e3779b9;
    for (let k = 0; k < SHINGLE_WORDS; k++) x = Math.imul(x ^ (wordHashes[i + k] as number), 0x85ebca6b) ^ (x >>> 13);
    x = finalMix(x);
    if (x % SAMPLE_MOD === 0) samples.add(x);
  }
  return { exact: h.h64ToString(words.join(' ')), samples: [...samples].sort((a, b) => a - b) };
}

/** Share of the smaller sample set contained in the other (0 when either is too small to tell). */
export function containment(a: CopyPrint, b: CopyPrint): number {
  if (a.exact === b.exact) return 1;
  const small = Math.min(a.samples.length, b.samples.length);
  if (small < MIN_SAMPLES) return 0;
  return sharedSamples(a.samples, b.samples) / small;
}

function sharedSamples(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return shared;
}

/** murmur3's 32-bit finalizer: spreads the mixed bits so the modulo test samples evenly. Unsigned result. */
function finalMix(value: number): number {
  let x = value;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Sample hash → articles holding it: the LSH-style index that finds copy candidates without comparing every pair.
 * Samples held by very many articles (boilerplate sentences) are skipped at query time: they prove nothing.
 *
 * Articles are held as small integers (`ordinal`), so a lookup counts shared samples in a typed array: counting in a
 * map keyed by id strings was a quarter of a linker pass over 12,000 stored articles, and grew with the postings
 * (docs/scale.md, "The linker's intake").
 */
export class CopyIndex {
  /**
   * Sample (divided by `SAMPLE_MOD`, see `keyOf`) → ordinals. A sample held by one article maps to its ordinal, not a
   * set: most samples are, and a set each was most of the index.
   */
  private readonly bySample = new Map<number, number | Set<number>>();
  private readonly byExact = new Map<string, number | Set<number>>();
  /** Article id → its ordinal while the index holds it; ordinals of removed articles are reused (`free`). */
  private readonly ordinal = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly free: number[] = [];
  /** Shared samples per ordinal during one lookup (`EXACT` for an exact match); zero between lookups. */
  private counts = new Int32Array(1024);

  add(id: string, print: CopyPrint): void {
    let at = this.ordinal.get(id);
    if (at === undefined) {
      at = this.free.pop() ?? this.names.length;
      this.names[at] = id;
      this.ordinal.set(id, at);
      if (at >= this.counts.length) this.counts = grown(this.counts, at);
    }
    addTo(this.byExact, print.exact, at);
    for (const s of print.samples) addTo(this.bySample, keyOf(s), at);
  }

  remove(id: string, print: CopyPrint): void {
    const at = this.ordinal.get(id);
    if (at === undefined) return;
    removeFrom(this.byExact, print.exact, at);
    for (const s of print.samples) removeFrom(this.bySample, keyOf(s), at);
    this.ordinal.delete(id);
    this.free.push(at);
  }

  /** Ids sharing the exact hash or at least one sample, most shared first (then by id), at most `limit`. */
  candidates(print: CopyPrint, limit: number, maxPosting: number): string[] {
    const counts = this.counts;
    const touched: number[] = [];
    for (const at of ordinalsOf(this.byExact.get(print.exact))) {
      counts[at] = EXACT;
      touched.push(at);
    }
    for (const s of print.samples) {
      const held = this.bySample.get(keyOf(s));
      if (held === undefined) continue;
      if (typeof held === 'number') {
        count(counts, touched, held);
        continue;
      }
      if (held.size > maxPosting) continue;
      for (const at of held) count(counts, touched, at);
    }
    const names = this.names;
    // Most shared first, then by id: a total order, so the best `limit` are the same whatever order they are met in.
    const before = (a: number, b: number) => {
      const ca = counts[a] as number;
      const cb = counts[b] as number;
      return ca !== cb ? ca > cb : (names[a] as string) < (names[b] as string);
    };
    const best: number[] = [];
    for (const at of touched) {
      if (best.length === limit && !before(at, best[limit - 1] as number)) continue;
      let i = best.length === limit ? limit - 1 : best.length;
      while (i > 0 && before(at, best[i - 1] as number)) {
        best[i] = best[i - 1] as number;
        i--;
      }
      best[i] = at;
    }
    for (const at of touched) counts[at] = 0;
    return best.map((at) => names[at] as string);
  }
}

/** The count of an exact match: above any number of shared samples, and equal for every exact match. */
const EXACT = 0x7fffffff;

function count(counts: Int32Array, touched: number[], at: number): void {
  const c = counts[at] as number;
  if (c === 0) touched.push(at);
  if (c !== EXACT) counts[at] = c + 1;
}

/**
 * A sample as a map key: every sample is a multiple of `SAMPLE_MOD`, so divided by it a 32-bit sample fits V8's small
 * integers (31 bits), which a map holds inline, where the sample itself would be a heap number per entry (≈ 0.5 KB
 * per article of the index's 40–100 samples). Exact and one-to-one for any number.
 */
function keyOf(sample: number): number {
  return sample / SAMPLE_MOD;
}

function ordinalsOf(held: number | Set<number> | undefined): Iterable<number> {
  return held === undefined ? [] : typeof held === 'number' ? [held] : held;
}

function addTo<K>(map: Map<K, number | Set<number>>, key: K, at: number): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, at);
  else if (typeof held === 'number') {
    if (held !== at) map.set(key, new Set([held, at]));
  } else held.add(at);
}

function removeFrom<K>(map: Map<K, number | Set<number>>, key: K, at: number): void {
  const held = map.get(key);
  if (held === undefined) return;
  if (typeof held === 'number') {
    if (held === at) map.delete(key);
    return;
  }
  held.delete(at);
  if (held.size === 1) map.set(key, held.values().next().value as number);
  else if (held.size === 0) map.delete(key);
}
