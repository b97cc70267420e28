import type { Readable } from 'node:stream';
import { errorText } from '../model/errors.js';
import { ByteReader, type TooLong } from './byte-reader.js';
import { gzipMembers } from './gzip-members.js';
import { formatBytes } from './limits.js';

/*
 * A hand-written WARC reader. warcio (webrecorder's, the maintained npm package) installs and runs on Node 20, but
 * measured here it silently dropped a garbage record, let a record with a non-numeric Content-Length swallow the
 * next record (which came out with no target URI), printed warnings on the console, and read a 200 MB header line
 * whole (850 MB of memory). This reader bounds every read, numbers records, and reports a bad record by number
 * before moving on to the next `WARC/` line (or gzip member: see gzip-members.ts).
 */

/** Longest WARC header line, and the largest header block (real ones are well under 2 KB). */
const MAX_HEADER_LINE_BYTES = 16 * 1024;
const MAX_HEADER_BLOCK_BYTES = 64 * 1024;

/** One WARC record: its 1-based number in the file, lower-cased headers, and the block kept (or only its length). */
export interface WarcRecord {
  number: number;
  headers: ReadonlyMap<string, string>;
  /** The record block, when `keepBlock` asked for it; empty otherwise. */
  block: Buffer;
  length: number;
}

/** A record that could not be read, by number, with the reason. */
export interface WarcProblem {
  number: number;
  problem: string;
}

/**
 * Reads WARC records from a plain or gzip stream (one gzip member per record, as Common Crawl writes them, or one
 * member for the whole file), keeping a record's block only when `keepBlock` says so and it fits `maxBlockBytes`.
 * A malformed record or corrupt gzip member yields a problem and reading resumes at the next record; a file cut
 * short ends with a problem.
 */
export async function* warcRecords(
  stream: Readable,
  keepBlock: (headers: ReadonlyMap<string, string>) => boolean,
  maxBlockBytes: number,
): AsyncGenerator<WarcRecord | WarcProblem> {
  try {
    const reader = new ByteReader(await decompressed(stream));
    let number = 0;
    let pending: Buffer | null = null;
    for (;;) {
      let first: Buffer | TooLong | null;
      try {
        first = pending ?? (await reader.line(MAX_HEADER_LINE_BYTES));
      } catch (error) {
        // Corrupt compressed data between records: in a file of one gzip member per record, that is a record.
        yield { number: ++number, problem: errorText(error) };
        pending = await resync(reader);
        continue;
      }
      pending = null;
      if (first === null) return;
      if (!('tooLong' in first) && first.length === 0) continue;
      number++;
      if (!isVersionLine(lineText(first)) && endsWithVersion(first)) {
        // Stray bytes without a newline before a record header: they cost a problem, not the record after them.
        yield { number, problem: 'not a WARC record: stray data before the next "WARC/1.x" line' };
        first = Buffer.from(versionAtEnd(lineText(first)));
        number++;
      }
      let item: WarcRecord | WarcProblem;
      try {
        item = await readRecord(reader, first, number, keepBlock, maxBlockBytes);
      } catch (error) {
        item = { number, problem: errorText(error) };
      }
      yield item;
      if ('problem' in item) {
        if (item.problem.startsWith('truncated')) return;
        pending = await resync(reader);
      }
    }
  } finally {
    stream.destroy();
  }
}

/** Reads one record whose first line has been read. */
async function readRecord(
  reader: ByteReader,
  first: Buffer | TooLong,
  number: number,
  keepBlock: (headers: ReadonlyMap<string, string>) => boolean,
  maxBlockBytes: number,
): Promise<WarcRecord | WarcProblem> {
  if ('tooLong' in first) return { number, problem: `not a WARC record: a ${formatBytes(first.tooLong)} line where "WARC/1.x" was expected` };
  const version = first.toString('latin1');
  if (!isVersionLine(version)) return { number, problem: `not a WARC record: expected "WARC/1.x", found "${preview(version)}"` };
  const headers = await readHeaders(reader);
  if ('problem' in headers) return { number, problem: headers.problem };
  const lengthText = headers.get('content-length') ?? '';
  if (!/^\d{1,15}$/.test(lengthText))
    return { number, problem: `Content-Length is ${lengthText === '' ? 'missing' : `not a number ("${preview(lengthText)}")`}` };
  const length = Number(lengthText);
  const wanted = keepBlock(headers);
  const fits = length <= maxBlockBytes;
  // Up to the block bound is kept even of a record not wanted: if its Content-Length proves wrong, the next record
  // is found in these bytes instead of being lost with them.
  const { bytes, complete } = await reader.take(length, Math.min(length, maxBlockBytes));
  if (!complete) {
    if (rewindToRecord(reader, bytes, Buffer.alloc(0)))
      return { number, problem: `Content-Length is ${length} bytes, past the end of the file; reading on from the next record inside it` };
    return { number, problem: `truncated: Content-Length is ${length} bytes but the file ends first` };
  }
  const after = await reader.line(MAX_HEADER_LINE_BYTES);
  if (after !== null && !('tooLong' in after) && (after.length === 0 || isVersionLine(lineText(after)))) {
    if (after.length > 0) reader.unread(Buffer.concat([after, Buffer.from('\r\n')]));
  } else if (after !== null) {
    // The block does not end where Content-Length says: the length is wrong, and the bytes it covered may hold the
    // records after this one.
    rewindToRecord(reader, bytes, 'tooLong' in after ? Buffer.alloc(0) : Buffer.concat([after, Buffer.from('\r\n')]));
    return { number, problem: `Content-Length (${length} bytes) does not match the record: no record end where it says` };
  }
  if (wanted && !fits) return { number, problem: `record block is ${formatBytes(length)}, over the ${formatBytes(maxBlockBytes)} limit` };
  return { number, headers, block: wanted ? bytes : Buffer.alloc(0), length };
}

/** The first `WARC/1.x` line inside a block; when there is one, it and what follows are read again. */
function rewindToRecord(reader: ByteReader, block: Buffer, after: Buffer): boolean {
  for (let at = block.indexOf('WARC/1.'); at !== -1; at = block.indexOf('WARC/1.', at + 1)) {
    if (at > 0 && block[at - 1] !== 10) continue;
    const eol = block.indexOf(10, at);
    if (eol === -1 || !isVersionLine(block.subarray(at, eol).toString('latin1').replace(/\r$/, ''))) continue;
    reader.unread(Buffer.concat([block.subarray(at), after]));
    return true;
  }
  return false;
}

/** Skips to the next record's version line, past any further corrupt data, so one bad record does not lose the rest. */
async function resync(reader: ByteReader): Promise<Buffer | null> {
  for (;;) {
    try {
      return await nextVersionLine(reader);
    } catch {
      // Another corrupt member while searching: part of the damage already reported.
    }
  }
}

/** The input as plain bytes: gzip members decoded one by one when it starts with the gzip magic bytes. */
async function decompressed(stream: Readable): Promise<AsyncIterable<Buffer | Error>> {
  const source = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // The gzip magic is two bytes, and a stream may deliver them in separate chunks (a pipe, a socket).
  let head = Buffer.alloc(0);
  let next = await source.next();
  while (!next.done && head.length + next.value.length < 2) {
    head = Buffer.concat([head, next.value]);
    next = await source.next();
  }
  const first = next.done ? head : Buffer.concat([head, next.value]);
  const whole = (async function* () {
    if (first.length > 0) yield first;
    if (next.done) return;
    for (let more = await source.next(); !more.done; more = await source.next()) yield more.value;
  })();
  return first[0] === 0x1f && first[1] === 0x8b ? gzipMembers(whole) : whole;
}

/** Reads `Name: value` lines up to the blank line, joining folded continuation lines, within the block bound. */
async function readHeaders(reader: ByteReader): Promise<Map<string, string> | { problem: string }> {
  const headers = new Map<string, string>();
  let size = 0;
  let last = '';
  for (;;) {
    const line = await reader.line(MAX_HEADER_LINE_BYTES);
    if (line === null) return { problem: 'truncated: the file ends inside the record headers' };
    if ('tooLong' in line) return { problem: `a header line is ${formatBytes(line.tooLong)}, over the ${formatBytes(MAX_HEADER_LINE_BYTES)} limit` };
    if (line.length === 0) return headers;
    size += line.length;
    if (size > MAX_HEADER_BLOCK_BYTES) return { problem: `headers are over the ${formatBytes(MAX_HEADER_BLOCK_BYTES)} limit` };
    const text = line.toString('utf8');
    if ((text[0] === ' ' || text[0] === '\t') && last !== '') {
      headers.set(last, `${headers.get(last) ?? ''} ${text.trim()}`);
      continue;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) return { problem: `malformed header line "${preview(text)}"` };
    last = text.slice(0, colon).trim().toLowerCase();
    headers.set(last, text.slice(colon + 1).trim());
  }
}

/** Skips to the next line that starts a record, so one bad record does not lose the rest of the file. */
async function nextVersionLine(reader: ByteReader): Promise<Buffer | null> {
  for (;;) {
    const line = await reader.line(MAX_HEADER_LINE_BYTES);
    if (line === null) return null;
    if (endsWithVersion(line)) return Buffer.from(versionAtEnd(lineText(line)));
  }
}

function isVersionLine(line: string): boolean {
  return /^WARC\/\d{1,2}\.\d{1,2}$/.test(line);
}

/** A line's text, or the last bytes of an over-long one (where a header glued to garbage would be). */
function lineText(line: Buffer | TooLong): string {
  return ('tooLong' in line ? line.tail : line).toString('latin1');
}

/** `WARC/1.0` at the end of a line: the record header after stray bytes that had no newline of their own. */
function versionAtEnd(text: string): string {
  return /WARC\/\d{1,2}\.\d{1,2}$/.exec(text)?.[0] ?? '';
}

function endsWithVersion(line: Buffer | TooLong): boolean {
  return versionAtEnd(lineText(line)) !== '';
}

/** The start of an unexpected value, printable, for an error message. */
export function preview(text: string): string {
  const clean = text.slice(0, 40).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return text.length > 40 ? `${clean}…` : clean;
}
