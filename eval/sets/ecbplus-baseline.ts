import * as stopword from 'stopword';
import type { Article } from '../../src/model/article.js';

/**
 * The reference for story/event clustering, implemented plainly: TF-IDF over lower-cased words (English function
 * words out, log term frequency), cosine, and average-link agglomerative clustering on the dense matrix. The merge
 * sequence is recorded once, so any threshold is a cut of the same dendrogram (average link never inverts).
 */
export interface Dendrogram {
  count: number;
  /** Merges in order: the two cluster ids (smallest member index) and the mean similarity they merged at. */
  merges: Array<{ a: number; b: number; sim: number }>;
}

const STOP = new Set((stopword as unknown as Record<string, string[]>).eng ?? []);

/** Builds the full average-link dendrogram of the articles' TF-IDF vectors. */
export function baselineDendrogram(articles: readonly Article[]): Dendrogram {
  const docs = articles.map((a) => {
    const tf = new Map<string, number>();
    for (const m of `${a.title ?? ''}\n${a.text}`.toLowerCase().matchAll(/\p{L}[\p{L}'-]{1,30}/gu)) if (!STOP.has(m[0])) tf.set(m[0], (tf.get(m[0]) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of d) {
      const w = (1 + Math.log(c)) * Math.log(docs.length / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    for (const [t, w] of v) v.set(t, w / (Math.sqrt(norm) || 1));
    return v;
  });
  const n = vectors.length;
  const sum = vectors.map((a) => vectors.map((b) => dot(a, b)));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const merges: Dendrogram['merges'] = [];
  for (let step = 1; step < n; step++) {
    let best = { a: -1, b: -1, sim: Number.NEGATIVE_INFINITY };
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = sum[i] as number[];
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const mean = (row[j] as number) / ((size[i] as number) * (size[j] as number));
        if (mean > best.sim) best = { a: i, b: j, sim: mean };
      }
    }
    merges.push(best);
    alive[best.b] = false;
    size[best.a] = (size[best.a] as number) + (size[best.b] as number);
    for (let k = 0; k < n; k++) {
      const merged = ((sum[best.a] as number[])[k] as number) + ((sum[best.b] as number[])[k] as number);
      (sum[best.a] as number[])[k] = merged;
      (sum[k] as number[])[best.a] = merged;
    }
  }
  return { count: n, merges };
}

/** Cluster labels from the merges at or above `threshold`. */
export function cutDendrogram(tree: Dendrogram, threshold: number): number[] {
  const label = Array.from({ length: tree.count }, (_, i) => i);
  for (const { a, b, sim } of tree.merges) {
    if (sim < threshold) break;
    const from = label[b];
    const to = label[a];
    for (let i = 0; i < label.length; i++) if (label[i] === from) label[i] = to as number;
  }
  return label;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  for (const [t, w] of a) s += w * (b.get(t) ?? 0);
  return s;
}
