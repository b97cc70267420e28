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
 * The linker on these same synthetic entries as session 9 left it (commit 6c75c48), before average link over typed
 * lists, the kept scratch and the in-place re-weighing (docs/scale.md, "Sixth round"): run beside the new code, each
 * size's two runs at the same time with CPU priority, 2026-12-06 21:09–21:30 UTC at load average 13–21 (1k: the mean
 * of four runs, heap and RSS likewise). The same code on the idle machine (19:59–20:07, load 1–2): 2.12 / 1.75 / 2.45
 * CPU ms at 1k / 10k / 100k, peak RSS 991 MB at 100k. Earlier: 2.32 / 2.08 / 2.50 before the fifth round (load
 * 5–22), 1.84 / 1.73 / 3.12 before the fourth, 3.01 / 3.85 / 4.64 before the third, 1.83 and 4.02 at 1k and 10k
 * before the windowed candidates. `digest`: every article's story key hashed (link-child.ts), unchanged since the
 * fifth round.
 */
export const PREVIOUS_SYNTHETIC: Readonly<Record<number, { cpuMs: number; heapMb?: number; peakRssMb: number; digest?: string }>> = {
  1000: { cpuMs: 1.32, heapMb: 57, peakRssMb: 181, digest: '30e93f93bb91403b' },
  10000: { cpuMs: 1.09, heapMb: 161, peakRssMb: 335, digest: '2eaa499f82cc350f' },
  100000: { cpuMs: 1.78, heapMb: 352, peakRssMb: 941, digest: '1660151425c2a1f1' },
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
