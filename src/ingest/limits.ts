/**
 * Size bounds for hostile input. An article is rarely over 200 KB of text and a saved news page rarely over 3 MB
 * of HTML; these caps leave a wide margin while keeping one pathological file from exhausting memory.
 */
export interface InputLimits {
  /** Largest single-article file (text, Markdown, HTML), fetched page, WARC response or feed item read whole. */
  maxFileBytes: number;
  /** Largest JSONL line / JSON record. */
  maxRecordBytes: number;
  /** Most records read from one JSONL/JSON file or WARC. */
  maxRecords: number;
  /**
   * Most items read from one feed. Feeds are streamed, so this bounds time, not memory: news feeds carry tens to a
   * few hundred items, and a larger archive is better given as JSONL.
   */
  maxFeedItems: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxRecordBytes: 16 * 1024 * 1024,
  maxRecords: 1_000_000,
  maxFeedItems: 10_000,
};

/** A byte count for messages: `16.0 MB`, `12 KB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
