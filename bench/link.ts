import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** One size's figures from bench/link-child.ts. */
export interface LinkFigures {
  articles: number;
  msPerArticle: number;
  cpuMsPerArticle: number;
  /** Per-article cost over the last tenth of the arrivals: filing one more article at this size. */
  tailMsPerArticle: number;
  tailCpuMsPerArticle: number;
  canonicalMs: number;
  stories: number;
  trueStories: number;
  f1: number;
  /** Digest of every article's story key: equal across two runs of one size when linking results did not change. */
  storiesDigest: string;
  heapMb: number;
  /** Heap after a full collection at the end: what the linker's state holds. */
  liveHeapMb: number;
  peakRssMb: number;
}

/**
 * Link ms/article before the windowed candidates, from docs/measurements.md ("Whole pipeline", 2026-11-23): one batch
 * link of synthetic articles from the sample corpus after ingest (wall time, canonical pass included at 1k).
 */
export const PREVIOUS_LINK_MS: Readonly<Record<number, number>> = { 1000: 6.3, 10000: 11.0, 100000: 17.5 };
/**
 * The linker on these same synthetic entries before its vectors became typed arrays over term ids and its entries were
 * packed on filing (docs/scale.md, "Third round"): 1k and 10k the code before that round run beside it at load
 * average 9–15 (2026-12-06, heap at the end of the run); 100k the second round's figures (load average 12–20, end heap
 * not recorded). Earlier: 1.83 and 4.02 CPU ms at 1k and 10k before the windowed candidates (commit 8f893b4).
 */
export const PREVIOUS_SYNTHETIC: Readonly<Record<number, { cpuMs: number; heapMb?: number; peakRssMb: number }>> = {
  1000: { cpuMs: 3.01, heapMb: 110, peakRssMb: 232 },
  10000: { cpuMs: 3.85, heapMb: 309, peakRssMb: 416 },
  100000: { cpuMs: 4.64, peakRssMb: 1457 },
};

/** Links `size` synthetic entries in a child process (its own heap and peak RSS). */
export function linkAt(size: number): LinkFigures {
  // Up to 100k Node's default heap limit, so peak RSS is what a deployment sees (a larger limit lets garbage pile up);
  // 1M entries need more.
  const heap = size > 100_000 ? ['--max-old-space-size=12000'] : [];
  const out = execFileSync(process.execPath, [...heap, '--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'link-child.ts'), String(size)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as LinkFigures;
}
