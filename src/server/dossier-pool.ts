import { type Store, TriangulateError } from '../index.js';
import { type DossierFormat, DossierRenderer, type RenderedDossier } from './dossier-render.js';
import { StoreThread } from './store-thread.js';

/** One request to the dossier worker. */
export interface DossierJob {
  storyId: string;
  format: DossierFormat;
}

/**
 * Time one dossier may take to build and render in the worker before it is stopped and the request answered 503.
 * With the per-article cap (compare/article-cap.ts) the largest story in the adversarial bench builds in seconds;
 * this only stops a story no cap foresaw, and frees the worker for the next request.
 */
const BUILD_MS = 120_000;
/** The worker's heap: a big story's articles with their layers, and the dossier built from them. */
const WORKER_MEMORY_MB = 2_048;
/** Rendered bodies kept, by bytes (a few large dossiers or many small ones) and by count. */
const MAX_CACHED_BYTES = 256 * 1024 * 1024;
const MAX_CACHED = 96;

/**
 * Serves rendered dossiers: from a cache keyed by the stored story's JSON (a dossier is a pure function of its story
 * and articles, whose ids are content hashes, so an entry holds while the story is unchanged), else built in a worker
 * thread, one at a time, under a time budget. JSON, Markdown and HTML are each cached once rendered, so an HTML
 * request is no longer a full rebuild. Without a store location (an app made in-process over a Store object) the
 * build runs in this thread, as before.
 */
export class DossierPool {
  private readonly cache = new Map<string, RenderedDossier>();
  private cachedBytes = 0;
  private readonly thread: StoreThread | null;
  private readonly local: DossierRenderer | null;

  constructor(
    private readonly store: Store,
    storeLocation: string | undefined,
  ) {
    this.thread = storeLocation === undefined ? null : new StoreThread('dossier-worker', storeLocation, WORKER_MEMORY_MB);
    this.local = storeLocation === undefined ? new DossierRenderer(store) : null;
  }

  /** The story's dossier in one format, as bytes with an ETag; E_NOT_FOUND when there is no such story. */
  async get(storyId: string, format: DossierFormat): Promise<RenderedDossier> {
    const story = await this.store.getStory(storyId);
    if (!story) throw new TriangulateError('E_NOT_FOUND', `no story "${storyId}" in the store`);
    const key = JSON.stringify(story);
    const slot = `${format}:${storyId}`;
    const hit = this.cache.get(slot);
    if (hit && hit.key === key) {
      this.cache.delete(slot);
      this.cache.set(slot, hit);
      return hit;
    }
    const rendered = this.local
      ? await this.local.render(storyId, format)
      : await (this.thread as StoreThread).run<RenderedDossier>({ storyId, format } satisfies DossierJob, BUILD_MS, `the dossier of ${storyId}`);
    this.remember(slot, rendered);
    return rendered;
  }

  /** Ends the worker thread. */
  async close(): Promise<void> {
    await this.thread?.close();
  }

  private remember(slot: string, rendered: RenderedDossier): void {
    const old = this.cache.get(slot);
    if (old) this.cachedBytes -= old.body.byteLength;
    this.cache.delete(slot);
    if (rendered.body.byteLength > MAX_CACHED_BYTES / 4) return; // one huge body would push out everything else
    this.cache.set(slot, rendered);
    this.cachedBytes += rendered.body.byteLength;
    for (const [oldest, entry] of this.cache) {
      if (this.cachedBytes <= MAX_CACHED_BYTES && this.cache.size <= MAX_CACHED) break;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.body.byteLength;
    }
  }
}
