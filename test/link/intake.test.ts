import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { cleanDocument } from '../../src/clean/index.js';
import { relink } from '../../src/engine/link.js';
import { makeDocument } from '../../src/ingest/records.js';
import { Linker } from '../../src/link/index.js';
import { datingOf, LINK_INPUT_VERSION, linkInputOf } from '../../src/link/intake.js';
import type { Article } from '../../src/model/article.js';
import type { Document } from '../../src/model/document.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';

/**
 * An undated report of our own on the sample corpus's plant story: only relative times ("on Tuesday"), so its times
 * are resolved again against its story's date (the sample articles are all dated by themselves).
 */
const UNDATED =
  'Corvane Energy said on Tuesday it will build a lithium battery cell plant in Puerto Almendral, the port town in northern Chile. The Corvane Energy plant beside the container terminal of Puerto Almendral will make cells for electric buses and grid storage, the company said, and building work starts next year. Chile’s economy ministry welcomed the plan on Tuesday.';

/** The sample corpus's single-article files and `UNDATED`, analysed once (copies, several stories). */
function analysed(): Array<{ article: Article; doc: Document }> {
  const dir = join(import.meta.dirname, '../../samples/corpus');
  const pipeline = createPipeline(defaultStages());
  const docs = readdirSync(dir)
    .filter((f) => ['.txt', '.html', '.md'].includes(extname(f)))
    .sort()
    .map((f) => {
      const format = extname(f) === '.html' ? 'html' : 'text';
      return makeDocument({ kind: format, path: f }, format, readFileSync(join(dir, f), 'utf8'));
    });
  docs.push(makeDocument({ kind: 'text', path: 'undated-plant-report.txt' }, 'text', UNDATED));
  return docs.map((doc) => ({ article: pipeline.run(cleanDocument(doc)), doc }));
}

const ITEMS = analysed();

test('a stored linker entry files exactly as the article it was made from', () => {
  const fromArticles = new Linker();
  const fromEntries = new Linker();
  for (const { article } of ITEMS) {
    fromArticles.add(article);
    fromEntries.addEntry(JSON.parse(linkInputOf(article).entry));
  }
  assert.deepEqual(fromEntries.serialize(), fromArticles.serialize());
  assert.deepEqual(fromEntries.stories(), fromArticles.stories());
});

/** Every story and article of a store, as stored. */
async function contents(store: Store): Promise<string> {
  const stories = await Promise.all((await store.storyIds()).map((id) => store.getStory(id)));
  return JSON.stringify({ stories, articles: await store.getArticles(await store.articleIds()) });
}

test('relinking from stored inputs gives the stories and articles of relinking from the articles, in one pass or several', async () => {
  const outcomes: string[] = [];
  for (const withInputs of [false, true]) {
    for (const batches of [[ITEMS], [ITEMS.slice(0, 6), ITEMS.slice(6)]]) {
      const dir = tempDir('tri-intake-');
      const store = await openStore(dir);
      try {
        for (const batch of batches) {
          for (const { article, doc } of batch) await store.putArticle(article, doc, withInputs ? linkInputOf(article) : undefined);
          await relink(store);
        }
        const inputs = await store.linkInputs(await store.articleIds(), 'dating');
        assert.equal(inputs.size, withInputs ? ITEMS.length : 0);
        if (withInputs) assert.ok([...inputs.values()].every((i) => i.version === LINK_INPUT_VERSION));
        if (withInputs) {
          // The undated report joined the plant story and was re-anchored: its stored times changed from those made.
          const undated = ITEMS.at(-1)?.article as Article;
          const stored = (await store.getArticle(undated.id)) as Article;
          assert.notDeepEqual(stored.layers.times, undated.layers.times);
        }
        outcomes.push(await contents(store));
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  assert.ok(ITEMS.length >= 8);
  // Both kinds of new article are in the corpus: some dated by their own evidence (never read to re-anchor), some not.
  const fixed = ITEMS.map(({ article }) => datingOf(article).fixed);
  assert.ok(fixed.includes(true) && fixed.includes(false), `fixed datings: ${fixed.join(', ')}`);
  // One pass and two passes may group differently (the online linker's order drift); inputs must change nothing.
  assert.equal(outcomes[2], outcomes[0]);
  assert.equal(outcomes[3], outcomes[1]);
});

test('a stored input of another version is ignored: the article is read again', async () => {
  const dir = tempDir('tri-intake-');
  const store = await openStore(dir);
  const plain = tempDir('tri-intake-');
  const reference = await openStore(plain);
  try {
    for (const { article, doc } of ITEMS) {
      // A stale entry that would file the article under another title if it were used.
      const stale = { ...linkInputOf(article), version: LINK_INPUT_VERSION - 1 };
      stale.entry = JSON.stringify({ ...JSON.parse(stale.entry), title: 'A stale title' });
      await store.putArticle(article, doc, stale);
      await reference.putArticle(article, doc);
    }
    await relink(store);
    await relink(reference);
    assert.equal(await contents(store), await contents(reference));
  } finally {
    await store.close();
    await reference.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(plain, { recursive: true, force: true });
  }
});

test('stories built from the last build (anchors, events, titles kept) equal those a restored linker builds afresh', () => {
  const articles = ITEMS.map((i) => i.article);
  const half = Math.ceil(articles.length / 2);
  const linker = new Linker();
  for (const article of articles.slice(0, half)) linker.add(article);
  linker.canonicalize();
  const before = linker.stories();
  for (const article of articles.slice(half)) linker.add(article);
  // Filed again under the same id, as re-anchoring does: a new entry, so what was kept for the old one is not used.
  const again = articles[0] as Article;
  linker.remove(again.id);
  linker.add(again);
  linker.canonicalize();
  const warm = linker.stories();
  assert.deepEqual(warm, Linker.restore(linker.serialize()).stories());
  assert.ok(warm.length < before.length + articles.length - half, 'later articles joined stories built before');
  assert.ok(warm.some((s) => s.articleIds.length > 1 && s.sources.length > 1));
});
