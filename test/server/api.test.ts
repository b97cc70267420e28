import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { AnalysisSchema, type ArticlePage, type ArticleView, type IngestEvent, type Store, type StoryPage } from '../../src/index.js';
import { DossierPool } from '../../src/server/dossier-pool.js';
import { dossiersBuiltAhead } from '../../src/server/index.js';
import { ReadPool } from '../../src/server/read-pool.js';
import { fictionalArticle, oneStoryPerArticle, testApp, upload, uploadForm } from './helpers.js';

/** Stories in the test store: enough for three pages of two. */
const STORIES = 5;

describe('HTTP API reads', () => {
  let app: Hono;
  let store: Store;
  let articleIds: string[] = [];

  before(async () => {
    ({ app, store } = await testApp());
    const response = await upload(
      app,
      Array.from({ length: STORIES }, (_, i) => fictionalArticle(i)),
    );
    assert.equal(response.status, 200);
    articleIds = ((await response.json()) as { articleIds: string[] }).articleIds;
    await oneStoryPerArticle(store);
  });
  after(() => store.close());

  test('health reports counts', async () => {
    const response = await app.request('/api/health');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', version: '0.1.0', articles: STORIES, stories: STORIES, writeRequiresToken: false });
  });

  test('stories paginate with limit, offset, next and total', async () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const response = await app.request(`/api/stories?limit=2&offset=${offset}`);
      assert.equal(response.status, 200);
      const page = (await response.json()) as StoryPage;
      assert.equal(page.total, STORIES);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((s) => s.id));
      offset = page.next;
      pages++;
    }
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, STORIES, 'every story once across pages');
  });

  test('stories paginate by cursor: nextCursor, then after=, the same stories as by offset', async () => {
    const byOffset = ((await (await app.request(`/api/stories?limit=${STORIES}`)).json()) as StoryPage).items.map((s) => s.id);
    const seen: string[] = [];
    let path: string | null = '/api/stories?limit=2';
    while (path !== null) {
      const response = await app.request(path);
      assert.equal(response.status, 200);
      const page = (await response.json()) as StoryPage;
      seen.push(...page.items.map((s) => s.id));
      if (path.includes('after=')) assert.equal(page.next, null, 'no offset when paging by cursor');
      path = page.nextCursor === null ? null : `/api/stories?limit=2&after=${encodeURIComponent(page.nextCursor)}`;
    }
    assert.deepEqual(seen, byOffset);
    const filtered = (await (await app.request('/api/stories?limit=2&minSources=1')).json()) as StoryPage;
    const rest = (await (await app.request(`/api/stories?limit=10&minSources=1&after=${encodeURIComponent(filtered.nextCursor ?? '')}`)).json()) as StoryPage;
    assert.deepEqual(
      [...filtered.items, ...rest.items].map((s) => s.id),
      byOffset,
      'a filtered list resumes by cursor too',
    );
    for (const bad of ['after=12', 'after=3.s-zz', 'after=1.s-0123456789abcdef&q=port', 'after=1.s-0123456789abcdef&offset=2'])
      assert.equal((await app.request(`/api/stories?${bad}`)).status, 400, bad);
  });

  test('story search and filters', async () => {
    const search = (await (await app.request('/api/stories?q=Astwick')).json()) as StoryPage;
    assert.equal(search.items.length, 1);
    assert.match(search.items[0]?.title ?? '', /Astwick/);
    assert.equal(search.total, null, 'no total without a scan when searching');
    const none = (await (await app.request('/api/stories?minSources=2')).json()) as StoryPage;
    assert.deepEqual(none.items, []);
    const english = (await (await app.request('/api/stories?minSources=1&limit=2&offset=2')).json()) as StoryPage;
    assert.equal(english.items.length, 2);
    assert.equal(english.next, 4);
  });

  test('ETag and If-None-Match give 304 until the data changes', async () => {
    const first = await app.request('/api/stories');
    const tag = first.headers.get('etag');
    assert.ok(tag, 'list carries an ETag');
    const again = await app.request('/api/stories', { headers: { 'If-None-Match': tag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const article = await app.request(`/api/articles/${articleIds[0]}`);
    const articleTag = article.headers.get('etag') ?? '';
    assert.equal((await app.request(`/api/articles/${articleIds[0]}`, { headers: { 'If-None-Match': articleTag } })).status, 304);

    const extra = await upload(app, [fictionalArticle(5)]);
    assert.equal(extra.status, 200);
    const changed = await app.request('/api/stories', { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
  });

  test('articles list, search and one article with its annotations', async () => {
    const list = (await (await app.request('/api/articles?limit=3')).json()) as ArticlePage;
    assert.equal(list.items.length, 3);
    assert.equal(list.next, 3);
    const found = (await (await app.request('/api/articles?q=Dunholt')).json()) as ArticlePage;
    assert.equal(found.items.length, 1);
    const view = (await (await app.request(`/api/articles/${articleIds[0]}`)).json()) as ArticleView;
    assert.equal(view.article.id, articleIds[0]);
    assert.match(view.article.text, /Marlow Cove/);
    assert.ok(view.storyId?.startsWith('s-'));
    assert.ok(Array.isArray(view.repairs));
    assert.equal(typeof view.layers, 'object');
  });

  test('a dossier as contract JSON, Markdown and sandboxed HTML', async () => {
    await oneStoryPerArticle(store);
    const view = (await (await app.request(`/api/articles/${articleIds[1]}`)).json()) as ArticleView;
    const id = view.storyId ?? '';
    const json = await app.request(`/api/stories/${id}`);
    assert.equal(json.status, 200);
    const analysis = AnalysisSchema.parse(await json.json());
    assert.equal(analysis.stories[0]?.id, id);
    assert.deepEqual(
      analysis.articles.map((a) => a.id),
      [articleIds[1]],
    );
    const md = await app.request(`/api/stories/${id}?format=md`);
    assert.match(md.headers.get('content-type') ?? '', /^text\/markdown/);
    assert.match(await md.text(), /Quenby/);
    const html = await app.request(`/api/stories/${id}?format=html`);
    assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
    const csp = html.headers.get('content-security-policy') ?? '';
    assert.match(csp, /sandbox/);
    assert.doesNotMatch(csp, /script-src/);
    const cached = await app.request(`/api/stories/${id}?format=html`, { headers: { 'If-None-Match': html.headers.get('etag') ?? '' } });
    assert.equal(cached.status, 304);
    assert.equal(cached.headers.get('content-security-policy'), csp, 'a 304 keeps the policy the browser will copy onto its cached page');
  });

  test('a story id that linking renamed redirects to the story its article is in now', async () => {
    await oneStoryPerArticle(store);
    const [first = '', second = ''] = [...articleIds].sort();
    // The two articles now form one story, named after the smaller id: the larger one's old story id is stale.
    await store.saveStories(
      [{ id: `s-${first}`, title: 'merged', articleIds: [first, second], sources: [{ name: 'x', articleIds: [first, second] }], events: [] }],
      [`s-${second}`],
    );
    const moved = await app.request(`/api/stories/s-${second}?format=md`);
    assert.equal(moved.status, 308);
    assert.equal(moved.headers.get('location'), `/api/stories/s-${first}?format=md`);
    assert.equal((await app.request(`/api/stories/s-${first}`)).status, 200);
    assert.equal((await app.request('/api/stories/s-0000000000000000')).status, 404, 'an id no article ever had is still a 404');
    await oneStoryPerArticle(store);
  });

  test('errors are JSON with a stable code and the mapped status', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/stories?limit=0', 400, 'E_USAGE'],
      ['/api/stories?limit=abc', 400, 'E_USAGE'],
      ['/api/stories?language=english', 400, 'E_USAGE'],
      ['/api/stories/s-00000000deadbeef', 404, 'E_NOT_FOUND'],
      ['/api/stories/not-an-id', 400, 'E_USAGE'],
      ['/api/stories/s-0123456789abcdef?format=pdf', 400, 'E_USAGE'],
      ['/api/articles/0000000000000000', 404, 'E_NOT_FOUND'],
      ['/api/nothing-here', 404, 'E_NOT_FOUND'],
    ];
    for (const [path, status, code] of cases) {
      const response = await app.request(path);
      assert.equal(response.status, status, path);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/, path);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code, path);
      assert.ok(body.error.message.length > 0, path);
    }
  });

  test('ingest progress streams NDJSON events ending with the report', async () => {
    const response = await app.request('/api/ingest?progress=1', {
      method: 'POST',
      body: uploadForm([fictionalArticle(6)], ['Pasted note about the Windle pier (item 99).']),
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/x-ndjson/);
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as IngestEvent);
    assert.deepEqual(
      events.map((e) => e.type),
      ['start', 'item', 'item', 'linking', 'done'],
    );
    const done = events.at(-1);
    assert.ok(done?.type === 'done');
    assert.equal(done.report.added, 2);
    const item = events[1];
    assert.ok(item?.type === 'item');
    assert.equal(item.path, 'upload/town-6.txt');
  });

  test('the OpenAPI document describes every route', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/health', '/api/stories', '/api/stories/{id}', '/api/articles', '/api/articles/{id}', '/api/ingest', '/api/ingest/urls'])
      assert.ok(doc.paths[path], path);
    for (const name of ['Analysis', 'StoryPage', 'ArticleView', 'IngestReport', 'Error']) assert.ok(doc.components.schemas[name], name);
  });
});

describe('dossier cache', () => {
  test('a dossier is built once per story version, stored, and rebuilt when the story changes', async () => {
    const { app, store } = await testApp();
    try {
      assert.equal((await upload(app, [fictionalArticle(0), fictionalArticle(1)])).status, 200);
      await oneStoryPerArticle(store);
      let builds = 0;
      // Counts article loads: each build loads the story's articles once.
      const counted = new Proxy(store, {
        get(target, name) {
          const value = Reflect.get(target, name) as unknown;
          if (name === 'getArticles') builds++;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const cache = new DossierPool(counted, new ReadPool(counted, undefined), undefined);
      const [first = '', second = ''] = await store.storyIds();
      const a = await cache.get(first, 'json');
      assert.equal((await cache.get(first, 'json')).etag, a.etag, 'the same story is served from the stored dossier');
      assert.equal(builds, 1);
      assert.equal((await store.storedDossier(first, 'json'))?.dossier?.etag, a.etag, 'kept in the store for its version');
      await cache.get(first, 'html');
      await cache.get(first, 'html');
      assert.equal(builds, 1, 'the HTML is rendered from the built dossier, then stored beside the JSON');
      // Another server over the same store (a restart, a second process) reads it instead of building.
      const other = new DossierPool(counted, new ReadPool(counted, undefined), undefined);
      assert.equal((await other.get(first, 'html')).etag, (await cache.get(first, 'html')).etag);
      assert.equal(builds, 1);
      const story = await store.getStory(first);
      assert.ok(story);
      await store.saveStories([{ ...story, title: 'Renamed by a later linking pass' }]);
      const b = await cache.get(first, 'json');
      assert.notEqual(b.etag, a.etag);
      assert.equal(builds, 2);
      const text = (r: { body: Uint8Array }): string => Buffer.from(r.body).toString('utf8');
      assert.equal((JSON.parse(text(b)) as { stories: Array<{ title: string }> }).stories[0]?.title, 'Renamed by a later linking pass');
      assert.notEqual(text(await cache.get(second, 'json')), text(b));
      await assert.rejects(cache.get('s-00000000deadbeef', 'json'), /no story/);
    } finally {
      await store.close();
    }
  });

  test('an ingest builds and stores the dossiers of the stories it changed before anyone asks', async () => {
    const { app, store } = await testApp();
    try {
      const report = (await (await upload(app, [fictionalArticle(2)])).json()) as { articleIds: string[] };
      await dossiersBuiltAhead(app);
      const storyId = await store.storyOf(report.articleIds[0] ?? '');
      assert.ok(storyId, 'the article was linked into a story');
      const stored = await store.storedDossier(storyId, 'json');
      assert.ok(stored?.dossier, 'the JSON dossier is stored without a request');
      assert.ok((await store.storedDossier(storyId, 'html'))?.dossier, 'and the dossier page');
      const served = await app.request(`/api/stories/${storyId}`);
      assert.equal(served.headers.get('etag'), stored.dossier.etag, 'the first request is answered from it');
    } finally {
      await store.close();
    }
  });

  test('dossiers built ahead go newest change first', async () => {
    const { app, store } = await testApp();
    try {
      assert.equal((await upload(app, [fictionalArticle(3), fictionalArticle(4), fictionalArticle(5)])).status, 200);
      await oneStoryPerArticle(store);
      const order: string[] = [];
      const watched = new Proxy(store, {
        get(target, name) {
          const value = Reflect.get(target, name) as unknown;
          if (name === 'getStory')
            return (id: string) => {
              order.push(id);
              return target.getStory(id);
            };
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const pool = new DossierPool(watched, new ReadPool(watched, undefined), undefined);
      const [a = '', b = '', c = ''] = await store.storyIds();
      const ahead = pool.buildAhead([a, b]);
      void pool.buildAhead([c]);
      await ahead;
      assert.deepEqual([...new Set(order)], [c, a, b], 'the latest change first, then the earlier ones in their order');
      for (const id of [a, b, c]) assert.ok((await store.storedDossier(id, 'json'))?.dossier);
    } finally {
      await store.close();
    }
  });
});
