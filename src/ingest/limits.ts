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
 * Least text a cleaned article must hold to be stored. A page with an empty body, only navigation chrome, or a
 * one-word text file would otherwise become a 0-character article and an "(untitled)" story. 20 letters is about
 * four English words or a short CJK clause: less cannot carry a claim worth citing (the shortest one-sentence texts
 * in the test fixtures hold 38). Letters, not characters, so punctuation, digits and symbols alone do not pass.
 */
export const MIN_ARTICLE_LETTERS = 20;

/**
 * A page of link labels ("Home", "News", "Sport", the outlet's name) has the letters but no sentence: an article also
 * needs one line of at least this many words (or, for scripts written without spaces, of MIN_ARTICLE_LETTERS letters).
 */
export const MIN_SENTENCE_WORDS = 4;

/** Why a cleaned article's text is too little to store, or null when it is enough. Stops counting once it is. */
export function tooLittleText(text: string): string | null {
  let letters = 0;
  let sentence = false;
  for (let start = 0; start < text.length && !(sentence && letters >= MIN_ARTICLE_LETTERS); ) {
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, end);
    start = end + 1;
    let words = 0;
    let lineLetters = 0;
    for (const word of line.matchAll(/\p{L}+/gu)) {
      words++;
      lineLetters += word[0].length;
      if (words >= MIN_SENTENCE_WORDS || lineLetters >= MIN_ARTICLE_LETTERS) sentence = true;
      if (sentence && letters + lineLetters >= MIN_ARTICLE_LETTERS) break;
    }
    letters += lineLetters;
  }
  if (letters === 0) return 'no article text after cleaning (an empty body, or only page furniture); not stored';
  if (letters < MIN_ARTICLE_LETTERS)
    return `only ${letters} letters of article text after cleaning, under the ${MIN_ARTICLE_LETTERS}-letter minimum for an article; not stored`;
  return sentence ? null : `no sentence after cleaning (no line of ${MIN_SENTENCE_WORDS} words: only link labels or page furniture); not stored`;
}
