import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingestItems } from '../src/engine/ingest.js';
import { makeDocument } from '../src/ingest/records.js';
import type { Document } from '../src/model/document.js';
import { createPipeline, type Pipeline } from '../src/pipeline/runner.js';
import { openStore } from '../src/store/index.js';
import { tempDir } from './helpers.js';

function doc(i: number): Document {
  return makeDocument(
    { kind: 'text', path: `${i}.txt` },
    'text',
    `Ferry ${i} resumes service\n\nBoats between Alderholm and Wexcombe sailed again on Tuesday after the harbour board approved ${i} new crew members for the route.\n`,
  );
}

test('articles of a slow input are committed as they come, not only once a batch of them has arrived', async () => {
  const store = await openStore(tempDir());
  try {
    const seen: boolean[] = [];
    async function* slowly(): AsyncGenerator<Document> {
      yield doc(1);
      await sleep(1_200); // longer than an article waits for its batch to fill
      yield doc(2);
      seen.push(await store.hasArticle(doc(1).id));
      yield doc(3);
    }
    const report = await ingestItems(store, slowly(), { link: false });
    assert.deepEqual(seen, [true]);
    assert.equal(report.added, 3);
  } finally {
    await store.close();
  }
});

test('more articles than a batch are all stored, in input order, with progress for each', async () => {
  const store = await openStore(tempDir());
  try {
    const docs = Array.from({ length: 70 }, (_, i) => doc(i));
    const progress: string[] = [];
    const report = await ingestItems(store, [...docs, docs[5] as Document], { link: false, onItem: (_, path) => progress.push(path) });
    assert.deepEqual(report, {
      added: 70,
      aliases: 0,
      unchanged: 1,
      problems: [],
      warnings: [],
      articleIds: [...docs.map((d) => d.id), docs[5]?.id],
    });
    assert.deepEqual(progress, [...docs.map((d) => d.source.path), '5.txt']);
    assert.deepEqual(
      await store.articleIds(),
      docs.map((d) => d.id),
    );
  } finally {
    await store.close();
  }
});

test('a batch whose transaction cannot open reports every article of it as not stored, and stores none', async () => {
  const store = await openStore(tempDir());
  try {
    const failing = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'batch') return () => Promise.reject(new Error('database is locked'));
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const docs = Array.from({ length: 3 }, (_, i) => doc(i));
    const report = await ingestItems(failing, docs, { link: false });
    assert.equal(report.added, 0);
    assert.deepEqual(
      report.problems.map((p) => [p.path, p.reason]),
      docs.map((d) => [d.source.path, 'cannot store: database is locked']),
    );
    assert.deepEqual(await store.articleIds(), []);
  } finally {
    await store.close();
  }
});

test('a copy whose first copy failed is made before its batch opens, not while holding the write lock', async () => {
  const store = await openStore(tempDir());
  try {
    let batchOpen = false;
    const watched = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'batch') {
          return async <T>(work: (s: typeof store) => Promise<T>): Promise<T> => {
            batchOpen = true;
            try {
              return await target.batch(work);
            } finally {
              batchOpen = false;
            }
          };
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const inner = createPipeline([]);
    const runs: boolean[] = [];
    const pipeline: Pipeline = {
      stages: inner.stages,
      run(article) {
        runs.push(batchOpen);
        if (runs.length === 1) throw new Error('first copy fails');
        return inner.run(article);
      },
    };
    const first = doc(1);
    const copy = makeDocument({ kind: 'text', path: 'copy.txt' }, 'text', first.raw);
    const report = await ingestItems(watched, [first, copy], { link: false, pipeline });
    assert.deepEqual(runs, [false, false]);
    assert.equal(report.added, 1);
    assert.deepEqual(
      report.problems.map((p) => [p.path, p.reason]),
      [['1.txt', 'cannot process: first copy fails']],
    );
    assert.deepEqual(await store.articleIds(), [first.id]);
  } finally {
    await store.close();
  }
});
