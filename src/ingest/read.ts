import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
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
import { type InputFile, walkInputs } from './walk.js';
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
      yield { path: item.path, reason: `cannot read: ${errorText(error)}` };
    }
  }
}

async function* readInput(file: InputFile, context: ReadContext): AsyncGenerator<ReadItem> {
  const { limits } = context;
  if (file.kind === 'url') return yield* readUrl(file.path, context.fetcher(), limits);
  if (file.kind === 'urls') return yield* readUrlList(file.path, context.fetcher(), limits);
  if (file.kind === 'stdin') {
    const bytes = await readBounded(context.stdin, limits.maxFileBytes);
    if ('reason' in bytes) yield { path: file.path, reason: bytes.reason };
    else yield* readBytes(file.path, 'stdin', sniffKind(bytes), bytes, limits);
    return;
  }
  const kind = file.kind ?? sniffKind(await readHead(file.path));
  if (isStreamed(kind)) return yield* readStream(file.path, kind, createReadStream(file.path), limits);
  const bytes = await readFileBounded(file.path, limits.maxFileBytes);
  if ('reason' in bytes) yield { path: file.path, reason: bytes.reason };
  else yield* readBytes(file.path, kind, kind, bytes, limits);
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

async function readFileBounded(path: string, max: number): Promise<Buffer | { reason: string }> {
  const info = await stat(path);
  if (info.size > max) return { reason: `file is ${formatBytes(info.size)}, over the ${formatBytes(max)} limit for one article` };
  const handle = await open(path, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
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
async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
