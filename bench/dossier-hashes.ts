// Dossier hashes and build times per story, to check that speed work on src/compare leaves every dossier the same.
// `npx tsx bench/dossier-hashes.ts build <dir>` makes the stores once (the seeds, samples/corpus, 3,000 synthetic
// articles, and one synthetic story of about 200 articles); `npx tsx bench/dossier-hashes.ts hash <dir> [largest]`
// prints one line per story of at most that many articles (default all): store, story id, articles, facts, SHA-256
// of the JSON dossier (as the server stores it, or of the error a build threw), build CPU ms. Run it before and after a change and diff the hash columns.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analysisJson, buildDossier, ingest, ingestItems, openStore } from '../src/index.js';
import { fillSyntheticStore, loadTemplates, syntheticDocument } from './generate.js';

const SEEDS = join(import.meta.dirname, '../../shared/seeds');
const SAMPLES = join(import.meta.dirname, '../samples/corpus');
/** The synthetic store: the base the load bench copies up to 100,000 (bench/generate.ts ANALYSED_FOR_COPIES). */
const GENERATED = 3_000;
/** Rewrites ingested for the one large story (about two thirds join it: bench/dossier.ts). */
const LARGE_STORY_WRITTEN = 360;

const [mode, dir, largestArg] = process.argv.slice(2);
if (!dir || (mode !== 'build' && mode !== 'hash')) throw new Error('usage: dossier-hashes.ts build|hash <dir> [most articles]');

if (mode === 'build') {
  mkdirSync(dir, { recursive: true });
  const make = async (name: string, fill: (store: Awaited<ReturnType<typeof openStore>>) => Promise<unknown>): Promise<void> => {
    if (existsSync(join(dir, name))) return;
    const store = await openStore(join(dir, name));
    const t = performance.now();
    await fill(store);
    await store.close();
    console.log(`${name} built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await make('seeds', (s) =>
    ingest(
      s,
      readdirSync(SEEDS).map((f) => join(SEEDS, f)),
    ),
  );
  await make('samples', (s) =>
    ingest(
      s,
      readdirSync(SAMPLES).map((f) => join(SAMPLES, f)),
    ),
  );
  await make('large', (s) => {
    const templates = loadTemplates();
    return ingestItems(
      s,
      Array.from({ length: LARGE_STORY_WRITTEN }, (_, i) => syntheticDocument(templates, i, LARGE_STORY_WRITTEN)),
    );
  });
  await make('generated', (s) => fillSyntheticStore(s, GENERATED));
} else {
  const most = Number(largestArg ?? Number.POSITIVE_INFINITY);
  for (const name of ['seeds', 'samples', 'large', 'generated']) {
    const store = await openStore(join(dir, name), { readOnly: true });
    for (const listed of await store.listStories({ limit: 100_000 })) {
      const story = listed.articleCount <= most ? await store.getStory(listed.id) : null;
      if (!story) continue;
      const articles = await store.getArticles(story.articleIds);
      const cpu = process.cpuUsage();
      let json: string;
      let facts = 0;
      try {
        const dossier = buildDossier(story, articles);
        facts = dossier.facts.length;
        json = JSON.stringify(analysisJson(articles, [dossier]));
      } catch (error) {
        json = `error: ${String(error)}`;
      }
      const used = process.cpuUsage(cpu);
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
      console.log([name, story.id, articles.length, facts, hash, ((used.user + used.system) / 1000).toFixed(0)].join('\t'));
    }
    await store.close();
  }
}
