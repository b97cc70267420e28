import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { DB_FILE } from '../src/store/sqlite.js';
import { ROOT, runCli, tempDir } from './helpers.js';
import { writeSyntheticArticles } from './synthetic.js';

function spawnCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'cli-entry.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stderr })));
}

function counts(db: string): { articles: number; names: number; linked: number; integrity: string } {
  const sqlite = new BetterSqlite3(join(db, DB_FILE), { readonly: true });
  try {
    const one = (sql: string): number => (sqlite.prepare(sql).get() as { n: number }).n;
    return {
      articles: one('select count(*) as n from articles'),
      names: one('select count(*) as n from article_names'),
      linked: one('select count(*) as n from story_articles'),
      integrity: (sqlite.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check,
    };
  } finally {
    sqlite.close();
  }
}

test('re-ingesting the same folder adds nothing; a copy under another name is one article with two names', async () => {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  writeSyntheticArticles(inputs, 5);
  const db = join(dir, 'db');
  const first = await runCli(['ingest', inputs, '--db', db, '--json']);
  assert.equal(JSON.parse(first.stdout).added, 5);
  const again = await runCli(['ingest', inputs, '--db', db, '--json']);
  assert.deepEqual({ ...JSON.parse(again.stdout), stories: 0 }, { added: 0, aliases: 0, unchanged: 5, stories: 0, problems: [] });
  const copy = join(dir, 'copy');
  writeSyntheticArticles(copy, 1);
  const named = await runCli(['ingest', copy, '--db', db, '--json']);
  assert.equal(JSON.parse(named.stdout).aliases, 1);
  assert.deepEqual(counts(db), { articles: 5, names: 6, linked: 5, integrity: 'ok' });
});

test('two concurrent ingest runs on one store leave it consistent', async () => {
  const dir = tempDir();
  writeSyntheticArticles(join(dir, 'a'), 30, 0);
  writeSyntheticArticles(join(dir, 'b'), 30, 20); // 10 articles overlap with a/
  const db = join(dir, 'db');
  const [a, b] = await Promise.all([exited(spawnCli(['ingest', join(dir, 'a'), '--db', db])), exited(spawnCli(['ingest', join(dir, 'b'), '--db', db]))]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.deepEqual(counts(db), { articles: 50, names: 60, linked: 50, integrity: 'ok' });
});

test('kill -9 during ingest, then a re-run, leaves every article exactly once', async () => {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  writeSyntheticArticles(inputs, 300);
  const db = join(dir, 'db');
  const child = spawnCli(['ingest', inputs, '--db', db]);
  const done = exited(child);
  // Kill once some articles are committed but (almost certainly) not all.
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 50));
    let n = 0;
    try {
      n = counts(db).articles;
    } catch {
      continue; // store not created yet
    }
    if (n >= 20) break;
  }
  child.kill('SIGKILL');
  const killed = await done;
  assert.equal(killed.signal, 'SIGKILL');
  const partial = counts(db);
  assert.equal(partial.integrity, 'ok');
  assert.ok(partial.articles >= 20 && partial.articles < 300, `killed after ${partial.articles} articles`);
  const rerun = await exited(spawnCli(['ingest', inputs, '--db', db]));
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.deepEqual(counts(db), { articles: 300, names: 300, linked: 300, integrity: 'ok' });
});
