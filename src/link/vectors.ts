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

/** A sparse vector: anchor key → weight. Keys are prefixed by kind so a name never matches a term. */
export type Vector = Map<string, number>;

/** Anchor counts as a vector before IDF. Dates with an unknown year match others by month and day. */
export function rawVector(anchors: Anchors, w: Weighting): Vector {
  const v: Vector = new Map();
  const add = (key: string, x: number) => {
    if (x > 0) v.set(key, (v.get(key) ?? 0) + x);
  };
  const tf = (c: number) => (w.tf === 'raw' ? c : 1 + Math.log(c));
  for (const [k, c] of Object.entries(anchors.names)) add(`n:${k}`, w.names * tf(c));
  for (const [k, c] of Object.entries(anchors.places)) add(`n:${k}`, w.places * tf(c));
  for (const [k, c] of Object.entries(anchors.terms)) add(`t:${k}`, w.terms * tf(c));
  for (const [k, c] of Object.entries(anchors.lead.names)) add(`n:${k}`, w.leadNames * w.names * tf(c));
  for (const [k, c] of Object.entries(anchors.lead.terms)) add(`t:${k}`, w.leadTerms * w.terms * tf(c));
  for (const k of anchors.numbers) add(`#:${k}`, w.numbers);
  for (const k of anchors.dates) if (!k.startsWith('X')) add(`d:${k}`, w.dates);
  return v;
}

/**
 * Document frequencies of anchor keys over a set of articles. Kept as counts so the online linker can add and
 * remove articles, and the event stage can count inside one story (where "rehab" is common and only names differ).
 */
export class DocFrequency {
  readonly counts = new Map<string, number>();
  total = 0;

  /**
   * @param prior Documents assumed beside the counted ones, none holding any key. A small collection cannot tell
   * a name common in the world from one common only in it: in a folder of twelve articles, ten about one company,
   * plain IDF nearly zeroes the company's name, the strongest sign of their story. With the prior such a key keeps
   * most of its weight; in a large collection the prior fades.
   */
  constructor(readonly prior = 0) {}

  add(vector: Vector, sign: 1 | -1 = 1): void {
    this.total += sign;
    for (const key of vector.keys()) {
      const next = (this.counts.get(key) ?? 0) + sign;
      if (next > 0) this.counts.set(key, next);
      else this.counts.delete(key);
    }
  }

  /** Smoothed IDF; 0 for a key only one article has (it cannot link two articles, and it would dilute the norm). */
  idf(key: string): number {
    const df = this.counts.get(key) ?? 0;
    return df < 2 ? 0 : Math.log((this.total + this.prior + 1) / df);
  }
}

/** TF-IDF weights, unit length: the dot product of two of them is their cosine. */
export function weigh(raw: Vector, df: DocFrequency): Vector {
  const out: Vector = new Map();
  let norm = 0;
  for (const [key, x] of raw) {
    const y = x * df.idf(key);
    if (y <= 0) continue;
    out.set(key, y);
    norm += y * y;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [key, y] of out) out.set(key, y / norm);
  return out;
}

/** Cosine of two unit vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, w] of small) dot += w * (large.get(key) ?? 0);
  return dot;
}

/**
 * Every pair of vectors with a positive cosine, found through postings (an inverted index), never by testing all
 * pairs: the cost follows the shared keys, not the square of the count. Keys held by more than `maxPosting` vectors
 * are left out of the dot products.
 */
export function similarPairs(vectors: readonly Vector[], maxPosting = Number.POSITIVE_INFINITY): Edge[] {
  const postings = new Map<string, Array<{ at: number; w: number }>>();
  vectors.forEach((v, at) => {
    for (const [key, w] of v) {
      const list = postings.get(key);
      if (list) list.push({ at, w });
      else postings.set(key, [{ at, w }]);
    }
  });
  // A key held by very many vectors links nearly all of them by a sliver each: it costs the square of its postings
  // and tells nothing apart.
  for (const [key, list] of postings) if (list.length > maxPosting) postings.delete(key);
  const edges: Edge[] = [];
  const dots = new Float64Array(vectors.length);
  const touched: number[] = [];
  vectors.forEach((v, a) => {
    for (const [key, w] of v) {
      for (const { at: b, w: x } of postings.get(key) ?? []) {
        if (b <= a) continue;
        if (dots[b] === 0) touched.push(b);
        dots[b] = (dots[b] as number) + w * x;
      }
    }
    for (const b of touched) {
      edges.push({ a, b, sim: dots[b] as number });
      dots[b] = 0;
    }
    touched.length = 0;
  });
  return edges;
}
