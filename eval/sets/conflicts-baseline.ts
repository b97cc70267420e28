import { type Article, layer } from '../../src/model/article.js';
import type { Span } from '../../src/model/span.js';

/**
 * The reference for controlled conflicts, done plainly: sentences of two articles aligned by TF-IDF cosine (IDF over
 * the two articles' sentences), and two aligned sentences conflict when either holds a number, date, name or
 * negation word the other does not. No frames, no qualifiers, no formats.
 */

/**
 * Cosine at or above which two sentences are aligned. Tuned on the even topics (TRIANGULATE_EVAL_SPLIT=even, grid
 * 0.3–0.95 by 0.05): no threshold keeps false conflicts within the 2 % (a number or date written another
 * way, or a clause moved, always differs in a token; 0.95 still gives 20 %), so the one with the largest lowest
 * recall of a change type minus false-conflict rate: 0.6 (0.95 − 0.417).
 */
export const BASELINE_COSINE = 0.6;

const WORD = /[\p{L}\p{N}]+/gu;
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/u;
const NEGATION = /^(?:not|no|never|n't|cannot)$/u;

interface Sentence extends Span {
  articleId: string;
  weights: Map<string, number>;
  slots: Set<string>;
}

function sentences(a: Article): Array<Omit<Sentence, 'weights'> & { words: string[] }> {
  return layer(a, 'sentences').map((s) => {
    const raw = [...a.text.slice(s.start, s.end).matchAll(WORD)].map((m) => m[0]);
    const words = raw.map((w) => w.toLowerCase());
    // Numbers, calendar words, capitalised words after the first (names) and negations are the slot tokens.
    const slots = new Set(
      raw
        .filter((w, i) => /\d/u.test(w) || CALENDAR.test(w.toLowerCase()) || NEGATION.test(w.toLowerCase()) || (i > 0 && /^\p{Lu}/u.test(w)))
        .map((w) => w.toLowerCase()),
    );
    if (/\wn['’]t\b/u.test(a.text.slice(s.start, s.end))) slots.add("n't");
    return { start: s.start, end: s.end, articleId: a.id, words, slots };
  });
}

/** Pairs of sentences (original, copy) the baseline calls conflicting, at a cosine threshold. */
export function baselineConflicts(original: Article, copy: Article, threshold = BASELINE_COSINE): Array<[Span, Span]> {
  const raw = [...sentences(original), ...sentences(copy)];
  const df = new Map<string, number>();
  for (const s of raw) for (const w of new Set(s.words)) df.set(w, (df.get(w) ?? 0) + 1);
  const all: Sentence[] = raw.map((s) => {
    const tf = new Map<string, number>();
    for (const w of s.words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [w, n] of tf) {
      const x = (1 + Math.log(n)) * Math.log(1 + raw.length / (df.get(w) ?? 1));
      weights.set(w, x);
      norm += x * x;
    }
    for (const [w, x] of weights) weights.set(w, x / (Math.sqrt(norm) || 1));
    return { ...s, weights };
  });
  const left = all.filter((s) => s.articleId === original.id);
  const right = all.filter((s) => s.articleId === copy.id);
  const out: Array<[Span, Span]> = [];
  for (const x of left) {
    for (const y of right) {
      let cos = 0;
      for (const [w, v] of x.weights) cos += v * (y.weights.get(w) ?? 0);
      if (cos < threshold) continue;
      const differs = [...x.slots].some((w) => !y.slots.has(w)) || [...y.slots].some((w) => !x.slots.has(w));
      if (differs) out.push([x, y]);
    }
  }
  return out;
}
