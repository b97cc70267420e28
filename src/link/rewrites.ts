import type { Article } from '../model/article.js';
import { type Message, message } from '../model/message.js';
import type { Span } from '../model/span.js';
import { fold, stopwordsFor } from './anchors.js';

/**
 * Rewrite detection: B retells A sentence by sentence. A rewrite (an outlet reworking a wire story, "with agency
 * reporting" or not) keeps few five-word runs, so the copy print (copies.ts) misses it, but it keeps the content words
 * of many of A's sentences, in A's order. Two outlets reporting one event independently share names and the event's
 * words in a sentence or two (the lead), seldom in a long chain through the text. The test: the longest chain of
 * sentence pairs, in the same order in both texts, each pair sharing `SHARED_STEMS` content-word stems.
 */

/** The sentences of an article as the rewrite test needs them: where each sits, and its content words. */
export interface LinePrint {
  /** `[start, end, start, end, …]`: the span in `Article.text` of each kept sentence. */
  spans: number[];
  /** Per kept sentence, its distinct content-word stems as 16-bit hashes, sorted. */
  stems: number[][];
}

/**
 * Letters of a word kept as its stem: "combating"/"combat", "organisations"/"organizations" meet; crude but
 * language-free. TUNED with `SHARED_STEMS` (see there) over 4, 5 and 6: 4 tied 5 on recall with more pairs joined, 6
 * recalled less.
 */
export const STEM_CHARS = 5;
/** Shortest content word: two-letter words are mostly function words or initials. */
const MIN_WORD = 3;
/** A sentence with fewer content stems says too little to match on (datelines, captions, "He said."). */
const MIN_SENTENCE_STEMS = 4;
/** Sentences read and stems kept per sentence: a rewrite shows in its first few dozen sentences; hostile text stays cheap. */
const MAX_SENTENCES = 80;
const MAX_STEMS = 40;
/**
 * Content stems two sentences must share to be one sentence reworded, and sentences in the chain. TUNED together on
 * the even ECB+ topics and the even originals of the near-duplicate set (eval/sets/neardup-rewrites.ts): no
 * cross-outlet pair of two different happenings joined, at this setting nor at one stem fewer or one sentence
 * shorter, and the best recall of synthetic rewrites (0.851; held-out odd half 0.866, 0 such pairs). Looser
 * settings joined independent reports of one event that retell its facts in the same order (a lead, a quote, the
 * background). Also tried: a chain covering a share of the shorter text (0.2–0.3), which bought nothing at this setting;
 * chains that may pair one sentence with two (merged or split sentences), which joined pairs of two happenings at
 * every setting up to 6/5 and three to five times as many pairs of one (tuning half, same eval).
 */
export const SHARED_STEMS = 6;
export const MIN_CHAIN = 6;

/** The line print of an article: its sentence layer when present, else lines split at sentence ends. */
export function linePrint(article: Pick<Article, 'text' | 'language' | 'layers'>, stemChars = STEM_CHARS): LinePrint {
  const stop = stopwordsFor(article.language);
  const spans: number[] = [];
  const stems: number[][] = [];
  for (const s of sentenceSpans(article)) {
    if (stems.length >= MAX_SENTENCES) break;
    const found = new Set<number>();
    for (const m of article.text.slice(s.start, s.end).matchAll(/[\p{L}\p{N}]{1,40}/gu)) {
      const word = fold(m[0]);
      if (word.length < MIN_WORD || stop.has(word)) continue;
      found.add(hash16(word.slice(0, stemChars)));
      if (found.size >= MAX_STEMS) break;
    }
    if (found.size < MIN_SENTENCE_STEMS) continue;
    spans.push(s.start, s.end);
    stems.push([...found].sort((a, b) => a - b));
  }
  return { spans, stems };
}

function sentenceSpans(article: Pick<Article, 'text' | 'layers'>): Span[] {
  if (article.layers.sentences) return article.layers.sentences;
  const out: Span[] = [];
  // Sentence ends or line breaks; bounded runs, no nested quantifiers.
  for (const m of article.text.matchAll(/[^\n.!?]{1,2000}[.!?]{0,3}/gu)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** FNV-1a folded to 16 bits: two stems of one sentence pair collide about once in 500 pairs, too rarely to matter. */
function hash16(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & 0xffff;
}

/**
 * The longest chain of sentence pairs `[i in a, j in b]`, increasing in both, each pair sharing `SHARED_STEMS` stems.
 * Matching pairs are found through an index of a's stems, so the cost follows the shared words, not the product of
 * the sentence counts.
 */
export function rewriteChain(a: LinePrint, b: LinePrint, sharedStems = SHARED_STEMS): Array<[number, number]> {
  const where = new Map<number, number[]>();
  a.stems.forEach((stems, i) => {
    for (const s of stems) (where.get(s) ?? (where.set(s, []).get(s) as number[])).push(i);
  });
  const pairs: Array<[number, number]> = [];
  b.stems.forEach((stems, j) => {
    const counts = new Map<number, number>();
    for (const s of stems) for (const i of where.get(s) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    for (const [i, n] of counts) if (n >= sharedStems) pairs.push([i, j]);
  });
  // Longest chain increasing in both: pairs by j then i descending, then the longest strictly increasing run of i.
  pairs.sort((x, y) => x[1] - y[1] || y[0] - x[0]);
  const tails: number[] = [];
  const tailPair: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([i], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < i) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = i;
    tailPair[lo] = k;
    previous[k] = lo > 0 ? (tailPair[lo - 1] as number) : -1;
  });
  const chain: Array<[number, number]> = [];
  for (let k = tails.length > 0 ? (tailPair[tails.length - 1] as number) : -1; k >= 0; k = previous[k] as number) chain.push(pairs[k] as [number, number]);
  return chain.reverse();
}

/** Whether one of the two texts retells the other (see `rewriteChain`). */
export function isRewrite(a: LinePrint, b: LinePrint): boolean {
  // Neither text can hold a chain longer than its sentences: skip the index for short ones.
  if (a.stems.length < MIN_CHAIN || b.stems.length < MIN_CHAIN) return false;
  return rewriteChain(a, b).length >= MIN_CHAIN;
}

/** Which of two joined articles is the rewrite: the later published; undated or same day, the one crediting no origin. */
export function rewriteOrder<T extends { id: string; published: string | null; origin: string | null }>(a: T, b: T): { rewrite: T; original: T } {
  const key = (e: T) => [e.published ?? '9999', e.origin ? 0 : 1, e.id] as const;
  const [x, y] = [key(a), key(b)];
  const aFirst = x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
  return aFirst ? { rewrite: b, original: a } : { rewrite: a, original: b };
}

/**
 * Why a rewrite counts with its original as one source: a message placed on the rewrite's first sentence that retells
 * one of the original's (without a place when the pair was joined for shared word runs alone and no sentence chains).
 */
export function rewriteMessage(rewrite: LinePrint, original: LinePrint): Message {
  const chain = rewriteChain(original, rewrite);
  const first = chain[0];
  const place = first ? { start: rewrite.spans[2 * first[1]] as number, end: rewrite.spans[2 * first[1] + 1] as number } : undefined;
  const reason =
    chain.length >= MIN_CHAIN
      ? `${chain.length} of its ${rewrite.stems.length} sentences retell the original's, in the same order`
      : 'shares long passages with the original';
  return message('link', 'rewrite', reason, { severity: 'info', ...(place ? { place } : {}) });
}
