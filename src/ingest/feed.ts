import type { Readable } from 'node:stream';
import type { DocumentHints, SourceRef } from '../model/document.js';
import { normalizeLabel } from './decode.js';
import { type FeedEntry, type FeedInfo, FeedParser } from './feed-parse.js';
import type { InputLimits } from './limits.js';
import type { ReadItem } from './read.js';
import { htmlPage, makeDocument } from './records.js';

/**
 * Reads an RSS or Atom feed, streamed: each item becomes a document (its content, else its description, as HTML or
 * text) with the item's title, link, authors and date and the feed's title as outlet. An item without text or with
 * an oversized field is a problem naming its number; malformed XML ends the feed with one problem after the items
 * read before it; a DOCTYPE declaring entities is refused.
 */
export async function* readFeed(path: string, stream: Readable, limits: InputLimits): AsyncGenerator<ReadItem> {
  const parser = new FeedParser({ maxItems: limits.maxFeedItems, maxContentChars: limits.maxFileBytes });
  let items = 0;
  try {
    for await (const text of decodedText(stream)) {
      for (const entry of parser.write(text)) {
        items++;
        yield entryItem(path, entry, parser.info);
      }
      if (parser.stop) break;
    }
    for (const entry of parser.end()) {
      items++;
      yield entryItem(path, entry, parser.info);
    }
  } finally {
    stream.destroy();
  }
  if (parser.stop) yield { path, reason: parser.stop.reason };
  else if (items === 0) yield { path, reason: 'the feed has no items' };
}

/** Decodes the byte stream chunk by chunk in the charset its BOM or XML declaration names (UTF-8 by default). */
async function* decodedText(stream: Readable): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    decoder ??= new TextDecoder(xmlCharset(chunk));
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

/** The charset of an XML document from its first bytes: BOM, then `<?xml … encoding="…"?>`, then UTF-8. */
export function xmlCharset(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const start = new TextDecoder('latin1').decode(head.subarray(0, 256));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s{0,8}<\?xml[^>]{0,200}?\bencoding\s{0,4}=\s{0,4}["']([A-Za-z0-9._:-]{1,40})["']/.exec(start);
  return (declared?.[1] && normalizeLabel(declared[1])) || 'utf-8';
}

function entryItem(path: string, entry: FeedEntry, feed: FeedInfo): ReadItem {
  const label = `item ${entry.number}${entry.title ? ` ("${entry.title.slice(0, 60)}")` : ''}`;
  if (entry.problem) return { path, line: entry.number, reason: `${label}: ${entry.problem}` };
  const body = entry.content ?? entry.summary;
  if (!body) return { path, line: entry.number, reason: `${label}: no text (no content, content:encoded, description or summary)` };
  const url = entry.link ?? (entry.guid && /^https?:\/\//i.test(entry.guid) ? entry.guid : undefined);
  const hints: DocumentHints = {};
  if (entry.title) hints.title = entry.title;
  if (url) hints.url = url;
  if (feed.title) hints.outlet = feed.title;
  if (entry.authors.length > 0) hints.authors = entry.authors;
  if (entry.published) hints.published = entry.published;
  if (entry.modified) hints.modified = entry.modified;
  const language = entry.language ?? feed.language;
  if (language) hints.language = language;
  const source: SourceRef = { kind: 'feed', path, line: entry.number, ...(url ? { url } : {}) };
  return body.html ? makeDocument(source, 'html', htmlPage(body.value, entry.title), hints) : makeDocument(source, 'text', body.value, hints);
}
