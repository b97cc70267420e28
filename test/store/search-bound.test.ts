import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Story } from '../../src/model/story.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers.js';
import { pair } from './contract.js';

/** More matches of one common word than a search considers (SEARCH_CANDIDATES, 1,000, in src/store/kysely-store.ts). */
const COMMON_MATCHES = 1005;

function story(id: string, articleIds: string[]): Story {
  return { id, title: id, articleIds, sources: articleIds.map((a) => ({ name: a, articleIds: [a] })), events: [] };
}

test('sqlite: a rare word finds every match in ingest order; a common word considers only its newest 1,000 matches', async () => {
  const store = await openSqliteStore(join(tempDir('tri-search-'), 'db'));
  try {
    const rare = (at: number) => pair(`The Quillmere lighthouse keeper wrote entry ${at} in the log.`, { path: `in/rare-${at}.txt` });
    const rares = [rare(0), rare(1), rare(2)];
    const commons = Array.from({ length: COMMON_MATCHES }, (_, i) =>
      pair(`Harbour notice ${i}: the harbour master posted the tide tables.`, { path: `in/n${i}.txt` }),
    );
    // The rare word's articles are the oldest, one in the middle of the common ones and the newest.
    const order = [rares[0], ...commons.slice(0, 500), rares[1], ...commons.slice(500), rares[2]];
    await store.exclusive(async (s) => {
      for (const p of order) if (p) await s.putArticle(p.article, p.document);
    });

    const rareIds = rares.map((p) => p.article.id);
    assert.deepEqual(
      (await store.listArticles({ query: 'lighthouse' })).map((a) => a.id),
      rareIds,
    );
    assert.deepEqual(
      (await store.listArticles({ query: 'quillmere LIGHTHOUSE' })).map((a) => a.id),
      rareIds,
    );

    // The approximation for a common word: the five oldest of its 1,005 matches fall outside the newest 1,000.
    const found = (await store.listArticles({ query: 'harbour', limit: 1000 })).map((a) => a.id);
    assert.equal(found.length, 1000);
    assert.equal(found[0], commons[5]?.article.id);
    assert.equal(found.at(-1), commons.at(-1)?.article.id);

    const id = (i: number): string => commons[i]?.article.id ?? '';
    await store.saveStories([story('s-old', [rareIds[0] ?? '', id(0), id(1), id(2)]), story('s-new', [id(5), id(6)])]);
    assert.deepEqual(
      (await store.listStories({ query: 'lighthouse' })).map((s) => s.id),
      ['s-old'],
    );
    assert.deepEqual(
      (await store.listStories({ query: 'harbour' })).map((s) => s.id),
      ['s-new'],
    );
  } finally {
    await store.close();
  }
});
