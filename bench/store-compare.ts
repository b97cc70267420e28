// Measures the two embedded database candidates on this machine (docs/storage.md records the results and the
// choice): start time (new and reopen), insert rate, point and list query latency, full-text query latency.
// Run: `npm run bench -- store` (or `tsx bench/store-compare.ts [rows]`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import BetterSqlite3 from 'better-sqlite3';

interface StoreFigures {
  engine: string;
  startNewMs: number;
  reopenMs: number;
  insertOneTxRowsPerS: number;
  insertPerRowTxRowsPerS: number;
  getByIdUs: number;
  listPageUs: number;
  ftsQueryMs: number;
}

const WORDS = 'port strike union wages council budget minister river bridge vote election court ruling tariff border talks treaty drought harvest'.split(' ');

/** ~800 words per row: mostly a 5,000-word pseudo-vocabulary, a topic word now and then (like real news text). */
function row(i: number): { id: string; title: string; text: string } {
  const words: string[] = [];
  let seed = i + 1;
  for (let k = 0; k < 800; k++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    words.push(seed % 50 === 0 ? (WORDS[seed % WORDS.length] as string) : `w${seed % 5000}`);
  }
  return { id: `a${String(i).padStart(8, '0')}`, title: `Article ${i} about ${WORDS[i % WORDS.length]}`, text: words.join(' ') };
}

function time<T>(work: () => T): [T, number] {
  const t = performance.now();
  const result = work();
  return [result, performance.now() - t];
}

async function timeAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await work();
  return [result, performance.now() - t];
}

function sqlite(dir: string, rows: number, perRow: number): StoreFigures {
  const file = join(dir, 'bench.db');
  const open = (): BetterSqlite3.Database => {
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return db;
  };
  const [db, startNewMs] = time(() => {
    const db = open();
    db.exec('create table if not exists articles (id text primary key, seq integer unique, title text, data text)');
    db.exec('create virtual table if not exists fts using fts5(id unindexed, title, text)');
    return db;
  });
  const insert = db.prepare('insert into articles (id, seq, title, data) values (?, ?, ?, ?)');
  const insertFts = db.prepare('insert into fts (id, title, text) values (?, ?, ?)');
  const [, bulkMs] = time(() =>
    db.transaction(() => {
      for (let i = 0; i < rows; i++) {
        const r = row(i);
        insert.run(r.id, i, r.title, JSON.stringify(r));
        insertFts.run(r.id, r.title, r.text);
      }
    })(),
  );
  const [, perRowMs] = time(() => {
    for (let i = rows; i < rows + perRow; i++) {
      const r = row(i);
      db.transaction(() => {
        insert.run(r.id, i, r.title, JSON.stringify(r));
        insertFts.run(r.id, r.title, r.text);
      })();
    }
  });
  const get = db.prepare('select data from articles where id = ?');
  const [, getMs] = time(() => {
    for (let i = 0; i < 1000; i++) get.get(row((i * 37) % rows).id);
  });
  const list = db.prepare('select id, title from articles order by seq limit 50 offset ?');
  const [, listMs] = time(() => {
    for (let i = 0; i < 200; i++) list.all((i * 97) % rows);
  });
  const fts = db.prepare('select id from fts where fts match ? order by rank limit 50');
  const [, ftsMs] = time(() => {
    for (let i = 0; i < 20; i++) fts.all(`"${WORDS[i % WORDS.length]}" "tariff"`);
  });
  db.close();
  const [again, reopenMs] = time(() => open());
  again.close();
  return {
    engine: 'better-sqlite3 (SQLite, WAL)',
    startNewMs,
    reopenMs,
    insertOneTxRowsPerS: rows / (bulkMs / 1000),
    insertPerRowTxRowsPerS: perRow / (perRowMs / 1000),
    getByIdUs: (getMs / 1000) * 1000,
    listPageUs: (listMs / 200) * 1000,
    ftsQueryMs: ftsMs / 20,
  };
}

async function pglite(dir: string, rows: number, perRow: number): Promise<StoreFigures> {
  const path = join(dir, 'pg');
  const [db, startNewMs] = await timeAsync(async () => {
    const db = new PGlite(path);
    await db.exec('create table articles (id text primary key, seq integer unique, title text, data text, tsv tsvector)');
    await db.exec('create index articles_tsv on articles using gin (tsv)');
    return db;
  });
  const [, bulkMs] = await timeAsync(() =>
    db.transaction(async (tx) => {
      // Multi-row INSERTs of 200: LIBRARIES.md measured one-row inserts 9x slower on PGlite.
      for (let i = 0; i < rows; i += 200) {
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (let k = i; k < Math.min(rows, i + 200); k++) {
          const r = row(k);
          const n = values.length;
          tuples.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, to_tsvector('simple', $${n + 3} || ' ' || $${n + 5}))`);
          values.push(r.id, k, r.title, JSON.stringify(r), r.text);
        }
        await tx.query(`insert into articles (id, seq, title, data, tsv) values ${tuples.join(',')}`, values);
      }
    }),
  );
  const [, perRowMs] = await timeAsync(async () => {
    for (let i = rows; i < rows + perRow; i++) {
      const r = row(i);
      await db.transaction(async (tx) => {
        await tx.query("insert into articles (id, seq, title, data, tsv) values ($1, $2, $3, $4, to_tsvector('simple', $3 || ' ' || $5))", [
          r.id,
          i,
          r.title,
          JSON.stringify(r),
          r.text,
        ]);
      });
    }
  });
  const [, getMs] = await timeAsync(async () => {
    for (let i = 0; i < 1000; i++) await db.query('select data from articles where id = $1', [row((i * 37) % rows).id]);
  });
  const [, listMs] = await timeAsync(async () => {
    for (let i = 0; i < 200; i++) await db.query('select id, title from articles order by seq limit 50 offset $1', [(i * 97) % rows]);
  });
  const [, ftsMs] = await timeAsync(async () => {
    for (let i = 0; i < 20; i++)
      await db.query("select id from articles, plainto_tsquery('simple', $1) q where tsv @@ q order by ts_rank(tsv, q) desc limit 50", [
        `${WORDS[i % WORDS.length]} tariff`,
      ]);
  });
  await db.close();
  const [again, reopenMs] = await timeAsync(async () => {
    const again = new PGlite(path);
    await again.query('select 1');
    return again;
  });
  await again.close();
  return {
    engine: 'PGlite 0.5 (WASM Postgres, file)',
    startNewMs,
    reopenMs,
    insertOneTxRowsPerS: rows / (bulkMs / 1000),
    insertPerRowTxRowsPerS: perRow / (perRowMs / 1000),
    getByIdUs: (getMs / 1000) * 1000,
    listPageUs: (listMs / 200) * 1000,
    ftsQueryMs: ftsMs / 20,
  };
}

/** Runs both and returns rows for the bench table. */
export async function compareStores(rows = 20_000, perRow = 500): Promise<StoreFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-store-bench-'));
  try {
    return [sqlite(dir, rows, perRow), await pglite(dir, rows, perRow)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await compareStores(Number(process.argv[2] ?? 20_000));
  console.table(figures.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(4)) : v]))));
}
