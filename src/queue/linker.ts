import { relink } from '../engine/link.js';
import { errorText } from '../model/errors.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { Backoff, sleep } from './backoff.js';

export interface LinkerRoleOptions {
  /** Store location (the database the workers write to). */
  db: string;
  /** How often the store is checked for new articles. */
  intervalMs?: number;
  /** Stop after this long with nothing new to link (batch runs, tests); default: run until aborted. */
  exitWhenIdleMs?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** After each linking pass: articles in the store, stories after the pass, seconds the pass took. */
  onBatch?: (articles: number, stories: number, seconds: number) => void;
}

const DEFAULT_INTERVAL_MS = 1_000;

/**
 * The linker of a deployment. Workers only store articles; this role notices that the store holds more articles than
 * it last linked and runs the engine's `relink` — the same incremental linking a local ingest does, under the store's
 * exclusive lock. Reading the store rather than a queue, it cannot miss an article a worker committed, and batching
 * whatever arrived since the last pass keeps linking cost per pass, not per article. A second linker would only
 * wait for the lock and find nothing new: wasteful, never inconsistent.
 */
export async function runLinkerRole(options: LinkerRoleOptions): Promise<{ articles: number; stories: number }> {
  const log = options.log ?? (() => {});
  const signal = options.signal;
  const backoff = new Backoff(500, 30_000);
  let store: Store | null = null;
  let linked = -1;
  let stories = 0;
  let idleSince = Date.now();
  try {
    while (!signal?.aborted) {
      try {
        store ??= await openStore(options.db);
        const count = await store.countArticles();
        if (count !== linked) {
          const started = performance.now();
          stories = (await relink(store)).total;
          linked = count;
          idleSince = Date.now();
          options.onBatch?.(count, stories, (performance.now() - started) / 1000);
        } else if (options.exitWhenIdleMs !== undefined && Date.now() - idleSince >= options.exitWhenIdleMs) break;
        backoff.reset();
        await sleep(options.intervalMs ?? DEFAULT_INTERVAL_MS, signal);
      } catch (error) {
        const delay = backoff.next();
        log(`the store is unavailable (${errorText(error)}); retrying in ${(delay / 1000).toFixed(1)} s`);
        await sleep(delay, signal);
      }
    }
    return { articles: Math.max(0, linked), stories };
  } finally {
    await store?.close();
  }
}
