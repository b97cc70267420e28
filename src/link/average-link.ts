import FlatQueue from 'flatqueue';
import { type DaySpan, spanHull } from './time.js';

/** A similarity between items `a` and `b` (indices into the caller's list); absent pairs count as 0. */
export interface Edge {
  a: number;
  b: number;
  sim: number;
}

/**
 * Average-link agglomerative clustering over a sparse similarity graph: repeatedly merges the two clusters whose
 * mean pairwise similarity (absent pairs = 0) is highest, until it falls below `threshold`. Average link resists
 * the chaining of single link (one stray shared name cannot glue two stories) without complete link's
 * fragmentation. Hand-written because the libraries at hand cluster dense matrices (O(n²) memory) and this works on
 * the sparse graph an inverted index yields, in O(E log E). Returns a cluster label per item: the smallest item
 * index in its cluster, so labels do not depend on merge order.
 *
 * With `time`, each cluster carries the days its dated items span, and a merge's mean is multiplied by the factor
 * the gap between the two spans gives: undated items join freely, but once a cluster holds a dated item it keeps
 * away from clusters dated far from it, so undated look-alikes cannot bridge two happenings years apart.
 */
export function averageLink(
  count: number,
  edges: readonly Edge[],
  threshold: number,
  time?: { spans: ReadonlyArray<DaySpan | null>; factor: (a: DaySpan | null, b: DaySpan | null) => number },
): number[] {
  const spans: Array<DaySpan | null> = time ? [...time.spans] : [];
  const factor = (x: number, y: number) => (time ? time.factor(spans[x] ?? null, spans[y] ?? null) : 1);
  const size = new Array<number>(count).fill(1);
  const version = new Array<number>(count).fill(0);
  const parent = Array.from({ length: count }, (_, i) => i);
  /** Sum of similarities between live clusters, keyed by the other cluster's representative. */
  const sums = Array.from({ length: count }, () => new Map<number, number>());
  for (const { a, b, sim } of edges) {
    if (a === b || sim <= 0) continue;
    sums[a]?.set(b, (sums[a]?.get(b) ?? 0) + sim);
    sums[b]?.set(a, (sums[b]?.get(a) ?? 0) + sim);
  }
  // Heap entries are (x, y, versions at push time); a merge bumps versions, so stale entries are skipped on pop.
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
    const x = entries[at] as number;
    const y = entries[at + 1] as number;
    const vx = entries[at + 2];
    const vy = entries[at + 3];
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
    for (const [other, sum] of sums[gone] as Map<number, number>) {
      if (other === keep) continue;
      keptSums.set(other, (keptSums.get(other) ?? 0) + sum);
    }
    sums[gone] = new Map();
    for (const [other, sum] of keptSums) {
      const theirs = sums[other] as Map<number, number>;
      theirs.delete(gone);
      theirs.set(keep, sum);
      push(Math.min(keep, other), Math.max(keep, other), sum);
    }
  }
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  return Array.from({ length: count }, (_, i) => root(i));
}
