import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createPipeline, openStore, type Store, type StoryPage } from '../../src/index.js';
import { closeApp, createApp } from '../../src/server/index.js';
import { ReadPool } from '../../src/server/read-pool.js';
import { tempDir } from '../helpers.js';
import { pair } from '../store/contract.js';
import { pgSkip, scratchDatabases } from '../store/pg-scratch.js';

// Fictional articles (written for these tests).
const FERRY = pair('Ferry crews in Portville stopped work on Tuesday over night-shift pay, and the harbour stood still.', {
  title: 'Portville ferry crews stop work',
  path: 'in/ferry.txt',
});
const MILL = pair('The council of Ashford voted to turn the old textile mill into a library with a reading garden.', {
  title: 'Ashford mill becomes a library',
  path: 'in/mill.txt',
});
const KITES = pair('Thousands of families flew kites over the Lindenmoor dunes on Sunday at the yearly festival.', {
  title: 'Kites over Lindenmoor',
  path: 'in/kites.txt',
});

function storyOf(title: string, ...articles: Array<{ article: { id: string } }>) {
  const ids = articles.map((a) => a.article.id);
  return { id: `s-${[...ids].sort()[0]}`, title, articleIds: ids, sources: ids.map((id) => ({ name: id, articleIds: [id] })), events: [] };
}

async function fresh(): Promise<{ dir: string; store: Store }> {
  const dir = tempDir('tri-reads-');
  return { dir, store: await openStore(dir) };
}

test('read threads see every committed write and nothing uncommitted, and answer while a write is open', async () => {
  const { dir, store } = await fresh();
  const pool = new ReadPool(store, dir, 2);
  await pool.warm(); // until then reads are answered on this thread's connection, which the write below holds
  try {
    const counts = async (): Promise<number[]> => (await Promise.all([pool.run({ op: 'counts' }), pool.run({ op: 'counts' })])).map((c) => c.articles);
    assert.deepEqual(await counts(), [0, 0]);
    await store.putArticle(FERRY.article, FERRY.document);
    assert.deepEqual(await counts(), [1, 1], 'both threads see the commit at once');
    await store.exclusive(async (writing) => {
      await writing.putArticle(MILL.article, MILL.document);
      // The write transaction is open: readers are not blocked by it, and do not see it.
      assert.deepEqual(await counts(), [1, 1]);
    });
    assert.deepEqual(await counts(), [2, 2]);
    const found = JSON.parse((await pool.run({ op: 'articles', query: { q: 'Ashford', limit: 10, offset: 0 } })).body) as { items: Array<{ id: string }> };
    assert.deepEqual(
      found.items.map((a) => a.id),
      [MILL.article.id],
    );
  } finally {
    await pool.close();
    await store.close();
  }
});

test('the read pool survives a bad query: the caller gets the error, the next reads are answered', async () => {
  const { dir, store } = await fresh();
  await store.putArticle(FERRY.article, FERRY.document);
  const pool = new ReadPool(store, dir, 2);
  try {
    // Values no route would send (the routes validate their parameters) reach SQLite, which refuses them.
    await assert.rejects(pool.run({ op: 'stories', query: { limit: 'many' as unknown as number, offset: 0 } }), /datatype mismatch/);
    await assert.rejects(pool.run({ op: 'articles', query: { limit: 5, offset: 'abc' as unknown as number } }), /datatype mismatch/);
    await assert.rejects(pool.run({ op: 'drop everything' } as unknown as { op: 'counts' }), /no read named/);
    const answers = await Promise.all(Array.from({ length: 4 }, () => pool.run({ op: 'counts' })));
    assert.deepEqual(
      answers.map((a) => a.articles),
      [1, 1, 1, 1],
    );
    assert.ok(await pool.run({ op: 'article', articleId: FERRY.article.id }));
  } finally {
    await pool.close();
    await store.close();
  }
});

/** Serves a store through an app with read threads and checks that its dossiers are stored per story version. */
async function storedPerVersion(dir: string): Promise<void> {
  const store = await openStore(dir);
  const web = tempDir('tri-web-');
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>ui</title>');
  for (const p of [FERRY, MILL, KITES]) await store.putArticle(p.article, p.document);
  const ferry = storyOf('Portville ferry crews stop work', FERRY);
  await store.saveStories([ferry, storyOf('Kites over Lindenmoor', KITES)]);
  const app = createApp({ store, storeLocation: dir, pipeline: createPipeline([]), webRoot: web, log: () => undefined });
  const stored = async (): Promise<string | null> => {
    // The dossier thread stores a dossier just after answering; wait a little for it.
    for (let i = 0; i < 100; i++) {
      const found = await store.storedDossier(ferry.id, 'md');
      if (found?.dossier) return found.dossier.etag;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  };
  try {
    const first = await app.request(`/api/stories/${ferry.id}?format=md`);
    assert.equal(first.status, 200);
    assert.match(await first.text(), /Portville ferry crews stop work/);
    const tag = first.headers.get('etag');
    assert.equal(await stored(), tag, 'kept in the store under the ETag it was served with');
    const again = await app.request(`/api/stories/${ferry.id}?format=md`);
    assert.equal(again.headers.get('etag'), tag);

    // Linking adds the mill article to the story: its stored dossier is dropped, and the next request builds anew.
    await store.saveStories([{ ...storyOf('Portville strike and Ashford mill', FERRY, MILL), id: ferry.id }]);
    assert.equal((await store.storedDossier(ferry.id, 'md'))?.dossier, null);
    const changed = await app.request(`/api/stories/${ferry.id}?format=md`);
    assert.equal(changed.status, 200);
    const text = await changed.text();
    assert.match(text, /Portville strike and Ashford mill/);
    assert.notEqual(changed.headers.get('etag'), tag);
    assert.equal(await stored(), changed.headers.get('etag'));

    // The list, read by a read thread, shows the committed change too.
    const list = (await (await app.request('/api/stories')).json()) as StoryPage;
    assert.deepEqual(
      list.items.map((s) => [s.title, s.articleCount]),
      [
        ['Portville strike and Ashford mill', 2],
        ['Kites over Lindenmoor', 1],
      ],
    );
    assert.equal((await app.request('/api/stories/s-00000000deadbeef')).status, 404);
    const reader = await openStore(dir, { readOnly: true });
    const unseen = pair('The Quenby ferry timetable adds a late boat on Fridays from next month.', { path: 'in/timetable.txt' });
    await assert.rejects(reader.putArticle(unseen.article, unseen.document), /read-?only/i, 'a read connection refuses writes');
    await reader.close();
  } finally {
    await closeApp(app);
    await store.close();
  }
}

test('a served dossier is stored for its story version and rebuilt, not served stale, after the story changes', async () => {
  await storedPerVersion(tempDir('tri-reads-'));
});

const databases = scratchDatabases();
test('the same on PostgreSQL (read threads with read-only sessions)', { skip: await pgSkip() }, async () => {
  await storedPerVersion(await databases.create());
});
