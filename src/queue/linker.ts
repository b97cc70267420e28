import { Linker } from '../link/index.js';
import { errorText } from '../model/errors.js';
import type { Story } from '../model/story.js';
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
  /** After each batch is saved: articles linked so far, stories written in this batch, seconds the batch took. */
  onBatch?: (linked: number, written: number, seconds: number) => void;
}

/** Articles loaded from the store at once while linking (bounds memory: articles carry all their layers). */
const LOAD_CHUNK = 200;
const DEFAULT_INTERVAL_MS = 1_000;

/**
 * The one linker of a deployment. Workers only store articles; this role files every new article into an incremental
 * `Linker` held in memory (it reads the store, so it needs no queue of its own and misses nothing a worker
 * committed) and writes back only the stories that changed, under the store's exclusive lock. Should another process
 * have written stories meanwhile (a second linker, a local `ingest`), the story ids it finds differ from the ones it
 * wrote, and it rebuilds from the store instead of overwriting: several linkers are wasteful, never wrong.
 */
export async function runLinkerRole(options: LinkerRoleOptions): Promise<{ linked: number; stories: number }> {
  const log = options.log ?? (() => {});
  const signal = options.signal;
  const backoff = new Backoff(500, 30_000);
  let store: Store | null = null;
  let state = new LinkState();
  let idleSince = Date.now();
  try {
    while (!signal?.aborted) {
      try {
        store ??= await openStore(options.db);
        const grew = await linkNew(store, state, options, log);
        backoff.reset();
        if (grew) idleSince = Date.now();
        else if (options.exitWhenIdleMs !== undefined && Date.now() - idleSince >= options.exitWhenIdleMs) break;
        await sleep(options.intervalMs ?? DEFAULT_INTERVAL_MS, signal);
      } catch (error) {
        if (error instanceof ForeignWrite) {
          log('stories were written by another process; rebuilding the linker from the store');
          state = new LinkState();
          continue;
        }
        const delay = backoff.next();
        log(`the store is unavailable (${errorText(error)}); retrying in ${(delay / 1000).toFixed(1)} s`);
        await sleep(delay, signal);
      }
    }
    return { linked: state.linker.size, stories: state.written.size };
  } finally {
    await store?.close();
  }
}

/** The linker and what it last wrote: story id → member signature. */
class LinkState {
  linker = new Linker();
  written = new Map<string, string>();
  /** False until the first batch has written every story (a fresh linker must replace whatever the store holds). */
  synced = false;
}

class ForeignWrite extends Error {}

/** Files articles stored since the last call; returns whether there were any. */
async function linkNew(store: Store, state: LinkState, options: LinkerRoleOptions, log: (line: string) => void): Promise<boolean> {
  if (state.synced && (await store.countArticles()) === state.linker.size) return false;
  const started = performance.now();
  const fresh = (await store.articleIds()).filter((id) => !state.linker.has(id));
  if (!state.synced) log(`loading ${fresh.length} stored articles into the linker`);
  for (let i = 0; i < fresh.length; i += LOAD_CHUNK) {
    for (const article of await store.getArticles(fresh.slice(i, i + LOAD_CHUNK))) state.linker.add(article);
  }
  const stories = state.linker.stories();
  const now = new Map(stories.map((s) => [s.id, signature(s)]));
  const changed = stories.filter((s) => state.written.get(s.id) !== now.get(s.id));
  const removed = [...state.written.keys()].filter((id) => !now.has(id));
  await store.exclusive(async (tx) => {
    const inStore = await tx.storyIds();
    if (state.synced && !sameIds(inStore, state.written)) throw new ForeignWrite();
    const gone = state.synced ? removed : inStore.filter((id) => !now.has(id));
    await tx.saveStories(state.synced ? changed : stories, gone);
  });
  state.written = now;
  state.synced = true;
  options.onBatch?.(state.linker.size, changed.length, (performance.now() - started) / 1000);
  return fresh.length > 0;
}

/** A story is a function of its members (src/link/output.ts), so its member list says whether it changed. */
function signature(story: Story): string {
  return story.articleIds.join(',');
}

function sameIds(ids: readonly string[], written: ReadonlyMap<string, string>): boolean {
  return ids.length === written.size && ids.every((id) => written.has(id));
}
