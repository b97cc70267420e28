import { AckPolicy, type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
import { errorText } from '../model/errors.js';
import { Backoff, sleep } from './backoff.js';

/** The JetStream stream holding ingest jobs; work-queue retention deletes a job once a worker acknowledges it. */
export const STREAM = 'TRIANGULATE_JOBS';
/** Subject jobs are published on. */
export const SUBJECT = 'triangulate.jobs';
/** The durable consumer every worker pulls from: each job goes to one worker, and survives worker restarts. */
export const DURABLE = 'triangulate-worker';
/**
 * How long a job may stay unacknowledged before JetStream hands it to another worker. Workers signal progress on
 * long jobs (`working()`), so this bounds how long a crashed worker's job waits, not how long a job may take.
 */
export const DEFAULT_ACK_WAIT_MS = 30_000;

/** Something waiting on an unreachable server reports here (what, why, and how long until the next attempt). */
export type OnWait = (what: string, reason: string, delayMs: number) => void;

/**
 * Connects to NATS, retrying with backoff while the server is unreachable (each wait reported through `onWait`) until
 * `deadline` (ms since the epoch) or the signal aborts. Once connected, the client reconnects by itself forever.
 */
export async function connectQueue(url: string, onWait: OnWait, options: { deadline?: number; signal?: AbortSignal } = {}): Promise<NatsConnection> {
  const backoff = new Backoff(500, 10_000);
  for (;;) {
    try {
      return await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 1000, timeout: 3000, name: 'triangulate' });
    } catch (error) {
      const delay = backoff.next();
      if (options.signal?.aborted || (options.deadline !== undefined && Date.now() + delay > options.deadline)) {
        throw new Error(`NATS at ${url} is not reachable: ${errorText(error)}`);
      }
      onWait(`NATS at ${url}`, errorText(error), delay);
      await sleep(delay, options.signal);
    }
  }
}

/** Creates the job stream if it does not exist yet (publishers and workers may start in any order). */
export async function ensureStream(jsm: JetStreamManager): Promise<void> {
  try {
    await jsm.streams.info(STREAM);
  } catch {
    await jsm.streams.add({
      name: STREAM,
      subjects: [SUBJECT],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      // Publishers re-send after a lost acknowledgement; the server drops repeats of a message id seen this recently.
      duplicate_window: nanos(10 * 60_000),
    });
  }
}

/**
 * Creates the durable pull consumer, or updates its acknowledgement wait when a worker asks for another one. Jobs
 * are redelivered without limit (`max_deliver: -1`): a job is dropped only by a worker that reads it as malformed.
 */
export async function ensureConsumer(jsm: JetStreamManager, ackWaitMs: number): Promise<void> {
  const ack_wait = nanos(ackWaitMs);
  try {
    const info = await jsm.consumers.info(STREAM, DURABLE);
    if (info.config.ack_wait !== ack_wait) await jsm.consumers.update(STREAM, DURABLE, { ack_wait });
  } catch {
    await jsm.consumers.add(STREAM, { durable_name: DURABLE, ack_policy: AckPolicy.Explicit, ack_wait, max_deliver: -1 });
  }
}
