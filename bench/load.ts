// Load and soak against `triangulate serve` on loopback (issue 9): p50/p99 of the story list, a dossier and search
// at 50 concurrent connections, then a soak with steady ingest through the API (memory, errors, lost articles).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type StoryPage } from '../src/index.js';
import { FEED_BATCH } from '../src/server/dossier-pool.js';
import { fillSyntheticStore, loadTemplates, seedByCopies, syntheticDocument } from './generate.js';

/** Concurrent connections of the load phase (the figure). */
const CONNECTIONS = 50;
/** Seconds each route is loaded for. */
const ROUTE_SECONDS = 20;
/** Soak: one new article posted this often (the answer is awaited, so a slower server lowers the rate). */
const INGEST_INTERVAL_MS = 1_000;
/** Soak: readers browsing at the same time, each request after the last. */
const SOAK_READERS = 5;
/** Soak: how often the server's resident memory is read. */
const SAMPLE_MS = 5_000;
/** Largest story used for the dossier route: a cold dossier of a huge synthetic story takes minutes (bench/api.ts). */
const MAX_DOSSIER_ARTICLES = 60;
/** Stories whose dossier is requested once, cold, one after another (the first request's latency), then loaded. */
const COLD_STORIES = 20;
/** Articles posted one at a time whose story's dossier is then asked for (the first request after an ingest). */
const AFTER_INGEST_ARTICLES = 10;
/**
 * How long after an upload is answered its story's dossier is asked for: a reader opening the story a few seconds
 * after the news came in. The server builds the changed stories' dossiers in that time (DossierPool.buildAhead).
 */
const AFTER_INGEST_WAIT_MS = 5_000;
/** How the bench names the figure. */
export const AFTER_INGEST_LABEL = `${AFTER_INGEST_WAIT_MS / 1000} s after an upload joined an article to the story`;
/** Above this many articles the store is seeded by copies (bench/generate.ts `seedByCopies`), not all analysed. */
const FULL_PIPELINE_MAX = 10_000;
/**
 * Before the cold requests, the server's CPU must stay under this many ms per IDLE_SAMPLE_MS (it starts by building
 * ahead the dossiers of the store's latest changes, from the changed-stories feed), waiting at most IDLE_WAIT_MS.
 */
const IDLE_CPU_MS = 50;
const IDLE_SAMPLE_MS = 1_000;
const IDLE_WAIT_MS = 180_000;

/** Which figure of the issue a row answers (issue 18: 100,000 articles, 50 connections). */
export type LoadFigure = 'list' | 'pages' | 'cursor' | 'dossier' | 'search' | 'first';

/** Issue 18's p99 targets in ms at 100,000 articles and 50 connections (the story-list target for every list row). */
export const TARGET_P99: Record<LoadFigure, number> = { list: 50, pages: 50, cursor: 50, dossier: 300, search: 200, first: 1_000 };

/**
 * The p99 figures of the last full run, printed beside each row: `load 100000 0` on main after session 11's merge
 * (a new machine, slower than session 10's), 2026-12-07 01:17–01:23 UTC, load average 2.0–2.7, the machine otherwise
 * idle (docs/hardening.md, "Reads under load at 100,000 articles"); the first dossier request is the slowest of 20
 * cold ones. The run before (session 10, load 1.9–3.3) gave 11.3 / 66.2 / 48.8 / 12.4 / 9.2 ms and 836 ms.
 */
export const PREVIOUS_P99: Partial<Record<LoadFigure, { ms: number; at: string }>> = {
  list: { ms: 7.9, at: '100k, load 2.1' },
  pages: { ms: 65.8, at: '100k, load 2.5' },
  cursor: { ms: 32.5, at: '100k, load 2.6' },
  dossier: { ms: 35.1, at: '100k, load 2.7' },
  search: { ms: 7.3, at: '100k, load 2.5' },
  first: { ms: 786, at: '100k, slowest of 20, load 2.0' },
};

/** Latency of one route under load. */
export interface LoadRow {
  route: string;
  figure: LoadFigure;
  /** The machine's 1-minute load average when the row ended (2 cores, shared with other jobs). */
  load: number;
  /**
   * CPU time the server process (event loop and its threads) spent per request: steadier than latency on a shared
   * machine, and what bounds throughput (2 cores give at most 2,000 CPU-ms per second).
   */
  cpuMsPerRequest: number;
  connections: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

/** What the soak measured. */
export interface SoakFigures {
  seconds: number;
  readers: number;
  ingestIntervalMs: number;
  posted: number;
  added: number;
  reads: number;
  errors: number;
  /**
   * Dossier reads answered 404 because linking had since changed the story (its id is its smallest article id, so
   * an article joining or leaving can rename it). Expected, not a fault; counted apart from errors.
   */
  renamed: number;
  /** Articles an ingest answer named that the server cannot return afterwards. */
  lost: number;
  rssStartMb: number;
  rssEndMb: number;
  rssMaxMb: number;
  /** Least-squares slope of the server's RSS over the soak, after its first tenth (warm-up). */
  rssSlopeMbPerMin: number;
  ingestP50: number;
  ingestP99: number;
  readP99: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/**
 * One HTTP exchange over the shared keep-alive agent: status, body and milliseconds. With `keepText` false the body
 * is read and dropped undecoded (text ''): decoding 0.1–0.5 MB dossiers hundreds of times a second made the load
 * client, on the same two cores, the bound of the dossier row.
 */
function exchange(
  agent: Agent,
  base: URL,
  method: string,
  path: string,
  body?: { type: string; data: Buffer },
  keepText = true,
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      new URL(path, base),
      { method, agent, headers: body ? { 'content-type': body.type, 'content-length': body.data.length } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          if (keepText) chunks.push(c);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: keepText ? Buffer.concat(chunks).toString('utf8') : '', ms: performance.now() - started }),
        );
        res.on('error', () => resolve({ status: 0, text: '', ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, text: '', ms: performance.now() - started }));
    req.end(body?.data);
  });
}

/** CPU milliseconds a process has used (user + system), from /proc (Linux; clock ticks of 10 ms). */
/** Waits until the server's CPU stays under IDLE_CPU_MS per IDLE_SAMPLE_MS (or IDLE_WAIT_MS has passed). */
async function serverIdle(pid: number): Promise<void> {
  const end = performance.now() + IDLE_WAIT_MS;
  let before = cpuMs(pid);
  while (performance.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
    const now = cpuMs(pid);
    if (now - before < IDLE_CPU_MS) return;
    before = now;
  }
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Loads one route with `connections` clients, each sending its next request when the last is answered; `paths` gets
 * the request's number and the connection's last answer when `readsAnswers` (a client following a page's cursor;
 * otherwise null, and bodies are not decoded).
 */
export async function loadRoute(
  base: URL,
  pid: number,
  route: string,
  figure: LoadFigure,
  paths: (i: number, lastAnswer: string | null) => string,
  seconds: number,
  connections = CONNECTIONS,
  readsAnswers = false,
): Promise<LoadRow> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const ms: number[] = [];
  let errors = 0;
  let n = 0;
  const cpuBefore = cpuMs(pid);
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      let last: string | null = null;
      while (performance.now() < until) {
        const r = await exchange(agent, base, 'GET', paths(n++, last), undefined, readsAnswers);
        if (r.status !== 200) errors++;
        ms.push(r.ms);
        last = r.status === 200 && readsAnswers ? r.text : null;
      }
    }),
  );
  agent.destroy();
  const cpu = cpuMs(pid) - cpuBefore;
  ms.sort((a, b) => a - b);
  return {
    route,
    figure,
    load: loadavg()[0] ?? Number.NaN,
    cpuMsPerRequest: cpu / Math.max(1, ms.length),
    connections,
    requests: ms.length,
    errors,
    perSecond: ms.length / seconds,
    p50: percentile(ms, 0.5),
    p99: percentile(ms, 0.99),
    max: ms.at(-1) ?? 0,
  };
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? Number.NaN) / 1024;
}

/** Starts `triangulate serve` on a free loopback port and resolves with its URL once it listens. */
export function serve(db: string): Promise<{ child: ChildProcess; base: URL }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-child.ts'), 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr?.on('data', (d: Buffer) => {
      said += d.toString();
      const url = /serving the UI at (http:\/\/[^/\s]+)\//.exec(said)?.[1];
      if (url) resolve({ child, base: new URL(url) });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${said.slice(-500)}`)));
  });
}

/** A multipart body with one text file. */
export function form(name: string, text: string): { type: string; data: Buffer } {
  const boundary = `----triangulate${Math.random().toString(16).slice(2)}`;
  const data = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  );
  return { type: `multipart/form-data; boundary=${boundary}`, data };
}

/** Least-squares slope of y over x. */
function slope(points: ReadonlyArray<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** Steady ingest of new articles through the API with readers browsing, for `seconds`. */
async function soak(base: URL, pid: number, size: number, seconds: number, storyIds: readonly string[]): Promise<SoakFigures> {
  const templates = loadTemplates();
  const agent = new Agent({ keepAlive: true, maxSockets: SOAK_READERS + 1 });
  const started = performance.now();
  const until = started + seconds * 1000;
  const samples: Array<[number, number]> = [];
  const ids: string[] = [];
  const ingestMs: number[] = [];
  const readMs: number[] = [];
  let posted = 0;
  let added = 0;
  let errors = 0;
  const sampler = setInterval(() => samples.push([(performance.now() - started) / 60_000, rssMb(pid)]), SAMPLE_MS);
  samples.push([0, rssMb(pid)]);
  const writer = (async () => {
    for (let k = 0; performance.now() < until; k++) {
      const next = performance.now() + INGEST_INTERVAL_MS;
      const doc = syntheticDocument(templates, size + k);
      const r = await exchange(agent, base, 'POST', '/api/ingest', form(`soak-${k}.${doc.format === 'html' ? 'html' : 'txt'}`, doc.raw));
      posted++;
      ingestMs.push(r.ms);
      if (r.status !== 200) errors++;
      else {
        const report = JSON.parse(r.text) as { added: number; articleIds: string[]; problems: unknown[] };
        added += report.added;
        ids.push(...report.articleIds);
        if (report.problems.length > 0) errors++;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  const words = ['port', 'strike', 'minister', 'plant', 'council'];
  // Story ids as the readers last saw them listed: ingest re-links, and a reader follows the current list.
  let live = [...storyIds];
  let renamed = 0;
  const readers = Array.from({ length: SOAK_READERS }, async (_, reader) => {
    for (let i = reader; performance.now() < until; i += SOAK_READERS) {
      const kind = i % 3;
      const path = [`/api/stories?limit=50&offset=${(i * 7) % 500}`, `/api/stories?q=${words[i % words.length]}`, `/api/stories/${live[i % live.length]}`][
        kind
      ] as string;
      const r = await exchange(agent, base, 'GET', path);
      readMs.push(r.ms);
      if (kind === 2 && r.status === 404) renamed++;
      else if (r.status !== 200) errors++;
      else if (kind === 0) {
        const listed = (JSON.parse(r.text) as StoryPage).items.map((s) => s.id);
        if (listed.length > 0) live = listed;
      }
    }
  });
  await Promise.all([writer, ...readers]);
  clearInterval(sampler);
  samples.push([(performance.now() - started) / 60_000, rssMb(pid)]);
  let lost = 0;
  for (const id of ids) if ((await exchange(agent, base, 'GET', `/api/articles/${id}`)).status !== 200) lost++;
  agent.destroy();
  ingestMs.sort((a, b) => a - b);
  readMs.sort((a, b) => a - b);
  const afterWarmUp = samples.filter(([minute]) => minute >= seconds / 60 / 10);
  return {
    seconds,
    readers: SOAK_READERS,
    ingestIntervalMs: INGEST_INTERVAL_MS,
    posted,
    added,
    reads: readMs.length,
    errors,
    renamed,
    lost,
    rssStartMb: (afterWarmUp[0] ?? samples[0])?.[1] ?? Number.NaN,
    rssEndMb: samples.at(-1)?.[1] ?? Number.NaN,
    rssMaxMb: Math.max(...samples.map(([, y]) => y)),
    rssSlopeMbPerMin: slope(afterWarmUp),
    ingestP50: percentile(ingestMs, 0.5),
    ingestP99: percentile(ingestMs, 0.99),
    readP99: percentile(readMs, 0.99),
  };
}

/**
 * New articles posted through the upload API one at a time; AFTER_INGEST_WAIT_MS after each answer, its story's
 * dossier is asked for: the product's path, where the server built the dossier ahead of the request.
 */
async function firstAfterIngest(agent: Agent, base: URL, size: number): Promise<ColdDossiers['afterIngest']> {
  const templates = loadTemplates();
  const ms: number[] = [];
  const sizes: number[] = [];
  let failed: string | null = null;
  for (let k = 0; k < AFTER_INGEST_ARTICLES && failed === null; k++) {
    // Past the soak's documents (size + k there), so these are new articles too.
    const doc = syntheticDocument(templates, size + 1_000_000 + k);
    const posted = await exchange(agent, base, 'POST', '/api/ingest', form(`fresh-${k}.${doc.format === 'html' ? 'html' : 'txt'}`, doc.raw));
    const id = posted.status === 200 ? (JSON.parse(posted.text) as { articleIds: string[] }).articleIds[0] : undefined;
    if (!id) {
      // An upload refused or timed out (the ingest thread's own limit): said in the report, the other figures kept.
      failed = `upload ${k} answered ${posted.status} after ${Math.round(posted.ms)} ms: ${posted.text.slice(0, 200)}`;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, AFTER_INGEST_WAIT_MS));
    const storyId = (JSON.parse((await exchange(agent, base, 'GET', `/api/articles/${id}`)).text) as { storyId: string | null }).storyId;
    if (!storyId) continue;
    const r = await exchange(agent, base, 'GET', `/api/stories/${storyId}`);
    if (r.status !== 200) throw new Error(`dossier of ${storyId}: ${r.status}`);
    ms.push(r.ms);
    sizes.push((JSON.parse(r.text) as { stories: Array<{ articleIds: string[] }> }).stories[0]?.articleIds.length ?? 0);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    requests: ms.length,
    articles: `${Math.min(...sizes)}–${Math.max(...sizes)}`,
    p50: percentile(sorted, 0.5),
    max: sorted.at(-1) ?? Number.NaN,
    load: loadavg()[0] ?? Number.NaN,
    failed,
  };
}

const notOnCopies: ColdDossiers['afterIngest'] = {
  requests: 0,
  articles: '–',
  p50: Number.NaN,
  max: Number.NaN,
  load: Number.NaN,
  failed: 'not measured on a store seeded by copies (its linker holds the analysed articles only)',
};

/** The first request of each of several stories' dossiers, cold (nothing stored), one after another. */
export interface ColdDossiers {
  stories: number;
  articles: string;
  /** The very first dossier request after the server started (its dossier thread may still be starting); not in p50/max. */
  firstMs: number;
  p50: number;
  max: number;
  /**
   * Server CPU (all its threads) per first request, p50 and max: the build's own cost, which the wall figure
   * multiplies by the load when other jobs share the cores.
   */
  cpuMsP50: number;
  cpuMsMax: number;
  /** Articles of the story whose first request was slowest. */
  slowestArticles: number;
  load: number;
  /** The first request of a story's dossier AFTER_INGEST_WAIT_MS after an article joined it through the upload API. */
  afterIngest: { requests: number; articles: string; p50: number; max: number; load: number; failed: string | null };
}

/**
 * Builds a store of `size` synthetic articles (full pipeline and linking up to 10,000; above, seeded by copies of
 * 3,000 analysed ones), serves it from a child process, requests 20 stories' dossiers cold, then loads the story
 * list, those dossiers (now stored) and search with 50 connections, then soaks it for `soakSeconds` with steady
 * ingest (none when 0: a copied store's linker entries cover only the analysed articles).
 */
export async function loadSection(
  size: number,
  soakSeconds: number,
  onRow: (row: LoadRow) => void,
): Promise<{ buildSeconds: number; seeded: string; stories: number; cold: ColdDossiers; rows: LoadRow[]; soak: SoakFigures | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-load-'));
  let child: ChildProcess | null = null;
  try {
    const t0 = performance.now();
    const store = await openStore(dir);
    const copied = size > FULL_PIPELINE_MAX;
    if (copied) await seedByCopies(store, size);
    else await fillSyntheticStore(store, size);
    const stories = await store.countStories();
    // The server builds these ahead when it starts (the changed-stories feed): they are not cold.
    const builtAtStart = new Set((await store.storyChanges(null, FEED_BATCH)).map((c) => c.storyId));
    await store.close();
    const buildSeconds = (performance.now() - t0) / 1000;
    const served = await serve(dir);
    child = served.child;
    const { base } = served;
    const agent = new Agent({ keepAlive: true });
    // The largest stories that are small enough: in a copied store the first pages hold only copies of the largest.
    const small: StoryPage['items'] = [];
    for (let offset = 0; small.length < 200 && offset < stories; offset += 200) {
      const list = JSON.parse((await exchange(agent, base, 'GET', `/api/stories?limit=200&offset=${offset}`)).text) as StoryPage;
      small.push(...list.items.filter((s) => s.articleCount <= MAX_DOSSIER_ARTICLES && !builtAtStart.has(s.id)));
    }
    // Spread over the list: neighbours in it are often copies of one story (same size) in a copied store.
    const spread = small.filter((_, i) => i % Math.max(1, Math.floor(small.length / (COLD_STORIES + 1))) === 0);
    // The first builds nothing measured: the server's dossier thread may still be loading its modules.
    const [warmUp, ...candidates] = spread.slice(0, COLD_STORIES + 1);
    if (!warmUp || candidates.length === 0) throw new Error('no story to load');
    const firstMs = (await exchange(agent, base, 'GET', `/api/stories/${warmUp.id}`)).ms;
    // The builds ahead the server starts with would otherwise share its dossier thread with the cold requests.
    await serverIdle(child.pid as number);
    const coldMs: number[] = [];
    const coldCpuMs: number[] = [];
    for (const story of candidates) {
      const cpuBefore = cpuMs(child.pid as number);
      const r = await exchange(agent, base, 'GET', `/api/stories/${story.id}`);
      if (r.status !== 200) throw new Error(`dossier of ${story.id}: ${r.status}`);
      coldMs.push(r.ms);
      coldCpuMs.push(cpuMs(child.pid as number) - cpuBefore);
    }
    // A copied store's linker holds entries for the analysed articles only: an upload would link every copy too
    // (at 100,000 the first one failed after ~15 minutes), so the figure is measured on fully linked stores.
    const afterIngest = copied ? notOnCopies : await firstAfterIngest(agent, base, size);
    agent.destroy();
    const sizes = candidates.map((s) => s.articleCount);
    const sortedCold = [...coldMs].sort((a, b) => a - b);
    const sortedCpu = [...coldCpuMs].sort((a, b) => a - b);
    const cold: ColdDossiers = {
      stories: candidates.length,
      articles: `${Math.min(...sizes)}–${Math.max(...sizes)}`,
      firstMs,
      p50: percentile(sortedCold, 0.5),
      max: sortedCold.at(-1) ?? Number.NaN,
      cpuMsP50: percentile(sortedCpu, 0.5),
      cpuMsMax: sortedCpu.at(-1) ?? Number.NaN,
      slowestArticles: sizes[coldMs.indexOf(Math.max(...coldMs))] ?? 0,
      load: loadavg()[0] ?? Number.NaN,
      afterIngest,
    };
    const rows: LoadRow[] = [];
    const run = async (route: string, figure: LoadFigure, paths: (i: number, lastAnswer: string | null) => string, readsAnswers = false): Promise<void> => {
      const row = await loadRoute(base, child?.pid as number, route, figure, paths, ROUTE_SECONDS, CONNECTIONS, readsAnswers);
      rows.push(row);
      onRow(row);
    };
    await run('GET /api/stories (first 50)', 'list', () => '/api/stories?limit=50');
    // Offsets that are rarely the same twice (the store's story count is seldom a multiple of 50): the uncached path.
    await run('GET /api/stories (pages of 50)', 'pages', (i) => `/api/stories?limit=50&offset=${(i * 50) % Math.max(50, stories)}`);
    // Each client reads on from its last page's cursor, starting over at the end; clients start spread over the list.
    await run(
      'GET /api/stories?after= (pages of 50 by cursor)',
      'cursor',
      (i, last) => {
        const cursor = last === null ? null : (JSON.parse(last) as StoryPage).nextCursor;
        return cursor ? `/api/stories?limit=50&after=${encodeURIComponent(cursor)}` : `/api/stories?limit=50&offset=${(i * 50 * 7) % Math.max(50, stories)}`;
      },
      true,
    );
    await run(
      `GET /api/stories/:id (dossiers of ${cold.articles} articles, stored)`,
      'dossier',
      (i) => `/api/stories/${candidates[i % candidates.length]?.id}`,
    );
    const words = ['port', 'strike', 'minister', 'plant', 'council'];
    await run('GET /api/stories?q= (search)', 'search', (i) => `/api/stories?q=${words[i % words.length]}`);
    const soaked =
      soakSeconds > 0
        ? await soak(
            base,
            child.pid as number,
            size,
            soakSeconds,
            candidates.map((s) => s.id),
          )
        : null;
    const seeded = copied ? 'copies of 3,000 analysed and linked articles (bench/generate.ts seedByCopies)' : 'full pipeline and linking';
    return { buildSeconds, seeded, stories, cold, rows, soak: soaked };
  } finally {
    await stopServer(child, dir);
  }
}

/** Ends a served child (SIGTERM, waiting for it to exit) and removes its store folder. */
export async function stopServer(child: ChildProcess | null | undefined, dir: string): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
