import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
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

test('sqlite: a story search ranks by BM25 over its candidates, the same top stories as ranking every match', async () => {
  const dir = join(tempDir('tri-rank-'), 'db');
  const store = await openSqliteStore(dir);
  try {
    // Invented articles mentioning a gale more or less often, in shorter or longer texts.
    const filler = 'The ferry timetable for the coming week was posted at the harbour office on the quay.';
    const texts = [
      'A gale closed the Tarnmouth harbour. The gale tore roofs off sheds, and the gale warning stays in force.',
      `${filler} ${filler} A gale was forecast for Sunday.`,
      'Gale warning for Tarnmouth: a severe gale is expected tonight.',
      `${filler} Volunteers repaired the pier railings. ${filler} The mayor thanked them. A gale had bent them last year.`,
      'The Tarnmouth lifeboat crew trained at sea on Saturday despite a gale.',
      `${filler} Nothing in this one about the weather.`,
    ];
    const pairs = texts.map((text, i) => pair(text, { path: `in/gale-${i}.txt`, title: `Tarnmouth notice ${i}` }));
    for (const p of pairs) await store.putArticle(p.article, p.document);
    const id = (i: number): string => pairs[i]?.article.id ?? '';
    // One story of two articles (ranked by its better one), the others alone.
    await store.saveStories([story('s-pair', [id(1), id(4)]), ...[0, 2, 3, 5].map((i) => story(`s-${i}`, [id(i)]))]);

    const bounded = (await store.listStories({ query: 'gale' })).map((s) => s.id);
    const reference = new BetterSqlite3(join(dir, 'triangulate.db'), { readonly: true });
    const unbounded = reference
      .prepare(
        `select stories.id from stories join (select story_id, min(rank) as score from article_fts
           join story_articles on story_articles.article_id = article_fts.article_id
           where article_fts match '"gale"' group by story_id) ranked on ranked.story_id = stories.id
         order by ranked.score, stories.article_count desc, stories.id`,
      )
      .pluck()
      .all() as string[];
    reference.close();
    assert.deepEqual(bounded, unbounded);
    assert.equal(bounded.length, 4, 'the story without the word is not found');
    assert.equal(bounded[0], 's-0', 'three mentions in a short text rank first');
    assert.deepEqual(
      (await store.listStories({ query: 'gale', limit: 2 })).map((s) => s.id),
      unbounded.slice(0, 2),
    );
  } finally {
    await store.close();
  }
});
