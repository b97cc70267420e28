import type { Readable } from 'node:stream';
import { ByteReader } from './byte-reader.js';

/** One line of a line-oriented file, as bytes, or a marker that the line was too long and was skipped. */
export type ByteLine = { line: number; bytes: Buffer } | { line: number; tooLong: number };

/**
 * Splits a byte stream into numbered lines without ever holding more than `maxBytes` of one line: a JSONL dump with
 * a 1 GB line must cost one error, not the process.
 */
export async function* byteLines(stream: Readable, maxBytes: number): AsyncGenerator<ByteLine> {
  const reader = new ByteReader(stream);
  for (let line = 1; ; line++) {
    const next = await reader.line(maxBytes);
    if (next === null) return;
    yield 'tooLong' in next ? { line, tooLong: next.tooLong } : { line, bytes: next };
  }
}
