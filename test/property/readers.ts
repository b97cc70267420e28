import { Readable } from 'node:stream';
import fc from 'fast-check';
import { isProblem, type ReadItem } from '../../src/ingest/read.js';
import type { Document } from '../../src/model/document.js';

/** Everything a streamed reader yields, split into documents and problems; a throw propagates to the test. */
export async function collect(items: AsyncIterable<ReadItem>): Promise<{ docs: Document[]; problems: Exclude<ReadItem, Document>[] }> {
  const docs: Document[] = [];
  const problems: Exclude<ReadItem, Document>[] = [];
  for await (const item of items) {
    if (isProblem(item)) problems.push(item);
    else docs.push(item);
  }
  return { docs, problems };
}

/** Cut points for splitting a byte string into stream chunks (as a socket or a file read would deliver them). */
export const cuts = fc.array(fc.nat(), { maxLength: 8 });

/** The bytes as a stream delivered in chunks at the given cut points (taken modulo the length). */
export function chunked(bytes: Buffer, at: readonly number[]): Readable {
  const points = [...new Set(at.map((p) => (bytes.length === 0 ? 0 : p % bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) chunks.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  chunks.push(bytes.subarray(from));
  return Readable.from(chunks.filter((c) => c.length > 0));
}

/** What must not depend on chunking: each item as its document id and source, or its problem. */
export function shape(items: { docs: Document[]; problems: Array<{ reason: string; line?: number }> }): string {
  return JSON.stringify({ docs: items.docs.map((d) => [d.id, d.source, d.hints]), problems: items.problems.map((p) => [p.line, p.reason]) });
}
