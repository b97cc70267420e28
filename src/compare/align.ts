import { matchFrames } from './frames.js';
import { type SlotConflict, slotConflict } from './slot-conflicts.js';
import type { FactUnit } from './units.js';

/** Why two units were aligned: kept so every decision can be explained. */
export interface PairEvidence {
  a: number;
  b: number;
  score: number;
  /** The frame slots the two claims share (predicate, actor, theme). */
  slots: string[];
  sharedTerms: string[];
  sharedEntities: string[];
  sharedNumbers: string[];
}

/** Two claims about one happening filling one slot with incompatible values. */
export interface Conflict {
  a: number;
  b: number;
  slot: SlotConflict['kind'];
  values: [string, string];
  score: number;
  /** One side itself tells a change ("rose to", "down from"): a development, not a disagreement. */
  update: boolean;
}

/**
 * Lexical overlap two frame-matched claims need to be one fact. On ECB+ claim alignment (eval/sets/
 * claims-ecbplus.ts) both folds pick 0–0.05 (the frame gate does the work there, where every sentence is about one
 * happening); the dossier keeps 0.2 because on the seeds, a story of many happenings, lower values merge claims that
 * share a predicate and one participant but say different things.
 */
export const SAME_FACT = 0.2;
/**
 * Lexical overlap above which two frame-matched claims are one claim told twice, so that a slot they fill
 * differently is a disagreement rather than two claims about two moments. Set on the even ECB+ topics' controlled
 * non-changes and the seeds (see eval/sets/conflicts-ecbplus.ts): lower values flag complementary details.
 */
export const SAME_CLAIM = 0.5;
/** Keys held by more units than this share are too common to retrieve candidates with. */
const MAX_POSTING_SHARE = 0.2;
/** Most candidate units scored per unit: the best-sharing ones; a story of near-copies stays linear. */
const MAX_CANDIDATES = 48;

/**
 * Scores candidate pairs of claims from different articles. Candidates come from an inverted index over terms,
 * entities and numbers (never all pairs), skipping keys that most units share. A pair aligns only when the claim
 * frames match (a compatible predicate and a core argument in the same role) and the IDF-weighted overlap of their
 * words reaches `sameFact`; a frame-matched pair whose slots disagree (numbers, dates, places, doer, negation,
 * speaker) is a conflict instead (a development when one side itself tells a change: "rose to", "down from").
 */
export function alignUnits(units: readonly FactUnit[], sameFact = SAME_FACT): { pairs: PairEvidence[]; conflicts: Conflict[]; apart: Array<[number, number]> } {
  const keysOf = units.map(unitKeys);
  const postings = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  const idf = new Map<string, number>();
  for (const [k, list] of postings) idf.set(k, Math.log(1 + units.length / list.length));
  const limit = Math.max(2, Math.ceil(units.length * MAX_POSTING_SHARE));
  const pairs: PairEvidence[] = [];
  const conflicts: Conflict[] = [];
  // Claims told alike that differ in a slot without being surely one claim: never one fact, never a conflict.
  const apart: Array<[number, number]> = [];
  for (let i = 0; i < units.length; i++) {
    const shared = new Map<number, number>();
    for (const k of keysOf[i] as Set<string>) {
      const list = postings.get(k) as number[];
      if (list.length > limit) continue;
      const w = idf.get(k) ?? 0;
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + w);
    }
    const candidates = [...shared.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES);
    for (const [j] of candidates) {
      const a = units[i] as FactUnit;
      const b = units[j] as FactUnit;
      // A direct quote is set only beside another quote: its words, not a paraphrase, are what outlets share.
      if (a.articleId === b.articleId || a.quoteOnly !== b.quoteOnly) continue;
      const match = matchFrames(a.frame, b.frame);
      if (!match) continue;
      const evidence = score(i, j, keysOf[i] as Set<string>, keysOf[j] as Set<string>, idf);
      if (evidence.score < sameFact) continue;
      // Two quotes matched on their words are one claim however differently the rest of the sentence reads.
      const sameClaim = evidence.score >= SAME_CLAIM || (a.frame.quote !== null && b.frame.quote !== null);
      const conflict = slotConflict(a.frame, b.frame, match);
      // Claims that disagree on a slot without being clearly one claim are two claims (two check-ins at two
      // clinics): neither aligned nor set against each other.
      if (conflict === 'different' || (conflict && !sameClaim)) {
        apart.push([i, j]);
        continue;
      }
      if (conflict) conflicts.push({ a: i, b: j, slot: conflict.kind, values: conflict.values, score: evidence.score, update: a.tellsChange || b.tellsChange });
      else pairs.push({ ...evidence, slots: match.slots });
    }
  }
  return { pairs, conflicts, apart };
}

function unitKeys(u: FactUnit): Set<string> {
  const keys = new Set<string>();
  for (const t of u.terms) keys.add(`t:${t}`);
  for (const e of u.entities) keys.add(`e:${e}`);
  for (const q of u.quantities) keys.add(`n:${Number(q.value.toPrecision(3))}`);
  for (const d of u.dates) keys.add(`d:${d}`);
  return keys;
}

/**
 * IDF-weighted overlap against the smaller claim (a short restatement can match a long original), with the
 * numbers and dates left out: two tellings that differ only in a figure are still about the same thing, and the
 * figure decides conflict, not alignment.
 */
function score(i: number, j: number, ka: Set<string>, kb: Set<string>, idf: ReadonlyMap<string, number>): Omit<PairEvidence, 'slots'> {
  let shared = 0;
  let total = 0;
  const sharedTerms: string[] = [];
  const sharedEntities: string[] = [];
  const sharedNumbers: string[] = [];
  for (const k of new Set([...ka, ...kb])) {
    const both = ka.has(k) && kb.has(k);
    if (both && k.startsWith('n:')) sharedNumbers.push(k.slice(2));
    if (k.startsWith('n:') || k.startsWith('d:')) continue;
    const w = idf.get(k) ?? 0;
    total += w;
    if (!both) continue;
    shared += w;
    if (k.startsWith('t:')) sharedTerms.push(k.slice(2));
    else sharedEntities.push(k.slice(2));
  }
  const smaller = Math.min(weight(ka, idf), weight(kb, idf)) || 1;
  return { a: i, b: j, score: Math.min(1, shared / Math.max(smaller, total * 0.5)), sharedTerms, sharedEntities, sharedNumbers };
}

function weight(keys: Set<string>, idf: ReadonlyMap<string, number>): number {
  let w = 0;
  for (const k of keys) if (!k.startsWith('n:') && !k.startsWith('d:')) w += idf.get(k) ?? 0;
  return w;
}
