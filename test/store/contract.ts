import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { makeDocument } from '../../src/ingest/records.js';
import type { Article } from '../../src/model/article.js';
import type { Document } from '../../src/model/document.js';
import type { Story } from '../../src/model/story.js';
import { articleRecord, type Store, type StorySummary } from '../../src/store/store.js';
import { article } from '../link/fixtures.js';

/**
 * Opens a connection to one fresh, empty store per call of `fresh()`; `again()` opens a second connection to the
 * store the last `fresh()` made (another process, as far as locking is concerned), or is a reason why two
 * connections cannot be tested inside one process.
 */
export interface StoreFactory {
  fresh(): Promise<Store>;
  again: (() => Promise<Store>) | string;
}

/** A fictional article with the document it came from (the article id is the document's content hash). */
export function pair(
  text: string,
  meta: { title?: string; outlet?: string; published?: string; language?: string; path?: string } = {},
): { article: Article; document: Document } {
  const document = makeDocument({ kind: 'text', path: meta.path ?? 'in/a.txt' }, 'text', text, meta.title ? { title: meta.title } : {});
  return { article: { ...article(text, meta), id: document.id, source: document.source }, document };
}

const HARBOUR = pair('Dock workers in Portville walked out on Tuesday over night-shift pay, halting the ferry terminal.', {
  title: 'Portville dock strike halts ferries',
  outlet: 'Portville Gazette',
  published: '2031-04-02',
  path: 'in/harbour.txt',
});
const MILL = pair('The old textile mill in Ashford will become a public library, the council of Ashford decided.', {
  title: 'Ashford mill to become library',
  published: '2031-03-30',
  language: 'en',
  path: 'in/mill.txt',
});
const FESTIVAL = pair('El festival de cometas de Lindenmoor reunió a miles de familias el domingo.', {
  title: 'Festival de cometas en Lindenmoor',
  language: 'es',
  path: 'in/festival.txt',
});

function story(id: string, title: string, articleIds: string[]): Story {
  return { id, title, articleIds, sources: articleIds.map((a) => ({ name: a, articleIds: [a] })), events: [] };
}

/**
 * The Store contract, run against every backend: what the engine relies on (idempotent puts by content hash, names,
 * listing, full-text search, stories, cross-connection exclusivity). `skip` is a reason when the backend is absent.
 */
export function storeContract(backend: string, factory: StoreFactory, skip: string | false): void {
  const open: Store[] = [];
  after(async () => {
    for (const store of open) await store.close();
  });
  const fresh = async (): Promise<Store> => {
    const store = await factory.fresh();
    open.push(store);
    return store;
  };
  const twoConnections = skip || (typeof factory.again === 'string' ? factory.again : false);
  const again = async (): Promise<Store> => {
    if (typeof factory.again === 'string') throw new Error(factory.again);
    const store = await factory.again();
    open.push(store);
    return store;
  };
  const withArticles = async (): Promise<Store> => {
    const store = await fresh();
    for (const p of [HARBOUR, MILL, FESTIVAL]) await store.putArticle(p.article, p.document);
    return store;
  };

  test(`${backend}: put is idempotent by content hash; a new name is an alias`, { skip }, async () => {
    const store = await fresh();
    assert.equal(await store.putArticle(HARBOUR.article, HARBOUR.document), 'added');
    assert.equal(await store.putArticle(HARBOUR.article, HARBOUR.document), 'unchanged');
    const renamed = { ...HARBOUR.article, source: { kind: 'text' as const, path: 'elsewhere/copy.txt' } };
    assert.equal(await store.putArticle(renamed, HARBOUR.document), 'alias');
    assert.equal(await store.addName(HARBOUR.article.id, { kind: 'jsonl', path: 'dump.jsonl', line: 7 }), 'alias');
    assert.equal(await store.addName(HARBOUR.article.id, { kind: 'jsonl', path: 'dump.jsonl', line: 7 }), 'unchanged');
    assert.equal(await store.countArticles(), 1);
    assert.equal(await store.hasArticle(HARBOUR.article.id), true);
    assert.equal(await store.hasArticle('no-such-id'), false);
  });

  test(`${backend}: in a batch an article whose write fails is lost alone; the others are stored whole and searchable`, { skip }, async () => {
    const store = await fresh();
    // A record whose article row breaks a constraint after its document row was written: that row must go too.
    const broken = { ...articleRecord(MILL.article), language: null as unknown as string };
    const results = await store.batch(async (writer) => [
      await writer.putArticle(articleRecord(HARBOUR.article), HARBOUR.document),
      await writer.putArticle(broken, MILL.document).catch(() => 'failed'),
      await writer.putArticle(FESTIVAL.article, FESTIVAL.document),
    ]);
    assert.deepEqual(results, ['added', 'failed', 'added']);
    assert.deepEqual(await store.articleIds(), [HARBOUR.article.id, FESTIVAL.article.id]);
    assert.equal(await store.getDocument(MILL.document.id), null);
    assert.deepEqual(await store.getArticle(HARBOUR.article.id), HARBOUR.article);
    assert.deepEqual(
      (await store.listArticles({ query: 'ferries' })).map((a) => a.id),
      [HARBOUR.article.id],
    );
    assert.deepEqual(
      (await store.listArticles({ query: 'cometas' })).map((a) => a.id),
      [FESTIVAL.article.id],
    );
  });

  test(`${backend}: articles and documents survive the round trip; lists keep ingest order`, { skip }, async () => {
    const store = await withArticles();
    assert.deepEqual(await store.getArticle(MILL.article.id), MILL.article);
    assert.equal(await store.getArticle('missing'), null);
    assert.deepEqual(
      (await store.getArticles([FESTIVAL.article.id, 'missing', HARBOUR.article.id])).map((a) => a.id),
      [FESTIVAL.article.id, HARBOUR.article.id],
    );
    const document = await store.getDocument(HARBOUR.document.id);
    assert.deepEqual(document, { ...HARBOUR.document, messages: [] });
    assert.deepEqual(await store.articleIds(), [HARBOUR.article.id, MILL.article.id, FESTIVAL.article.id]);
    const listed = await store.listArticles({ limit: 2, offset: 1 });
    assert.deepEqual(listed, [
      {
        id: MILL.article.id,
        path: 'in/mill.txt',
        title: MILL.article.title,
        outlet: null,
        published: '2031-03-30',
        language: 'en',
        chars: MILL.article.text.length,
      },
      {
        id: FESTIVAL.article.id,
        path: 'in/festival.txt',
        title: FESTIVAL.article.title,
        outlet: null,
        published: null,
        language: 'es',
        chars: FESTIVAL.article.text.length,
      },
    ]);
    const changed = { ...MILL.article, title: 'Ashford mill becomes a library', outlet: 'Ashford Post' };
    await store.updateArticles([changed]);
    assert.deepEqual(await store.getArticle(MILL.article.id), changed);
  });

  test(`${backend}: full-text search finds words in titles and texts; query syntax in input is inert`, { skip }, async () => {
    const store = await withArticles();
    assert.deepEqual(
      (await store.listArticles({ query: 'library' })).map((a) => a.id),
      [MILL.article.id],
    );
    assert.deepEqual(
      (await store.listArticles({ query: 'ferries' })).map((a) => a.id),
      [HARBOUR.article.id],
    );
    assert.deepEqual(
      (await store.listArticles({ query: 'cometas Lindenmoor' })).map((a) => a.id),
      [FESTIVAL.article.id],
    );
    assert.deepEqual(await store.listArticles({ query: 'zeppelin' }), []);
    for (const odd of ['"', "mill' OR 1=1 --", 'NEAR(a b)', 'a & !b | c:*', '***', '']) {
      assert.ok(Array.isArray(await store.listArticles({ query: odd })), odd);
    }
  });

  test(`${backend}: a NUL character (possible in a JSONL record) is stored without shifting offsets`, { skip }, async () => {
    const store = await fresh();
    const odd = pair('Ferry timetable\u0000 for Carrow Bay, and a literal \\u0000 escape.', { title: 'Carrow\u0000 Bay ferries', path: 'in/odd.jsonl' });
    assert.equal(await store.putArticle(odd.article, odd.document), 'added');
    const back = await store.getArticle(odd.article.id);
    assert.equal(back?.text.length, odd.article.text.length);
    assert.equal((await store.getDocument(odd.document.id))?.raw.length, odd.document.raw.length);
    assert.deepEqual(
      (await store.listArticles({ query: 'timetable' })).map((a) => a.id),
      [odd.article.id],
    );
  });

  test(`${backend}: stories are saved, listed, searched, replaced and removed`, { skip }, async () => {
    const store = await withArticles();
    const both = story('s-1', 'Dock strike and mill', [HARBOUR.article.id, MILL.article.id]);
    const alone = story('s-2', 'Kite festival', [FESTIVAL.article.id]);
    await store.saveStories([both, alone]);
    assert.deepEqual(await store.getStory('s-1'), both);
    assert.equal(await store.storyOf(FESTIVAL.article.id), 's-2');
    assert.equal(await store.countStories(), 2);
    assert.deepEqual(await store.storyIds(), ['s-1', 's-2']);
    assert.deepEqual(await store.listStories(), [
      { id: 's-1', title: 'Dock strike and mill', articleCount: 2, sourceCount: 2, firstDate: '2031-03-30', lastDate: '2031-04-02', languages: ['en'] },
      { id: 's-2', title: 'Kite festival', articleCount: 1, sourceCount: 1, firstDate: null, lastDate: null, languages: ['es'] },
    ]);
    assert.deepEqual(
      (await store.listStories({ query: 'cometas' })).map((s) => s.id),
      ['s-2'],
    );
    // The mill leaves s-1 for a new story; s-2 is removed.
    await store.saveStories([story('s-1', 'Dock strike', [HARBOUR.article.id]), story('s-3', 'Mill', [MILL.article.id, FESTIVAL.article.id])], ['s-2']);
    assert.deepEqual(await store.storyIds(), ['s-1', 's-3']);
    assert.equal(await store.storyOf(MILL.article.id), 's-3');
    assert.equal(await store.storyOf(FESTIVAL.article.id), 's-3');
    assert.equal(await store.getStory('s-2'), null);
  });

  test(`${backend}: linker inputs are stored with their article, read by part, and many link entries saved at once`, { skip }, async () => {
    const store = await fresh();
    const input = { version: 7, entry: '{"id":"harbour"}', dating: '{"own":null,"fixed":false}' };
    assert.equal(await store.putArticle(HARBOUR.article, HARBOUR.document, input), 'added');
    await store.putArticle(MILL.article, MILL.document);
    const ids = [HARBOUR.article.id, MILL.article.id, 'missing'];
    assert.deepEqual([...(await store.linkInputs(ids, 'entry'))], [[HARBOUR.article.id, { version: 7, value: input.entry }]]);
    assert.deepEqual([...(await store.linkInputs(ids, 'dating'))], [[HARBOUR.article.id, { version: 7, value: input.dating }]]);
    // The marks are read inside the engine, without loading the articles.
    await store.updateArticles([{ ...MILL.article, provenance: { ...MILL.article.provenance, duplicateOf: HARBOUR.article.id } }]);
    const marks = await store.duplicateMarks(ids);
    assert.deepEqual(
      new Map(marks),
      new Map([
        [HARBOUR.article.id, null],
        [MILL.article.id, HARBOUR.article.id],
      ]),
    );
    // Marks written without loading the articles store what `updateArticles` of the changed article would, also
    // from a mark that the text edit cannot take (an escape in it) and back to none.
    const marked = (duplicateOf: string | null) => ({ ...HARBOUR.article, provenance: { ...HARBOUR.article.provenance, duplicateOf } });
    for (const [from, to] of [
      [null, MILL.article.id],
      [MILL.article.id, 'a\\"b'],
      ['a\\"b', null],
    ] as const) {
      assert.deepEqual(await store.duplicateMarks([HARBOUR.article.id]), new Map([[HARBOUR.article.id, from]]));
      await store.markDuplicates([
        [HARBOUR.article.id, to],
        ['missing', to],
      ]);
      assert.deepEqual(await store.getArticles([HARBOUR.article.id, 'missing']), [marked(to)]);
    }
    // Entries are written in multi-row statements: more than one statement's worth, then some of them replaced.
    const entries = Array.from({ length: 600 }, (_, i) => [`a${i}`, `{"n":${i}}`] as const);
    await store.saveLinkEntries(entries);
    await store.saveLinkEntries(
      [
        ['a5', '{"n":-5}'],
        ['b1', '{}'],
      ],
      ['a0'],
    );
    const saved = await store.linkEntries();
    assert.equal(saved.size, 600);
    assert.equal(saved.get('a5'), '{"n":-5}');
    assert.equal(saved.get('a599'), '{"n":599}');
    assert.equal(saved.has('a0'), false);
  });

  test(`${backend}: story pages resumed after a cursor never repeat or skip a story while stories are added`, { skip }, async () => {
    const store = await fresh();
    // Stories of invented article ids (a list line needs none stored): sizes 3, 2, 2, 2, 1, 1, 1, 1.
    const sized = (id: string, size: number): Story =>
      story(
        id,
        id,
        Array.from({ length: size }, (_, i) => `${id.slice(2)}${i}`.padEnd(16, '0')),
      );
    const first = [
      sized('s-a3', 3),
      sized('s-b2', 2),
      sized('s-c2', 2),
      sized('s-d2', 2),
      sized('s-e1', 1),
      sized('s-f1', 1),
      sized('s-g1', 1),
      sized('s-h1', 1),
    ];
    await store.saveStories(first);
    // Added between pages: ahead of every cursor (largest), inside a size group already passed and one still ahead.
    const added = [[sized('s-z9', 9)], [sized('s-b5', 2), sized('s-g5', 1)], [sized('s-a1', 1)]];
    const seen: string[] = [];
    let page = await store.listStories({ limit: 3 });
    for (let round = 0; page.length > 0; round++) {
      seen.push(...page.map((s) => s.id));
      await store.saveStories(added[round] ?? []);
      const last = page.at(-1) as StorySummary;
      page = await store.listStories({ limit: 3, after: { articleCount: last.articleCount, id: last.id } });
    }
    assert.equal(new Set(seen).size, seen.length, `no story twice: ${seen.join(' ')}`);
    for (const s of first) assert.ok(seen.includes(s.id), `${s.id} listed`);
    // Stories added behind the cursor are not shown (they were not there when it passed); those ahead are.
    assert.deepEqual(
      seen.filter((id) => !first.some((s) => s.id === id)),
      ['s-g5'],
    );
    const all = await store.listStories({ limit: 100 });
    assert.deepEqual(
      seen,
      all.map((s) => s.id).filter((id) => seen.includes(id)),
      'in list order',
    );
    await assert.rejects(store.listStories({ query: 'strike', after: { articleCount: 1, id: 's-a1' } }), /cannot resume a search/);
  });

  test(`${backend}: a stored dossier is served for its story version only, and dropped when the story changes`, { skip }, async () => {
    const store = await withArticles();
    await store.saveStories([story('s-1', 'Dock strike', [HARBOUR.article.id]), story('s-2', 'Kite festival', [FESTIVAL.article.id])]);
    assert.equal(await store.storedDossier('s-9', 'json'), null, 'no story, no version');
    const unbuilt = await store.storedDossier('s-1', 'json');
    assert.ok(unbuilt);
    assert.equal(unbuilt.dossier, null);
    const kept = { version: unbuilt.version, etag: '"e1"', body: '{"stories":["dock"]}' };
    await store.saveDossier('s-1', 'json', kept);
    await store.saveDossier('s-2', 'md', { version: (await store.storedDossier('s-2', 'md'))?.version ?? '', etag: '"e2"', body: '# Kites' });
    assert.deepEqual(await store.storedDossier('s-1', 'json'), { version: unbuilt.version, dossier: kept });
    assert.equal((await store.storedDossier('s-1', 'md'))?.dossier, null, 'each format is kept apart');

    // Linking saves s-1 with another member: a new version, its dossier gone; s-2's is untouched.
    await store.saveStories([story('s-1', 'Dock strike and mill', [HARBOUR.article.id, MILL.article.id])]);
    const changed = await store.storedDossier('s-1', 'json');
    assert.notEqual(changed?.version, unbuilt.version);
    assert.equal(changed?.dossier, null);
    assert.equal((await store.storedDossier('s-2', 'md'))?.dossier?.body, '# Kites');
    // A build that read the old version and saved after the change (a race) is never served.
    await store.saveDossier('s-1', 'json', kept);
    assert.equal((await store.storedDossier('s-1', 'json'))?.dossier, null);

    // Updating an article's analysis drops the dossiers of the story holding it.
    await store.updateArticles([{ ...FESTIVAL.article, title: 'Festival de cometas (actualizado)' }]);
    assert.equal((await store.storedDossier('s-2', 'md'))?.dossier, null);
  });

  test(`${backend}: the changed-stories feed lists each story once at its latest save, oldest first`, { skip }, async () => {
    const store = await withArticles();
    assert.deepEqual(await store.storyChanges(null, 10), [], 'nothing saved, nothing changed');
    await store.saveStories([story('s-1', 'Dock strike', [HARBOUR.article.id]), story('s-2', 'Mill', [MILL.article.id])]);
    await store.saveStories([story('s-3', 'Kite festival', [FESTIVAL.article.id])]);
    const first = await store.storyChanges(null, 10);
    assert.deepEqual(
      first.map((c) => c.storyId),
      ['s-1', 's-2', 's-3'],
    );
    assert.ok(
      first.every((c, i) => i === 0 || c.seq > (first[i - 1]?.seq ?? 0)),
      'numbers grow with each save',
    );
    const seen = first[2]?.seq ?? 0;
    assert.deepEqual(
      (await store.storyChanges(null, 2)).map((c) => c.storyId),
      ['s-2', 's-3'],
      'without a cursor, the latest changes (oldest first)',
    );
    assert.deepEqual(await store.storyChanges(seen, 10), [], 'nothing after the last change read');

    // s-3 (holding the largest number) is merged into s-1: it leaves the feed, and s-1 moves to the end with a number
    // no earlier change had, so a reader resuming after `seen` finds it.
    await store.saveStories([story('s-1', 'Dock strike and festival', [HARBOUR.article.id, FESTIVAL.article.id])], ['s-3']);
    const resumed = await store.storyChanges(seen, 10);
    assert.deepEqual(
      resumed.map((c) => c.storyId),
      ['s-1'],
    );
    assert.ok((resumed[0]?.seq ?? 0) > seen);
    assert.deepEqual(
      (await store.storyChanges(null, 10)).map((c) => c.storyId),
      ['s-2', 's-1'],
      'each story once',
    );
    assert.deepEqual(
      (await store.storyChanges(first[0]?.seq ?? 0, 1)).map((c) => c.storyId),
      ['s-2'],
      'at most `limit`',
    );
  });

  test(`${backend}: exclusive sections of two connections never overlap`, { skip: twoConnections }, async () => {
    const first = await fresh();
    const second = await again();
    const log: string[] = [];
    const section = (store: Store, name: string, ms: number) =>
      store.exclusive(async (tx) => {
        log.push(`${name} in`);
        await tx.putArticle((name === 'a' ? HARBOUR : MILL).article, (name === 'a' ? HARBOUR : MILL).document);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name} out`);
      });
    await Promise.all([section(first, 'a', 300), new Promise((r) => setTimeout(r, 50)).then(() => section(second, 'b', 10))]);
    assert.deepEqual(log, ['a in', 'a out', 'b in', 'b out']);
    assert.equal(await second.countArticles(), 2);
  });

  test(`${backend}: writers on two connections racing on one content hash store it once`, { skip: twoConnections }, async () => {
    const first = await fresh();
    const second = await again();
    const renamed = { ...HARBOUR.article, source: { kind: 'text' as const, path: 'in/other-name.txt' } };
    const results = await Promise.all([
      first.putArticle(HARBOUR.article, HARBOUR.document),
      second.putArticle(renamed, HARBOUR.document),
      first.putArticle(MILL.article, MILL.document),
      second.putArticle(FESTIVAL.article, FESTIVAL.document),
    ]);
    assert.deepEqual([...results.slice(0, 2)].sort(), ['added', 'alias']);
    assert.deepEqual(results.slice(2), ['added', 'added']);
    assert.equal(await first.countArticles(), 3);
    assert.equal(new Set(await first.articleIds()).size, 3);
  });
}
