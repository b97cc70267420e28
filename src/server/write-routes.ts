import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatBytes, TriangulateError } from '../index.js';
import { IngestQueue, ingestResponse, refusePrivateUrl, type Upload } from './ingest.js';
import type { AppOptions, ServerLimits } from './options.js';
import { type ApiIngestReport, UrlIngestSchema } from './schemas.js';

/**
 * Parts a form may hold beyond the file limit: the UI's form sends files and a text box, and a script may add a
 * field or two; more than this many extra parts is not a form anyone fills in.
 */
const EXTRA_PARTS = 16;

/**
 * Ingest by upload and by URL. Auth and origin checks run before these (security.ts), size limits before parsing.
 * Returns what ends the ingest thread.
 */
export function writeRoutes(app: Hono, options: AppOptions, limits: ServerLimits, onIngested: (report: ApiIngestReport) => void): () => Promise<void> {
  const { store, pipeline } = options;
  const allowPrivate = options.allowPrivate === true;
  const queue = new IngestQueue(store, pipeline, options.storeLocation, onIngested);
  const tooLarge = (max: number) => () => {
    throw new TriangulateError('E_LIMIT', `request body over the ${formatBytes(max)} limit`);
  };

  app.post('/api/ingest', bodyLimit({ maxSize: limits.maxBodyBytes, onError: tooLarge(limits.maxBodyBytes) }), async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^multipart\/form-data\b/i.test(type)) throw new TriangulateError('E_USAGE', 'send files as multipart/form-data (fields "file" and "text")');
    // Parts are counted on the raw bytes before the form is parsed: parsing a million one-byte parts (well inside the
    // body limit) took the event loop for over ten seconds, stalling every other request.
    const body = Buffer.from(await c.req.arrayBuffer()); // cached by Hono: parseBody below reads the same bytes
    const boundary = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(type);
    if (!boundary) throw new TriangulateError('E_USAGE', 'a multipart/form-data body needs a boundary in its Content-Type');
    const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
    let parts = -1; // the closing delimiter ends the last part
    for (let at = body.indexOf(delimiter); at !== -1 && parts <= limits.maxFiles + EXTRA_PARTS; at = body.indexOf(delimiter, at + delimiter.length)) parts++;
    if (parts > limits.maxFiles + EXTRA_PARTS) throw new TriangulateError('E_LIMIT', `more than ${limits.maxFiles + EXTRA_PARTS} parts in one upload`);
    const form = await c.req.parseBody({ all: true });
    const uploads: Upload[] = [];
    let pasted = 0;
    for (const [field, value] of Object.entries(form)) {
      for (const part of Array.isArray(value) ? value : [value]) {
        if (uploads.length >= limits.maxFiles) throw new TriangulateError('E_LIMIT', `more than ${limits.maxFiles} files in one upload`);
        if (typeof part === 'string') {
          if (field !== 'text' || part.trim() === '') continue;
          uploads.push({ name: `pasted-${++pasted}.txt`, bytes: new TextEncoder().encode(part) });
        } else {
          if (part.size > limits.maxFileBytes)
            throw new TriangulateError('E_LIMIT', `"${part.name.slice(0, 100)}" is over the ${formatBytes(limits.maxFileBytes)} limit for one file`);
          uploads.push({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) });
        }
      }
    }
    if (uploads.length === 0) throw new TriangulateError('E_USAGE', 'nothing to ingest: send files in "file" fields or text in "text" fields');
    return ingestResponse(c, queue, { uploads, maxFileBytes: limits.maxFileBytes }, uploads.length);
  });

  app.post('/api/ingest/urls', bodyLimit({ maxSize: limits.maxJsonBytes, onError: tooLarge(limits.maxJsonBytes) }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new TriangulateError('E_USAGE', 'send a JSON body: {"urls": ["https://…"]}');
    }
    const parsed = UrlIngestSchema.safeParse(body);
    if (!parsed.success) throw new TriangulateError('E_USAGE', 'send a JSON body: {"urls": ["https://…"]}');
    const urls = parsed.data.urls.map((u) => u.trim()).filter((u) => u !== '');
    if (urls.length > limits.maxUrls) throw new TriangulateError('E_LIMIT', `more than ${limits.maxUrls} URLs in one request`);
    for (const url of urls) {
      if (!/^https?:\/\//i.test(url)) throw new TriangulateError('E_USAGE', `not an http(s) URL: "${url.slice(0, 200)}"`);
      if (!allowPrivate) await refusePrivateUrl(url);
    }
    return ingestResponse(c, queue, { urls, allowPrivate }, urls.length);
  });
  return () => queue.close();
}
