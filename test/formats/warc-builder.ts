import { gzipSync } from 'node:zlib';

/** The parts of one WARC record a test writes; the builder fills in Content-Length and the framing. */
export interface RecordSpec {
  type: 'response' | 'request' | 'metadata' | 'warcinfo';
  uri?: string;
  date?: string;
  /** For responses: an HTTP status line, headers and body; the block is written as an HTTP message. */
  http?: { status?: string; headers?: Record<string, string>; body: string | Buffer };
  /** For other records: the raw block. */
  block?: string;
}

/** One WARC/1.0 record as bytes, framed as the standard says: headers, blank line, block, two CRLFs. */
export function warcRecord(spec: RecordSpec, id = 1): Buffer {
  const block = spec.http ? httpMessage(spec.http) : Buffer.from(spec.block ?? '');
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(id).padStart(12, '0')}>`,
    ...(spec.date ? [`WARC-Date: ${spec.date}`] : []),
    ...(spec.uri ? [`WARC-Target-URI: ${spec.uri}`] : []),
    `Content-Type: ${spec.http ? 'application/http; msgtype=response' : spec.type === 'request' ? 'application/http; msgtype=request' : 'application/warc-fields'}`,
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

function httpMessage(http: NonNullable<RecordSpec['http']>): Buffer {
  const body = typeof http.body === 'string' ? Buffer.from(http.body) : http.body;
  const head = [http.status ?? 'HTTP/1.1 200 OK', ...Object.entries(http.headers ?? {}).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]);
}

/** Records gzipped one member each, as Common Crawl writes them. */
export function gzipMembers(records: readonly Buffer[]): Buffer {
  return Buffer.concat(records.map((r) => gzipSync(r)));
}

/** A small fictional article page. */
export function page(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}
