import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore, type Store, type StoryPage } from '../../src/index.js';
import type { Story } from '../../src/model/story.js';
import { LIST_CACHE } from '../../src/server/read-cache.js';
import { ReadPool } from '../../src/server/read-pool.js';
import { tempDir } from '../helpers.js';
import { pair } from '../store/contract.js';

// Fictional articles (written for these tests).
const LOCK = pair('The canal lock at Wrenfield was reopened on Monday after the winter repairs.', { title: 'Wrenfield lock reopens', path: 'in/lock.txt' });
const BRIDGE = pair('Engineers closed the Wrenfield footbridge over the canal after a storm bent its railings.', {
  title: 'Wrenfield footbridge closed',
  path: 'in/bridge.txt',
});

function story(...articles: Array<{ article: { id: string } }>): Story {
  const ids = articles.map((a) => a.article.id);
  return { id: `s-${[...ids].sort()[0]}`, title: ids.join(' '), articleIds: ids, sources: ids.map((id) => ({ name: id, articleIds: [id] })), events: [] };
}

async function listed(pool: ReadPool, query: { q?: string }): Promise<string[]> {
  const answer = await pool.run({ op: 'stories', query: { limit: 50, offset: 0, ...query } });
  return (JSON.parse(answer.body) as StoryPage).items.map((s) => s.id);
}

/** The list and a search, read twice (the second from the cache), then a write, then read again. */
async function seesEachWrite(pool: ReadPool, writer: Store): Promise<void> {
  await writer.putArticle(LOCK.article, LOCK.document);
  await writer.saveStories([story(LOCK)]);
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(await listed(pool, {}), [story(LOCK).id]);
    assert.deepEqual(await listed(pool, { q: 'canal' }), [story(LOCK).id]);
  }
  assert.ok(pool.cache.size >= 2, 'the answers are kept');
  await writer.putArticle(BRIDGE.article, BRIDGE.document);
  await writer.saveStories([story(BRIDGE)]);
  assert.deepEqual((await listed(pool, {})).sort(), [story(LOCK).id, story(BRIDGE).id].sort(), 'the new story is listed right after its commit');
  assert.deepEqual(await listed(pool, { q: 'footbridge' }), [story(BRIDGE).id], 'and found');
  assert.equal((await listed(pool, { q: 'canal' })).length, 2);
}

test('read cache: a commit on the connection the server reads through shows in the next list and search', async () => {
  const store = await openStore(tempDir('tri-cache-'));
  const pool = new ReadPool(store, undefined); // no threads: reads on this connection, which also writes
  try {
    await seesEachWrite(pool, store);
  } finally {
    await store.close();
  }
});

test('read cache: a commit by another connection (read threads, a second writer) shows in the next list and search', async () => {
  const dir = tempDir('tri-cache-');
  const store = await openStore(dir);
  const writer = await openStore(dir);
  const pool = new ReadPool(store, dir, 2);
  await pool.warm();
  try {
    await seesEachWrite(pool, writer);
  } finally {
    await pool.close();
    await writer.close();
    await store.close();
  }
});

test('read cache: concurrent requests for one answer share one read, and the entries stay bounded', async () => {
  const store = await openStore(tempDir('tri-cache-'));
  await store.putArticle(LOCK.article, LOCK.document);
  await store.saveStories([story(LOCK)]);
  let reads = 0;
  const counting = new Proxy(store, {
    get: (target, key, receiver) => {
      if (key === 'listStories') reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const pool = new ReadPool(counting, undefined);
  try {
    const answers = await Promise.all(Array.from({ length: 20 }, () => listed(pool, {})));
    assert.equal(reads, 1, '20 concurrent requests ran one read');
    assert.equal(new Set(answers.map((a) => a.join())).size, 1);
    for (let offset = 0; offset < LIST_CACHE.entries + 20; offset++) await pool.run({ op: 'stories', query: { limit: 1, offset } });
    assert.equal(pool.cache.size, LIST_CACHE.entries);
  } finally {
    await store.close();
  }
});
