import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { isProblem, readDocuments } from '../../src/ingest/read.js';
import { DURABLE, STREAM } from '../../src/queue/connection.js';
import { ROOT, tempDir } from '../helpers.js';
import { writeSyntheticArticles } from '../synthetic.js';
import { natsServer, postgresServer, serversSkip, type TestServer } from './servers.js';

const skip = serversSkip();

/** A CLI process (run from source) whose output is collected. */
interface Proc {
  child: ChildProcess;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function cli(args: string[]): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'cli-entry.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, stderr: () => stderr, done };
}

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Rows in the database, or -1 while it is down. */
async function rows(db: string, table: 'articles' | 'article_names' | 'story_articles'): Promise<number> {
  const client = new pg.Client({ connectionString: db, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
  } catch {
    return -1;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Writes `count` fictional articles and returns the folder and the content hashes a reader gives them. `padding`
 * paragraphs lengthen each article, so a worker spends most of its time inside a job rather than between jobs.
 */
async function inputs(count: number, padding = 0): Promise<{ dir: string; ids: string[] }> {
  const dir = join(tempDir('tri-scale-'), 'in');
  const paragraph =
    '\nResidents of the district met in the community hall on Thursday evening to discuss the plans, and several asked when the works would end.\n';
  for (const path of writeSyntheticArticles(dir, count)) appendFileSync(path, paragraph.repeat(padding));
  const ids: string[] = [];
  for await (const item of readDocuments([dir])) if (!isProblem(item)) ids.push(item.id);
  return { dir, ids };
}

/** Every published document is stored exactly once: same count, same content hashes, one name each. */
async function assertStoredOnce(db: string, ids: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const stored = (await client.query('select id from articles order by id')).rows.map((r: { id: string }) => r.id);
    assert.equal(stored.length, ids.length, 'article count');
    assert.deepEqual(stored, [...ids].sort(), 'article content hashes');
    assert.equal(Number((await client.query('select count(*) as n from article_names')).rows[0].n), ids.length, 'one name per input');
  } finally {
    await client.end();
  }
}

async function freshDatabase(server: TestServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}

test('faults: kill -9 of a worker mid-job: the job is redelivered and every article is stored once', { skip }, async () => {
  const pgServer = await postgresServer();
  const nats = await natsServer();
  await nats.start();
  const db = await freshDatabase(pgServer, 'killed');
  const { dir, ids } = await inputs(40, 60);
  const published = await cli(['ingest', '--queue', nats.url, dir]).done;
  assert.equal(published.code, 0, published.stderr);
  const victim = cli(['worker', '--queue', nats.url, '--db', db, '--ack-wait', '3']);
  const nc = await connect({ servers: nats.url });
  const inFlight = async (): Promise<number> => (await (await jetstreamManager(nc)).consumers.info(STREAM, DURABLE)).num_ack_pending;
  // Kill while the worker holds a job (delivered, not acknowledged), after a few articles are committed.
  await until(async () => (await rows(db, 'articles')) >= 5 && (await inFlight()) === 1, 'a job in flight after the first articles');
  victim.child.kill('SIGKILL');
  assert.equal((await victim.done).signal, 'SIGKILL');
  // The job the worker held is still unacknowledged: it will be redelivered once the ack wait passes.
  const pending = await inFlight();
  await nc.close();
  assert.equal(pending, 1, `one job in flight when the worker died (${await rows(db, 'articles')} stored)`);
  const partial = await rows(db, 'articles');
  assert.ok(partial < ids.length, `killed after ${partial} of ${ids.length}`);
  // The rescuer keeps the victim's ack wait: a worker sets the shared consumer's ack wait when it starts, and the
  // default 30 s, set before the held job's 3 s ran out, postponed its redelivery past the rescuer's idle exit (seen
  // once start-up became fast enough to win that race).
  const rescuer = await cli(['worker', '--queue', nats.url, '--db', db, '--ack-wait', '3', '--exit-when-idle', '6']).done;
  assert.equal(rescuer.code, 0, rescuer.stderr);
  await assertStoredOnce(db, ids);
});

test('faults: PostgreSQL stopped under two workers and the linker: they back off, resume, and store and link everything once', { skip }, async () => {
  const pgServer = await postgresServer();
  const nats = await natsServer();
  await nats.start();
  const db = await freshDatabase(pgServer, 'outage');
  const { dir, ids } = await inputs(60);
  assert.equal((await cli(['ingest', '--queue', nats.url, dir]).done).code, 0);
  const workers = [1, 2].map(() => cli(['worker', '--queue', nats.url, '--db', db, '--exit-when-idle', '8']));
  const linker = cli(['linker', '--db', db, '--exit-when-idle', '12']);
  await until(async () => (await rows(db, 'articles')) >= 5, 'the first articles');
  await pgServer.stop();
  await new Promise((r) => setTimeout(r, 4000));
  for (const w of workers) assert.equal(w.child.exitCode, null, `workers keep running while the database is down:\n${w.stderr()}`);
  await pgServer.start();
  const results = await Promise.all(workers.map((w) => w.done));
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  assert.ok(
    results.some((r) => /the store is unavailable/.test(r.stderr)),
    `a worker reported the outage:\n${results.map((r) => r.stderr).join('\n')}`,
  );
  await assertStoredOnce(db, ids);
  const linked = await linker.done;
  assert.equal(linked.code, 0, linked.stderr);
  assert.equal(await rows(db, 'story_articles'), ids.length, 'every article in exactly one story');
});

test('faults: NATS down: ingest says so and publishes once it is back; a worker rides out a NATS restart', { skip }, async () => {
  const pgServer = await postgresServer();
  const nats = await natsServer();
  const db = await freshDatabase(pgServer, 'natsdown');
  const { dir, ids } = await inputs(40);
  const ingest = cli(['ingest', '--queue', nats.url, dir]);
  await until(() => /NATS at nats:\/\/127\.0\.0\.1:\d+ is unavailable/.test(ingest.stderr()), 'ingest to report NATS down', 60_000);
  await nats.start();
  const published = await ingest.done;
  assert.equal(published.code, 0, published.stderr);
  assert.match(published.stdout, new RegExp(`published ${ids.length} jobs`));
  const worker = cli(['worker', '--queue', nats.url, '--db', db, '--exit-when-idle', '8']);
  await until(async () => (await rows(db, 'articles')) >= 5, 'the first articles');
  await nats.stop();
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(worker.child.exitCode, null, 'the worker waits for NATS');
  await nats.start();
  const done = await worker.done;
  assert.equal(done.code, 0, done.stderr);
  await assertStoredOnce(db, ids);
});
