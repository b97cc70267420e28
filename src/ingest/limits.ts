/**
 * Size bounds for hostile input. An article is rarely over 200 KB of text and a saved news page rarely over 3 MB
 * of HTML; these caps leave a wide margin while keeping one pathological file from exhausting memory.
 */
export interface InputLimits {
  /** Largest single-article file (text, Markdown, HTML) read whole. */
  maxFileBytes: number;
  /** Largest JSONL line / JSON record. */
  maxRecordBytes: number;
  /** Most records read from one JSONL/JSON file. */
  maxRecords: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxRecordBytes: 16 * 1024 * 1024,
  maxRecords: 1_000_000,
};
