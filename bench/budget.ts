import { cleanDocument } from '../src/clean/index.js';
import type { Document } from '../src/model/document.js';
import { BudgetedPipeline } from '../src/pipeline/budget.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { loadTemplates, syntheticDocument } from './generate.js';

/** Cost of the per-article budget (cleaning and annotation in a worker thread) beside the same work in one thread. */
export interface BudgetFigures {
  articles: number;
  inThreadPerS: number;
  budgetedPerS: number;
  /** Extra wall time per article in the worker: copying the document in and the article out, the thread hops. */
  overheadMsPerArticle: number;
  /** Starting the worker thread and loading its models, paid once per ingest run. */
  startMs: number;
}

/** Articles each side runs untimed first, so both measure warm code (bench/stage-child.ts explains why it matters). */
const WARM_UP = 300;
/** Rounds per side, alternating; the best of each is kept (the machine is shared, noise is one-sided). */
const ROUNDS = 2;

/**
 * Cleans and annotates the same synthetic articles in this thread and through the budgeted worker, both warmed up
 * on other articles; the store is left out so the difference is the isolation alone. Start-up is timed apart.
 */
export async function budgetOverhead(size = 300): Promise<BudgetFigures> {
  const templates = loadTemplates();
  const docs = (from: number, n: number): Document[] => Array.from({ length: n }, (_, i) => syntheticDocument(templates, from + i));
  const warm = docs(1_000_000, WARM_UP);
  const measured = docs(0, size);
  const pipeline = createPipeline(defaultStages());
  const budgeted = new BudgetedPipeline();
  try {
    const t = performance.now();
    await budgeted.process(warm[0] as Document);
    const startMs = performance.now() - t;
    for (const d of warm) pipeline.run(cleanDocument(d));
    for (const d of warm) await budgeted.process(d);
    let inThread = Number.POSITIVE_INFINITY;
    let isolated = Number.POSITIVE_INFINITY;
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      for (const d of measured) pipeline.run(cleanDocument(d));
      inThread = Math.min(inThread, performance.now() - started);
      started = performance.now();
      for (const d of measured) await budgeted.process(d);
      isolated = Math.min(isolated, performance.now() - started);
    }
    return {
      articles: size,
      inThreadPerS: size / (inThread / 1000),
      budgetedPerS: size / (isolated / 1000),
      overheadMsPerArticle: (isolated - inThread) / size,
      startMs,
    };
  } finally {
    await budgeted.close();
  }
}
