import { averageLink, type Edge } from './average-link.js';
import { clusterTime, type StoryVector, storyPairs } from './story-similarity.js';
import { type DaySpan, spanHull, type TimeEvidence, timeFactor } from './time.js';

/** Pairs below this share of a level's threshold are left out of its graph (see `storyPairs`). */
const EDGE_FLOOR = 0.5;

/**
 * Largest story that is a fragment (see `clusterStories`). Chosen on ECB+ with the thresholds tuned per half: 3 was
 * best on both the odd and the even topics (sub-topic F1 0.948 / 0.926 against 0.931 / 0.886 at 2 and 0.933 / 0.900
 * at 4, dates withheld).
 */
export const FRAGMENT_MAX_ARTICLES = 3;
/**
 * A fragment of two or three articles that hold together (a happening of its own: three reports of a trawler seized
 * a week after a visit by the same ministers) joins a larger story only when it is at least this share as close to
 * it as its own articles are to each other. On ECB+ (thresholds tuned per half, dates withheld) 0.3 cost 0.003
 * held-out sub-topic F1 against no such test and 0.5 cost 0.016; a singleton has no cohesion and is not held back.
 */
const FRAGMENT_COHESION_SHARE = 0.3;

/** How articles are cut into stories (see `LinkerOptions`, which holds the tuned values). */
export interface StoryClustering {
  /** Mean story similarity at which two groups of articles are one happening. */
  storyThreshold: number;
  /** Mean story similarity at which a fragment joins a larger story (see `clusterStories`). */
  fragmentThreshold: number;
  time: TimeEvidence;
}

/** Thresholds of the two levels of the story graph. */
export interface PartitionOptions extends StoryClustering {
  /** Mean topic similarity at which two groups of articles are related stories (see `LinkerOptions`). */
  relatedThreshold: number;
}

/** Cluster labels per article (the smallest index of its cluster): its story and its group of related stories. */
export interface Partition {
  story: number[];
  group: number[];
}

/**
 * The story graph of a set of articles in one pass: groups of related stories by average link on the topic
 * similarity (no time: related stories may lie years apart), then, inside each group, stories (`clusterStories`).
 * Stories nest in groups by construction. The result is a function of the vectors in the given order only, so a
 * caller that sorts by id gets the same partition whatever order the articles arrived in.
 */
export function partition(vectors: readonly StoryVector[], options: PartitionOptions): Partition {
  const pairs = storyPairs(vectors, { story: storyEdgeFloor(options), topic: options.relatedThreshold * EDGE_FLOOR });
  const group = averageLink(vectors.length, pairs.topic, options.relatedThreshold);
  const inGroup = pairs.story.filter((e) => group[e.a] === group[e.b]);
  return { story: clusterStories(vectors, inGroup, options), group };
}

/** Story pairs weaker than this are dropped before clustering: average link then counts them as 0. */
export function storyEdgeFloor(options: StoryClustering): number {
  return Math.min(options.storyThreshold, options.fragmentThreshold) * EDGE_FLOOR;
}

/**
 * Stories from the story similarities of articles, in two steps. First the cores: average link at
 * `storyThreshold`, each merge weakened by the gap between the two clusters' dates, strict enough that two
 * happenings of one cast (two offers to one player by two clubs, two earthquakes on one island years apart) stay
 * apart. Then the fragments a strict threshold leaves behind (a report from another angle, a short update; at most
 * `FRAGMENT_MAX_ARTICLES` articles) each join the larger story they resemble most on average, time weighed the
 * same way, when that reaches the lower `fragmentThreshold` and a share of the fragment's own cohesion
 * (`FRAGMENT_COHESION_SHARE`): a loose report belongs to the story it is most like, a tight little story of its own
 * stays apart. Fragments move all at once, never into each other, so the result does not depend on an order. On
 * ECB+ the cores alone reach at best sub-topic F1 0.89 (precision 0.87 at recall 0.91: a threshold low enough to
 * keep the fragments merges happenings); see `LinkerOptions` for the tuned thresholds.
 */
export function clusterStories(vectors: readonly StoryVector[], edges: readonly Edge[], options: StoryClustering): number[] {
  const time = clusterTime(vectors, options.time);
  const story = averageLink(vectors.length, edges, options.storyThreshold, time);
  return joinFragments(story, edges, time.spans, options);
}

function joinFragments(story: readonly number[], edges: readonly Edge[], spans: ReadonlyArray<DaySpan | null>, options: StoryClustering): number[] {
  const size = new Map<number, number>();
  const span = new Map<number, DaySpan | null>();
  story.forEach((s, i) => {
    size.set(s, (size.get(s) ?? 0) + 1);
    span.set(s, spanHull(span.get(s) ?? null, spans[i] ?? null));
  });
  const isFragment = (s: number) => (size.get(s) as number) <= FRAGMENT_MAX_ARTICLES;
  /** Story → sum of the similarities between its own members (their mean is its cohesion). */
  const inner = new Map<number, number>();
  for (const { a, b, sim } of edges) if (story[a] === story[b]) inner.set(story[a] as number, (inner.get(story[a] as number) ?? 0) + sim);
  const cohesion = (s: number) => {
    const n = size.get(s) as number;
    return n < 2 ? 0 : (inner.get(s) ?? 0) / ((n * (n - 1)) / 2);
  };
  /** Fragment → larger story → sum of the similarities between their members. */
  const sums = new Map<number, Map<number, number>>();
  const addSum = (fragment: number, other: number, sim: number) => {
    if (!isFragment(fragment) || isFragment(other)) return;
    const row = sums.get(fragment) ?? new Map<number, number>();
    row.set(other, (row.get(other) ?? 0) + sim);
    sums.set(fragment, row);
  };
  for (const { a, b, sim } of edges) {
    const x = story[a] as number;
    const y = story[b] as number;
    if (x === y) continue;
    addSum(x, y, sim);
    addSum(y, x, sim);
  }
  const target = new Map<number, number>();
  for (const [fragment, row] of sums) {
    let best: { story: number; mean: number } | null = null;
    for (const [other, sum] of row) {
      const factor = timeFactor(span.get(fragment) ?? null, span.get(other) ?? null, options.time);
      const mean = (sum / ((size.get(fragment) as number) * (size.get(other) as number))) * factor;
      if (
        mean >= options.fragmentThreshold &&
        mean >= FRAGMENT_COHESION_SHARE * cohesion(fragment) &&
        (!best || mean > best.mean || (mean === best.mean && other < best.story))
      )
        best = { story: other, mean };
    }
    if (best) target.set(fragment, best.story);
  }
  // A joined fragment's members take the story's label, the smallest index of the merged cluster.
  const merged = new Map<number, number>();
  for (const [fragment, other] of target) merged.set(other, Math.min(merged.get(other) ?? other, fragment));
  return story.map((s) => {
    const into = target.get(s) ?? s;
    return merged.get(into) ?? into;
  });
}
