import type { Readable } from 'node:stream';
import type { DocumentHints } from '../model/document.js';
import { decodeBytes } from './decode.js';
import { formatBytes, type InputLimits } from './limits.js';
import { decodeBody, kindOfMediaType, parseContentType, sniffKind } from './media-type.js';
import type { ReadItem } from './read.js';
import { makeDocument } from './records.js';
import { preview, type WarcRecord, warcRecords } from './warc.js';

/** Largest HTTP header block inside a response record. */
const MAX_HTTP_HEADER_BYTES = 64 * 1024;

/**
 * Reads the HTML pages of a WARC file (as in Common Crawl's news crawl): each `response` record with a 2xx HTML
 * payload becomes a document, its target URI the url hint. Requests, metadata, redirects and non-HTML payloads are
 * skipped as not articles; a malformed record is a problem naming its number, and the rest are read.
 */
export async function* readWarc(path: string, stream: Readable, limits: InputLimits): AsyncGenerator<ReadItem> {
  let documents = 0;
  let records = 0;
  const keep = (h: ReadonlyMap<string, string>): boolean => h.get('warc-type') === 'response';
  for await (const record of warcRecords(stream, keep, limits.maxFileBytes + MAX_HTTP_HEADER_BYTES)) {
    if (++records > limits.maxRecords) {
      yield { path, line: record.number, reason: `more than ${limits.maxRecords} records; the rest of the file is skipped` };
      return;
    }
    if ('problem' in record) {
      yield { path, line: record.number, reason: `record ${record.number}: ${record.problem}` };
      continue;
    }
    if (!keep(record.headers)) continue;
    const item = responseDocument(path, record, limits);
    if (item === null) continue;
    if (!('reason' in item)) documents++;
    yield item;
  }
  if (documents === 0) yield { path, reason: `no HTML response records among ${records} WARC records` };
}

/** A response record's HTML as a document; null when it is not an article page (redirect, image, robots.txt). */
function responseDocument(path: string, record: WarcRecord, limits: InputLimits): ReadItem | null {
  const where = { path, line: record.number };
  const http = parseHttpResponse(record.block);
  if ('problem' in http) return { ...where, reason: `record ${record.number}: ${http.problem}` };
  if (http.status < 200 || http.status > 299) return null;
  const contentType = parseContentType(http.headers.get('content-type'));
  let body = http.body;
  if ((http.headers.get('transfer-encoding') ?? '').toLowerCase().includes('chunked')) {
    const joined = dechunk(body);
    if ('problem' in joined) return { ...where, reason: `record ${record.number}: ${joined.problem}` };
    body = joined;
  }
  const decoded = decodeBody(body, http.headers.get('content-encoding'), limits.maxFileBytes);
  if ('reason' in decoded) return { ...where, reason: `record ${record.number}: ${decoded.reason}` };
  if (decoded.length > limits.maxFileBytes) {
    return {
      ...where,
      reason: `record ${record.number}: page is ${formatBytes(decoded.length)}, over the ${formatBytes(limits.maxFileBytes)} limit for one article`,
    };
  }
  const kind = contentType ? kindOfMediaType(contentType.type) : sniffKind(decoded) === 'html' ? 'html' : null;
  if (kind !== 'html') return null;
  const text = decodeBytes(decoded, contentType?.charset);
  if ('reason' in text) return { ...where, reason: `record ${record.number}: ${text.reason}` };
  const url = record.headers.get('warc-target-uri')?.replace(/^<|>$/g, '');
  const hints: DocumentHints = {};
  if (url) hints.url = url;
  if (contentType?.charset) hints.charset = contentType.charset;
  const messages = [...text.messages];
  const captured = record.headers.get('warc-date');
  // The capture date bounds the publication date from above but is not it, so it is a hint of its own.
  if (captured) hints.captured = captured;
  return makeDocument({ kind: 'warc', path, line: record.number, ...(url ? { url } : {}) }, 'html', text.text, hints, messages);
}

/** An HTTP response split into status, lower-cased headers and body. */
interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

function parseHttpResponse(block: Buffer): HttpResponse | { problem: string } {
  const crlf = block.indexOf('\r\n\r\n');
  const lf = block.indexOf('\n\n');
  const end = crlf !== -1 && (lf === -1 || crlf < lf) ? crlf : lf;
  if (end === -1 || end > MAX_HTTP_HEADER_BYTES) return { problem: 'response has no complete HTTP header block' };
  const lines = block.subarray(0, end).toString('latin1').split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})\b/.exec(lines[0] ?? '');
  if (!status) return { problem: `response does not start with an HTTP status line ("${preview(lines[0] ?? '')}")` };
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(status[1]), headers, body: block.subarray(end + (end === crlf ? 4 : 2)) };
}

/** Joins an HTTP/1.1 chunked body (crawlers sometimes store the transfer encoding as received). */
function dechunk(body: Buffer): Buffer | { problem: string } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol === -1 || eol - at > 64) return { problem: 'malformed chunked transfer encoding' };
    const size = Number.parseInt(body.subarray(at, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size < 0) return { problem: 'malformed chunked transfer encoding' };
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
    if (at > body.length) return { problem: `chunked body is truncated (${formatBytes(body.length)} read)` };
  }
}
