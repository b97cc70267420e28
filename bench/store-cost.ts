// The storing thread's cost per article (S in the pool's ceiling 2M/(M+S)), split by SQL statement: annotates
// synthetic articles in this thread first (untimed), then stores them one by one in a fresh embedded store the way
// ingest does (`hasArticle`, then `putArticle`), timing every SQLite statement by what it does.
// Usage: tsx bench/store-cost.ts [articles]   (default 300)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import BetterSqlite3 from 'better-sqlite3';
import { cleanDocument } from '../src/clean/index.js';
import type { Article } from '../src/model/article.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { openStore } from '../src/store/index.js';
import { loadTemplates, syntheticDocument } from './generate.js';

/** Stores done untimed first, so the figures are warm code and a store past its first pages. */
const WARM_UP = 50;

const count = Number(process.argv[2] ?? 300);
const spent = new Map<string, { ms: number; cpuMs: number; calls: number }>();

/** CPU ms of this process so far: only this thread works here (the clock the pool bench's storing figure uses). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** What a statement does, from its SQL: the table it writes or reads, or the transaction step. */
function kindOf(text: string): string {
  const s = text.trim().toLowerCase();
  if (s.startsWith('begin') || s === 'commit' || s === 'rollback') return s.split(' ')[0] as string;
  const table = /(?:insert into|update|from)\s+"?(\w+)"?/.exec(s)?.[1] ?? '?';
  return `${s.split(/\s/)[0]} ${table}${s.includes('max(') ? ' (max seq)' : ''}`;
}

function charge(kind: string, ms: number, cpuMs: number): void {
  const entry = spent.get(kind) ?? { ms: 0, cpuMs: 0, calls: 0 };
  entry.ms += ms;
  entry.cpuMs += cpuMs;
  entry.calls++;
  spent.set(kind, entry);
}

// Every statement the store prepares is timed, preparing included (SQL compilation is part of the cost).
const prepare = BetterSqlite3.prototype.prepare;
BetterSqlite3.prototype.prepare = function timedPrepare(this: BetterSqlite3.Database, source: string) {
  const kind = kindOf(source);
  const [t, c] = [performance.now(), cpuNow()];
  const statement = prepare.call(this, source);
  charge('prepare (all statements)', performance.now() - t, cpuNow() - c);
  const timed: BetterSqlite3.Statement = new Proxy(statement, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      // A mode switch (`pluck`, `raw`) returns the statement itself: keep handing out the timed one.
      if (key === 'pluck' || key === 'raw') {
        return (...args: unknown[]) => {
          value.apply(target, args);
          return timed;
        };
      }
      if (!['run', 'get', 'all'].includes(String(key))) return value.bind(target);
      return (...args: unknown[]) => {
        const [started, startedCpu] = [performance.now(), cpuNow()];
        try {
          return value.apply(target, args);
        } finally {
          charge(kind, performance.now() - started, cpuNow() - startedCpu);
        }
      };
    },
  });
  return timed;
} as typeof prepare;

const templates = loadTemplates();
const pipeline = createPipeline(defaultStages());
const docs = Array.from({ length: count + WARM_UP }, (_, i) => syntheticDocument(templates, i));
const made = docs.map((document) => ({ document, article: pipeline.run(cleanDocument(document)) }));
const articles: Article[] = made.map((m) => m.article);

const dir = mkdtempSync(join(tmpdir(), 'tri-store-cost-'));
const store = await openStore(dir);
try {
  for (const { document, article } of made.slice(0, WARM_UP)) if (!(await store.hasArticle(document.id))) await store.putArticle(article, document);
  spent.clear();
  let [transferMs, transferCpuMs] = [0, 0];
  const [t, cpu] = [performance.now(), cpuNow()];
  for (const { document, article } of made.slice(WARM_UP)) {
    // What the pool's message costs this thread: the article arrives structured-cloned from a worker.
    const message = serialize(article);
    const [c, cc] = [performance.now(), cpuNow()];
    const received = deserialize(message) as Article;
    transferMs += performance.now() - c;
    transferCpuMs += cpuNow() - cc;
    if (!(await store.hasArticle(document.id))) await store.putArticle(received, document);
  }
  const wallMs = performance.now() - t - transferMs;
  const cpuMs = cpuNow() - cpu - transferCpuMs;
  const sqlMs = [...spent.values()].reduce((a, b) => a + b.ms, 0);
  const sqlCpuMs = [...spent.values()].reduce((a, b) => a + b.cpuMs, 0);
  const per = (ms: number): string => (ms / count).toFixed(3);
  console.log(`storing ${count} annotated articles (mean ${Math.round(articles.reduce((a, b) => a + b.text.length, 0) / articles.length)} chars)`);
  console.log('| part | CPU ms/article | wall ms/article | calls/article |\n|---|---|---|---|');
  for (const [kind, { ms, cpuMs, calls }] of [...spent.entries()].sort((a, b) => b[1].cpuMs - a[1].cpuMs)) {
    console.log(`| ${kind} | ${per(cpuMs)} | ${per(ms)} | ${(calls / count).toFixed(1)} |`);
  }
  console.log(`| all SQLite statements | ${per(sqlCpuMs)} | ${per(sqlMs)} | |`);
  console.log(
    `| outside these statements (Kysely, JSON.stringify, promises; begin + commit when run by better-sqlite3's transaction()) | ${per(cpuMs - sqlCpuMs)} | ${per(wallMs - sqlMs)} | |`,
  );
  console.log(`| **hasArticle + putArticle** | ${per(cpuMs)} | ${per(wallMs)} | |`);
  console.log(`| receiving the article from a worker (structured-clone deserialize) | ${per(transferCpuMs)} | ${per(transferMs)} | |`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
