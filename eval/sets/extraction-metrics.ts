/**
 * The two main-text extraction metrics, re-implemented from each data set's own evaluation script (see their
 * SOURCE.md). Checked against the published figures: the shingle metric on the benchmark's reference outputs.
 */

const SHINGLE_SIZE = 4;

/** Word tokens as Python's `re.findall(r'\w+', text)` sees them (Unicode letters, numbers, underscore). */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** 4-gram shingles with counts; a text shorter than 4 tokens is one shorter shingle. */
function shingles(text: string): Map<string, number> {
  const words = tokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, words.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < last && words.length > 0; i++) {
    const key = words.slice(i, i + SHINGLE_SIZE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per-page precision and recall of one prediction (null where the page does not enter that mean). */
export interface PageScore {
  p: number | null;
  r: number | null;
  exact: boolean;
}

/**
 * The article-extraction-benchmark metric for one page: shingle tp/fp/fn normalized to sum 1 (so every page
 * weighs the same); a page with no predicted shingles leaves the precision mean, one with no gold shingles the
 * recall mean.
 */
export function shingleScore(gold: string, predicted: string): PageScore {
  const g = shingles(gold);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of p) {
    const inGold = g.get(key) ?? 0;
    tp += Math.min(count, inGold);
    fp += Math.max(0, count - inGold);
  }
  for (const [key, count] of g) fn += Math.max(0, count - (p.get(key) ?? 0));
  const exact = tokens(gold).join(' ') === tokens(predicted).join(' ');
  if (fp === 0 && fn === 0) return { p: 1, r: 1, exact };
  return { p: tp + fp > 0 ? tp / (tp + fp) : null, r: tp + fn > 0 ? tp / (tp + fn) : null, exact };
}

/** Mean precision, recall, F1 of the two means, and exact-match accuracy over pages. */
export function summarizeShingles(scores: PageScore[]): { f1: number; p: number; r: number; accuracy: number } {
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const p = mean(scores.map((s) => s.p).filter((x): x is number => x !== null));
  const r = mean(scores.map((s) => s.r).filter((x): x is number => x !== null));
  const accuracy = mean(scores.map((s) => (s.exact ? 1 : 0)));
  return { f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), p, r, accuracy };
}

/** Segment counts of the trafilatura evaluation for one page. */
export interface SegmentCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The trafilatura-eval metric for one page: each "with" segment found in the output is a true positive, each
 * "without" segment found is a false positive; a failed extraction (null) finds nothing.
 */
export function segmentCounts(output: string | null, withSegments: string[], withoutSegments: string[]): SegmentCounts {
  if (output === null) return { tp: 0, fn: withSegments.length, fp: 0, tn: withoutSegments.length };
  const text = normalizeSpace(output);
  const found = (segment: string): boolean => text.includes(normalizeSpace(segment));
  const tp = withSegments.filter(found).length;
  const fp = withoutSegments.filter(found).length;
  return { tp, fn: withSegments.length - tp, fp, tn: withoutSegments.length - fp };
}
