import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestItems } from '../../src/engine/ingest.js';
import { makeDocument } from '../../src/ingest/records.js';
import { layer } from '../../src/model/article.js';
import { BudgetedPipeline } from '../../src/pipeline/budget.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { openStore } from '../../src/store/index.js';
import { runCli, tempDir } from '../helpers.js';

const SLOW_STAGES = new URL('./slow-stages.ts', import.meta.url).href;
/** Generous for a normal article on a busy 2-core machine (they take milliseconds), short enough for a test. */
const BUDGET_MS = 4_000;

function doc(name: string, extra: string) {
  return makeDocument(
    { kind: 'text', path: name },
    'text',
    `Harbour strike ends\n\nDock workers in Portville returned on Monday after the union said 1,500 members accepted a 4% raise. ${extra}\n`,
  );
}

test('a stage running over its time budget loses its layer with a message; the other stages and the batch go on', async () => {
  const store = await openStore(tempDir());
  try {
    const docs = [doc('a.txt', ''), doc('b.txt', 'RUNAWAY-TIMES'), doc('c.txt', 'RUNAWAY-SENTENCES'), doc('d.txt', 'The end.')];
    const report = await ingestItems(store, docs, { budget: { ms: BUDGET_MS, stagesModule: SLOW_STAGES }, link: false });
    assert.equal(report.added, 4);
    assert.deepEqual(report.problems, []);
    const [a, b, c, d] = await Promise.all(docs.map((x) => store.getArticle(x.id)));
    assert.ok(a && b && c && d);
    for (const ok of [a, d]) assert.ok(layer(ok, 'times').length > 0 && ok.messages.every((m) => !m.ruleId.endsWith('over-budget')));
    // The runaway stage is named; the stages after it still ran.
    assert.ok(b.messages.some((m) => m.ruleId === 'times:over-budget' && m.severity === 'error' && /time budget of 4000 ms/.test(m.reason)));
    assert.equal(b.layers.times, undefined);
    assert.ok(layer(b, 'quantities').length > 0 && b.layers.cues !== undefined);
    // Without sentences, every stage that needs them is left out, each with a message.
    assert.ok(c.messages.some((m) => m.ruleId === 'sentences:over-budget'));
    for (const stage of ['times', 'entities', 'quantities', 'quotes', 'cues'])
      assert.ok(
        c.messages.some((m) => m.ruleId === `${stage}:not-run`),
        stage,
      );
    assert.equal(c.layers.sentences, undefined);
    assert.ok(c.text.includes('Dock workers'), 'the article is stored with its clean text');
  } finally {
    await store.close();
  }
});

test('a stage running over its memory budget is stopped the same way', async () => {
  const pipeline = new BudgetedPipeline({ ms: 60_000, memoryMb: 700, stagesModule: SLOW_STAGES });
  try {
    const result = await pipeline.process(doc('e.txt', 'BALLOON-CUES'));
    assert.ok('article' in result);
    assert.ok(result.article.messages.some((m) => m.ruleId === 'cues:over-budget' && /memory budget of 700 MB/.test(m.reason)));
    assert.ok(result.article.layers.quotes !== undefined && result.article.layers.entities !== undefined, 'the stages before it kept their layers');
    const next = await pipeline.process(doc('f.txt', 'Nothing odd here.'));
    assert.ok('article' in next && next.article.layers.cues !== undefined, 'the next article runs in a fresh thread');
  } finally {
    await pipeline.close();
  }
});

test('a budget cannot run a pipeline object given in code (it would not reach the worker thread)', async () => {
  const store = await openStore(tempDir());
  try {
    await assert.rejects(ingestItems(store, [], { budget: true, pipeline: createPipeline([]) }), /budget/);
  } finally {
    await store.close();
  }
});

test('the CLI takes --budget-ms (0: no time limit) and refuses a value that is not a whole number', async () => {
  const dir = tempDir();
  const file = join(dir, 'a.txt');
  writeFileSync(file, 'Harbour strike ends\n\nDock workers in Portville returned on Monday after the union accepted a raise.\n');
  for (const ms of ['0', '20000']) {
    const result = await runCli(['ingest', file, '--db', join(dir, `db-${ms}`), '--json', '--budget-ms', ms]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { added: number }).added, 1);
  }
  assert.equal((await runCli(['ingest', file, '--db', join(dir, 'db'), '--budget-ms', 'soon'])).code, 2);
});
