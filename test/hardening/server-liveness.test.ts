import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longArticle } from '../../bench/long-article.js';
import { openStore } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { tempDir } from '../helpers.js';

/** Polls /api/health until `work` settles; the slowest answer in milliseconds. */
async function slowestHealth<T>(url: string, work: Promise<T>): Promise<{ result: T; slowest: number; polls: number }> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  let slowest = 0;
  let polls = 0;
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${url}/api/health`);
    assert.equal(response.status, 200);
    await response.arrayBuffer();
    slowest = Math.max(slowest, performance.now() - started);
    polls++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { result: await settled, slowest, polls };
}

test('/api/health answers within 1 s while a large upload is annotated and its large dossier is built', { timeout: 300_000 }, async () => {
  const dir = tempDir();
  const store = await openStore(dir);
  const server = await startServer({ store, storeLocation: dir, port: 0, log: () => undefined });
  try {
    const form = new FormData();
    form.append('file', new File([longArticle(256 * 1024)], 'long.txt', { type: 'text/plain' }));
    const upload = fetch(`${server.url}/api/ingest`, { method: 'POST', body: form }).then(async (r) => ({ status: r.status, body: await r.text() }));
    const ingest = await slowestHealth(server.url, upload);
    assert.equal(ingest.result.status, 200, ingest.result.body);
    assert.equal((JSON.parse(ingest.result.body) as { added: number }).added, 1);
    assert.ok(ingest.polls > 3, `health was polled while the upload ran (${ingest.polls} times)`);
    assert.ok(ingest.slowest < 1000, `health took ${ingest.slowest.toFixed(0)} ms during the upload`);

    const [id] = await store.storyIds();
    assert.ok(id);
    const dossier = fetch(`${server.url}/api/stories/${id}?format=html`).then(async (r) => ({ status: r.status, body: await r.text() }));
    const build = await slowestHealth(server.url, dossier);
    assert.equal(build.result.status, 200);
    assert.match(build.result.body, /Harbour strike talks go on/);
    assert.ok(build.slowest < 1000, `health took ${build.slowest.toFixed(0)} ms during the dossier build`);
  } finally {
    await server.close();
    await store.close();
  }
});
