import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import type { Document } from '../model/document.js';
import { errorText, TriangulateError } from '../model/errors.js';
import { type Message, message } from '../model/message.js';
import type { ArticleRecord } from '../store/store.js';

/** Time and memory one article may take in cleaning and annotation before its run is stopped. */
export interface ArticleBudget {
  /** Wall-clock milliseconds per article (cleaning and every stage together); 0: no time limit. */
  ms: number;
  /** Heap of the worker thread, models included (about 250 MB of it): an article pushing it past this is stopped. */
  memoryMb: number;
  /**
   * Module exporting `defaultStages(): ArticleStage[]`, run in the worker; default the registry. Stages are loaded
   * by module because functions cannot be sent to a thread (and so a test can bring a deliberately slow stage).
   */
  stagesModule?: string;
}

/**
 * Defaults: a news article takes milliseconds per stage here (bench: ≈300 articles/s for all stages), and a 16 MB
 * input of ordinary text a few seconds; 30 s only ever stops a runaway. 1,536 MB leaves the models' ≈250 MB and a
 * large page's working set several times over, while stopping an article that would take the machine's memory.
 */
export const DEFAULT_BUDGET: ArticleBudget = { ms: 30_000, memoryMb: 1_536 };

/** What running one document under a budget gave: the article (perhaps missing layers, with messages) or a problem. */
export type BudgetedResult = { article: Article } | { problem: string };

/**
 * The same as the record the store writes (`processRecord`), made on the worker thread, with the messages naming the
 * stages that ran over the budget (also in the record's article).
 */
export type BudgetedRecord = { record: ArticleRecord; overBudget: Message[] } | { problem: string };

/** Values of the shared step cell the worker (article-worker.ts) writes: which step of a job is running. */
export const STEP = { idle: 0, cleaning: 1, firstStage: 2 } as const;

/** What the parent hands the worker: where the stages come from and the shared step cell. */
export interface WorkerSetup {
  stagesModule: string;
  step: Int32Array;
}

/** One job: a document, the stages to leave out because they ran over budget on it before, and what to send back. */
export interface WorkerJob {
  doc: Document;
  skip: string[];
  /** Messages naming those stages, added to the article's. */
  messages: Message[];
  /** Send the store's record of the article (`articleRecord`) rather than the article. */
  record: boolean;
}

/** What a job sends back: the article, or its record. */
type Made<R extends boolean> = R extends true ? ArticleRecord : Article;

/** A live worker thread and the step cell it writes. */
interface Thread {
  worker: Worker;
  step: Int32Array;
  stageNames: string[];
}

/** One place in the pool: its thread (started on first use, replaced after a budget stop) and whether a job holds it. */
interface Lane {
  thread: Promise<Thread> | null;
  busy: boolean;
}

/**
 * Worker threads when none is asked for: one per core. The thread that stores the articles needs no core of its
 * own: with one worker it is busy about a sixth of the time (`npm run bench -- pool`, 2026-12-06 10:00 UTC, warm
 * threads: storing and receiving 0.67–1.0 CPU ms per article against 3.8–5.2 ms of cleaning and annotation), so on
 * two cores a second worker adds far more than the storing thread loses, and it becomes the bottleneck only past
 * about five workers.
 */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Cleans and annotates documents on a pool of worker threads, each under a per-article budget. A synchronous stage
 * cannot be interrupted in its own thread (a catastrophic regex or a quadratic loop never yields), so it runs in
 * another one that can be terminated. When an article runs over its time or memory, or its thread dies, that
 * thread is terminated, the stage it was in is named, and the article is run again in a fresh thread without that
 * stage (and without the stages that need its layer), each with a message saying so; an article whose cleaning
 * runs over is a problem, not stored. The other threads' articles and the batch go on either way. `threads` jobs
 * run at once; further calls to `process` wait for a free thread. Costs measured in bench/run.ts (`budget` and
 * `pool` sections), docs/hardening.md and docs/measurements.md.
 */
export class BudgetedPipeline {
  readonly budget: ArticleBudget;
  readonly threads: number;
  private readonly lanes: Lane[];
  private readonly waiting: Array<(lane: Lane) => void> = [];

  constructor(budget: Partial<ArticleBudget> = {}, threads = 1) {
    if (!Number.isInteger(threads) || threads < 1) throw new TriangulateError('E_USAGE', `a pool needs at least one thread, not ${threads}`);
    this.budget = { ...DEFAULT_BUDGET, ...budget };
    this.threads = threads;
    this.lanes = Array.from({ length: threads }, () => ({ thread: null, busy: false }));
  }

  /** Cleans and annotates one document within the budget on the next free thread; never rejects for the document's sake. */
  async process(doc: Document): Promise<BudgetedResult> {
    const made = await this.make(doc, false);
    return 'problem' in made ? made : { article: made.made };
  }

  /** The same, sending back the record the store writes: the thread calling this neither receives nor serialises the article. */
  async processRecord(doc: Document): Promise<BudgetedRecord> {
    const made = await this.make(doc, true);
    return 'problem' in made ? made : { record: made.made, overBudget: made.messages };
  }

  /** Ends the worker threads (the next `process` starts new ones). */
  async close(): Promise<void> {
    const threads = this.lanes.map((lane) => lane.thread);
    for (const lane of this.lanes) lane.thread = null;
    await Promise.all(threads.map(async (thread) => (await thread?.catch(() => null))?.worker.terminate()));
  }

  private acquire(): Promise<Lane> {
    const free = this.lanes.find((lane) => !lane.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the lane straight to the next waiting job (it stays busy), or frees it. */
  private release(lane: Lane): void {
    const next = this.waiting.shift();
    if (next) next(lane);
    else lane.busy = false;
  }

  private async make<R extends boolean>(doc: Document, record: R): Promise<{ made: Made<R>; messages: Message[] } | { problem: string }> {
    const lane = await this.acquire();
    try {
      return await this.processOn(lane, doc, record);
    } finally {
      this.release(lane);
    }
  }

  private async processOn<R extends boolean>(lane: Lane, doc: Document, record: R): Promise<{ made: Made<R>; messages: Message[] } | { problem: string }> {
    const skip: string[] = [];
    const messages: Message[] = [];
    for (;;) {
      const thread = await this.start(lane).catch((error: unknown) => {
        lane.thread = null; // a thread that failed to start is not reused: the next article tries a new one
        throw error;
      });
      const outcome = await this.run(thread, { doc, skip, messages, record });
      if ('made' in outcome) return { made: outcome.made as Made<R>, messages };
      this.stop(lane);
      const step = outcome.step;
      if (step < STEP.firstStage) return { problem: `cleaning ${outcome.reason}; the article was not stored` };
      const stage = thread.stageNames[step - STEP.firstStage] ?? `stage ${step}`;
      skip.push(stage);
      messages.push(message(stage, 'over-budget', `${stage} ${outcome.reason}: its layer is missing from this article`, { severity: 'error' }));
      if (skip.length >= thread.stageNames.length) return { problem: `every stage ${outcome.reason}` };
    }
  }

  private stop(lane: Lane): void {
    const thread = lane.thread;
    lane.thread = null;
    void thread?.then((t) => t.worker.terminate()).catch(() => undefined);
  }

  /** The lane's thread, started (and its models loaded) on first use; loading time is not charged to an article. */
  private start(lane: Lane): Promise<Thread> {
    lane.thread ??= new Promise<Thread>((resolve, reject) => {
      const step = new Int32Array(new SharedArrayBuffer(4));
      const setup: WorkerSetup = { stagesModule: this.budget.stagesModule ?? new URL(`./registry.${extension()}`, import.meta.url).href, step };
      const worker = spawn(setup, this.budget.memoryMb);
      worker.once('message', (m: { ready: string[] }) => resolve({ worker, step, stageNames: m.ready }));
      worker.once('error', reject);
    });
    return lane.thread;
  }

  /** One job on the thread: what it made, or the step that was running when the budget ran out or the thread died. */
  private run(thread: Thread, job: WorkerJob): Promise<{ made: Article | ArticleRecord } | { step: number; reason: string }> {
    const { worker, step } = thread;
    return new Promise((resolve) => {
      const finish = (value: { made: Article | ArticleRecord } | { step: number; reason: string }): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(value);
      };
      const over = (reason: string) => finish({ step: Atomics.load(step, 0), reason });
      const onMessage = (made: Article | ArticleRecord) => finish({ made });
      const onError = (error: Error & { code?: string }) =>
        over(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `exceeded its memory budget of ${this.budget.memoryMb} MB` : `failed: ${errorText(error)}`);
      const onExit = () => over('stopped its thread');
      const timer = this.budget.ms > 0 ? setTimeout(() => over(`exceeded its time budget of ${this.budget.ms} ms`), this.budget.ms) : undefined;
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      Atomics.store(step, 0, STEP.cleaning);
      worker.postMessage(job);
    });
  }
}

/** `ts` when running from the sources (tests, benchmarks, `tsx`), `js` from the built package. */
export function extension(): string {
  return import.meta.url.endsWith('.ts') ? 'ts' : 'js';
}

/**
 * Starts the worker. From the TypeScript sources, Node 20 does not apply the parent's `--import tsx` loader to a
 * worker's entry module, so a one-line bootstrap registers tsx in the thread first (tsx is present whenever the
 * sources run); the built package starts its compiled entry directly.
 */
function spawn(setup: WorkerSetup, memoryMb: number): Worker {
  return startModuleWorker(new URL(`./article-worker.${extension()}`, import.meta.url), setup, memoryMb);
}

/** A worker thread running a module of this package (its `.ts` source or its built `.js`), with a heap limit. */
export function startModuleWorker(entry: URL, workerData: unknown, memoryMb: number): Worker {
  const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  if (!entry.href.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
