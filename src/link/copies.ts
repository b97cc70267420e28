import xxhash from 'xxhash-wasm';
import { fold } from './anchors.js';

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
 * Sample hash → ids holding it: the LSH-style index that finds copy candidates without comparing every pair.
 * Samples held by very many articles (boilerplate sentences) are skipped at query time: they prove nothing.
 */
export class CopyIndex {
  /**
   * Sample (divided by `SAMPLE_MOD`, see `keyOf`) → ids. A sample held by one article maps to its id, not a set: most
   * samples are, and a set each was most of the index.
   */
  private readonly bySample = new Map<number, string | Set<string>>();
  private readonly byExact = new Map<string, string | Set<string>>();

  add(id: string, print: CopyPrint): void {
    addTo(this.byExact, print.exact, id);
    for (const s of print.samples) addTo(this.bySample, keyOf(s), id);
  }

  remove(id: string, print: CopyPrint): void {
    removeFrom(this.byExact, print.exact, id);
    for (const s of print.samples) removeFrom(this.bySample, keyOf(s), id);
  }

  /** Ids sharing the exact hash or at least one sample, most shared first, at most `limit`. */
  candidates(print: CopyPrint, limit: number, maxPosting: number): string[] {
    const counts = new Map<string, number>();
    for (const id of idsOf(this.byExact.get(print.exact))) counts.set(id, Number.POSITIVE_INFINITY);
    for (const s of print.samples) {
      const ids = this.bySample.get(keyOf(s));
      if (typeof ids === 'object' && ids.size > maxPosting) continue;
      for (const id of idsOf(ids)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, limit)
      .map(([id]) => id);
  }
}

/**
 * A sample as a map key: every sample is a multiple of `SAMPLE_MOD`, so divided by it a 32-bit sample fits V8's small
 * integers (31 bits), which a map holds inline, where the sample itself would be a heap number per entry (≈ 0.5 KB
 * per article of the index's 40–100 samples). Exact and one-to-one for any number.
 */
function keyOf(sample: number): number {
  return sample / SAMPLE_MOD;
}

function idsOf(held: string | Set<string> | undefined): Iterable<string> {
  return held === undefined ? [] : typeof held === 'string' ? [held] : held;
}

function addTo<K>(map: Map<K, string | Set<string>>, key: K, id: string): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, id);
  else if (typeof held === 'string') {
    if (held !== id) map.set(key, new Set([held, id]));
  } else held.add(id);
}

function removeFrom<K>(map: Map<K, string | Set<string>>, key: K, id: string): void {
  const held = map.get(key);
  if (held === undefined) return;
  if (typeof held === 'string') {
    if (held === id) map.delete(key);
    return;
  }
  held.delete(id);
  if (held.size === 1) map.set(key, held.values().next().value as string);
  else if (held.size === 0) map.delete(key);
}
