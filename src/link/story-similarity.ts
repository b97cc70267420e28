import type { Edge } from './average-link.js';
import { type DaySpan, type TimeEvidence, timeFactor } from './time.js';
import { cosine, type DocFrequency, grown, Postings, SpreadVector, type Vector, weighSides } from './vectors.js';

/**
 * An article as the story linker compares it: who takes part (names, places weighing less) and what it is about
 * (terms, numbers, dates), each a unit TF-IDF vector of its own, and the days its own date stands for.
 */
export interface StoryVector {
  who: Vector;
  what: Vector;
  when: DaySpan | null;
}

/**
 * Background documents assumed by the story linker's IDF (see `DocFrequency`). Set on the sample corpus (twelve
 * articles, a development set): from 20 upwards the water-protest article stayed in its story at the threshold
 * ECB+ chose; on ECB+ (about 490 articles per half) 0 and 100 differ by under 0.005 sub-topic F1.
 */
export const STORY_IDF_PRIOR = 100;

/** Splits a raw story vector (`rawVector` with `STORY_WEIGHTING`, ids of `df.terms`) into its two unit-length sides. */
export function weighStory(raw: Vector, df: DocFrequency, when: DaySpan | null): StoryVector {
  const { who, what } = weighSides(raw, df);
  return { who, what, when };
}

/**
 * How likely two articles tell one happening: the geometric mean of the participants' cosine and the content's
 * cosine, so both must agree, weakened by the gap between their dates (time.ts). One cosine over everything cannot
 * separate a happening from its look-alikes: another company's battery plant announced the same day shares the
 * topic words and the job count (content high, participants none), and a strike in the same town shares the mayor
 * and the union leader (participants high, content low), while the same company's plant six months later shares
 * both. An article naming no one others name links to nothing, which is what a journalist would do with it too.
 */
export function storySimilarity(a: StoryVector, b: StoryVector, time: TimeEvidence): number {
  const who = cosine(a.who, b.who);
  return who > 0 ? happeningSimilarity(who, cosine(a.what, b.what)) * timeFactor(a.when, b.when, time) : 0;
}

/**
 * `storySimilarity(query, other)` of one query against many others (the linker's 300 candidates of a new article),
 * the query's two sides spread once (`SpreadVector`). Holds one query at a time: `set`, then `clear` before the next.
 */
export class StoryQuery {
  private readonly who = new SpreadVector();
  private readonly what = new SpreadVector();
  private when: DaySpan | null = null;

  set(query: StoryVector): void {
    this.who.spread(query.who);
    this.what.spread(query.what);
    this.when = query.when;
  }

  clear(): void {
    this.who.clear();
    this.what.clear();
    this.when = null;
  }

  similarity(other: StoryVector, time: TimeEvidence): number {
    const who = this.who.cosine(other.who);
    return who > 0 ? happeningSimilarity(who, this.what.cosine(other.what)) * timeFactor(this.when, other.when, time) : 0;
  }
}

function happeningSimilarity(who: number, what: number): number {
  return Math.sqrt(who * what);
}

/**
 * How likely two articles tell related stories (the same kind of happening, or the same cast or place), whatever
 * their dates: the mean of the two cosines, so a shared topic alone (two rehab check-ins of two actors) or a shared
 * cast alone (two happenings of one minister) can relate stories that are not one.
 */
export function topicSimilarity(who: number, what: number): number {
  return (who + what) / 2;
}

/**
 * Keys held by more articles than this are left out of the pairwise products (`Postings`): the linker's own
 * inverted index skips them too (MAX_POSTING in linker.ts).
 */
const MAX_PAIR_POSTING = 2_000;

/**
 * Scratch of `storyPairs`, kept between calls: the linker re-clusters a few stories at every arrival, and building
 * these afresh each time made a dozen typed arrays per re-clustering, most of them with a backing store outside the
 * heap that lives until the next full collection.
 */
const whoPostings = new Postings();
const whatPostings = new Postings();
let whoDots = new Float64Array(512);
let whatDots = new Float64Array(512);
let whoMet = new Int32Array(512);
let whatMet = new Int32Array(512);

/**
 * Both similarities of every pair sharing a key, through postings on each side (never all pairs), before time
 * (average link weighs clusters by their dates: `clusterTime`). Pairs below
 * `floor` of a level are dropped: average link then counts them as 0, which at a floor of half the threshold moved
 * ECB+ sub-topic and topic F1 by under 0.002 (odd topics) while it keeps the graph sparse.
 */
export function storyPairs(vectors: readonly StoryVector[], floor = { story: 0, topic: 0 }): { story: Edge[]; topic: Edge[] } {
  const n = vectors.length;
  const who = whoPostings.build(
    vectors.map((v) => v.who),
    MAX_PAIR_POSTING,
  );
  const what = whatPostings.build(
    vectors.map((v) => v.what),
    MAX_PAIR_POSTING,
  );
  if (n > whoDots.length) {
    whoDots = grown(whoDots, n - 1);
    whatDots = grown(whatDots, n - 1);
    whoMet = grown(whoMet, n - 1);
    whatMet = grown(whatMet, n - 1);
  }
  // Zero on entry (each row clears what it wrote; an earlier call cut short by an exception may not have).
  whoDots.fill(0, 0, n);
  whatDots.fill(0, 0, n);
  const story: Edge[] = [];
  const topic: Edge[] = [];
  /** Whether topic edges are wanted: re-clustering a few stories builds the story level only (an infinite floor). */
  const topicLevel = floor.topic !== Number.POSITIVE_INFINITY;
  /** Pairs sharing participants only, in the order met: their topic edges follow all the others. */
  const whoOnly: Edge[] = [];
  const add = (a: number, b: number, w: number, what: number) => {
    const t = topicSimilarity(w, what);
    if (t > 0 && t >= floor.topic) topic.push({ a, b, sim: t });
    if (w <= 0 || what <= 0) return;
    const s = happeningSimilarity(w, what);
    if (s >= floor.story) story.push({ a, b, sim: s });
  };
  for (let a = 0; a < n; a++) {
    const whoCount = who.row(a, whoDots, whoMet);
    const whatCount = what.row(a, whatDots, whatMet);
    for (let j = 0; j < whatCount; j++) {
      const b = whatMet[j] as number;
      add(a, b, whoDots[b] as number, whatDots[b] as number);
      whatDots[b] = 0;
      // Marks the pair's participants' cosine used (a pair met by a shared key has a positive one).
      if (whoDots[b] !== 0) whoDots[b] = -1;
    }
    for (let j = 0; j < whoCount; j++) {
      const b = whoMet[j] as number;
      // Only topic edges come of them.
      if ((whoDots[b] as number) > 0 && topicLevel) whoOnly.push({ a, b, sim: whoDots[b] as number });
      whoDots[b] = 0;
    }
  }
  for (const { a, b, sim } of whoOnly) add(a, b, sim, 0);
  return { story, topic };
}

/** What average link needs to weigh clusters by the gap between their dates (see `averageLink`). */
export function clusterTime(vectors: readonly StoryVector[], time: TimeEvidence) {
  return { spans: vectors.map((v) => v.when), factor: (a: DaySpan | null, b: DaySpan | null) => timeFactor(a, b, time) };
}
