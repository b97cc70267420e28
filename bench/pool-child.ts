// Ingests synthetic articles into a fresh embedded store in a process of its own, cleaning and annotating them in
// this thread (threads 0) or on a pool of worker threads: prints one JSON line of wall and CPU figures.
// Usage: tsx bench/pool-child.ts <threads> <articles>
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanDocument } from '../src/clean/index.js';
import { ingestItems } from '../src/engine/ingest.js';
import type { Document } from '../src/model/document.js';
import { BudgetedPipeline } from '../src/pipeline/budget.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { openStore } from '../src/store/index.js';
import { loadTemplates, syntheticDocument } from './generate.js';

/**
 * Articles each thread cleans and annotates untimed first, so the figure is warm code rather than V8 compiling it;
 * other articles than the measured ones, so no cache of the stages is filled with the measured text. Each worker
 * thread is an isolate of its own that compiles the stages again. Calibrated on 2026-12-06 (3,000 synthetic
 * articles in one thread, CPU per block of 300, load 13): the thread's own CPU is steady from the 300th article
 * (3.2–3.5 ms), but V8's background compiler threads still spend 1.8 ms an article on articles 300–600 (TurboFan
 * re-optimising functions that met new object maps), 0.7–1.2 on 600–1,800 and 0.1–0.9 after.
 *
 * Two workers share the measured articles, so each isolate is measured on fewer of its own: with 1,500 a thread,
 * one worker's window was its articles 1,501–2,500 and each of two workers' 1,501–2,000, still compiling more, and
 * the second worker seemed to make every article dearer. Measured 2026-12-07 (1,000 articles, per-thread CPU from
 * /proc, load 21–30): with 1,500 V8's helper threads took 0.62 ms an article on one worker against 0.95–1.14 on
 * two; measuring one worker over the same window as two (500 articles) gave 0.72–0.93 against 0.98–1.05; with
 * 3,000 a thread, 0.34 against 0.33–0.53, and the workers' own CPU 4.19 against 4.26–4.38 ms. The pool's
 * steady state (an ingest of thousands of articles) is what the bench means to show.
 */
const WARM_UP_PER_THREAD = 3_000;
const WARM_UP_OFFSET = 1_000_000;

/** Linux's clock ticks per second, the unit of a thread's CPU times in /proc (`getconf CLK_TCK`). */
const TICKS_PER_S = 100;

/**
 * CPU seconds of the calling thread alone (Node 20 gives only the whole process's): the storing thread's share,
 * which bounds how far the pool can scale. Null off Linux.
 */
function threadCpuSeconds(): number | null {
  try {
    return cpuOfStat(readFileSync('/proc/thread-self/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** User + system CPU seconds from a /proc stat line. */
function cpuOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

/** CPU seconds of each thread of this process by thread id (empty off Linux). */
function threadsCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) out.set(tid, cpuOfStat(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
  } catch {
    // a thread that ended between the listing and the read, or no /proc: the split is then left out
  }
  return out;
}

const [threadsArg = '1', countArg = '1000'] = process.argv.slice(2);
const threads = Number(threadsArg);
const count = Number(countArg);
const templates = loadTemplates();
const docs = (from: number, n: number): Document[] => Array.from({ length: n }, (_, i) => syntheticDocument(templates, from + i));
const measured = docs(0, count);
const bytes = measured.reduce((n, d) => n + Buffer.byteLength(d.raw), 0);
const warmUp = docs(WARM_UP_OFFSET, WARM_UP_PER_THREAD * Math.max(1, threads));

// Threads that exist before the pool: this one, V8's helper threads (background compiling and GC) and the module
// loader's; a thread started after it is a worker (or an idle libuv thread). Splits the making CPU into the workers'
// own and V8's helpers'.
const before = new Set(threadsCpu().keys());
const pool = threads > 0 ? new BudgetedPipeline({}, threads) : null;
if (pool) await Promise.all(warmUp.map((d) => pool.process(d)));
else {
  const pipeline = createPipeline(defaultStages());
  for (const d of warmUp) pipeline.run(cleanDocument(d));
}

const dir = mkdtempSync(join(tmpdir(), 'tri-pool-'));
const store = await openStore(dir);
try {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const writerCpu = threadCpuSeconds();
  const threadsBefore = threadsCpu();
  const t = performance.now();
  const report = await ingestItems(store, measured, { link: false, ...(pool ? { budget: pool } : {}) });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  // Share of the wall time this thread (reading, storing, and with threads 0 the annotation too) was busy.
  const writerBusy = performance.eventLoopUtilization(loop).utilization;
  const writerCpuAfter = threadCpuSeconds();
  const writerCpuSeconds = writerCpu === null || writerCpuAfter === null ? null : writerCpuAfter - writerCpu;
  let workerCpuSeconds = 0;
  for (const [tid, cpuAfter] of threadsCpu()) if (!before.has(tid)) workerCpuSeconds += cpuAfter - (threadsBefore.get(tid) ?? 0);
  if (report.added !== count) throw new Error(`stored ${report.added} of ${count} articles: ${JSON.stringify(report.problems.slice(0, 3))}`);
  console.log(
    JSON.stringify({
      threads,
      articles: count,
      mb: bytes / 1024 / 1024,
      seconds,
      cpuSeconds,
      articlesPerS: count / seconds,
      articlesPerCpuS: count / cpuSeconds,
      writerBusy,
      writerCpuSeconds,
      workerCpuSeconds: threads > 0 && writerCpuSeconds !== null ? workerCpuSeconds : null,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
} finally {
  await store.close();
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
}
