import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DEFAULT_LIMITS } from '../ingest/limits.js';
import { makeDocument } from '../ingest/records.js';
import type { Document } from '../model/document.js';
import { contentId } from '../model/ids.js';

/**
 * One job is one whole document, gzipped JSON, carried in the message itself rather than as a path: workers on other
 * machines need not share a filesystem, and a job stays valid after its input file is gone. Gzip brings a 1–3 MB saved
 * page under NATS's default 1 MB message limit (HTML compresses 5–10×); a document still too large is refused at
 * publish time with the limit named (raise `max_payload` in nats-server.conf for such archives).
 */
const JobSchema = z.object({
  v: z.literal(1),
  source: z.object({
    kind: z.enum(['text', 'markdown', 'html', 'jsonl', 'json', 'feed', 'warc', 'url', 'stdin']),
    path: z.string().max(4096),
    line: z.number().int().nonnegative().optional(),
    url: z.string().max(8192).optional(),
  }),
  format: z.enum(['text', 'html']),
  raw: z.string().max(DEFAULT_LIMITS.maxFileBytes),
  hints: z.object({
    title: z.string().max(4096).optional(),
    url: z.string().max(8192).optional(),
    outlet: z.string().max(1024).optional(),
    authors: z.array(z.string().max(1024)).max(100).optional(),
    published: z.string().max(256).optional(),
    modified: z.string().max(256).optional(),
    captured: z.string().max(256).optional(),
    language: z.string().max(64).optional(),
    charset: z.string().max(64).optional(),
  }),
});

/** Largest job a worker unpacks: the input limit plus room for JSON escaping (a bound against gzip bombs). */
const MAX_UNPACKED_BYTES = 2 * DEFAULT_LIMITS.maxFileBytes + 64 * 1024;

/** The message body for one document. */
export function encodeJob(doc: Document): Uint8Array {
  return gzipSync(JSON.stringify({ v: 1, source: doc.source, format: doc.format, raw: doc.raw, hints: doc.hints }));
}

/**
 * The document in a message, or why it is not one. The id is recomputed from the content, so a worker's idempotency
 * never depends on what the publisher claimed.
 */
export function decodeJob(body: Uint8Array): Document | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(gunzipSync(body, { maxOutputLength: MAX_UNPACKED_BYTES }).toString('utf8'));
  } catch (error) {
    return { reason: `not a job (gzipped JSON): ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = JobSchema.safeParse(value);
  if (!parsed.success) return { reason: `not a job: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const { source, format, raw, hints } = parsed.data;
  return makeDocument(
    { kind: source.kind, path: source.path, ...(source.line !== undefined ? { line: source.line } : {}), ...(source.url ? { url: source.url } : {}) },
    format,
    raw,
    stripUndefined(hints),
  );
}

/**
 * The JetStream message id of a job: content hash plus name, so re-publishing the same input after a lost
 * acknowledgement is dropped by the server's duplicate window, while the same text under another name still arrives
 * (and becomes an alias).
 */
export function jobId(doc: Document): string {
  return contentId(doc.id, doc.source.path, String(doc.source.line ?? 0));
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
