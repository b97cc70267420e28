import type { LinkerEntry } from './linker.js';
import { cosine, DocFrequency, rawVector, STORY_WEIGHTING, type Vector, vectorOf, weigh } from './vectors.js';

/** A headline stand-in longer than this is cut at its last clause boundary before it (a headline is short). */
const MAX_LEAD_TITLE = 140;
/** A clause shorter than this says too little to stand for the article: the sentence is kept whole instead. */
const MIN_CLAUSE = 40;
/** The first sentence is looked for within this many characters (hostile text stays cheap). */
const LEAD_WINDOW = 600;

/**
 * The headline stand-in of an untitled article: its first sentence, or, when that is long, its first clauses up to
 * a comma, semicolon or dash (the last one within the limit, else the first past it), so the title never stops
 * mid-phrase ("The minister plans to visit the port in the coming…"). A sentence with no clause boundary is kept whole.
 */
export function leadTitle(text: string): string | null {
  const window = text.trim().slice(0, LEAD_WINDOW);
  const line = (window.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
  if (line.length === 0) return null;
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(line)?.[0] ?? line;
  const bare = sentence.replace(/[.!?]$/u, '');
  if (bare.length <= MAX_LEAD_TITLE) return bare;
  // The last clause boundary within the limit, else the first one past it.
  let cut = -1;
  for (const m of bare.matchAll(/[,;:]\s|\s[—–-]\s/gu)) {
    if (m.index < MIN_CLAUSE) continue;
    if (m.index <= MAX_LEAD_TITLE || cut < 0) cut = m.index;
    if (m.index > MAX_LEAD_TITLE) break;
  }
  return cut > 0 ? bare.slice(0, cut) : bare;
}

/**
 * The title of a group of articles: the headline closest to the centroid of the group, where each independent
 * source (outlet, or the article itself when the outlet is unknown) weighs the same, so ten copies of one outlet's
 * framing do not outvote three independent reports. Real headlines are preferred to lead sentences.
 */
export function centralTitle(members: readonly LinkerEntry[]): string {
  const titled = members.filter((m) => m.title);
  if (titled.length === 0) return '(untitled)';
  const df = new DocFrequency();
  const raws = members.map((m) => rawVector(m.anchors, STORY_WEIGHTING, df.terms));
  for (const raw of raws) df.add(raw);
  const vectors = raws.map((raw) => weigh(raw, df));
  const perSource = new Map<string, number>();
  for (const m of members) perSource.set(sourceKey(m), (perSource.get(sourceKey(m)) ?? 0) + 1);
  const sums = new Map<number, number>();
  members.forEach((m, i) => {
    const share = 1 / (perSource.get(sourceKey(m)) as number);
    const { ids, weights } = vectors[i] as Vector;
    ids.forEach((id, k) => {
      sums.set(id, (sums.get(id) ?? 0) + (weights[k] as number) * share);
    });
  });
  const centroid = vectorOf(sums);
  const pool = titled.some((m) => m.headline) ? titled.filter((m) => m.headline) : titled;
  let best = pool[0] as LinkerEntry;
  let bestSim = Number.NEGATIVE_INFINITY;
  for (const m of pool) {
    const sim = cosine(vectors[members.indexOf(m)] as Vector, centroid);
    if (sim > bestSim || (sim === bestSim && m.id < best.id)) {
      best = m;
      bestSim = sim;
    }
  }
  return best.title as string;
}

function sourceKey(m: LinkerEntry): string {
  return m.origin ?? m.outlet ?? m.id;
}
