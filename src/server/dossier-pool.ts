import type { Worker } from 'node:worker_threads';
import { type ErrorCode, type Store, TriangulateError } from '../index.js';
import { extension, startModuleWorker } from '../pipeline/budget.js';
import { type DossierFormat, DossierRenderer, type RenderedDossier } from './dossier-render.js';
import { HttpError } from './errors.js';

/** One request to the dossier worker. */
export interface DossierJob {
  id: number;
  storyId: string;
  format: DossierFormat;
}

/** The worker's answer: the rendered body, or the error it met. */
export type DossierReply = ({ id: number } & RenderedDossier) | { id: number; error: { code: ErrorCode | null; message: string } };

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
  private readonly cache = new Map<string, { key: string; body: string }>();
  private cachedBytes = 0;
  private worker: Promise<Worker> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private readonly local: DossierRenderer | null;

  constructor(
    private readonly store: Store,
    private readonly storeLocation: string | undefined,
  ) {
    this.local = storeLocation === undefined ? new DossierRenderer(store) : null;
  }

  /** The story's dossier in one format; E_NOT_FOUND when there is no such story. */
  async get(storyId: string, format: DossierFormat): Promise<string> {
    const story = await this.store.getStory(storyId);
    if (!story) throw new TriangulateError('E_NOT_FOUND', `no story "${storyId}" in the store`);
    const key = JSON.stringify(story);
    const slot = `${format}:${storyId}`;
    const hit = this.cache.get(slot);
    if (hit && hit.key === key) {
      this.cache.delete(slot);
      this.cache.set(slot, hit);
      return hit.body;
    }
    const job = this.tail.then(() => this.build(storyId, format));
    this.tail = job.catch(() => undefined);
    const rendered = await job;
    this.remember(slot, rendered);
    return rendered.body;
  }

  /** Ends the worker thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  private async build(storyId: string, format: DossierFormat): Promise<RenderedDossier> {
    if (this.local) return this.local.render(storyId, format);
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<RenderedDossier>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
      };
      const onMessage = (reply: DossierReply): void => {
        if (reply.id !== id) return;
        finish();
        if ('error' in reply) reject(reply.error.code ? new TriangulateError(reply.error.code, reply.error.message) : new Error(reply.error.message));
        else resolve({ key: reply.key, body: reply.body });
      };
      const onFailure = (): void => {
        finish();
        this.stop();
        reject(new HttpError(503, 'E_INTERNAL', `the dossier of ${storyId} could not be built: its worker stopped (out of memory?)`));
      };
      const timer = setTimeout(() => {
        finish();
        this.stop();
        reject(new HttpError(503, 'E_INTERNAL', `the dossier of ${storyId} took over ${BUILD_MS / 1000} s to build and was stopped`));
      }, BUILD_MS);
      worker.on('message', onMessage);
      worker.once('error', onFailure);
      worker.once('exit', onFailure);
      worker.postMessage({ id, storyId, format } satisfies DossierJob);
    });
  }

  private start(): Promise<Worker> {
    this.worker ??= new Promise<Worker>((resolve, reject) => {
      const entry = new URL(`./dossier-worker.${extension()}`, import.meta.url);
      const worker = startModuleWorker(entry, { storeLocation: this.storeLocation }, WORKER_MEMORY_MB);
      worker.unref(); // an idle dossier worker must not keep a finished process (a test, a closed server) alive
      worker.once('message', () => resolve(worker));
      worker.once('error', (error) => {
        this.worker = null;
        reject(error);
      });
    });
    return this.worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.then((w) => w.terminate()).catch(() => undefined);
  }

  private remember(slot: string, rendered: RenderedDossier): void {
    const old = this.cache.get(slot);
    if (old) this.cachedBytes -= old.body.length;
    this.cache.delete(slot);
    if (rendered.body.length > MAX_CACHED_BYTES / 4) return; // one huge body would push out everything else
    this.cache.set(slot, rendered);
    this.cachedBytes += rendered.body.length;
    for (const [oldest, entry] of this.cache) {
      if (this.cachedBytes <= MAX_CACHED_BYTES && this.cache.size <= MAX_CACHED) break;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.body.length;
    }
  }
}
