// The exactness check of the ingest pool and the storing thread: ingests the sample corpus, the seeds and 400
// synthetic articles into a fresh embedded store (then links), and prints one line per table — rows and a digest of
// every row with each column's SQLite type — so two checkouts, or `--threads 0` and `--threads 2`, can be diffed.
// Left out: wall-clock columns (`*_at`, `timestamp`), link_state.version (random), and FTS5's segment pages
// (article_fts_data, article_fts_idx), whose layout follows the batch boundaries (a batch is cut after 1 s of waiting,
// so by timing) even after an 'optimize'; the index itself is compared term occurrence by term occurrence (fts5vocab).
// Usage: tsx bench/pool-store-dump.ts <threads> [seeds folder, default ../shared/seeds]
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ingest, ingestItems } from '../src/engine/ingest.js';
import { openStore } from '../src/store/index.js';
import { DB_FILE } from '../src/store/sqlite.js';
import { loadTemplates, syntheticDocument } from './generate.js';

const SYNTHETIC = 400;
const WALL_CLOCK = /(_at|^timestamp)$/;
const SEGMENT_PAGES = new Set(['article_fts_data', 'article_fts_idx']);

const [threadsArg = '0', seeds = '../shared/seeds'] = process.argv.slice(2);
const threads = Number(threadsArg);
const files = (dir: string): string[] => readdirSync(dir).map((f) => resolve(dir, f));
const dir = mkdtempSync(join(tmpdir(), 'tri-dump-'));
try {
  const store = await openStore(dir);
  try {
    await ingest(store, [...files('samples/corpus'), ...files(seeds)], { threads, link: false });
    const templates = loadTemplates();
    await ingestItems(
      store,
      Array.from({ length: SYNTHETIC }, (_, i) => syntheticDocument(templates, i)),
      { threads },
    );
  } finally {
    await store.close();
  }
  const db = new Database(join(dir, DB_FILE));
  try {
    const digest = (rows: Iterable<unknown[]>): [number, string] => {
      const hash = createHash('sha256');
      let n = 0;
      for (const row of rows) {
        hash.update(`${JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))}\n`);
        n++;
      }
      return [n, hash.digest('hex').slice(0, 16)];
    };
    const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
    for (const table of tables.filter((t) => !SEGMENT_PAGES.has(t))) {
      const columns = (db.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string }>)
        .map((c) => c.name)
        .filter((c) => !WALL_CLOCK.test(c) && !(table === 'link_state' && c === 'version'));
      const select = columns.map((c) => `"${c}", typeof("${c}")`).join(', ');
      // By rowid (insertion order where the store relies on it); a WITHOUT ROWID table (FTS5's config) by its columns.
      const withoutRowid = (db.prepare('select wr from pragma_table_list where name = ?').pluck().get(table) as number) === 1;
      const order = withoutRowid ? columns.map((c) => `"${c}"`).join(', ') : 'rowid';
      const [rows, hash] = digest(db.prepare(`select ${select} from "${table}" order by ${order}`).raw().iterate() as Iterable<unknown[]>);
      console.log(`${table}\t${rows}\t${hash}`);
    }
    db.exec('create virtual table temp.vocab using fts5vocab(main, article_fts, instance)');
    const [rows, hash] = digest(
      db.prepare('select term, doc, col, offset from temp.vocab order by term, doc, col, offset').raw().iterate() as Iterable<unknown[]>,
    );
    console.log(`article_fts (term occurrences)\t${rows}\t${hash}`);
  } finally {
    db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
