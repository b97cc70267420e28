import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { ensureStream, SUBJECT } from '../src/queue/connection.js';
import { encodeJob, jobId } from '../src/queue/job.js';
import { runLinkerRole } from '../src/queue/linker.js';
import { loadTemplates, syntheticDocument } from './generate.js';

/** One configuration's figures. */
export interface ScaleFigures {
  backend: 'postgres' | 'embedded';
  workers: number;
  articles: number;
  articlesPerS: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  dbMb: number;
  retries: number;
  /** Articles per CPU-second of the workers (their whole processes, start-up included). */
  perCpuS: number;
  /** The machine's 1-minute load average when the configuration's workers ended (2 means both cores busy). */
  load: number;
}

/**
 * Articles/s (wall) of each configuration at 100,000 articles, from docs/scale.md: the embedded store's rows
 * 2026-12-06 14:10–14:48 UTC on an idle machine (load average 2–5); PostgreSQL's 1 worker in session 9 at main 6bd29dc
 * (workers make the linker's inputs; 19:00–19:24 UTC, load 2.5), its 2 workers in session 9 at main 4c89a83 (18:28–18:51
 * UTC, load 17–20: the wall figure is the loaded machine's), its 4 workers 14:41–14:48 UTC (idle, session 7 code).
 */
export const PREVIOUS_SCALE: Readonly<Record<ScaleFigures['backend'], Readonly<Record<number, number>>>> = {
  postgres: { 1: 81.2, 2: 110, 4: 238 },
  embedded: { 1: 169, 2: 360, 4: 278 },
};
/** Articles per worker CPU-second of the same runs as `PREVIOUS_SCALE` (steadier than wall under other load). */
export const PREVIOUS_SCALE_PER_CPU_S: Readonly<Record<ScaleFigures['backend'], Readonly<Record<number, number>>>> = {
  postgres: { 1: 158, 2: 198, 4: 163 },
  embedded: { 1: 176, 2: 208, 4: 148 },
};
/**
 * The linker role's one pass over a 1-worker PostgreSQL database of 100,000 articles whose worker stored the linker's
 * inputs (session 9, main 6bd29dc, 2026-12-06 19:13–19:24 UTC, load average 2.6): 12,300 stories, 647 s wall, 550
 * CPU-s of its process; that run's one worker made 158 articles per CPU-s. The same pass on the code before
 * (4c89a83, load 21) took 582 CPU-s: 172 per CPU-s, 0.91× its worker.
 */
export const PREVIOUS_LINKER_INTAKE = { perS: 155, perCpuS: 182, perWorkerCpuS: 1.15 } as const;

/** The linker role's one pass over the 1-worker PostgreSQL database: its intake. */
export interface LinkerPass {
  seconds: number;
  /** CPU of the bench's process, where the linker runs (PostgreSQL's own CPU not counted). */
  cpuSeconds: number;
  articles: number;
  stories: number;
  /** The 1-minute load average when the pass ended. */
  load: number;
}

interface WorkerFigures {
  jobs: number;
  retries: number;
  first: number;
  last: number;
  p50: number;
  p99: number;
  peakRssMb: number;
  cpuSeconds: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** A private nats-server for one configuration (fresh JetStream folder: no jobs left over from another run). */
async function startNats(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-nats-'));
  const port = await freePort();
  const child: ChildProcess = spawn('nats-server', ['-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const url = `nats://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await (await connect({ servers: url })).close();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Publishes `size` synthetic documents as jobs; returns the seconds it took. */
async function publish(url: string, size: number): Promise<number> {
  const nc = await connect({ servers: url });
  await ensureStream(await jetstreamManager(nc));
  const js = jetstream(nc);
  const templates = loadTemplates();
  const t0 = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < size; i++) {
    const doc = syntheticDocument(templates, i);
    inFlight.push(js.publish(SUBJECT, encodeJob(doc), { msgID: jobId(doc), timeout: 60_000 }));
    if (inFlight.length >= 500) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  await nc.drain();
  return (performance.now() - t0) / 1000;
}

function runWorkers(count: number, queue: string, db: string): Promise<WorkerFigures[]> {
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'scale-worker.ts'), queue, db], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      return new Promise<WorkerFigures>((resolve, reject) =>
        child.on('close', (code) =>
          code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string) as WorkerFigures) : reject(new Error(`worker exited ${code}`)),
        ),
      );
    }),
  );
}

function combine(backend: ScaleFigures['backend'], workers: WorkerFigures[], dbMb: number): ScaleFigures {
  const jobs = workers.reduce((n, w) => n + w.jobs, 0);
  const span = (Math.max(...workers.map((w) => w.last)) - Math.min(...workers.filter((w) => w.jobs > 0).map((w) => w.first))) / 1000;
  // Percentiles across workers: each worker's own, weighted by its jobs (workers see the same job mix).
  const weighted = (key: 'p50' | 'p99') => workers.reduce((s, w) => s + w[key] * w.jobs, 0) / Math.max(1, jobs);
  return {
    backend,
    workers: workers.length,
    articles: jobs,
    articlesPerS: jobs / span,
    p50Ms: weighted('p50'),
    p99Ms: weighted('p99'),
    peakRssMb: Math.max(...workers.map((w) => w.peakRssMb)),
    dbMb,
    retries: workers.reduce((n, w) => n + w.retries, 0),
    perCpuS: jobs / workers.reduce((s, w) => s + w.cpuSeconds, 0),
    load: loadavg()[0] ?? Number.NaN,
  };
}

async function withScratchDatabase<T>(server: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `tri_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await dropDatabase(admin, name);
    await admin.end();
  }
}

/**
 * Drops a scratch database, retrying while a background process (autovacuum) still holds it: `with (force)` would
 * need the right to end other roles' backends, which a plain test role lacks.
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  process.stderr.write(`could not drop the scratch database ${name}; drop it by hand\n`);
}

async function databaseMb(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const bytes = Number((await client.query('select pg_database_size(current_database()) as n')).rows[0].n);
  await client.end();
  return bytes / 1024 / 1024;
}

function folderMb(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1024 / 1024;
}

const ALL_CONFIGS: ReadonlyArray<readonly [ScaleFigures['backend'], number]> = [
  ['postgres', 1],
  ['postgres', 2],
  ['postgres', 4],
  ['embedded', 1],
  ['embedded', 2],
  ['embedded', 4],
];

/**
 * The configurations to run: all, or those named in `TRIANGULATE_SCALE_ONLY` ("embedded:1,embedded:2"), in that order,
 * so a run at 100k articles (tens of minutes per configuration here) can be split over several sittings.
 */
function chosenConfigs(only: string | undefined): ReadonlyArray<readonly [ScaleFigures['backend'], number]> {
  if (!only) return ALL_CONFIGS;
  // In the order named: the configurations that matter most first, in case the run is cut short.
  const named = only.split(',').map((s) => s.trim());
  const chosen = named.flatMap((name) => ALL_CONFIGS.filter(([backend, workers]) => `${backend}:${workers}` === name));
  if (chosen.length === 0) throw new Error(`TRIANGULATE_SCALE_ONLY names no configuration (use e.g. "embedded:1,postgres:2"): ${only}`);
  return chosen;
}

/**
 * `npm run bench -- scale [size]`: `size` synthetic articles (default 2,000) published to a private nats-server, then
 * consumed by 1, 2 and 4 worker processes into PostgreSQL (`TRIANGULATE_BENCH_PG` or `TRIANGULATE_TEST_PG`, a URL
 * whose role may create databases) and by 1 and 2 into the embedded store; then the linker role over the PostgreSQL
 * database of the 1-worker run. Throughput runs from the first job taken to the last acknowledged (process start-up
 * and the idle wait at the end are excluded).
 */
export async function scaleSection(size: number): Promise<{ rows: ScaleFigures[]; publishPerS: number; link: LinkerPass | null }> {
  const server = process.env.TRIANGULATE_BENCH_PG ?? process.env.TRIANGULATE_TEST_PG;
  if (!server) throw new Error('set TRIANGULATE_BENCH_PG (or TRIANGULATE_TEST_PG) to a postgres:// URL whose role may create databases');
  execFileSync('nats-server', ['--version']);
  const rows: ScaleFigures[] = [];
  let publishPerS = 0;
  let link: LinkerPass | null = null;
  const configs = chosenConfigs(process.env.TRIANGULATE_SCALE_ONLY);
  for (const [backend, workers] of configs) {
    const nats = await startNats();
    try {
      const seconds = await publish(nats.url, size);
      publishPerS = Math.max(publishPerS, size / seconds);
      if (backend === 'postgres') {
        await withScratchDatabase(server, async (db) => {
          rows.push(combine(backend, await runWorkers(workers, nats.url, db), 0));
          (rows[rows.length - 1] as ScaleFigures).dbMb = await databaseMb(db);
          if (workers === 1) {
            // The linker's intake: articles it files per second in one pass over everything the worker stored.
            const t0 = performance.now();
            const cpu = process.cpuUsage();
            const linked = await runLinkerRole({ db, exitWhenIdleMs: 0 });
            const used = process.cpuUsage(cpu);
            link = {
              seconds: (performance.now() - t0) / 1000,
              cpuSeconds: (used.user + used.system) / 1e6,
              articles: linked.articles,
              stories: linked.stories,
              load: loadavg()[0] ?? Number.NaN,
            };
            process.stderr.write(`scale linker: ${JSON.stringify(link)}\n`);
          }
        });
      } else {
        const dir = mkdtempSync(join(tmpdir(), 'tri-bench-embedded-'));
        try {
          const figures = await runWorkers(workers, nats.url, dir);
          rows.push(combine(backend, figures, folderMb(dir)));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    } finally {
      await nats.stop();
    }
    const last = rows[rows.length - 1] as ScaleFigures;
    // The whole row as soon as it is measured: a 100k run takes hours on this machine, and one cut short keeps them.
    process.stderr.write(`scale: ${backend} × ${workers}: ${last.articlesPerS.toFixed(1)} articles/s ${JSON.stringify(last)}\n`);
  }
  return { rows, publishPerS, link };
}
