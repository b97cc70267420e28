import { brotliDecompressSync, createBrotliDecompress, createUnzip, unzipSync } from 'node:zlib';
import type { InputKind } from '../model/document.js';

/** A parsed `Content-Type` header: the lower-cased media type and its charset parameter, if any. */
export interface ContentType {
  type: string;
  charset?: string;
}

/** Splits `text/html; charset="utf-8"` into its media type and charset (other parameters are not needed). */
export function parseContentType(header: string | undefined): ContentType | null {
  if (!header) return null;
  const [type = '', ...params] = header.split(';');
  const result: ContentType = { type: type.trim().toLowerCase() };
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
    if (value !== '') result.charset = value;
  }
  return result.type === '' ? null : result;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml']);

/** Which reader a web response's media type selects: an article page, a feed, or neither. */
export function kindOfMediaType(type: string): 'html' | 'feed' | null {
  if (HTML_TYPES.has(type)) return 'html';
  if (FEED_TYPES.has(type)) return 'feed';
  return null;
}

/**
 * Guesses a format from the first bytes of an input whose name does not say: WARC (plain or gzip), XML feeds,
 * HTML, JSON, JSONL, else plain text. Only looks at the head, so it works before a large file is read.
 */
export function sniffKind(head: Uint8Array): InputKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'warc';
  const text = new TextDecoder('utf-8')
    .decode(head.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('WARC/')) return 'warc';
  if (/^<(?:!doctype html|html|head|body|div|p|article)\b/i.test(text)) return 'html';
  if (/^<(?:\?xml|rss|feed|rdf:RDF)\b/.test(text)) return /<html\b/i.test(text) && !/<(?:rss|feed|rdf:RDF)\b/.test(text) ? 'html' : 'feed';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    const firstLine = text.split('\n', 1)[0] ?? '';
    return firstLine.trimEnd().endsWith('}') ? 'jsonl' : 'json';
  }
  return 'text';
}

/** The zlib decoder a `Content-Encoding` needs: `unzip` reads both gzip and zlib-wrapped deflate. */
type Coding = 'identity' | 'unzip' | 'br';

function codingOf(contentEncoding: string | undefined): Coding | null {
  const name = (contentEncoding ?? '').trim().toLowerCase();
  if (name === '' || name === 'identity' || name === 'none') return 'identity';
  if (name === 'gzip' || name === 'x-gzip' || name === 'deflate') return 'unzip';
  if (name === 'br') return 'br';
  return null;
}

/**
 * Undoes a `Content-Encoding` on a whole body, never producing more than `maxBytes` (a 10 KB gzip bomb must not
 * become 10 GB). Returns a reason when the coding is unknown, the data is corrupt or the output is too large.
 */
export function decodeBody(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Buffer | { reason: string } {
  const coding = codingOf(contentEncoding);
  if (coding === null) return { reason: `unsupported Content-Encoding "${contentEncoding}"` };
  if (coding === 'identity') return body;
  try {
    return coding === 'br' ? brotliDecompressSync(body, { maxOutputLength: maxBytes }) : unzipSync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ERR_BUFFER_TOO_LARGE' ? `decompressed body is over the ${maxBytes}-byte limit` : `corrupt ${contentEncoding} data` };
  }
}

/** A streaming decoder for a `Content-Encoding`, null for identity, or a reason when the coding is unknown. */
export function bodyDecoder(contentEncoding: string | undefined): NodeJS.ReadWriteStream | null | { reason: string } {
  const coding = codingOf(contentEncoding);
  if (coding === null) return { reason: `unsupported Content-Encoding "${contentEncoding}"` };
  if (coding === 'identity') return null;
  return coding === 'br' ? createBrotliDecompress() : createUnzip();
}
