import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import {
  type IngestReport,
  ingestItems,
  isProblem,
  nonPublicRange,
  type Pipeline,
  type ReadItem,
  readDocuments,
  relink,
  type Store,
  TriangulateError,
} from '../index.js';
import { BudgetedPipeline, DEFAULT_BUDGET } from '../pipeline/budget.js';
import { describeError, HttpError } from './errors.js';
import type { ApiIngestReport, IngestEvent } from './schemas.js';
import { StoreThread } from './store-thread.js';

/** Most characters kept of an uploaded file's name: it becomes the article's path, shown in lists. */
const MAX_NAME_CHARS = 120;

/** One uploaded file or pasted text, already bounded in size by the route. */
export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/**
 * An uploaded name as an article path: `upload/<base name>`. Folders, control characters and odd bytes are dropped so
 * the name can never read as a path on this machine (it is only a label: uploads are never written to disk).
 */
export function uploadPath(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, MAX_NAME_CHARS);
  return `upload/${base === '' || base === '.' || base === '..' ? 'unnamed' : base}`;
}

/**
 * Reads uploads with the same readers as files on disk (format sniffed from the bytes: text, HTML, JSON, JSONL,
 * feeds, WARC), naming every document and problem after the upload instead of stdin.
 */
export async function* uploadItems(uploads: readonly Upload[], maxFileBytes: number): AsyncGenerator<ReadItem> {
  for (const upload of uploads) {
    const path = uploadPath(upload.name);
    const items = readDocuments(['-'], { stdin: Readable.from([Buffer.from(upload.bytes)]), limits: { maxFileBytes, maxRecordBytes: maxFileBytes } });
    for await (const item of items) {
      if (isProblem(item)) yield { ...item, path };
      else yield { ...item, source: { ...item.source, path } };
    }
  }
}

/**
 * Refuses a URL whose host is, or resolves to, a loopback, private or link-local address, before anything is fetched
 * (server-side request forgery: a caller must not reach this machine's or its network's services through us). The
 * fetcher checks every connected address again on every redirect hop, so a second DNS answer cannot slip through.
 */
export async function refusePrivateUrl(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TriangulateError('E_USAGE', `not a URL: "${url.slice(0, 200)}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new TriangulateError('E_USAGE', `unsupported URL scheme "${parsed.protocol}" (http and https only)`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return; // An unresolvable name reaches nothing; the fetcher reports it as a per-URL problem.
    }
  }
  for (const address of addresses) {
    const range = nonPublicRange(address);
    if (range !== null)
      throw new HttpError(
        403,
        'E_PRIVATE_ADDRESS',
        `refused: ${host} is ${address === host ? '' : `at ${address}, `}a ${range} address (start the server with --allow-private to fetch it)`,
      );
  }
}

/**
 * Time linking may take after an upload before its thread is stopped (the articles stay stored; the next upload
 * links them): restoring the linker of a 10,000-article store takes about 8 s (docs/hardening.md, soak), so this
 * only stops a runaway.
 */
const LINK_MS = 600_000;
/** The linking thread's heap: the linker's vectors for the whole store, and the articles of the stories it rebuilds. */
const LINK_MEMORY_MB = 2_048;

/**
 * Runs one ingest at a time: annotation is CPU-bound, and linking rewrites every story. Cleaning and annotation run
 * in a worker thread under the CLI's per-article time and memory budget (BudgetedPipeline), kept for the server's
 * life so its models load once: a large upload no longer holds the event loop, so every other client (and
 * /api/health) is answered while it is annotated, and a runaway article loses a stage instead of the server.
 * Linking afterwards runs in a thread of its own too (link-worker.ts) when the server knows where its store is. A
 * pipeline object given in code (tests) runs in this thread.
 */
export class IngestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly budgeted: BudgetedPipeline | null;
  private readonly linking: StoreThread | null;

  constructor(
    private readonly store: Store,
    private readonly pipeline: Pipeline | undefined,
    storeLocation?: string,
  ) {
    this.budgeted = pipeline ? null : new BudgetedPipeline(DEFAULT_BUDGET);
    this.linking = storeLocation === undefined ? null : new StoreThread('link-worker', storeLocation, LINK_MEMORY_MB);
  }

  /**
   * Ends the annotation thread (the server is closing): at once, without waiting for an upload in progress, whose
   * article is then not stored (each article is committed on its own, so nothing half-written is left).
   */
  async close(): Promise<void> {
    await Promise.all([this.budgeted?.close(), this.linking?.close()]);
  }

  /** Links the store: in the linking thread when the server knows where its store is, else in this thread. */
  private async link(): Promise<number> {
    if (!this.linking) return (await relink(this.store)).total;
    return this.linking.run<number>({}, LINK_MS, 'linking');
  }

  /** Ingests the items (then links), reporting progress per item. */
  run(items: AsyncIterable<ReadItem>, onEvent: (event: IngestEvent) => void): Promise<ApiIngestReport> {
    const job = this.tail.then(async () => {
      const report = await ingestItems(this.store, items, {
        link: false,
        ...(this.pipeline ? { pipeline: this.pipeline } : {}),
        ...(this.budgeted ? { budget: this.budgeted } : {}),
        onItem: (r: IngestReport, path: string) =>
          onEvent({ type: 'item', path, done: r.added + r.aliases + r.unchanged + r.problems.length, added: r.added, problems: r.problems.length }),
      });
      onEvent({ type: 'linking' });
      const stories = report.added > 0 ? await this.link() : await this.store.countStories();
      return { ...report, stories };
    });
    this.tail = job.catch(() => undefined);
    return job;
  }
}

/**
 * Answers an ingest request: the report as JSON, or with `?progress=1` an `application/x-ndjson` stream of events
 * (start, one per item, linking, done) so a UI can show progress while articles are annotated.
 */
export function ingestResponse(c: Context, queue: IngestQueue, items: AsyncIterable<ReadItem>, inputs: number): Response | Promise<Response> {
  if (c.req.query('progress') !== '1') return queue.run(items, () => undefined).then((report) => c.json(report));
  c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
  return stream(c, async (out) => {
    const send = (event: IngestEvent): void => void out.write(`${JSON.stringify(event)}\n`);
    send({ type: 'start', inputs });
    try {
      send({ type: 'done', report: await queue.run(items, send) });
    } catch (error) {
      const { code, message } = describeError(error);
      send({ type: 'error', error: { code, message } });
    }
  });
}
