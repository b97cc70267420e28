// Stages for the budget tests: the registered ones, with `sentences` and `times` made to run away on articles that
// ask for it (a loop that never yields, as a catastrophic regex would) and `cues` to allocate without bound.
import { defaultStages as registered } from '../../src/pipeline/registry.js';
import type { ArticleStage } from '../../src/pipeline/stage.js';

/** Spins until the thread is terminated: the only way out is the budget. */
function spin(): never {
  for (;;) {
    // busy on purpose
  }
}

/** Allocates until the worker's heap limit stops it. */
function balloon(): never {
  const held: number[][] = [];
  for (;;) held.push(new Array(1_000_000).fill(held.length));
}

const TRAPS: Record<string, { word: string; run: () => never }> = {
  sentences: { word: 'RUNAWAY-SENTENCES', run: spin },
  times: { word: 'RUNAWAY-TIMES', run: spin },
  cues: { word: 'BALLOON-CUES', run: balloon },
};

/** The registered stages, three of them trapped. */
export function defaultStages(): ArticleStage[] {
  return registered().map((stage) => {
    const trap = TRAPS[stage.name];
    if (!trap) return stage;
    return { ...stage, run: (article, ctx) => (article.text.includes(trap.word) ? trap.run() : stage.run(article, ctx)) };
  });
}
