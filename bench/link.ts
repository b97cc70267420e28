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
  heapMb: number;
  peakRssMb: number;
}

/**
 * Link ms/article before the windowed candidates, from docs/measurements.md ("Whole pipeline", 2026-11-23): one batch
 * link of synthetic articles from the sample corpus after ingest (wall time, canonical pass included at 1k).
 */
export const PREVIOUS_LINK_MS: Readonly<Record<number, number>> = { 1000: 6.3, 10000: 11.0, 100000: 17.5 };
/**
 * CPU ms/article of the linker before the windowed candidates on these same synthetic entries (bench/link-child.ts
 * run on commit 8f893b4 with only `addEntry` split out; 2026-12-06, docs/scale.md). 100k was not run: at the 10k
 * rate's growth it needs over 500 CPU-seconds, which the shared machine could not give that day.
 */
export const PREVIOUS_SYNTHETIC_CPU_MS: Readonly<Record<number, number>> = { 1000: 1.83, 10000: 4.02 };

/** Links `size` synthetic entries in a child process (its own heap and peak RSS). */
export function linkAt(size: number): LinkFigures {
  // 1M entries hold a few GB of anchors: more than Node's default heap.
  const out = execFileSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', join(import.meta.dirname, 'link-child.ts'), String(size)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as LinkFigures;
}
