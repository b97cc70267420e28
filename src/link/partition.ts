import { averageLink } from './average-link.js';
import { clusterTime, type StoryVector, storyPairs } from './story-similarity.js';
import type { TimeEvidence } from './time.js';

/** Pairs below this share of a level's threshold are left out of its graph (see `storyPairs`). */
const EDGE_FLOOR = 0.5;

/** Thresholds of the two levels of the story graph. */
export interface PartitionOptions {
  /** Mean story similarity at which two groups of articles are one happening (see `LinkerOptions`). */
  storyThreshold: number;
  /** Mean topic similarity at which two groups of articles are related stories (see `LinkerOptions`). */
  relatedThreshold: number;
  time: TimeEvidence;
}

/** Cluster labels per article (the smallest index of its cluster): its story and its group of related stories. */
export interface Partition {
  story: number[];
  group: number[];
}

/**
 * The story graph of a set of articles in one pass: groups of related stories by average link on the topic
 * similarity (no time: related stories may lie years apart), then, inside each group, stories by average link on
 * the story similarity, each merge weakened by the gap between the two clusters' dates. Stories nest in groups by construction. The result is a function of the
 * vectors in the given order only, so a caller that sorts by id gets the same partition whatever order the
 * articles arrived in.
 */
export function partition(vectors: readonly StoryVector[], options: PartitionOptions): Partition {
  const pairs = storyPairs(vectors, { story: options.storyThreshold * EDGE_FLOOR, topic: options.relatedThreshold * EDGE_FLOOR });
  const group = averageLink(vectors.length, pairs.topic, options.relatedThreshold);
  const inGroup = pairs.story.filter((e) => group[e.a] === group[e.b]);
  return { story: averageLink(vectors.length, inGroup, options.storyThreshold, clusterTime(vectors, options.time)), group };
}
