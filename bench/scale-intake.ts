// The linker's intake on a store filled beforehand (docs/scale.md, "The linker's intake"), one process per step so
// the A/B runs of two versions of the code can interleave on copies of one store:
//   npx tsx bench/scale-intake.ts pass <db>     one `relink` pass (what a `triangulate linker` pass runs) over every
//                                               article not yet linked; prints its CPU, wall, RSS and a digest of the
//                                               stored stories and articles (equal digests: equal results)
//   npx tsx bench/scale-intake.ts inputs <db>   stores the linker inputs of every article that has none, as the
//                                               queue workers do when they store an article (src/link/intake.ts);
//                                               prints the CPU that cost per article
//   npx tsx bench/scale-intake.ts worker <db> <n> [first]
//                                               one queue worker's work (`storeDocument`: clean, annotate, make the
//                                               linker input, store) on synthetic articles first … first+n-1, without
//                                               the queue; prints articles per CPU-second of that loop
//   npx tsx bench/scale-intake.ts steady <db> <batches> <batch> [first]
//                                               the long-running linker's steady state: one pass over what is not yet
//                                               linked (not counted: a restart's), then <batches> rounds of storing
//                                               <batch> new articles (first, first+1, …) as a worker does and one pass;
//                                               prints the passes' articles per CPU-second (storing not counted)
// <db> is an embedded store folder or a postgres:// URL.
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { relink } from '../src/engine/link.js';
import { linkInputOf } from '../src/link/intake.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { storeDocument } from '../src/queue/worker.js';
import { isPostgresUrl, openStore, type Store } from '../src/store/index.js';
import { loadTemplates, syntheticDocument } from './generate.js';

const [mode, db] = process.argv.slice(2) as [string, string];
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** A digest of every stored story and article: two passes gave the same results exactly when their digests agree. */
async function digest(store: Store): Promise<string> {
  const hash = createHash('sha256');
  for (const id of await store.storyIds()) hash.update(JSON.stringify(await store.getStory(id)));
  const ids = await store.articleIds();
  for (let i = 0; i < ids.length; i += 500) hash.update(JSON.stringify(await store.getArticles(ids.slice(i, i + 500))));
  return hash.digest('hex').slice(0, 16);
}

const store = await openStore(db);
try {
  if (mode === 'pass') {
    const articles = await store.countArticles();
    const t0 = performance.now();
    const cpu = process.cpuUsage();
    const { total } = await relink(store);
    const seconds = (performance.now() - t0) / 1000;
    const used = cpuSeconds(cpu);
    console.log(
      JSON.stringify({
        articles,
        stories: total,
        wallS: +seconds.toFixed(1),
        cpuS: +used.toFixed(1),
        perCpuS: +(articles / used).toFixed(1),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        load: loadavg().map((l) => +l.toFixed(1)),
        digest: await digest(store),
      }),
    );
  } else if (mode === 'inputs') {
    const ids = await store.articleIds();
    const have = await store.linkInputs(ids, 'dating');
    const rows: Array<[string, number, string, string]> = [];
    const cpu = process.cpuUsage();
    let made = 0;
    for (let i = 0; i < ids.length; i += 500) {
      for (const article of await store.getArticles(ids.slice(i, i + 500).filter((id) => !have.has(id)))) {
        const before = process.cpuUsage();
        const input = linkInputOf(article);
        made += cpuSeconds(before);
        rows.push([article.id, input.version, input.entry, input.dating]);
      }
    }
    const total = cpuSeconds(cpu);
    await insertInputs(db, rows);
    console.log(JSON.stringify({ articles: rows.length, makingCpuMsPerArticle: +((1000 * made) / rows.length).toFixed(2), cpuS: +total.toFixed(1) }));
  } else if (mode === 'worker') {
    const [n, first] = [Number(process.argv[4] ?? 1000), Number(process.argv[5] ?? 0)];
    const pipeline = createPipeline(defaultStages());
    const templates = loadTemplates();
    const t0 = performance.now();
    const cpu = process.cpuUsage();
    for (let i = first; i < first + n; i++) await storeDocument(store, pipeline, syntheticDocument(templates, i));
    const used = cpuSeconds(cpu);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify({
        articles: n,
        wallS: +seconds.toFixed(1),
        cpuS: +used.toFixed(1),
        perCpuS: +(n / used).toFixed(1),
        load: loadavg().map((l) => +l.toFixed(1)),
      }),
    );
  } else if (mode === 'steady') {
    const [batches, batch] = [Number(process.argv[4] ?? 5), Number(process.argv[5] ?? 300)];
    let next = Number(process.argv[6] ?? (await store.countArticles()));
    const pipeline = createPipeline(defaultStages());
    const templates = loadTemplates();
    await relink(store);
    const passes: number[] = [];
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < batch; i++) await storeDocument(store, pipeline, syntheticDocument(templates, next++));
      const cpu = process.cpuUsage();
      await relink(store);
      passes.push(cpuSeconds(cpu));
    }
    const used = passes.reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        articles: await store.countArticles(),
        batch,
        passCpuS: passes.map((s) => +s.toFixed(2)),
        perCpuS: +((batches * batch) / used).toFixed(1),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        load: loadavg().map((l) => +l.toFixed(1)),
        digest: await digest(store),
      }),
    );
  } else throw new Error(`unknown mode ${mode}: use pass, inputs, worker or steady`);
} finally {
  await store.close();
}

/** Writes inputs beside already stored articles (the store has no call for that: workers store them with the article). */
async function insertInputs(location: string, rows: ReadonlyArray<[string, number, string, string]>): Promise<void> {
  const statement = 'insert into link_inputs (article_id, version, entry, dating) values ($1, $2, $3, $4) on conflict do nothing';
  if (isPostgresUrl(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    await client.query('begin');
    for (const row of rows) await client.query(statement, row);
    await client.query('commit');
    await client.end();
    return;
  }
  const database = new Database(join(location, 'triangulate.db'));
  const insert = database.prepare(statement.replace(/\$\d/g, '?'));
  database.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
  database.close();
}
