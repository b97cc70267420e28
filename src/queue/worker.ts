import { type JsMsg, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { cleanDocument } from '../clean/index.js';
import { tooLittleText } from '../ingest/limits.js';
import { linkInputOf } from '../link/intake.js';
import type { Article } from '../model/article.js';
import type { Document } from '../model/document.js';
import { errorText } from '../model/errors.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline, type Pipeline } from '../pipeline/runner.js';
import { openStore } from '../store/index.js';
import type { PutResult, Store } from '../store/store.js';
import { Backoff, sleep } from './backoff.js';
import { connectQueue, DEFAULT_ACK_WAIT_MS, DURABLE, ensureConsumer, ensureStream, type OnWait, STREAM } from './connection.js';
import { decodeJob } from './job.js';

export interface WorkerOptions {
  /** NATS URL (`nats://host:4222`). */
  queue: string;
  /** Store location: a `postgres://` URL (or an embedded store folder shared by processes on one machine). */
  db: string;
  ackWaitMs?: number;
  /** Stop after no job arrived for this long (batch runs, tests, benchmarks); default: run until aborted. */
  exitWhenIdleMs?: number;
  signal?: AbortSignal;
  /** One line per notable event: waits on an unreachable server, malformed jobs. */
  log?: (line: string) => void;
  /** After each acknowledged job, with its outcome and how long it took from dequeue to acknowledgement. */
  onJob?: (outcome: PutResult, ms: number) => void;
  pipeline?: Pipeline;
}

/** What a worker did before it stopped. */
export interface WorkerReport {
  jobs: number;
  added: number;
  aliases: number;
  unchanged: number;
  /** Jobs dropped as malformed (they can never succeed). */
  rejected: number;
  /** Times a job failed on the store and was handed back for redelivery. */
  retries: number;
}

/** How long one pull waits for a job before the worker checks for idleness and aborts. */
const PULL_EXPIRES_MS = 2_000;

/**
 * Consumes ingest jobs from the durable consumer, one at a time (a worker is one process per core): clean → annotate
 * → store, and only after the store's commit is the job acknowledged, so a crash at any point leaves the job to be
 * redelivered. Storing is idempotent by content hash, so a redelivered job records nothing twice. When the store
 * fails the job goes back with a delay and the worker backs off; when NATS is away the client reconnects and pulls
 * resume.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerReport> {
  const log = options.log ?? (() => {});
  const onWait: OnWait = (what, reason, ms) => log(`${what} is unavailable (${reason}); retrying in ${(ms / 1000).toFixed(1)} s`);
  const report: WorkerReport = { jobs: 0, added: 0, aliases: 0, unchanged: 0, rejected: 0, retries: 0 };
  const signal = options.signal;
  const ackWaitMs = options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS;
  const store = await untilReady(() => openStore(options.db), 'the store', onWait, signal);
  if (!store) return report;
  const nc = await connectQueue(options.queue, onWait, signal ? { signal } : {}).catch((error) => {
    if (signal?.aborted) return null;
    throw error;
  });
  try {
    if (!nc) return report;
    const pipeline = options.pipeline ?? createPipeline(defaultStages());
    const consumer = await untilReady(
      async () => {
        const jsm = await jetstreamManager(nc);
        await ensureStream(jsm);
        await ensureConsumer(jsm, ackWaitMs);
        return jetstream(nc).consumers.get(STREAM, DURABLE);
      },
      'the job stream',
      onWait,
      signal,
    );
    const storeBackoff = new Backoff(250, 30_000);
    const pullBackoff = new Backoff(250, 10_000);
    let lastJob = Date.now();
    while (consumer && !signal?.aborted) {
      let msg: JsMsg | null;
      try {
        msg = await consumer.next({ expires: PULL_EXPIRES_MS });
        pullBackoff.reset();
      } catch (error) {
        const delay = pullBackoff.next();
        onWait(`NATS at ${options.queue}`, errorText(error), delay);
        await sleep(delay, signal);
        continue;
      }
      if (!msg) {
        if (options.exitWhenIdleMs !== undefined && Date.now() - lastJob >= options.exitWhenIdleMs) break;
        continue;
      }
      lastJob = Date.now();
      const started = performance.now();
      const doc = decodeJob(msg.data);
      if ('reason' in doc) {
        log(`dropping job ${msg.seq}: ${doc.reason}`);
        msg.term(doc.reason);
        report.rejected++;
        continue;
      }
      let outcome: PutResult;
      try {
        outcome = await withHeartbeat(msg, ackWaitMs, () => storeDocument(store, pipeline, doc));
      } catch (error) {
        if (error instanceof BadJobError) {
          log(`dropping job ${msg.seq} (${doc.source.path}): ${error.message}`);
          msg.term(error.message);
          report.rejected++;
          continue;
        }
        // The store is down or refused the write: hand the job back for later and slow down.
        const delay = storeBackoff.next();
        report.retries++;
        msg.nak(delay);
        onWait('the store', errorText(error), delay);
        await sleep(delay, signal);
        continue;
      }
      storeBackoff.reset();
      try {
        await msg.ackAck();
      } catch (error) {
        // Committed but not acknowledged: the job comes back and is recognised by its content hash.
        log(`could not acknowledge job ${msg.seq} (${errorText(error)}); it will be redelivered and skipped`);
      }
      report.jobs++;
      report[outcome === 'added' ? 'added' : outcome === 'alias' ? 'aliases' : 'unchanged']++;
      options.onJob?.(outcome, performance.now() - started);
    }
    return report;
  } finally {
    await nc?.drain().catch(() => nc.close());
    await store.close();
  }
}

/** A job that can never succeed (analysis threw): retrying it would only loop. */
class BadJobError extends Error {}

/**
 * Stores one document: a known content hash only gains a name (no cleaning, no annotation); a new one is cleaned,
 * annotated and written with its linker input (src/link/intake.ts) in one transaction. Throws BadJobError when analysis fails (stages record problems as
 * messages, so that is a bug, not bad input) and the store's error when the store fails.
 */
export async function storeDocument(store: Store, pipeline: Pipeline, doc: Document): Promise<PutResult> {
  if (await store.hasArticle(doc.id)) return store.addName(doc.id, doc.source);
  let article: Article;
  try {
    article = pipeline.run(cleanDocument(doc));
  } catch (error) {
    throw new BadJobError(`analysis failed: ${errorText(error)}`);
  }
  const tooLittle = tooLittleText(article.text);
  if (tooLittle) throw new BadJobError(tooLittle);
  // The linker's reading of the article is made here, where the work scales out, and stored beside it.
  return store.putArticle(article, doc, linkInputOf(article));
}

/**
 * Tells JetStream the job is still being worked on while the store is slow, so it is not redelivered meanwhile. The
 * CPU-bound analysis blocks the timer, so the acknowledgement wait must exceed the slowest article (seconds ≪ 30 s).
 */
async function withHeartbeat<T>(msg: JsMsg, ackWaitMs: number, work: () => Promise<T>): Promise<T> {
  msg.working();
  const timer = setInterval(() => msg.working(), Math.max(500, ackWaitMs / 3));
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** Retries `open` with backoff until it succeeds (null when aborted first): a worker may start before its servers. */
async function untilReady<T>(open: () => Promise<T>, what: string, onWait: OnWait, signal?: AbortSignal): Promise<T | null> {
  const backoff = new Backoff(500, 10_000);
  while (!signal?.aborted) {
    try {
      return await open();
    } catch (error) {
      const delay = backoff.next();
      onWait(what, errorText(error), delay);
      await sleep(delay, signal);
    }
  }
  return null;
}
