import { type InputRecord, InputRecordSchema } from '../model/contract.js';
import type { Document, DocumentHints, SourceRef } from '../model/document.js';
import { contentId } from '../model/ids.js';
import type { Message } from '../model/message.js';

/** A document from already-decoded text, with its content-hash id. */
export function makeDocument(source: SourceRef, format: Document['format'], raw: string, hints: DocumentHints = {}, messages: Message[] = []): Document {
  return { id: contentId(format, raw), source, format, raw, hints, messages };
}

/**
 * Turns one JSON record into a document, or explains why it cannot. The field mapping (docs/input.md) accepts the
 * common shapes of news dumps: `text`/`content`/`body` (plain text) or `html`, plus optional metadata.
 */
export function recordToDocument(value: unknown, source: SourceRef): Document | { reason: string } {
  const parsed = InputRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `not an article record: ${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid'}` };
  }
  const r = parsed.data;
  const html = nonEmpty(r.html);
  const text = nonEmpty(r.text) ?? nonEmpty(r.content) ?? nonEmpty(r.body);
  const raw = html ?? text ?? '';
  return makeDocument(source, html ? 'html' : 'text', raw, hintsOf(r));
}

function hintsOf(r: InputRecord): DocumentHints {
  const hints: DocumentHints = {};
  const title = nonEmpty(r.title);
  if (title) hints.title = title;
  if (r.url) hints.url = r.url;
  const outlet = nonEmpty(r.outlet) ?? nonEmpty(r.site_name) ?? (typeof r.source === 'string' ? nonEmpty(r.source) : nonEmpty(r.source?.name));
  if (outlet) hints.outlet = outlet;
  const authors = Array.isArray(r.authors) ? r.authors : r.authors ? [r.authors] : r.author ? [r.author] : [];
  const cleanAuthors = authors.map((a) => a.trim()).filter((a) => a !== '');
  if (cleanAuthors.length > 0) hints.authors = cleanAuthors;
  const published = nonEmpty(r.published) ?? nonEmpty(r.published_at) ?? nonEmpty(r.date);
  if (published) hints.published = published;
  const language = nonEmpty(r.language) ?? nonEmpty(r.lang);
  if (language) hints.language = language;
  return hints;
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
