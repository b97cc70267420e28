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

/**
 * Fewest letters a cleaned article must hold to be stored. A page with an empty body, only navigation chrome, or a
 * one-word text file would otherwise become a 0-character article and an "(untitled)" story. 20 letters is about
 * four English words or a short CJK clause: less cannot carry a claim worth citing, and the shortest one-sentence
 * texts in the test fixtures (38 letters) still pass. Letters, not characters, so punctuation, digits and symbols
 * alone do not pass.
 */
export const MIN_ARTICLE_LETTERS = 20;

/** Why a cleaned article's text is too little to store, or null when it is enough. Stops counting at the minimum. */
export function tooLittleText(text: string): string | null {
  let letters = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) if (++letters >= MIN_ARTICLE_LETTERS) return null;
  return letters === 0
    ? 'no article text after cleaning (an empty body, or only page furniture); not stored'
    : `only ${letters} letters of article text after cleaning, under the ${MIN_ARTICLE_LETTERS}-letter minimum for an article; not stored`;
}
