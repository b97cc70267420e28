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
  /** Sample (divided by `SAMPLE_MOD`, see `keyOf`) → ordinals. */
  private readonly bySample = new SampleTable();
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
    for (const s of print.samples) this.bySample.add(keyOf(s), at);
  }

  remove(id: string, print: CopyPrint): void {
    const at = this.ordinal.get(id);
    if (at === undefined) return;
    removeFrom(this.byExact, print.exact, at);
    for (const s of print.samples) this.bySample.remove(keyOf(s), at);
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
      if (held === NONE) continue;
      if (held >= 0) {
        count(counts, touched, held);
        continue;
      }
      const set = this.bySample.set(held);
      if (set.size > maxPosting) continue;
      for (const at of set) count(counts, touched, at);
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
 * A sample as a table key: every sample is a multiple of `SAMPLE_MOD`, so divided by it a 32-bit sample fits a
 * non-negative 31-bit integer (a cell of `SampleTable`). Exact and one-to-one for any number; a sample that is not an
 * unsigned 32-bit multiple of `SAMPLE_MOD` is refused where it would be stored (`SampleTable.add`).
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

/** `SampleTable.get` of a sample no article holds. */
const NONE = -1;
/** An empty cell of `SampleTable.keys` (keys are non-negative). */
const EMPTY = -1;

/**
 * Sample key → the ordinals holding it, as an open-addressing hash table in two typed arrays (linear probing,
 * deletion by backward shift, so no tombstones pile up). A `Map` of every live article's 40–100 samples held
 * ≈ 520,000 entries at 30,000 synthetic arrivals, and each retired week deleted ≈ 280,000 of them that the next week
 * added again: the map shrank and grew, leaving tables of 10–16 MB as garbage each time (docs/scale.md, sixth
 * round). This table only grows. A key held by one ordinal stores it; a key held by more stores `-2 - i`, `i` its
 * set in `sets` (most keys are held by one article, and a set each was most of the index).
 */
class SampleTable {
  private keys = new Int32Array(1 << 12).fill(EMPTY);
  private values = new Int32Array(1 << 12);
  private size = 0;
  private readonly sets: Array<Set<number> | undefined> = [];
  private readonly freeSets: number[] = [];

  /** The ordinal holding `key`, `NONE`, or below that a reference for `set`. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key) return this.values[i] as number;
      if (k === EMPTY) return NONE;
    }
  }

  /** The ordinals of a key held by several (`get` returned `ref`). */
  set(ref: number): Set<number> {
    return this.sets[-2 - ref] as Set<number>;
  }

  add(key: number, at: number): void {
    // Read back as an int32, anything else would be stored as another key.
    if ((key | 0) !== key || key < 0) throw new Error(`copy sample ${key * SAMPLE_MOD} is not an unsigned 32-bit multiple of ${SAMPLE_MOD}`);
    const mask = this.keys.length - 1;
    let i = key & mask;
    for (; ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === EMPTY) break;
      if (k !== key) continue;
      const held = this.values[i] as number;
      if (held >= 0) {
        if (held !== at) this.values[i] = this.newSet(held, at);
      } else this.set(held).add(at);
      return;
    }
    this.keys[i] = key;
    this.values[i] = at;
    // At most half full, so probes stay short.
    if (++this.size * 2 > this.keys.length) this.grow();
  }

  remove(key: number, at: number): void {
    const mask = this.keys.length - 1;
    let i = key & mask;
    for (; ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === EMPTY) return;
      if (k === key) break;
    }
    const held = this.values[i] as number;
    if (held >= 0) {
      if (held === at) this.deleteAt(i);
      return;
    }
    const set = this.set(held);
    set.delete(at);
    if (set.size > 1) return;
    this.sets[-2 - held] = undefined;
    this.freeSets.push(-2 - held);
    if (set.size === 1) this.values[i] = set.values().next().value as number;
    else this.deleteAt(i);
  }

  private newSet(a: number, b: number): number {
    const i = this.freeSets.pop() ?? this.sets.length;
    this.sets[i] = new Set([a, b]);
    return -2 - i;
  }

  /** Empties cell `i`, moving later cells of the probe run back so every key stays reachable from its home cell. */
  private deleteAt(at: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let hole = at;
    for (let j = (hole + 1) & mask; keys[j] !== EMPTY; j = (j + 1) & mask) {
      const home = (keys[j] as number) & mask;
      // The key at j stays when its home lies cyclically in (hole, j]: moving it to the hole would put it before home.
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      keys[hole] = keys[j] as number;
      this.values[hole] = this.values[j] as number;
      hole = j;
    }
    keys[hole] = EMPTY;
    this.size--;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.values = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j] as number;
      if (key === EMPTY) continue;
      let i = key & mask;
      while (this.keys[i] !== EMPTY) i = (i + 1) & mask;
      this.keys[i] = key;
      this.values[i] = values[j] as number;
    }
  }
}
