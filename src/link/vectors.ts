import type { Anchors } from './anchors.js';
import type { Edge } from './average-link.js';

/** How much each kind of anchor counts when two articles are compared (before IDF). */
export interface Weighting {
  names: number;
  /** Place and group names, under the same keys as names (a token typed a place in one article meets a name). */
  places: number;
  terms: number;
  numbers: number;
  dates: number;
  /** Extra weight of names and terms in the lead, on top of their body weight. */
  leadNames: number;
  leadTerms: number;
  /** `log` damps repetition; `raw` lets the most-mentioned name dominate (who the story is about). */
  tf: 'log' | 'raw';
}

/**
 * Weights for telling stories apart. Names are the participants side of the story similarity (`storySimilarity`),
 * the rest its content side; each side is normalised on its own, so only weights inside a side matter. Places
 * weigh less than people and organisations because unrelated happenings share a town; on the sample corpus a
 * place weight of 0.3 kept the travel page apart from the port strike, and on ECB+ (all topics, exploring, not per
 * fold) 0.15 to 0.6 moved sub-topic F1 by less than 0.01. What happened (lead terms) counts double, as it did when
 * stories were one cosine (doubling lead terms raised ECB+ topic F1 from 0.90 to 0.93 then).
 */
export const STORY_WEIGHTING: Weighting = { names: 1, places: 0.3, terms: 1, numbers: 0.5, dates: 0.5, leadNames: 0, leadTerms: 2, tf: 'log' };

/**
 * Weights for telling events of one story apart: who, which numbers and which dates, with the most-mentioned
 * people counting most. Chosen while exploring all ECB+ topics (not per fold: the eval note says so).
 */
export const EVENT_WEIGHTING: Weighting = { names: 2, places: 2, terms: 1, numbers: 1, dates: 1, leadNames: 2, leadTerms: 2, tf: 'raw' };

/**
 * Anchor keys ("n:…" names, "t:…" terms, …) as small integer ids, so a vector is two typed arrays and an IDF an
 * array look-up. Maps of key strings made the linker's cosines, IDF look-ups and cached vectors its largest costs
 * as the live weeks filled (profile at 30,000 synthetic articles against 5,000, docs/scale.md). A key keeps its id
 * for the life of the table: the distinct keys are the vocabulary, which the document frequencies hold anyway.
 */
export class TermIds {
  private readonly idOf = new Map<string, number>();
  private readonly keys: string[] = [];
  /** 1 for name keys (`n:`), the participants side of a story vector (story-similarity.ts). */
  private names = new Uint8Array(1_024);

  id(key: string): number {
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.idOf.set(key, id);
      this.keys.push(key);
      if (id >= this.names.length) this.names = grown(this.names, id);
      this.names[id] = key.startsWith('n:') ? 1 : 0;
    }
    return id;
  }

  key(id: number): string {
    return this.keys[id] as string;
  }

  isName(id: number): boolean {
    return this.names[id] === 1;
  }
}

/**
 * A sparse vector: term ids (`TermIds`) and their weights, in the order the keys were first added. The order is
 * kept (not sorted by id) because sums over a vector follow it, and the linker's decisions must not move by a
 * rounding when only the representation changed.
 */
export interface Vector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export const EMPTY_VECTOR: Vector = { ids: new Int32Array(0), weights: new Float64Array(0) };

/** A vector of the entries of an id → weight map, in its insertion order. */
export function vectorOf(entries: ReadonlyMap<number, number>): Vector {
  const { ids, weights } = vectorIn(new ArrayBuffer(12 * entries.size), 0, entries.size, entries.size);
  let i = 0;
  for (const [id, w] of entries) {
    ids[i] = id;
    weights[i++] = w;
  }
  return { ids, weights };
}

/**
 * A vector of `length` terms over one buffer holding `total` terms: weights from byte `8 * first`, ids after all the
 * weights. One allocation for an article's vectors instead of two typed arrays each: arrays over 64 bytes get a
 * backing store of their own outside the heap, and the linker weighs about 20 vectors an article (docs/scale.md).
 */
function vectorIn(buffer: ArrayBuffer, first: number, length: number, total: number): Vector {
  return { ids: new Int32Array(buffer, 8 * total + 4 * first, length), weights: new Float64Array(buffer, 8 * first, length) };
}

/** Anchor counts as a vector before IDF. Dates with an unknown year match others by month and day. */
export function rawVector(anchors: Anchors, w: Weighting, terms: TermIds): Vector {
  const v = new Map<number, number>();
  const add = (key: string, x: number) => {
    if (x <= 0) return;
    const id = terms.id(key);
    v.set(id, (v.get(id) ?? 0) + x);
  };
  const tf = (c: number) => (w.tf === 'raw' ? c : 1 + Math.log(c));
  for (const [k, c] of Object.entries(anchors.names)) add(`n:${k}`, w.names * tf(c));
  for (const [k, c] of Object.entries(anchors.places)) add(`n:${k}`, w.places * tf(c));
  for (const [k, c] of Object.entries(anchors.terms)) add(`t:${k}`, w.terms * tf(c));
  for (const [k, c] of Object.entries(anchors.lead.names)) add(`n:${k}`, w.leadNames * w.names * tf(c));
  for (const [k, c] of Object.entries(anchors.lead.terms)) add(`t:${k}`, w.leadTerms * w.terms * tf(c));
  for (const k of anchors.numbers) add(`#:${k}`, w.numbers);
  for (const k of anchors.dates) if (!k.startsWith('X')) add(`d:${k}`, w.dates);
  return vectorOf(v);
}

/**
 * Document frequencies of anchor keys over a set of articles. Kept as counts so the online linker can add and
 * remove articles, and the event stage can count inside one story (where "rehab" is common and only names differ).
 */
export class DocFrequency {
  /** Term id → the number of counted vectors holding it. */
  private counts = new Int32Array(1_024);
  total = 0;

  /**
   * @param prior Documents assumed beside the counted ones, none holding any key. A small collection cannot tell
   * a name common in the world from one common only in it: in a folder of twelve articles, ten about one company,
   * plain IDF nearly zeroes the company's name, the strongest sign of their story. With the prior such a key keeps
   * most of its weight; in a large collection the prior fades.
   * @param terms The ids of the keys counted: the vectors added and weighed must come from the same table.
   */
  constructor(
    readonly prior = 0,
    readonly terms = new TermIds(),
  ) {}

  add(vector: Vector, sign: 1 | -1 = 1): void {
    this.total += sign;
    for (const id of vector.ids) {
      if (id >= this.counts.length) this.counts = grown(this.counts, id);
      this.counts[id] = Math.max(0, (this.counts[id] as number) + sign);
    }
  }

  /** Smoothed IDF; 0 for a key only one article has (it cannot link two articles, and it would dilute the norm). */
  idf(id: number): number {
    const df = this.counts[id] ?? 0;
    return df < 2 ? 0 : Math.log((this.total + this.prior + 1) / df);
  }
}

/**
 * TF-IDF weights, unit length: the dot product of two of them is their cosine.
 */
export function weigh(raw: Vector, df: DocFrequency): Vector {
  const { count, norm } = weighTerms(raw, df);
  const out = vectorIn(new ArrayBuffer(12 * count), 0, count, count);
  fillUnit(raw, df.terms, undefined, out, norm);
  return out;
}

/**
 * Both sides of a story vector (names, and the rest: each its own unit vector) in one buffer, each side's weights
 * summed in the order of the raw terms.
 */
export function weighSides(raw: Vector, df: DocFrequency): { who: Vector; what: Vector } {
  const { names, namesNorm, rest, restNorm } = weighTerms(raw, df);
  const buffer = new ArrayBuffer(12 * (names + rest));
  const who = vectorIn(buffer, 0, names, names + rest);
  const what = vectorIn(buffer, names, rest, names + rest);
  fillUnit(raw, df.terms, true, who, namesNorm);
  fillUnit(raw, df.terms, false, what, restNorm);
  return { who, what };
}

/**
 * `weighSides` into the arrays of `into` when both sides keep their lengths (true); false, leaving it unchanged, when
 * one does not.
 */
export function weighSidesInto(raw: Vector, df: DocFrequency, into: { readonly who: Vector; readonly what: Vector }): boolean {
  const { names, namesNorm, rest, restNorm } = weighTerms(raw, df);
  if (names !== into.who.ids.length || rest !== into.what.ids.length) return false;
  fillUnit(raw, df.terms, true, into.who, namesNorm);
  fillUnit(raw, df.terms, false, into.what, restNorm);
  return true;
}

/** Each raw term's TF-IDF weight (scratch for `fillUnit`, by position in the raw vector). */
let weighed = new Float64Array(256);

/**
 * What the last `weighTerms` found: how many terms have a positive weight and their norm, over all terms and over
 * each side (names, the rest). Scratch, so weighing allocates nothing but the vector it returns.
 */
const tally = { count: 0, norm: 0, names: 0, namesNorm: 0, rest: 0, restNorm: 0 };

/**
 * Weighs a raw vector's terms into `weighed` and counts them into `tally`, reading each term's IDF once for both
 * sides (a pass per side read it twice). Each norm sums its terms' squares in the order of the raw terms.
 */
function weighTerms(raw: Vector, df: DocFrequency): typeof tally {
  const n = raw.ids.length;
  if (n > weighed.length) weighed = grown(weighed, n - 1);
  let count = 0;
  let norm = 0;
  let names = 0;
  let namesNorm = 0;
  let restNorm = 0;
  for (let i = 0; i < n; i++) {
    const id = raw.ids[i] as number;
    const y = (raw.weights[i] as number) * df.idf(id);
    weighed[i] = y;
    if (y <= 0) continue;
    const square = y * y;
    count++;
    norm += square;
    if (df.terms.isName(id)) {
      names++;
      namesNorm += square;
    } else restNorm += square;
  }
  tally.count = count;
  tally.norm = Math.sqrt(norm);
  tally.names = names;
  tally.namesNorm = Math.sqrt(namesNorm);
  tally.rest = count - names;
  tally.restNorm = Math.sqrt(restNorm);
  return tally;
}

/** Writes the positive `weighed` terms of `side` into `out`, divided by `norm` when it is positive. */
function fillUnit(raw: Vector, terms: TermIds, side: boolean | undefined, out: Vector, norm: number): void {
  let at = 0;
  for (let i = 0; i < raw.ids.length; i++) {
    const id = raw.ids[i] as number;
    const y = weighed[i] as number;
    if (y <= 0 || (side !== undefined && terms.isName(id) !== side)) continue;
    out.ids[at] = id;
    out.weights[at++] = norm > 0 ? y / norm : y;
  }
}

/**
 * Weights of the larger vector of a cosine, spread by term id: a dot product is then one array read per term of
 * the smaller vector. Zero between calls (each call clears what it spread).
 */
let spread = new Float64Array(1_024);

/** Cosine of two unit vectors, summed in the order of the smaller one's terms. */
export function cosine(a: Vector, b: Vector): number {
  // Not destructured from a pair: the array it allocated per call was a tenth of the cosine's cost.
  const small = a.ids.length <= b.ids.length ? a : b;
  const large = small === a ? b : a;
  const n = large.ids.length;
  for (let i = 0; i < n; i++) {
    const id = large.ids[i] as number;
    if (id >= spread.length) spread = grown(spread, id);
    spread[id] = large.weights[i] as number;
  }
  let dot = 0;
  for (let i = 0; i < small.ids.length; i++) dot += (small.weights[i] as number) * (spread[small.ids[i] as number] ?? 0);
  for (let i = 0; i < n; i++) spread[large.ids[i] as number] = 0;
  return dot;
}

/**
 * One vector spread by term id, to take its cosine with many others (`cosine(query, other)` for each, the same sums
 * bit for bit): `cosine` spreads the larger vector of each pair and clears it again, so scoring 300 candidates
 * against one article spread and cleared the article's vector or the candidate's 300 times. Holds one vector at a
 * time (`spread`, then `clear` before the next).
 */
export class SpreadVector {
  private query: Vector = EMPTY_VECTOR;
  /** Term id → the query's weight (0 where it has none). */
  private weightOf = new Float64Array(1_024);
  /** Term id → its position among the query's terms (valid where `weightOf` is positive). */
  private positionOf = new Int32Array(1_024);
  /** The shared terms of one cosine, by query position, and their products (scratch). */
  private sharedAt = new Int32Array(64);
  private products = new Float64Array(64);

  spread(query: Vector): void {
    this.query = query;
    for (let i = 0; i < query.ids.length; i++) {
      const id = query.ids[i] as number;
      if (id >= this.weightOf.length) {
        this.weightOf = grown(this.weightOf, id);
        this.positionOf = grown(this.positionOf, id);
      }
      this.weightOf[id] = query.weights[i] as number;
      this.positionOf[id] = i;
    }
    if (query.ids.length > this.sharedAt.length) {
      this.sharedAt = grown(this.sharedAt, query.ids.length - 1);
      this.products = grown(this.products, query.ids.length - 1);
    }
  }

  clear(): void {
    for (const id of this.query.ids) this.weightOf[id] = 0;
    this.query = EMPTY_VECTOR;
  }

  /** `cosine(query, other)`: summed in the order of the smaller vector's terms (the query's when as long). */
  cosine(other: Vector): number {
    const weightOf = this.weightOf;
    if (other.ids.length < this.query.ids.length) {
      let dot = 0;
      for (let i = 0; i < other.ids.length; i++) dot += (other.weights[i] as number) * (weightOf[other.ids[i] as number] ?? 0);
      return dot;
    }
    // The query is the smaller: its terms' products in its order. The terms it does not share add +0, which leaves
    // any sum as it was, so only the shared ones are summed, sorted back into the query's order (a few per pair).
    let shared = 0;
    for (let j = 0; j < other.ids.length; j++) {
      const id = other.ids[j] as number;
      const w = weightOf[id] ?? 0;
      if (w === 0) continue;
      const at = this.positionOf[id] as number;
      const product = w * (other.weights[j] as number);
      let k = shared++;
      for (; k > 0 && (this.sharedAt[k - 1] as number) > at; k--) {
        this.sharedAt[k] = this.sharedAt[k - 1] as number;
        this.products[k] = this.products[k - 1] as number;
      }
      this.sharedAt[k] = at;
      this.products[k] = product;
    }
    let dot = 0;
    for (let k = 0; k < shared; k++) dot += this.products[k] as number;
    return dot;
  }
}

/**
 * Term id → its index among the keys of the `Postings` being built, valid where `keyStamp` holds that build's stamp:
 * scratch kept between builds so that building postings allocates nothing per key.
 */
let keyIndex = new Int32Array(1_024);
let keyStamp = new Int32Array(1_024);
let stamp = 0;

/**
 * Postings (an inverted index) over a set of vectors, as flat typed arrays: each key's vectors in index order. A map
 * of arrays of objects was a third of the linker's re-clustering (docs/scale.md, fifth round). Keys held by more than
 * `maxPosting` vectors are left out of the dot products: such a key links nearly all of them by a sliver each, costs
 * the square of its postings and tells nothing apart. One instance is built again for each set (`build`), reusing its
 * arrays: the linker builds two per arrival.
 */
export class Postings {
  private vectors: readonly Vector[] = [];
  /** Each vector's first term in the flat (vector, term) arrays below; its last is `firstTerm[at + 1] - 1`. */
  private firstTerm = new Int32Array(64);
  /** (vector, term) → its key's index. */
  private keyOfTerm = new Int32Array(1_024);
  /** (vector, term) → where it sits in its key's postings. */
  private positionOf = new Int32Array(1_024);
  /** Key → the first of its postings (`start[k + 1]`: one past its last). */
  private start = new Int32Array(1_024);
  /** Key → how many vectors hold it, then where its next posting goes while they are placed. */
  private fill = new Int32Array(1_024);
  private postAt = new Int32Array(1_024);
  private postWeight = new Float64Array(1_024);
  private skipped = new Uint8Array(1_024);

  /** Postings over `vectors` (replacing the previous set). */
  build(vectors: readonly Vector[], maxPosting = Number.POSITIVE_INFINITY): this {
    this.vectors = vectors;
    stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
    if (stamp === 1) keyStamp.fill(0);
    if (vectors.length >= this.firstTerm.length) this.firstTerm = grown(this.firstTerm, vectors.length);
    this.firstTerm[0] = 0;
    vectors.forEach((v, at) => {
      this.firstTerm[at + 1] = (this.firstTerm[at] as number) + v.ids.length;
    });
    const terms = this.firstTerm[vectors.length] as number;
    if (terms > this.keyOfTerm.length) {
      this.keyOfTerm = grown(this.keyOfTerm, terms - 1);
      this.positionOf = grown(this.positionOf, terms - 1);
      this.postAt = grown(this.postAt, terms - 1);
      this.postWeight = grown(this.postWeight, terms - 1);
    }
    // At most one key per term: sized by the terms, the per-key arrays never grow while keys are counted.
    if (terms >= this.start.length) {
      this.start = grown(this.start, terms);
      this.fill = grown(this.fill, terms);
      this.skipped = grown(this.skipped, terms);
    }
    let keys = 0;
    let t = 0;
    for (const v of vectors) {
      for (let i = 0; i < v.ids.length; i++) {
        const id = v.ids[i] as number;
        if (id >= keyStamp.length) {
          keyStamp = grown(keyStamp, id);
          keyIndex = grown(keyIndex, id);
        }
        let k: number;
        if (keyStamp[id] === stamp) k = keyIndex[id] as number;
        else {
          k = keys++;
          keyStamp[id] = stamp;
          keyIndex[id] = k;
          this.fill[k] = 0;
        }
        this.keyOfTerm[t++] = k;
        this.fill[k] = (this.fill[k] as number) + 1;
      }
    }
    this.start[0] = 0;
    for (let k = 0; k < keys; k++) {
      const count = this.fill[k] as number;
      this.start[k + 1] = (this.start[k] as number) + count;
      this.skipped[k] = count > maxPosting ? 1 : 0;
      this.fill[k] = this.start[k] as number;
    }
    t = 0;
    vectors.forEach((v, at) => {
      for (let i = 0; i < v.ids.length; i++, t++) {
        const k = this.keyOfTerm[t] as number;
        const p = this.fill[k] as number;
        this.fill[k] = p + 1;
        this.postAt[p] = at;
        this.postWeight[p] = v.weights[i] as number;
        this.positionOf[t] = p;
      }
    });
    return this;
  }

  /**
   * The dot products of vector `a` with every later vector sharing a key with it, each summed in the order of `a`'s
   * terms: added into `dots` (zero on entry), the vectors met listed in `met` in the order first met. Returns how
   * many were met.
   */
  row(a: number, dots: Float64Array, met: Int32Array): number {
    const weights = (this.vectors[a] as Vector).weights;
    let count = 0;
    const from = this.firstTerm[a] as number;
    const to = this.firstTerm[a + 1] as number;
    for (let t = from; t < to; t++) {
      const k = this.keyOfTerm[t] as number;
      if (this.skipped[k] === 1) continue;
      const w = weights[t - from] as number;
      // The postings are in vector order and hold `a` at `positionOf[t]`: the later vectors follow it.
      const end = this.start[k + 1] as number;
      for (let p = (this.positionOf[t] as number) + 1; p < end; p++) {
        const b = this.postAt[p] as number;
        if (dots[b] === 0) met[count++] = b;
        dots[b] = (dots[b] as number) + w * (this.postWeight[p] as number);
      }
    }
    return count;
  }
}

/**
 * Every pair of vectors with a positive cosine, found through postings, never by testing all pairs: the cost follows
 * the shared keys, not the square of the count. Keys held by more than `maxPosting` vectors are left out of the dot
 * products. Pairs come by their first vector, then in the order first met over its terms.
 */
export function similarPairs(vectors: readonly Vector[], maxPosting = Number.POSITIVE_INFINITY): Edge[] {
  const postings = new Postings().build(vectors, maxPosting);
  const edges: Edge[] = [];
  const dots = new Float64Array(vectors.length);
  const met = new Int32Array(vectors.length);
  for (let a = 0; a < vectors.length; a++) {
    const count = postings.row(a, dots, met);
    for (let j = 0; j < count; j++) {
      const b = met[j] as number;
      edges.push({ a, b, sim: dots[b] as number });
      dots[b] = 0;
    }
  }
  return edges;
}

/** A copy of a typed array long enough to index `id`, doubling. */
export function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, id: number): T {
  let length = array.length;
  while (length <= id) length *= 2;
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
