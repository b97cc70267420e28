import assert from 'node:assert/strict';
import { test } from 'node:test';
import FlatQueue from 'flatqueue';
import { averageLink, type Edge } from '../../src/link/average-link.js';
import { type DaySpan, spanHull, timeFactor } from '../../src/link/time.js';
import { seededRandom } from '../../src/model/seeded-random.js';

type Time = { spans: ReadonlyArray<DaySpan | null>; factor: (a: DaySpan | null, b: DaySpan | null) => number };

/**
 * Average link as it was written with a map of sums per item (before its lists over typed arrays): the maps'
 * iteration order decides which of two equal means is merged first, so the two must agree tie for tie.
 */
function referenceAverageLink(count: number, edges: readonly Edge[], threshold: number, time?: Time): number[] {
  const spans: Array<DaySpan | null> = time ? [...time.spans] : [];
  const factor = (x: number, y: number) => (time ? time.factor(spans[x] ?? null, spans[y] ?? null) : 1);
  const size = new Array<number>(count).fill(1);
  const version = new Array<number>(count).fill(0);
  const parent = Array.from({ length: count }, (_, i) => i);
  const sums = Array.from({ length: count }, () => new Map<number, number>());
  for (const { a, b, sim } of edges) {
    if (a === b || sim <= 0) continue;
    sums[a]?.set(b, (sums[a]?.get(b) ?? 0) + sim);
    sums[b]?.set(a, (sums[b]?.get(a) ?? 0) + sim);
  }
  const entries: number[] = [];
  const queue = new FlatQueue<number>();
  const push = (x: number, y: number, sum: number) => {
    const mean = (sum / ((size[x] as number) * (size[y] as number))) * factor(x, y);
    if (mean < threshold) return;
    queue.push(entries.length, -mean);
    entries.push(x, y, version[x] as number, version[y] as number);
  };
  for (let x = 0; x < count; x++) for (const [y, sum] of sums[x] as Map<number, number>) if (x < y) push(x, y, sum);
  while (queue.length > 0) {
    const at = queue.pop() as number;
    const [x, y, vx, vy] = entries.slice(at, at + 4) as [number, number, number, number];
    if (version[x] !== vx || version[y] !== vy) continue;
    const keep = Math.min(x, y);
    const gone = Math.max(x, y);
    parent[gone] = keep;
    size[keep] = (size[keep] as number) + (size[gone] as number);
    version[keep] = (version[keep] as number) + 1;
    version[gone] = (version[gone] as number) + 1;
    if (time) spans[keep] = spanHull(spans[keep] ?? null, spans[gone] ?? null);
    const keptSums = sums[keep] as Map<number, number>;
    keptSums.delete(gone);
    for (const [other, sum] of sums[gone] as Map<number, number>) if (other !== keep) keptSums.set(other, (keptSums.get(other) ?? 0) + sum);
    sums[gone] = new Map();
    for (const [other, sum] of keptSums) {
      const theirs = sums[other] as Map<number, number>;
      theirs.delete(gone);
      theirs.set(keep, sum);
      push(Math.min(keep, other), Math.max(keep, other), sum);
    }
  }
  const root = (i: number): number => (parent[i] === i ? i : root(parent[i] as number));
  return Array.from({ length: count }, (_, i) => root(i));
}

/** A random graph whose similarities come from a few values, so that many means tie. */
function randomGraph(rand: () => number, count: number, density: number): Edge[] {
  const levels = [0.1, 0.2, 0.25, 0.4, 0.5, 0.8];
  const edges: Edge[] = [];
  for (let a = 0; a < count; a++)
    for (let b = 0; b < count; b++) {
      if (rand() >= density) continue;
      // Both directions, repeats and self-pairs occur: the function must add them as the maps did.
      const sim = rand() < 0.05 ? 0 : (levels[Math.floor(rand() * levels.length)] as number);
      edges.push({ a, b, sim });
      if (rand() < 0.1) edges.push({ a: b, b: a, sim });
    }
  return edges;
}

test('average link over typed lists merges as the maps did, tie for tie, with and without time', () => {
  const rand = seededRandom(7);
  const evidence = { graceDays: 30, perDoubling: 0.5 };
  let merged = 0;
  for (let round = 0; round < 300; round++) {
    const count = 1 + Math.floor(rand() * (round % 10 === 0 ? 300 : 40));
    const edges = randomGraph(rand, count, rand() * 0.3);
    const threshold = [0.05, 0.1, 0.2, 0.3][round % 4] as number;
    const spans = Array.from({ length: count }, (): DaySpan | null => {
      if (rand() < 0.3) return null;
      const day = Math.floor(rand() * 400);
      return [day, day];
    });
    const time = round % 2 === 0 ? { spans, factor: (a: DaySpan | null, b: DaySpan | null) => timeFactor(a, b, evidence) } : undefined;
    const expected = referenceAverageLink(count, edges, threshold, time);
    assert.deepEqual(averageLink(count, edges, threshold, time), expected, `round ${round}`);
    merged += expected.filter((label, i) => label !== i).length;
  }
  // The rounds did merge (the comparison is not between two lists of singletons).
  assert.ok(merged > 1_000, `only ${merged} merges`);
});
