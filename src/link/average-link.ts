import FlatQueue from 'flatqueue';
import { type DaySpan, spanHull } from './time.js';
import { grown } from './vectors.js';

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
  const lists = new SumLists(count, edges.length);
  for (const { a, b, sim } of edges) if (a !== b && sim > 0) lists.add(a, b, sim);
  for (let x = 0; x < count; x++) {
    size[x] = 1;
    version[x] = 0;
    parent[x] = x;
  }
  // Heap entries are (x, y, versions at push time); a merge bumps versions, so stale entries are skipped on pop.
  let pushed = 0;
  queue.clear();
  const push = (x: number, y: number, sum: number) => {
    const mean = (sum / ((size[x] as number) * (size[y] as number))) * factor(x, y);
    if (mean < threshold) return;
    if (pushed + 4 > entries.length) entries = grown(entries, pushed + 4);
    queue.push(pushed, -mean);
    entries[pushed++] = x;
    entries[pushed++] = y;
    entries[pushed++] = version[x] as number;
    entries[pushed++] = version[y] as number;
  };
  for (let x = 0; x < count; x++) {
    for (let node = lists.first(x); node >= 0; node = lists.next(node)) {
      const y = nodeOther[node] as number;
      if (x < y) push(x, y, nodeSum[node] as number);
    }
  }
  while (queue.length > 0) {
    const at = queue.pop() as number;
    const x = entries[at] as number;
    const y = entries[at + 1] as number;
    if (version[x] !== entries[at + 2] || version[y] !== entries[at + 3]) continue;
    const keep = Math.min(x, y);
    const gone = Math.max(x, y);
    parent[gone] = keep;
    size[keep] = (size[keep] as number) + (size[gone] as number);
    version[keep] = (version[keep] as number) + 1;
    version[gone] = (version[gone] as number) + 1;
    if (time) spans[keep] = spanHull(spans[keep] ?? null, spans[gone] ?? null);
    lists.merge(keep, gone, push);
  }
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const labels = Array.from({ length: count }, (_, i) => root(i));
  releaseLargeScratch();
  return labels;
}

/*
 * Scratch of `averageLink`, kept between calls: the linker clusters a few stories at every arrival, and a map of sums
 * per item, a list of heap entries and a queue made afresh each time were over half of what it allocated (a sampling
 * allocation profile at 15,000–18,000 synthetic articles, docs/scale.md).
 */
let size = new Int32Array(512);
let version = new Int32Array(512);
let parent = new Int32Array(512);
let entries = new Int32Array(4_096);
const queue = new FlatQueue<number>();
/** Nodes of `SumLists`: the other cluster (−1 once deleted), the sum, the next node of the list, the mirror node. */
let nodeOther = new Int32Array(4_096);
let nodeSum = new Float64Array(4_096);
let nodeNext = new Int32Array(4_096);
let nodeMirror = new Int32Array(4_096);
let firstNode = new Int32Array(512);
let lastNode = new Int32Array(512);
/**
 * Per cluster, during a merge: its node in the kept cluster's list (`rowNode`) and its node holding the merged-away
 * cluster (`rowGone`), each valid where its stamp array holds the current merge's stamp.
 */
let rowNode = new Int32Array(512);
let rowStamp = new Int32Array(512);
let rowGone = new Int32Array(512);
let goneStamp = new Int32Array(512);
let stamp = 0;
/** Pair (a, b), a < b, as `a * count + b` → the node of b in a's list, while the edges are read (open addressing). */
let pairKeys = new Float64Array(1_024);
let pairNodes = new Int32Array(1_024);

/**
 * Node pool and pair table sizes kept between calls; larger ones are dropped after the call. Re-clustering a few
 * stories needs a few thousand nodes; the canonical pass over up to 2,000 representatives (linker.ts
 * `CANONICAL_MAX`) can need millions, which a linker that runs for weeks should not hold on to.
 */
const KEPT_NODES = 1 << 16;

function releaseLargeScratch(): void {
  if (nodeOther.length > KEPT_NODES) {
    nodeOther = new Int32Array(4_096);
    nodeSum = new Float64Array(4_096);
    nodeNext = new Int32Array(4_096);
    nodeMirror = new Int32Array(4_096);
  }
  if (pairKeys.length > KEPT_NODES) {
    pairKeys = new Float64Array(1_024);
    pairNodes = new Int32Array(1_024);
  }
  if (entries.length > KEPT_NODES) entries = new Int32Array(4_096);
}

/**
 * Per cluster, the sums of similarities to the other live clusters, in the order a map per cluster would iterate
 * them (insertion order; a changed sum keeps its place, a deleted and re-added one goes last): that order decides
 * which of two equal means the queue pops first, so the result matches, tie for tie, the maps it replaces
 * (test/link/average-link.test.ts). Each sum is held twice, once in each cluster's list, the two nodes linked as
 * mirrors. Nodes are appended to one pool and never reused within a call.
 */
class SumLists {
  private nodes = 0;
  /** Slots of the pair table (`pairKeys`) in use: a power of two. */
  private readonly capacity: number;

  constructor(
    private readonly count: number,
    edges: number,
  ) {
    if (count > size.length) {
      size = grown(size, count);
      version = grown(version, count);
      parent = grown(parent, count);
      firstNode = grown(firstNode, count);
      lastNode = grown(lastNode, count);
      rowNode = grown(rowNode, count);
      rowStamp = new Int32Array(rowNode.length);
      rowGone = grown(rowGone, count);
      goneStamp = new Int32Array(rowGone.length);
      stamp = 0;
    }
    firstNode.fill(-1, 0, count);
    lastNode.fill(-1, 0, count);
    // At most one pair per edge; at least twice as many slots keeps the probes short.
    let capacity = 16;
    while (capacity < 2 * edges) capacity *= 2;
    if (capacity > pairKeys.length) {
      pairKeys = new Float64Array(capacity);
      pairNodes = new Int32Array(capacity);
    }
    pairKeys.fill(-1, 0, capacity);
    this.capacity = capacity;
  }

  /** Adds `sim` to the sum of a and b (appended to both lists when new). */
  add(a: number, b: number, sim: number): void {
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    const key = low * this.count + high;
    const slot = this.slotOf(key);
    let node = pairNodes[slot] as number;
    if (pairKeys[slot] !== key) {
      // Appended to a's list first, then b's, as two maps would be.
      const inA = this.append(a, b, 0);
      const inB = this.append(b, a, 0);
      nodeMirror[inA] = inB;
      nodeMirror[inB] = inA;
      node = a === low ? inA : inB;
      pairKeys[slot] = key;
      pairNodes[slot] = node;
    }
    nodeSum[node] = (nodeSum[node] as number) + sim;
    nodeSum[nodeMirror[node] as number] = nodeSum[node] as number;
  }

  first(x: number): number {
    return this.live(firstNode[x] as number);
  }

  next(node: number): number {
    return this.live(nodeNext[node] as number);
  }

  /**
   * Folds `gone`'s sums into `keep`'s, as the maps did: `keep` forgets `gone`; each of `gone`'s others adds its sum to
   * `keep`'s (appended when new); `gone` ends empty; then every other of `keep`, in order, forgets `gone` and holds
   * `keep`'s new sum, and the pair is pushed.
   */
  merge(keep: number, gone: number, push: (x: number, y: number, sum: number) => void): void {
    stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
    if (stamp === 1) {
      rowStamp.fill(0);
      goneStamp.fill(0);
    }
    for (let node = this.first(keep); node >= 0; node = this.next(node)) {
      rowNode[nodeOther[node] as number] = node;
      rowStamp[nodeOther[node] as number] = stamp;
    }
    for (let node = this.first(gone); node >= 0; node = this.next(node)) {
      const other = nodeOther[node] as number;
      if (other === keep) {
        nodeOther[nodeMirror[node] as number] = -1;
        continue;
      }
      // Where `other` holds `gone`: forgotten below.
      rowGone[other] = nodeMirror[node] as number;
      goneStamp[other] = stamp;
      if (rowStamp[other] === stamp) {
        const kept = rowNode[other] as number;
        nodeSum[kept] = (nodeSum[kept] as number) + (nodeSum[node] as number);
      } else {
        const kept = this.append(keep, other, nodeSum[node] as number);
        // No mirror yet: `other` does not hold `keep`.
        nodeMirror[kept] = -1;
      }
    }
    firstNode[gone] = -1;
    lastNode[gone] = -1;
    for (let node = this.first(keep); node >= 0; node = this.next(node)) {
      const other = nodeOther[node] as number;
      const sum = nodeSum[node] as number;
      if (goneStamp[other] === stamp) nodeOther[rowGone[other] as number] = -1;
      const mirror = nodeMirror[node] as number;
      if (mirror >= 0) nodeSum[mirror] = sum;
      else {
        const theirs = this.append(other, keep, sum);
        nodeMirror[node] = theirs;
        nodeMirror[theirs] = node;
      }
      push(Math.min(keep, other), Math.max(keep, other), sum);
    }
  }

  private append(x: number, other: number, sum: number): number {
    if (this.nodes >= nodeOther.length) {
      nodeOther = grown(nodeOther, this.nodes);
      nodeNext = grown(nodeNext, this.nodes);
      nodeMirror = grown(nodeMirror, this.nodes);
      nodeSum = grown(nodeSum, this.nodes);
    }
    const node = this.nodes++;
    nodeOther[node] = other;
    nodeSum[node] = sum;
    nodeNext[node] = -1;
    if (lastNode[x] === -1) firstNode[x] = node;
    else nodeNext[lastNode[x] as number] = node;
    lastNode[x] = node;
    return node;
  }

  /** The first live node from `node` on (−1: the list's end). */
  private live(node: number): number {
    let at = node;
    while (at >= 0 && nodeOther[at] === -1) at = nodeNext[at] as number;
    return at;
  }

  /** The table slot holding `key`, or the empty slot where it goes. */
  private slotOf(key: number): number {
    const mask = this.capacity - 1;
    let slot = (Math.imul(key | 0, 0x9e3779b1) >>> 0) & mask;
    while (pairKeys[slot] !== -1 && pairKeys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }
}
