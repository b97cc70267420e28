import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Document, InputKind } from '../model/document.js';
import { errorText } from '../model/errors.js';
import { decodeBytes } from './decode.js';
import { readFeed } from './feed.js';
import { Fetcher, type FetchOptions } from './fetch.js';
import { DEFAULT_LIMITS, formatBytes, type InputLimits } from './limits.js';
import { byteLines } from './lines.js';
import { sniffKind } from './media-type.js';
import type { InputProblem } from './problem.js';
import { makeDocument, recordToDocument } from './records.js';
import { readUrl, readUrlList } from './url.js';
import { type InputFile, notRegular, walkInputs } from './walk.js';
import { readWarc } from './warc-read.js';

/** One thing a reader yields: a document, or a problem naming the file (and line). */
export type ReadItem = Document | InputProblem;

/** Whether a read item is a problem rather than a document. */
export function isProblem(item: ReadItem): item is InputProblem {
  return 'reason' in item && !('raw' in item);
}

export interface ReadOptions {
  limits?: Partial<InputLimits>;
  /** Where `-` reads from; defaults to the process's stdin. */
  stdin?: Readable;
  /** How URLs (arguments, `.urls` lists) are fetched: private-address guard, timeouts, redirects, robots.txt. */
  fetch?: FetchOptions;
}

/** What every reader of one run shares: limits, stdin, and one fetcher (so robots.txt is fetched once per host). */
interface ReadContext {
  limits: InputLimits;
  stdin: Readable;
  fetcher: () => Fetcher;
}

/** Formats read as a stream (never loaded whole): one item at a time is held in memory. */
type StreamedKind = 'jsonl' | 'feed' | 'warc';

/**
 * Reads every input path (files, folders, URLs, `-`) into documents. Never throws for a bad item: each one becomes
 * an InputProblem and reading goes on, so one broken file, record or URL cannot lose the others.
 */
export async function* readDocuments(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let fetcher: Fetcher | null = null;
  const context: ReadContext = {
    limits,
    stdin: options.stdin ?? process.stdin,
    fetcher: () => (fetcher ??= new Fetcher(options.fetch ?? {}, limits.maxFileBytes)),
  };
  for await (const item of walkInputs(paths)) {
    if ('reason' in item) {
      yield item;
      continue;
    }
    try {
      yield* readInput(item, context);
    } catch (error) {
      yield { path: item.shown, reason: `cannot read: ${errorText(error)}` };
    }
  }
}

async function* readInput(file: InputFile, context: ReadContext): AsyncGenerator<ReadItem> {
  const { limits } = context;
  const path = typeof file.path === 'string' ? file.path : file.shown;
  if (file.kind === 'url') return yield* readUrl(path, context.fetcher(), limits);
  if (file.kind === 'urls') return yield* readUrlList(file.path, file.shown, context.fetcher(), limits);
  if (file.kind === 'stdin') {
    const bytes = await readBounded(context.stdin, limits.maxFileBytes);
    if ('reason' in bytes) yield { path: file.shown, reason: bytes.reason };
    else yield* readBytes(file.name, 'stdin', sniffKind(bytes), bytes, limits);
    return;
  }
  const handle = await openRegular(file.path);
  if ('reason' in handle) {
    yield { path: file.shown, reason: handle.reason };
    return;
  }
  try {
    const kind = file.kind ?? sniffKind(await readHead(handle));
    if (isStreamed(kind)) {
      const problems = renamed(readStream(file.name, kind, handle.createReadStream({ start: 0, autoClose: false }), limits), file);
      return yield* problems;
    }
    const bytes = await readFileBounded(handle, limits.maxFileBytes);
    if ('reason' in bytes) yield { path: file.shown, reason: bytes.reason };
    else yield* renamed(readBytes(file.name, kind, kind, bytes, limits), file);
  } finally {
    await handle.close();
  }
}

/** A reader's problems named by the path shown on this machine; its documents keep the stored name. */
async function* renamed(items: AsyncIterable<ReadItem>, file: InputFile): AsyncGenerator<ReadItem> {
  for await (const item of items) yield isProblem(item) && item.path === file.name ? { ...item, path: file.shown } : item;
}

/**
 * Opens a file for reading after checking, on the open handle, that it is a regular file: a device (`/dev/zero`
 * never ends), a FIFO or a socket is refused with its kind named (the walk checked the path; this checks what was
 * opened). O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, perhaps forever.
 */
async function openRegular(path: string | Buffer): Promise<FileHandle | { reason: string }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const info = await handle.stat();
  if (info.isFile()) return handle;
  await handle.close();
  return { reason: notRegular(info) };
}

function isStreamed(kind: InputKind): kind is StreamedKind {
  return kind === 'jsonl' || kind === 'feed' || kind === 'warc';
}

function readStream(path: string, kind: StreamedKind, stream: Readable, limits: InputLimits): AsyncGenerator<ReadItem> {
  if (kind === 'feed') return readFeed(path, stream, limits);
  if (kind === 'warc') return readWarc(path, stream, limits);
  return readJsonLines(path, stream, limits);
}

/** Reads an input already in memory (stdin, a small file) as the given kind. */
async function* readBytes(path: string, sourceKind: InputKind, kind: InputKind, bytes: Buffer, limits: InputLimits): AsyncGenerator<ReadItem> {
  if (isStreamed(kind)) return yield* readStream(path, kind, Readable.from([bytes]), limits);
  const decoded = decodeBytes(bytes);
  if ('reason' in decoded) {
    yield { path, reason: decoded.reason };
    return;
  }
  if (decoded.text.trim() === '') {
    yield { path, reason: 'no text: the file holds only whitespace' };
    return;
  }
  if (kind === 'json') {
    yield* readJsonValue(path, decoded.text, limits);
    return;
  }
  yield makeDocument({ kind: sourceKind, path }, kind === 'html' ? 'html' : 'text', decoded.text, {}, decoded.messages);
}

async function* readJsonLines(path: string, stream: Readable, limits: InputLimits): AsyncGenerator<ReadItem> {
  let records = 0;
  for await (const entry of byteLines(stream, limits.maxRecordBytes)) {
    if ('tooLong' in entry) {
      yield { path, line: entry.line, reason: `line is ${entry.tooLong} bytes, over the ${limits.maxRecordBytes}-byte record limit` };
      continue;
    }
    const text = new TextDecoder('utf-8').decode(entry.bytes).trim();
    if (text === '') continue;
    if (++records > limits.maxRecords) {
      yield { path, line: entry.line, reason: `more than ${limits.maxRecords} records; the rest of the file is skipped` };
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { path, line: entry.line, reason: `not JSON: ${errorText(error)}` };
      continue;
    }
    const doc = recordToDocument(value, { kind: 'jsonl', path, line: entry.line });
    yield 'reason' in doc ? { path, line: entry.line, reason: doc.reason } : doc;
  }
}

function* readJsonValue(path: string, text: string, limits: InputLimits): Generator<ReadItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    yield { path, reason: `not JSON: ${errorText(error)}` };
    return;
  }
  const records = Array.isArray(value) ? value : [value];
  for (const [index, record] of records.slice(0, limits.maxRecords).entries()) {
    // For a JSON array, "line" is the 1-based record number: the only locator a JSON file has.
    const where = Array.isArray(value) ? { line: index + 1 } : {};
    const doc = recordToDocument(record, { kind: 'json', path, ...where });
    yield 'reason' in doc ? { path, ...where, reason: doc.reason } : doc;
  }
}

/**
 * Reads a whole file, at most `max` bytes whatever its size claims: the size is checked first for a clear message,
 * and the read itself stops one byte past the cap (a file that grows while read, or reports a wrong size, cannot
 * make it read on).
 */
async function readFileBounded(handle: FileHandle, max: number): Promise<Buffer | { reason: string }> {
  const { size } = await handle.stat();
  if (size > max) return { reason: `file is ${formatBytes(size)}, over the ${formatBytes(max)} limit for one article` };
  const buffer = Buffer.alloc(Math.min(max + 1, Math.max(size, 64 * 1024)));
  let filled = 0;
  let target = buffer;
  for (;;) {
    if (filled === target.length) {
      if (target.length > max) return { reason: `file is over the ${formatBytes(max)} limit for one article` };
      const grown = Buffer.alloc(Math.min(max + 1, target.length * 2));
      target.copy(grown, 0, 0, filled);
      target = grown;
    }
    const { bytesRead } = await handle.read(target, filled, target.length - filled, filled);
    if (bytesRead === 0) return target.subarray(0, filled);
    filled += bytesRead;
  }
}

async function readBounded(stream: Readable, max: number): Promise<Buffer | { reason: string }> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > max) return { reason: `input is over the ${formatBytes(max)} limit for one article` };
    parts.push(buf);
  }
  return Buffer.concat(parts, size);
}

/** The first bytes of a file, to sniff its format before deciding how to read it. */
async function readHead(handle: FileHandle): Promise<Buffer> {
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
  return buffer.subarray(0, bytesRead);
}
