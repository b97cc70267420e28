import type { Readable } from 'node:stream';

/** One line of a line-oriented file, as bytes, or a marker that the line was too long and was skipped. */
export type ByteLine = { line: number; bytes: Buffer } | { line: number; tooLong: number };

/**
 * Splits a byte stream into lines without ever holding more than `maxBytes` of one line: a JSONL dump with a
 * 1 GB line must cost one error, not the process. Node's readline has no such bound, hence this helper.
 */
export async function* byteLines(stream: Readable, maxBytes: number): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipped = 0;
  let line = 1;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(from, end);
      if (skipped > 0 || size + piece.length > maxBytes) {
        skipped += size + piece.length;
        parts = [];
        size = 0;
      } else if (piece.length > 0) {
        parts.push(piece);
        size += piece.length;
      }
      if (nl === -1) break;
      yield skipped > 0 ? { line, tooLong: skipped } : { line, bytes: Buffer.concat(parts, size) };
      parts = [];
      size = 0;
      skipped = 0;
      line++;
      from = nl + 1;
    }
  }
  if (skipped > 0) yield { line, tooLong: skipped };
  else if (size > 0) yield { line, bytes: Buffer.concat(parts, size) };
}
