import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createPipeline, ingest, openStore, type Store } from '../../src/index.js';
import { DossierPool, FEED_BACKLOG, FEED_BATCH } from '../../src/server/dossier-pool.js';
import { closeApp, createApp, dossiersBuiltAhead } from '../../src/server/index.js';
import { ReadPool } from '../../src/server/read-pool.js';
import { tempDir } from '../helpers.js';
import { fictionalArticle, oneStoryPerArticle, testApp, upload } from './helpers.js';

/** Waits until `check` holds, polling; fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A pool over the store (no HTTP, no feed timer) that records the stories it builds, in order. */
function watchedPool(store: Store): { pool: DossierPool; built: string[] } {
  const built: string[] = [];
  const watched = new Proxy(store, {
    get(target, name) {
      const value = Reflect.get(target, name) as unknown;
      if (name === 'getStory')
        return (id: string) => {
          if (built[built.length - 1] !== id) built.push(id);
          return target.getStory(id);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { pool: new DossierPool(watched, new ReadPool(watched, undefined), undefined), built };
}

/**
 * Uploads more articles than one feed batch, waits for the server's own build-ahead, and returns a watched pool that
 * has read the feed up to now (it starts from the latest changes: the upload's stories, stored already).
 */
async function caughtUpPool(app: Awaited<ReturnType<typeof testApp>>['app'], store: Store): Promise<{ articles: number; pool: DossierPool; built: string[] }> {
  const articles = FEED_BATCH + 8;
  const uploaded = await upload(
    app,
    Array.from({ length: articles }, (_, i) => fictionalArticle(i)),
  );
  assert.equal(uploaded.status, 200);
  await dossiersBuiltAhead(app);
  const { pool, built } = watchedPool(store);
  await pool.pollFeed();
  built.length = 0;
  return { articles, pool, built };
}

describe('the changed-stories feed', () => {
  test('a story linked by another process gets its dossier built ahead, with no request', async () => {
    const dir = tempDir('tri-feed-');
    const store = await openStore(dir);
    const app = createApp({ store, pipeline: createPipeline([]), log: () => undefined, changeFeedMs: 20 });
    // The other process: its own connection to the same store, ingesting (and linking) as `triangulate ingest` does.
    const other = await openStore(dir);
    try {
      const files = tempDir('tri-feed-files-');
      const path = join(files, 'harbour.txt');
      writeFileSync(path, fictionalArticle(1).text);
      const report = await ingest(other, [path], { pipeline: createPipeline([]) });
      const storyId = await other.storyOf(report.articleIds[0] ?? '');
      assert.ok(storyId, 'the other process linked the article into a story');
      await eventually(async () => (await store.storedDossier(storyId, 'json'))?.dossier != null, 10_000, 'the JSON dossier is stored');
      await eventually(async () => (await store.storedDossier(storyId, 'html'))?.dossier != null, 10_000, 'and the page');
      const stored = await store.storedDossier(storyId, 'json');
      const served = await app.request(`/api/stories/${storyId}`);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('etag'), stored?.dossier?.etag, 'the first request is answered from it');
    } finally {
      await closeApp(app);
      await other.close();
      await store.close();
    }
  });

  test('the feed is read oldest change first, at most a batch at a time, each version built once', async () => {
    const { app, store } = await testApp({ changeFeedMs: 0 });
    try {
      const { articles, pool, built } = await caughtUpPool(app, store);

      await oneStoryPerArticle(store); // one save of 40 stories, as another process's linker would write them
      const changed = (await store.storyChanges(null, articles)).map((c) => c.storyId);
      assert.equal(changed.length, articles);
      await pool.pollFeed();
      assert.deepEqual(built, changed.slice(0, FEED_BATCH), 'one batch, oldest change first');
      assert.equal((await store.storedDossier(changed[FEED_BATCH] ?? '', 'json'))?.dossier, null, 'the rest wait');
      await pool.pollFeed();
      assert.deepEqual(built, changed, 'the next poll takes the rest');
      for (const id of changed) assert.ok((await store.storedDossier(id, 'json'))?.dossier, `${id} stored`);

      await pool.pollFeed();
      await pool.pollFeed();
      assert.equal(built.length, articles, 'polling again without a change builds nothing');
      const [first = ''] = changed;
      const story = await store.getStory(first);
      assert.ok(story);
      await store.saveStories([{ ...story, title: `${story.title} (updated)` }]);
      await pool.pollFeed();
      assert.deepEqual(built.slice(articles), [first], 'a story saved again is built once, for its new version');
      await pool.close();
    } finally {
      await closeApp(app);
      await store.close();
    }
  });

  test('a feed fallen far behind skips to its latest changes instead of building every story', async () => {
    const { app, store } = await testApp({ changeFeedMs: 0 });
    try {
      const { articles, pool, built } = await caughtUpPool(app, store);
      // More saves than FEED_BACKLOG since the last change the pool read (each re-save numbers every story again).
      for (let saves = 0; saves * articles <= FEED_BACKLOG; saves++) await oneStoryPerArticle(store);
      const latest = (await store.storyChanges(null, FEED_BATCH)).map((c) => c.storyId);
      await pool.pollFeed();
      await pool.pollFeed();
      assert.deepEqual(built, latest, 'only the latest batch is built; the older changes wait for a reader');
      await pool.close();
    } finally {
      await closeApp(app);
      await store.close();
    }
  });
});
