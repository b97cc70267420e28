import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { DocumentHints } from '../model/document.js';
import { message } from '../model/message.js';
import { decodeBytes } from './decode.js';
import { readFeed } from './feed.js';
import type { Fetcher } from './fetch.js';
import type { InputLimits } from './limits.js';
import { byteLines } from './lines.js';
import { sniffKind } from './media-type.js';
import type { ReadItem } from './read.js';
import { makeDocument } from './records.js';

/** Longest line of a URL list; real URLs stay under a few KB. */
const MAX_URL_LINE_BYTES = 8 * 1024;

/** Where a URL came from when it was listed in a file, so a failure names the file and line. */
interface Listed {
  path: string;
  line: number;
}

/**
 * Fetches one URL: an HTML page becomes a document (hints: final URL, HTTP charset), a feed is read item by item.
 * Any failure (refused address, robots.txt, timeout, HTTP error, non-HTML, size) is one problem naming the URL.
 */
export async function* readUrl(url: string, fetcher: Fetcher, limits: InputLimits, listed?: Listed): AsyncGenerator<ReadItem> {
  const at = (reason: string): ReadItem => (listed ? { ...listed, reason: `${url}: ${reason}` } : { path: url, reason });
  const page = await fetcher.page(url);
  if ('reason' in page) {
    yield at(page.reason);
    return;
  }
  const kind = page.kind ?? sniffKind(page.body);
  if (kind === 'feed') {
    yield* readFeed(url, Readable.from([page.body]), limits);
    return;
  }
  if (kind !== 'html') {
    yield at('not HTML: the server sent no Content-Type and the body does not look like a page or a feed');
    return;
  }
  const decoded = decodeBytes(page.body, page.contentType?.charset);
  if ('reason' in decoded) {
    yield at(decoded.reason);
    return;
  }
  const hints: DocumentHints = { url: page.url };
  if (page.contentType?.charset) hints.charset = page.contentType.charset;
  const messages = [...decoded.messages];
  if (page.redirects.length > 0) messages.push(message('fetch', 'redirected', `redirected to ${page.url}`, { severity: 'info' }));
  // The fetch time bounds the publication date from above but is not it, so it stays out of `published`.
  hints.captured = new Date().toISOString();
  yield makeDocument({ kind: 'url', path: url, url: page.url }, 'html', decoded.text, hints, messages);
}

/** Fetches every URL listed in a file, one per line; blank lines and `#` comments are skipped. */
export async function* readUrlList(file: string | Buffer, path: string, fetcher: Fetcher, limits: InputLimits): AsyncGenerator<ReadItem> {
  let urls = 0;
  for await (const entry of byteLines(createReadStream(file), MAX_URL_LINE_BYTES)) {
    if ('tooLong' in entry) {
      yield { path, line: entry.line, reason: `line is ${entry.tooLong} bytes, too long for a URL` };
      continue;
    }
    const text = entry.bytes.toString('utf8').trim();
    if (text === '' || text.startsWith('#')) continue;
    if (++urls > limits.maxRecords) {
      yield { path, line: entry.line, reason: `more than ${limits.maxRecords} URLs; the rest of the file is skipped` };
      return;
    }
    yield* readUrl(text, fetcher, limits, { path, line: entry.line });
  }
  if (urls === 0) yield { path, reason: 'no URLs in the list' };
}
