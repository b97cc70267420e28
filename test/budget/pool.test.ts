import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestItems } from '../../src/engine/ingest.js';
import { makeDocument } from '../../src/ingest/records.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

const SLOW_STAGES = new URL('./slow-stages.ts', import.meta.url).href;
/** Far above a normal article's milliseconds on a busy 2-core machine: in these tests only a crash stops a stage. */
const BUDGET_MS = 20_000;

function doc(name: string, extra: string) {
  return makeDocument(
    { kind: 'text', path: name },
    'text',
    `Ferry service resumes\n\nBoats between Alderholm and Wexcombe sailed again on Tuesday after the harbour board approved 12 new crew. ${extra}\n`,
  );
}

/** The store, with every article it is asked to store recorded in the order asked (in batches too). */
function recording(store: Store, order: string[]): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'putArticle')
        return (...args: Parameters<Store['putArticle']>) => {
          order.push(args[1].source.path);
          return target.putArticle(...args);
        };
      if (key === 'batch') return <T>(work: (writer: Store) => Promise<T>) => target.batch((writer) => work(recording(writer, order)));
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

test('articles made on two threads are stored in input order, even when a later one is finished first', async () => {
  const store = await openStore(tempDir());
  try {
    const docs = [doc('1.txt', 'SLOW-QUOTES'), doc('2.txt', 'Two.'), doc('3.txt', 'Three.'), doc('4.txt', 'SLOW-QUOTES Four.'), doc('5.txt', 'Five.')];
    const order: string[] = [];
    const progress: string[] = [];
    const report = await ingestItems(recording(store, order), docs, {
      budget: { ms: BUDGET_MS, stagesModule: SLOW_STAGES },
      threads: 2,
      link: false,
      onItem: (_, path) => progress.push(path),
    });
    const names = docs.map((d) => d.source.path);
    assert.deepEqual(order, names);
    assert.deepEqual(progress, names);
    assert.deepEqual(
      report.articleIds,
      docs.map((d) => d.id),
    );
    assert.equal(report.added, 5);
  } finally {
    await store.close();
  }
});

test('an article that crashes its worker thread is reported with its file; the others, on the same and the other thread, are whole', async () => {
  const store = await openStore(tempDir());
  try {
    const docs = [doc('a.txt', 'Alpha.'), doc('poisoned.txt', 'CRASH-ENTITIES'), doc('c.txt', 'Gamma.'), doc('d.txt', 'Delta.'), doc('e.txt', 'Epsilon.')];
    const report = await ingestItems(store, docs, { budget: { ms: BUDGET_MS, stagesModule: SLOW_STAGES }, threads: 2, link: false });
    assert.equal(report.added, 5);
    assert.deepEqual(report.problems, []);
    assert.equal(report.warnings.length, 1);
    assert.equal(report.warnings[0]?.path, 'poisoned.txt');
    assert.match(report.warnings[0]?.reason ?? '', /^entities stopped its thread/);
    const [a, poisoned, ...rest] = await store.getArticles(docs.map((d) => d.id));
    assert.ok(poisoned && poisoned.layers.entities === undefined);
    assert.ok(poisoned.messages.some((m) => m.ruleId === 'entities:over-budget' && m.severity === 'error'));
    assert.ok(poisoned.layers.sentences !== undefined && poisoned.layers.cues !== undefined, 'the stages after the crash ran in a fresh thread');
    for (const whole of [a, ...rest]) {
      assert.ok(whole?.layers.entities !== undefined, whole?.source.path);
      assert.ok(whole.messages.every((m) => !m.ruleId.endsWith('over-budget')));
    }
  } finally {
    await store.close();
  }
});

test('the same content read twice while the first copy is still on a thread is stored once and named twice', async () => {
  const store = await openStore(tempDir());
  try {
    const first = doc('first.txt', 'Same.');
    const copy = makeDocument({ kind: 'text', path: 'copy.txt' }, 'text', first.raw);
    const report = await ingestItems(store, [first, copy, doc('other.txt', 'Other.')], { threads: 2, link: false });
    assert.deepEqual([report.added, report.aliases, report.articleIds.length], [2, 1, 3]);
    // Re-ingesting the same input changes nothing.
    const again = await ingestItems(store, [first, copy], { threads: 2, link: false });
    assert.deepEqual([again.added, again.aliases, again.unchanged], [0, 0, 2]);
  } finally {
    await store.close();
  }
});

test('analyze of the sample corpus on two worker threads prints exactly what it prints in one thread', async () => {
  const corpus = join(ROOT, 'samples', 'corpus');
  const inThread = await runCli(['analyze', corpus, '--json', '--threads', '0']);
  const pooled = await runCli(['analyze', corpus, '--json', '--threads', '2']);
  assert.equal(inThread.code, 0, inThread.stderr);
  assert.equal(pooled.code, 0, pooled.stderr);
  assert.ok((JSON.parse(inThread.stdout) as { stories: unknown[] }).stories.length > 1);
  assert.equal(pooled.stdout, inThread.stdout);
});

test('the CLI refuses --threads that is not a whole number', async () => {
  const dir = tempDir();
  const result = await runCli(['ingest', join(ROOT, 'samples', 'corpus'), '--db', join(dir, 'db'), '--threads', 'many']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--threads must be a whole number/);
});
