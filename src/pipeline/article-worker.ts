// Worker-thread entry of the budgeted pipeline (budget.ts): cleans and annotates one document at a time, writing the
// step it is in to shared memory so the parent can name the step that ran over its budget after terminating it.
import { parentPort, workerData } from 'node:worker_threads';
import { cleanDocument } from '../clean/index.js';
import { message } from '../model/message.js';
import { articleRecord } from '../store/store.js';
import { STEP, type WorkerJob, type WorkerSetup } from './budget.js';
import { createPipeline, GIVEN, runStage } from './runner.js';
import type { ArticleStage, Requirement } from './stage.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
const { defaultStages } = (await import(setup.stagesModule)) as { defaultStages: () => ArticleStage[] };
const stages = defaultStages();

/** The stages left after skipping some, and those dropped because a requirement went with a skipped one. */
function plan(skip: readonly string[]): { run: ArticleStage[]; dropped: Array<{ stage: string; needs: string }> } {
  const available = new Set<Requirement>(GIVEN);
  const run: ArticleStage[] = [];
  const dropped: Array<{ stage: string; needs: string }> = [];
  for (const stage of stages) {
    if (skip.includes(stage.name)) continue;
    const missing = stage.requires.find((r) => !available.has(r));
    if (missing) {
      dropped.push({ stage: stage.name, needs: missing });
      continue;
    }
    run.push(stage);
    for (const p of stage.produces) available.add(p);
  }
  createPipeline(run); // checks the order; a fault here is a configuration error reported to the parent
  return { run, dropped };
}

port?.on('message', (job: WorkerJob) => {
  Atomics.store(setup.step, 0, STEP.cleaning);
  let article = cleanDocument(job.doc);
  const { run, dropped } = plan(job.skip);
  for (const stage of run) {
    Atomics.store(setup.step, 0, STEP.firstStage + stages.indexOf(stage));
    article = runStage(stage, article);
  }
  Atomics.store(setup.step, 0, STEP.idle);
  const notRun = dropped.map((d) =>
    message(d.stage, 'not-run', `not run: it needs ${d.needs}, which a stage over its budget did not make`, { severity: 'warning' }),
  );
  const added = [...notRun, ...job.messages];
  if (added.length > 0) article = { ...article, messages: [...article.messages, ...added] };
  // The record is serialised here, on this thread, rather than by the thread storing it (see ArticleRecord).
  port.postMessage(job.record ? articleRecord(article) : article);
});
port?.postMessage({ ready: stages.map((s) => s.name) });
