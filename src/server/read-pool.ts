import { availableParallelism } from 'node:os';
import type { Store } from '../store/index.js';
import { LIST_CACHE, ReadCache } from './read-cache.js';
import { answerRead, type JsonAnswer, type ReadAnswers, type ReadJob } from './reads.js';
import { StoreThread } from './store-thread.js';

/**
 * Read threads: one per core, at least two so one slow read (a deep filtered page, a large article) never holds
 * every other, at most four (beyond the cores they only take turns).
 */
export const READ_THREADS = Math.min(4, Math.max(2, availableParallelism()));
/**
 * Time one read may take before its thread is stopped (a fresh one takes the next job) and the request answered 503.
 * Reads are bounded queries taking milliseconds; this only catches one nothing foresaw.
 */
const READ_MS = 15_000;
/** A read thread's heap: the largest single answer is an article view with its layers (a 16 MB article's). */
const READ_MEMORY_MB = 1_024;

/**
 * Answers the server's reads (lists, search, articles, stored dossiers) on a pool of worker threads, each with its own
 * read-only connection, so SQL, JSON serialisation and hashing run beside the event loop instead of on it. With
 * SQLite in WAL mode every reader sees the last committed transaction and none waits for the writer; on PostgreSQL
 * each thread has its own small connection pool. Without a store location (an app over a Store object only) the same
 * reads run in the calling thread, over the server's own connection.
 */
export class ReadPool {
  private readonly threads: StoreThread[];
  /** Story and article lists and searches, kept per store change mark (read-cache.ts): answered without a thread. */
  readonly cache = new ReadCache<JsonAnswer>(LIST_CACHE, (answer) => answer.body.length);

  constructor(
    private readonly store: Store,
    storeLocation: string | undefined,
    size = READ_THREADS,
  ) {
    this.threads = storeLocation === undefined ? [] : Array.from({ length: size }, () => new StoreThread('read-worker', storeLocation, READ_MEMORY_MB));
  }

  /**
   * Answers one read: lists and searches from the cache while the store has not changed, otherwise (and every other
   * read) on the least busy ready thread. While no thread is ready (the first seconds after start, when
   * loading a thread's modules took 8 s on a loaded machine; or after a thread was stopped) it is answered here.
   */
  async run<J extends ReadJob>(job: J): Promise<ReadAnswers[J['op']]> {
    if (job.op !== 'stories' && job.op !== 'articles') return this.dispatch(job);
    const mark = await this.changeMark();
    if (mark === null) return this.dispatch(job);
    return (await this.cache.get(JSON.stringify(job), mark, () => this.dispatch(job) as Promise<JsonAnswer>)) as ReadAnswers[J['op']];
  }

  /** The store's change mark, read before a read that may be kept runs (Store.changeMark says why that order). */
  changeMark(): Promise<string | null> {
    return this.store.changeMark();
  }

  private dispatch<J extends ReadJob>(job: J): Promise<ReadAnswers[J['op']]> {
    const ready = this.threads.filter((t) => t.ready);
    if (ready.length === 0) {
      void this.warm();
      return answerRead(this.store, job);
    }
    const thread = ready.reduce((best, t) => (t.pending < best.pending ? t : best));
    return thread.run<ReadAnswers[J['op']]>(job, READ_MS, `reading ${job.op}`);
  }

  /** Starts the threads now rather than on the first requests; resolves when they are ready (or failed to start). */
  async warm(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.warm()));
  }

  /** Ends the threads. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
