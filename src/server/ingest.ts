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

/** What one ingest request reads: uploaded files and pasted texts, or URLs to fetch. */
export type IngestSource = { uploads: Upload[]; maxFileBytes: number } | { urls: string[]; allowPrivate: boolean };

/** The documents (and problems) of a source, read with the same readers as the CLI. */
export function sourceItems(source: IngestSource): AsyncIterable<ReadItem> {
  return 'uploads' in source ? uploadItems(source.uploads, source.maxFileBytes) : readDocuments(source.urls, { fetch: { allowPrivate: source.allowPrivate } });
}

/**
 * Time one ingest request may take in the ingest thread before it is stopped: every article is already bounded by
 * its budget (30 s per stage run), so this only stops a request no budget foresaw (100 files of runaway pages).
 */
const INGEST_MS = 3_600_000;
/** The ingest thread's heap: the linker's state for the whole store and the articles of the stories it rebuilds. */
const INGEST_MEMORY_MB = 2_048;

/**
 * Runs one ingest at a time: annotation is CPU-bound, and linking rewrites every story. When the server knows where
 * its store is, the whole ingest (reading the uploads, storing, linking) runs in a worker thread with its own store
 * connection (ingest-worker.ts), which cleans and annotates in a further thread under the CLI's per-article budget
 * (BudgetedPipeline): the server's event loop only parses the request and relays progress, so every other client
 * (and /api/health) is answered while a 16 MB upload is annotated, and a runaway article loses a stage instead of
 * the server. Without a store location (an app over a Store object), it runs in this thread, with the pipeline given
 * in code (tests) or the budgeted one.
 */
export class IngestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly thread: StoreThread | null;
  private budgeted: BudgetedPipeline | null = null;

  constructor(
    private readonly store: Store,
    private readonly pipeline: Pipeline | undefined,
    storeLocation?: string,
    /** Told of each ingest that finished (after linking): the server builds the changed stories' dossiers ahead. */
    private readonly onIngested: (report: ApiIngestReport) => void = () => undefined,
  ) {
    this.thread = storeLocation === undefined || pipeline ? null : new StoreThread('ingest-worker', storeLocation, INGEST_MEMORY_MB);
  }

  /**
   * Ends the ingest threads (the server is closing): at once, without waiting for an upload in progress, whose
   * articles not yet committed are then not stored (a batch of articles commits in one transaction, rolled back
   * whole, so nothing half-written is left).
   */
  async close(): Promise<void> {
    await Promise.all([this.budgeted?.close(), this.thread?.close()]);
  }

  /** Ingests a source (then links), reporting progress per item. */
  run(source: IngestSource, onEvent: (event: IngestEvent) => void): Promise<ApiIngestReport> {
    const job = this.tail.then(() =>
      this.thread
        ? this.thread.run<ApiIngestReport>({ source }, INGEST_MS, 'the ingest', (event) => onEvent(event as IngestEvent))
        : ingestSource(this.store, source, onEvent, this.pipeline ?? (this.budgeted ??= new BudgetedPipeline(DEFAULT_BUDGET))),
    );
    this.tail = job.catch(() => undefined);
    return job.then((report) => {
      if (report.added > 0) this.onIngested(report);
      return report;
    });
  }
}

/** One ingest request in this thread (the ingest worker's, or the server's when it has no store location). */
export async function ingestSource(
  store: Store,
  source: IngestSource,
  onEvent: (event: IngestEvent) => void,
  annotate: Pipeline | BudgetedPipeline,
): Promise<ApiIngestReport> {
  const report = await ingestItems(store, sourceItems(source), {
    link: false,
    ...(annotate instanceof BudgetedPipeline ? { budget: annotate } : { pipeline: annotate }),
    onItem: (r: IngestReport, path: string) =>
      onEvent({ type: 'item', path, done: r.added + r.aliases + r.unchanged + r.problems.length, added: r.added, problems: r.problems.length }),
  });
  onEvent({ type: 'linking' });
  const stories = report.added > 0 ? (await relink(store)).total : await store.countStories();
  return { ...report, stories };
}

/**
 * Answers an ingest request: the report as JSON, or with `?progress=1` an `application/x-ndjson` stream of events
 * (start, one per item, linking, done) so a UI can show progress while articles are annotated.
 */
export function ingestResponse(c: Context, queue: IngestQueue, source: IngestSource, inputs: number): Response | Promise<Response> {
  if (c.req.query('progress') !== '1') return queue.run(source, () => undefined).then((report) => c.json(report));
  c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
  return stream(c, async (out) => {
    const send = (event: IngestEvent): void => void out.write(`${JSON.stringify(event)}\n`);
    send({ type: 'start', inputs });
    try {
      send({ type: 'done', report: await queue.run(source, send) });
    } catch (error) {
      const { code, message } = describeError(error);
      send({ type: 'error', error: { code, message } });
    }
  });
}
