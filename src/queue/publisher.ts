import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { InputProblem } from '../ingest/problem.js';
import { isProblem, type ReadOptions, readDocuments } from '../ingest/read.js';
import type { Document } from '../model/document.js';
import { errorText, TriangulateError } from '../model/errors.js';
import { Backoff, sleep } from './backoff.js';
import { connectQueue, ensureStream, type OnWait, SUBJECT } from './connection.js';
import { encodeJob, jobId } from './job.js';

/** What publishing did: jobs the server acknowledged (stored durably), their bytes, and inputs that became no job. */
export interface PublishReport {
  published: number;
  /** Acknowledged as repeats of a message id already in the stream (a re-run within the duplicate window). */
  duplicates: number;
  bytes: number;
  problems: InputProblem[];
  /** Content hashes of the documents published, in input order (what workers will store). */
  documentIds: string[];
}

export interface PublishOptions extends ReadOptions {
  /** Told each time the queue is unreachable, with the wait before the next attempt. */
  onWait?: OnWait;
  /** Called after each input item. */
  onItem?: (report: PublishReport) => void;
  /** Give up (with an error) after the queue has been unreachable this long; default 5 minutes. */
  retryForMs?: number;
}

/** How long one publish waits for the server's acknowledgement before it is retried. */
const PUBLISH_TIMEOUT_MS = 5_000;
const DEFAULT_RETRY_FOR_MS = 5 * 60_000;

/**
 * Reads every input and publishes one job per document to the JetStream job stream. Each publish waits for the
 * server's acknowledgement (the job is on disk), and is retried with backoff while NATS is down, under the same
 * message id, so a retry after a lost acknowledgement is not a second job. Unreadable inputs become problems, as in
 * a local ingest.
 */
export async function publishInputs(url: string, paths: readonly string[], options: PublishOptions = {}): Promise<PublishReport> {
  const onWait = options.onWait ?? (() => {});
  const retryFor = options.retryForMs ?? DEFAULT_RETRY_FOR_MS;
  const nc = await connectOrThrow(url, onWait, Date.now() + retryFor);
  const report: PublishReport = { published: 0, duplicates: 0, bytes: 0, problems: [], documentIds: [] };
  try {
    await ensureStream(await jetstreamManager(nc));
    const maxPayload = nc.info?.max_payload ?? 1024 * 1024;
    const js = jetstream(nc);
    const send = async (doc: Document, body: Uint8Array): Promise<boolean> => {
      const backoff = new Backoff(500, 10_000);
      const giveUp = Date.now() + retryFor;
      for (;;) {
        try {
          return (await js.publish(SUBJECT, body, { msgID: jobId(doc), timeout: PUBLISH_TIMEOUT_MS })).duplicate;
        } catch (error) {
          const delay = backoff.next();
          if (Date.now() + delay > giveUp)
            throw new TriangulateError('E_STORE', `NATS at ${url} did not accept jobs for ${Math.round(retryFor / 1000)} s: ${errorText(error)}`);
          onWait(`NATS at ${url}`, errorText(error), delay);
          await sleep(delay);
        }
      }
    };
    for await (const item of readDocuments(paths, options)) {
      if (isProblem(item)) report.problems.push(item);
      else {
        const body = encodeJob(item);
        if (body.length > maxPayload) {
          const where = { path: item.source.path, ...(item.source.line !== undefined ? { line: item.source.line } : {}) };
          report.problems.push({
            ...where,
            reason: `too large for one NATS message (${body.length} bytes gzipped; the server's max_payload is ${maxPayload})`,
          });
        } else {
          if (await send(item, body)) report.duplicates++;
          else report.published++;
          report.bytes += body.length;
          report.documentIds.push(item.id);
        }
      }
      options.onItem?.(report);
    }
    return report;
  } finally {
    await nc.drain().catch(() => nc.close());
  }
}

async function connectOrThrow(url: string, onWait: OnWait, deadline: number): Promise<NatsConnection> {
  try {
    return await connectQueue(url, onWait, { deadline });
  } catch (error) {
    throw new TriangulateError('E_STORE', errorText(error), { cause: error });
  }
}
