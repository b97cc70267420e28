import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Edge } from './average-link.js';
import { clusterStories, type StoryClustering } from './partition.js';
import type { StoryVector } from './story-similarity.js';
import type { DaySpan } from './time.js';
import { EMPTY_VECTOR } from './vectors.js';

/** Story vectors matter here only for their dates: the similarities come as edges. */
function vectors(spans: ReadonlyArray<DaySpan | null>): StoryVector[] {
  return spans.map((when) => ({ who: EMPTY_VECTOR, what: EMPTY_VECTOR, when }));
}

/** Every pair among `ids` at similarity `sim`. */
function clique(ids: readonly number[], sim: number): Edge[] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, sim })));
}

const OPTIONS: StoryClustering = { storyThreshold: 0.3, fragmentThreshold: 0.1, time: { graceDays: 180, perDoubling: 0.5 } };

test('a loose report joins the story it resembles most; the other story of the same cast stays apart', () => {
  // Two cores of four (0–3, 4–7) that share a little; article 8 resembles the first core more than the second.
  const edges = [...clique([0, 1, 2, 3], 0.6), ...clique([4, 5, 6, 7], 0.6), { a: 0, b: 4, sim: 0.2 }];
  for (const core of [0, 1, 2, 3]) edges.push({ a: core, b: 8, sim: 0.2 });
  for (const core of [4, 5]) edges.push({ a: core, b: 8, sim: 0.15 });
  const labels = clusterStories(vectors(Array(9).fill(null)), edges, OPTIONS);
  assert.deepEqual(labels, [0, 0, 0, 0, 4, 4, 4, 4, 0]);
});

test('a tight little story of its own does not join a larger story it shares a cast with', () => {
  // Articles 6–8 hold together (0.7) and resemble the larger story only a little (0.15 each): below 0.3 × 0.7.
  const edges = [...clique([0, 1, 2, 3, 4, 5], 0.6), ...clique([6, 7, 8], 0.7)];
  for (const core of [0, 1, 2, 3, 4, 5]) for (const f of [6, 7, 8]) edges.push({ a: core, b: f, sim: 0.15 });
  const labels = clusterStories(vectors(Array(9).fill(null)), edges, OPTIONS);
  assert.deepEqual(labels, [0, 0, 0, 0, 0, 0, 6, 6, 6]);
});

test('a report dated years away from a story does not join it as a fragment', () => {
  const day = (n: number): DaySpan => [n, n];
  const edges = clique([0, 1, 2, 3], 0.6);
  for (const core of [0, 1, 2, 3]) edges.push({ a: core, b: 4, sim: 0.12 });
  const near = clusterStories(vectors([day(0), day(1), day(1), day(2), day(5)]), edges, OPTIONS);
  assert.deepEqual(near, [0, 0, 0, 0, 0]);
  const years = clusterStories(vectors([day(0), day(1), day(1), day(2), day(5 * 365)]), edges, OPTIONS);
  assert.deepEqual(years, [0, 0, 0, 0, 4]);
});

test('a fragment with a smaller index than its story gives the joined story its label', () => {
  const edges = [...clique([1, 2, 3, 4], 0.6), ...[1, 2, 3, 4].map((b) => ({ a: 0, b, sim: 0.2 }))];
  assert.deepEqual(clusterStories(vectors(Array(5).fill(null)), edges, OPTIONS), [0, 0, 0, 0, 0]);
});
