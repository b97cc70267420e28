import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { ingestItems, openStore, relink } from '../../src/index.js';
import { makeDocument } from '../../src/ingest/records.js';
import { LINKER_DEFAULTS, Linker, type LinkerEntry } from '../../src/link/index.js';
import type { Document } from '../../src/model/document.js';
import type { Story } from '../../src/model/story.js';

/** The sample corpus's single-article files as documents (its JSONL dump is left out: one file, several records). */
function corpus(): Document[] {
  const dir = join(import.meta.dirname, '../../samples/corpus');
  return readdirSync(dir)
    .filter((f) => ['.txt', '.html', '.md'].includes(extname(f)))
    .sort()
    .map((f) =>
      makeDocument({ kind: extname(f) === '.html' ? 'html' : 'text', path: f }, extname(f) === '.html' ? 'html' : 'text', readFileSync(join(dir, f), 'utf8')),
    );
}

test('linking one upload at a time writes only what changed, and the store ends equal to a full rebuild', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-relink-'));
  const store = await openStore(dir);
  try {
    const docs = corpus();
    assert.ok(docs.length >= 8);
    let lastChanged: string[] = [];
    for (const doc of docs) {
      await ingestItems(store, [doc], { link: false });
      const { total, changed } = await relink(store);
      assert.equal(total, await store.countStories());
      lastChanged = changed.map((s) => s.id);
    }
    // The last upload touches its own story and the stories related to it (their links name it), no other.
    const changed = await Promise.all(lastChanged.map(async (id) => (await store.getStory(id)) as Story));
    const linked = (a: Story, b: Story) => a.id === b.id || (a.relatedStories ?? []).some((r) => r.id === b.id);
    assert.ok(
      changed.some((hub) => changed.every((c) => linked(hub, c) || linked(c, hub))),
      `the last upload rebuilt stories not related to its own: ${lastChanged.join(', ')}`,
    );
    const { changed: none } = await relink(store);
    assert.equal(none.length, 0, 'a relink with nothing new rebuilds nothing');
    // What a full save would write: every story of a linker restored from the saved entries.
    const entries = [...(await store.linkEntries()).values()].map((json) => JSON.parse(json) as LinkerEntry);
    const full = Linker.restore({ version: 1, options: LINKER_DEFAULTS, entries }).stories();
    assert.deepEqual((await store.storyIds()).sort(), full.map((s) => s.id).sort());
    for (const story of full) assert.deepEqual(await store.getStory(story.id), story, `story ${story.id} is stale`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same articles give the same stores of stories whatever the order and batches of the ingest runs', async () => {
  const docs = corpus();
  const shapes: string[] = [];
  for (const runs of [[docs], [[...docs].reverse()], [docs.slice(5), docs.slice(0, 5)], docs.map((d) => [d])]) {
    const dir = mkdtempSync(join(tmpdir(), 'tri-order-'));
    const store = await openStore(dir);
    try {
      for (const run of runs) {
        await ingestItems(store, run, { link: false });
        await relink(store);
      }
      const stories = await Promise.all((await store.storyIds()).map(async (id) => (await store.getStory(id)) as Story));
      shapes.push(JSON.stringify(stories.map((s) => [s.articleIds, (s.relatedStories ?? []).map((r) => r.id)]).sort()));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const shape of shapes.slice(1)) assert.equal(shape, shapes[0]);
});
