import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Document, InputKind } from '../model/document.js';
import { errorText } from '../model/errors.js';
import { decodeBytes } from './decode.js';
import { DEFAULT_LIMITS, type InputLimits } from './limits.js';
import { byteLines } from './lines.js';
import type { InputProblem } from './problem.js';
import { makeDocument, recordToDocument } from './records.js';
import { type InputFile, walkInputs } from './walk.js';

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
}

/**
 * Reads every input path (files, folders, `-`) into documents. Never throws for a bad item: each one becomes an
 * InputProblem and reading goes on, so one broken file cannot lose the others.
 */
export async function* readDocuments(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  for await (const item of walkInputs(paths)) {
    if ('reason' in item) {
      yield item;
      continue;
    }
    try {
      yield* readFile(item, limits, options.stdin ?? process.stdin);
    } catch (error) {
      yield { path: item.path, reason: `cannot read: ${errorText(error)}` };
    }
  }
}

async function* readFile(file: InputFile, limits: InputLimits, stdin: Readable): AsyncGenerator<ReadItem> {
  if (file.kind === 'jsonl') {
    yield* readJsonLines(file.path, createReadStream(file.path), limits);
    return;
  }
  const bytes = file.kind === 'stdin' ? await readBounded(stdin, limits.maxFileBytes) : await readFileBounded(file.path, limits.maxFileBytes);
  if ('reason' in bytes) {
    yield { path: file.path, reason: bytes.reason };
    return;
  }
  const kind = file.kind === 'stdin' || file.kind === null ? sniffKind(bytes) : file.kind;
  if (kind === 'jsonl') {
    yield* readJsonLines(file.path, Readable.from([bytes]), limits);
    return;
  }
  const decoded = decodeBytes(bytes);
  if ('reason' in decoded) {
    yield { path: file.path, reason: decoded.reason };
    return;
  }
  if (decoded.text.trim() === '') {
    yield { path: file.path, reason: 'no text: the file holds only whitespace' };
    return;
  }
  const source = { kind: file.kind === 'stdin' ? ('stdin' as const) : kind, path: file.path };
  if (kind === 'json') {
    yield* readJsonValue(file.path, decoded.text, limits);
    return;
  }
  yield makeDocument(source, kind === 'html' ? 'html' : 'text', decoded.text, {}, decoded.messages);
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

/** Guesses a format from content when the file name does not say. */
function sniffKind(bytes: Uint8Array): InputKind {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 2048))
    .trimStart()
    .replace(/^\uFEFF/, '');
  if (/^<(?:!doctype html|html|head|body|div|p|article)\b/i.test(head)) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0] ?? '';
    return firstLine.trimEnd().endsWith('}') ? 'jsonl' : 'json';
  }
  return 'text';
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

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
