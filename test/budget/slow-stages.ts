// Stages for the budget and pool tests: the registered ones, with `sentences` and `times` made to run away on
// articles that ask for it (a loop that never yields, as a catastrophic regex would), `cues` to allocate without
// bound, `entities` to end its thread (as a native crash would) and `quotes` to take a while (so later articles
// finish first).
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

/** Ends the worker thread in the middle of the stage. */
function crash(): never {
  process.exit(3);
}

/** Blocks the thread for a moment, then lets the stage run. */
function dawdle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
}

const TRAPS: Record<string, { word: string; run: () => void }> = {
  sentences: { word: 'RUNAWAY-SENTENCES', run: spin },
  times: { word: 'RUNAWAY-TIMES', run: spin },
  cues: { word: 'BALLOON-CUES', run: balloon },
  entities: { word: 'CRASH-ENTITIES', run: crash },
  quotes: { word: 'SLOW-QUOTES', run: dawdle },
};

/** The registered stages, five of them trapped. */
export function defaultStages(): ArticleStage[] {
  return registered().map((stage) => {
    const trap = TRAPS[stage.name];
    if (!trap) return stage;
    return {
      ...stage,
      run: (article, ctx) => {
        if (article.text.includes(trap.word)) trap.run();
        return stage.run(article, ctx);
      },
    };
  });
}
