import type { Message } from './message.js';

/** The formats the readers understand; each document remembers which one it came from. */
export type InputKind = 'text' | 'markdown' | 'html' | 'jsonl' | 'json' | 'feed' | 'warc' | 'url' | 'stdin';

/** Where a document was read from: enough to find it again (file and line, archive record, URL). */
export interface SourceRef {
  kind: InputKind;
  /** File path as given (or `-` for stdin); for a fetched page, the URL. */
  path: string;
  /** 1-based line for JSONL records, record number for WARC and feeds. */
  line?: number;
  url?: string;
}

/**
 * Metadata that arrived with the input rather than being read from the text: JSONL fields, feed item fields, HTTP
 * headers. Cleaners treat it as evidence with a basis, not as truth.
 */
export interface DocumentHints {
  title?: string;
  url?: string;
  outlet?: string;
  authors?: string[];
  /** Publication date as given by the input (ISO 8601 or any parseable form). */
  published?: string;
  /** Last-modified date as given by the input (Atom `updated`, a JSONL field). */
  modified?: string;
  /** When the page was fetched or archived (WARC-Date, fetch time): an upper bound on publication, never the date. */
  captured?: string;
  language?: string;
  /** Charset declared by the transport (HTTP header, WARC record). */
  charset?: string;
}

/** What one reader produced for one input item: the raw text before any cleaning. */
export interface Document {
  /** Content hash of `format` + `raw`: ingesting the same item twice, under any name, yields the same id. */
  id: string;
  source: SourceRef;
  /** How `raw` is to be cleaned. */
  format: 'text' | 'html';
  /** The decoded input. Offsets in `Article.offsetMap` point into this string. */
  raw: string;
  hints: DocumentHints;
  /** Decisions the reader made (charset chosen, BOM stripped) and problems it met. */
  messages: Message[];
}
