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
  const hints = hintsOf(r);
  if (html) return makeDocument(source, 'html', htmlPage(html, hints.title), hints);
  return makeDocument(source, 'text', nonEmpty(r.text) ?? nonEmpty(r.content) ?? nonEmpty(r.body) ?? '', hints);
}

/**
 * HTML as a whole page: a fragment (a feed item's content, a dump's `html` field) is wrapped in a minimal page,
 * because the HTML cleaner works on documents (linkedom parses a bare fragment to an empty body). The fragment
 * stays verbatim inside `<article>`, so offsets still point at its own characters.
 */
export function htmlPage(html: string, title?: string): string {
  if (/<(?:html|body)[\s>]/i.test(html.slice(0, 4096))) return html;
  const head = title ? `<title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>` : '';
  return `<!doctype html>\n<html><head><meta charset="utf-8">${head}</head><body><article>\n${html}\n</article></body></html>\n`;
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
