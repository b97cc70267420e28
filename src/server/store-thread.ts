import type { Worker } from 'node:worker_threads';
import { type ErrorCode, TriangulateError } from '../index.js';
import { extension, startModuleWorker } from '../pipeline/budget.js';
import { HttpError } from './errors.js';

/** A worker's answer to one job: its result, or the error it met. */
export type ThreadReply<T> = { id: number; result: T } | { id: number; error: { code: ErrorCode | null; message: string } } | { id: number; event: unknown };

/**
 * A worker thread of this package with its own connection to the server's store (SQLite in WAL mode and PostgreSQL
 * both take a second connection), running one job at a time. Work that is CPU-bound over a whole story or store
 * (building a dossier, linking after an upload) runs here so the server's event loop keeps answering; only small
 * messages go in, so nothing large is copied on the main thread on the way. A job over its time is stopped (the
 * thread is terminated; the next job starts a new one) and answered 503.
 */
export class StoreThread {
  private worker: Promise<Worker> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private queued = 0;
  private started = false;

  constructor(
    private readonly module: string,
    private readonly storeLocation: string,
    private readonly memoryMb: number,
  ) {}

  /**
   * Runs one job after the ones before it; `what` names it in errors; `onEvent` gets the progress it posts. The job
   * goes with an `id` field of the thread's own, so a job must not have one.
   */
  run<T>(job: object, timeoutMs: number, what: string, onEvent: (event: unknown) => void = () => undefined): Promise<T> {
    this.queued++;
    const next = this.tail.then(() => this.send<T>(job, timeoutMs, what, onEvent)).finally(() => this.queued--);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Whether the thread has started and opened its store (a job sent now does not wait for its start-up). */
  get ready(): boolean {
    return this.started;
  }

  /** Jobs given and not yet answered (a pool sends the next job to the thread with the fewest). */
  get pending(): number {
    return this.queued;
  }

  /** Starts the thread ahead of its first job (its start-up, loading modules and opening the store, takes a while). */
  async warm(): Promise<void> {
    await this.start().catch(() => undefined); // a thread that fails to start is started again by the next job
  }

  /** Ends the thread at once. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.started = false;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  private async send<T>(job: object, timeoutMs: number, what: string, onEvent: (event: unknown) => void): Promise<T> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
      };
      const onMessage = (reply: ThreadReply<T>): void => {
        if (reply.id !== id) return;
        if ('event' in reply) {
          onEvent(reply.event);
          return;
        }
        finish();
        if ('error' in reply) reject(reply.error.code ? new TriangulateError(reply.error.code, reply.error.message) : new Error(reply.error.message));
        else resolve(reply.result);
      };
      const onFailure = (): void => {
        finish();
        this.stop();
        reject(new HttpError(503, 'E_INTERNAL', `${what} failed: its worker thread stopped (out of memory?)`));
      };
      const timer = setTimeout(() => {
        finish();
        this.stop();
        reject(new HttpError(503, 'E_INTERNAL', `${what} took over ${timeoutMs / 1000} s and was stopped`));
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onFailure);
      worker.once('exit', onFailure);
      worker.postMessage({ ...job, id });
    });
  }

  private start(): Promise<Worker> {
    this.worker ??= new Promise<Worker>((resolve, reject) => {
      const entry = new URL(`./${this.module}.${extension()}`, import.meta.url);
      const worker = startModuleWorker(entry, { storeLocation: this.storeLocation }, this.memoryMb);
      // An idle thread must not keep a finished process (a test, a closed server) alive; a job's timer keeps the
      // process alive while one runs.
      worker.unref();
      worker.once('message', () => {
        this.started = true;
        resolve(worker);
      });
      worker.once('error', (error) => {
        this.worker = null;
        this.started = false;
        reject(error);
      });
    });
    return this.worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.started = false;
    void worker?.then((w) => w.terminate()).catch(() => undefined);
  }
}

/**
 * The worker side: opens the store named in workerData, then answers each job with `handle`'s result. Called at the
 * top of a worker module.
 */
export async function serveStoreJobs<J, T>(
  open: (location: string) => Promise<unknown>,
  handle: (job: J, progress: (event: unknown) => void) => Promise<T>,
  transferOf: (result: T) => ArrayBuffer[] = () => [],
): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const port = parentPort;
  if (!port) throw new Error('this module runs as a worker thread');
  await open((workerData as { storeLocation: string }).storeLocation);
  port.on('message', async (job: J & { id: number }) => {
    let reply: ThreadReply<T>;
    let transfer: ArrayBuffer[] = [];
    try {
      const result = await handle(job, (event) => port.postMessage({ id: job.id, event }));
      transfer = transferOf(result);
      reply = { id: job.id, result };
    } catch (error) {
      reply = {
        id: job.id,
        error: { code: error instanceof TriangulateError ? error.code : null, message: error instanceof Error ? error.message : String(error) },
      };
    }
    port.postMessage(reply, transfer);
  });
  port.postMessage({ ready: true });
}
