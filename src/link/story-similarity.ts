import type { Edge } from './average-link.js';
import { cosine, type DocFrequency, similarPairs, type Vector, weigh } from './vectors.js';

/**
 * An article as the story linker compares it: who takes part (names, places weighing less) and what it is about
 * (terms, numbers, dates), each a unit TF-IDF vector of its own.
 */
export interface StoryVector {
  who: Vector;
  what: Vector;
}

/**
 * Background documents assumed by the story linker's IDF (see `DocFrequency`). Set on the sample corpus (twelve
 * articles, a development set): from 20 upwards the water-protest article stayed in its story at the threshold
 * ECB+ chose; on ECB+ (about 490 articles per half) 0 and 100 differ by under 0.005 sub-topic F1.
 */
export const STORY_IDF_PRIOR = 100;

/** Splits a raw story vector (`rawVector` with `STORY_WEIGHTING`) into its two unit-length sides. */
export function weighStory(raw: Vector, df: DocFrequency): StoryVector {
  const who: Vector = new Map();
  const what: Vector = new Map();
  for (const [key, x] of raw) (key.startsWith('n:') ? who : what).set(key, x);
  return { who: weigh(who, df), what: weigh(what, df) };
}

/**
 * How likely two articles tell one story: the geometric mean of the participants' cosine and the content's cosine,
 * so both must agree. One cosine over everything cannot separate a story from its look-alikes: another company's
 * battery plant announced the same day shares the topic words and the job count (content high, participants
 * none), and a strike in the same town shares the mayor and the union leader (participants high, content low),
 * while the same company's plant six months later shares both. An article naming no one others name links to
 * nothing, which is what a journalist would do with it too.
 */
export function storySimilarity(a: StoryVector, b: StoryVector): number {
  const who = cosine(a.who, b.who);
  return who > 0 ? Math.sqrt(who * cosine(a.what, b.what)) : 0;
}

/** Every pair with a positive story similarity, through postings on each side (never all pairs). */
export function storyPairs(vectors: readonly StoryVector[]): Edge[] {
  const who = new Map<string, number>();
  for (const e of similarPairs(vectors.map((v) => v.who))) who.set(`${e.a} ${e.b}`, e.sim);
  const out: Edge[] = [];
  for (const e of similarPairs(vectors.map((v) => v.what))) {
    const w = who.get(`${e.a} ${e.b}`);
    if (w !== undefined && w > 0 && e.sim > 0) out.push({ a: e.a, b: e.b, sim: Math.sqrt(w * e.sim) });
  }
  return out;
}
