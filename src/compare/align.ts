import { type FrameMatch, matchFrames } from './frames.js';
import { pairFeatures, toldApart } from './pair-model/features.js';
import { type PairModel, probability, shippedModel } from './pair-model/model.js';
import { countConflict, retoldSlotConflict, type SlotConflict, sidesApart, slotConflict } from './slot-conflicts.js';
import { storyConflicts } from './story-conflicts.js';
import type { FactUnit } from './units.js';

/** Why two units were aligned: kept so every decision can be explained. */
export interface PairEvidence {
  a: number;
  b: number;
  /** Probability from the pair model that the two claims tell one happening. */
  score: number;
  /** IDF-weighted overlap of their words and names against the smaller claim. */
  overlap: number;
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
  /** One side itself tells a change ("rose to", "down from"), or the dates tell one: a development, not a disagreement. */
  update: boolean;
  /** The unit (a or b) that tells the later state when the articles' dates decided it (SlotConflict.later). */
  later?: number;
  /** The articles' dates do not show the same time: the two values may be one toll told at two hours. */
  unsure?: boolean;
}

/**
 * Probability (of the pair model) at which two guarded claims are one fact. The model's chain-pair labels are the
 * share of each claim's events the other tells (scripts/train-pair-model.ts), so 0.5 reads "most of what each
 * claim tells, the other tells too". Calibrated on the even half only (`scripts/train-pair-model.ts --tune`, with
 * CROSS_WEIGHT): on the even topics' hand-judged pairs (eval/pair-labels/even.jsonl), a model trained without one
 * half of them scores that half; pooled, 0.5 gives P 0.904 R 0.351, 0.4 gives P 0.881 R 0.440, 0.6 gives P 0.889
 * R 0.299: the most recall at P ≥ 0.90.
 */
export const SAME_FACT = 0.5;
/**
 * Lexical overlap above which two frame-matched claims are one claim told twice, so that a slot they fill
 * differently is a disagreement rather than two claims about two moments. Set on the even ECB+ topics' controlled
 * non-changes and the seeds (see eval/sets/conflicts-ecbplus.ts): lower values flag complementary details.
 */
export const SAME_CLAIM = 0.5;
/**
 * Keys held by more units than this share are too common to retrieve candidates with. On ECB+ (one happening per
 * story) 0.2 left out the happening's own words and cut reachable recall; 0.5 still skips the story-wide words.
 */
const MAX_POSTING_SHARE = 0.5;
/** Most candidate units scored per unit: the best-sharing ones; a story of near-copies stays linear. */
const MAX_CANDIDATES = 48;

/** A candidate pair that passed the hand guards, with what the model and the dossier read about it. */
export interface GuardedPair {
  i: number;
  j: number;
  /** The frame match: the shared predicate class and the arguments in the same roles (shown in the dossier). */
  match: FrameMatch;
  evidence: Omit<PairEvidence, 'slots' | 'overlap'>;
  features: number[];
}

/**
 * Candidate pairs of claims from different articles that pass the hand guards, with their pair features.
 * Candidates come from an inverted index over terms, entities and numbers (never all pairs), skipping keys that
 * most units share. Guards that protect precision whatever the model says: two claims of one article never align;
 * a direct quote is set only beside another quote, and only when the words match; the claims must share a
 * predicate class and a core argument in the same role (matchFrames: a shared name or title alone never aligns).
 */
export function guardedPairs(units: readonly FactUnit[], onRetold?: (i: number, j: number, conflict: SlotConflict) => void): GuardedPair[] {
  const keysOf = units.map(unitKeys);
  const postings = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  // Side and detail claims repeat words of a main claim of their sentence: the story's word statistics (IDF, topic
  // words, its claim count) count main claims only, as before they existed.
  const told = (u: FactUnit): boolean => !u.side && !u.detail;
  const claims = units.filter(told).length;
  const df = new Map<string, number>();
  keysOf.forEach((keys, i) => {
    if (told(units[i] as FactUnit)) for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  });
  const idf = new Map<string, number>();
  for (const k of postings.keys()) idf.set(k, Math.log(1 + claims / Math.max(1, df.get(k) ?? 0)));
  const norms = keysOf.map((keys) => Math.sqrt([...keys].reduce((n, k) => (counted(k) ? n + (idf.get(k) ?? 0) ** 2 : n), 0)) || 1);
  const weights = keysOf.map((keys) => weight(keys, idf));
  const { rank, count } = positions(units);
  const limit = Math.max(2, Math.ceil(claims * MAX_POSTING_SHARE));
  const out: GuardedPair[] = [];
  // The weight each later unit shares with unit i, summed in the order of i's keys; `met` lists the units touched (in
  // a story of near-copies, hundreds per unit), so the sums are cleared without walking every unit.
  const sharedWeight = new Float64Array(units.length);
  const touched = new Uint8Array(units.length);
  const met: number[] = [];
  for (let i = 0; i < units.length; i++) {
    for (const k of keysOf[i] as Set<string>) {
      const list = postings.get(k) as number[];
      if ((df.get(k) ?? 0) > limit) continue;
      const w = idf.get(k) ?? 0;
      for (const j of list) {
        if (j <= i) continue;
        if (touched[j] === 0) {
          touched[j] = 1;
          met.push(j);
        }
        sharedWeight[j] = (sharedWeight[j] as number) + w;
      }
    }
    const candidates = met.sort((x, y) => (sharedWeight[y] as number) - (sharedWeight[x] as number) || x - y).slice(0, MAX_CANDIDATES);
    for (const j of met) {
      sharedWeight[j] = 0;
      touched[j] = 0;
    }
    met.length = 0;
    for (const j of candidates) {
      const a = units[i] as FactUnit;
      const b = units[j] as FactUnit;
      if (a.articleId === b.articleId) continue;
      // A quote is set only beside a quote; but a speaker's name of another length may tip one telling of the same
      // sentence over the quote-only share, so the re-told reading below still compares the two.
      const match = a.quoteOnly === b.quoteOnly ? matchFrames(a.frame, b.frame) : null;
      if (!match) {
        // The same sentence re-told with one value swapped may lose its frame match (a renamed doer, a denial
        // added): read as one claim whose differing stretch is the slot (retold-slot.ts).
        const retold = onRetold && retoldSlotConflict(a.frame, b.frame, [a.published, b.published]);
        if (retold && retold !== 'different') onRetold(i, j, retold);
        continue;
      }
      const ka = keysOf[i] as Set<string>;
      const kb = keysOf[j] as Set<string>;
      const evidence = score(i, j, ka, kb, idf, Math.min(weights[i] as number, weights[j] as number));
      let dot = 0;
      for (const k of ka) if (kb.has(k) && counted(k)) dot += (idf.get(k) ?? 0) ** 2;
      const cosine = dot / ((norms[i] as number) * (norms[j] as number));
      const features = pairFeatures({
        a,
        b,
        overlap: evidence.score,
        cosine,
        match,
        rank: [rank[i] as number, rank[j] as number],
        count: [count.get(a.articleId) as number, count.get(b.articleId) as number],
        claimsWith: (k) => df.get(k) ?? 0,
        claims,
      });
      out.push({ i, j, match, evidence, features });
    }
  }
  return out;
}

/**
 * Aligns claims of different articles: a guarded pair (see guardedPairs) is one fact when the pair model gives it
 * a probability of at least `sameFact`; a pair matched in the same roles whose slots disagree (numbers, dates,
 * places, doer, negation, speaker) is a conflict instead (a development when one side itself tells a change:
 * "rose to", "down from"). PairEvidence.score is that probability; `overlap` keeps the lexical overlap.
 */
export function alignUnits(
  units: readonly FactUnit[],
  sameFact = SAME_FACT,
  model: PairModel = shippedModel(),
): { pairs: PairEvidence[]; conflicts: Conflict[]; apart: Array<[number, number]> } {
  const pairs: PairEvidence[] = [];
  const conflicts: Conflict[] = [];
  // Claims told alike that differ in a slot without being surely one claim: never one fact, never a conflict.
  const apart: Array<[number, number]> = [];
  // A later claim that itself tells a change against one that does not is a development, not a disagreement;
  // two that both tell a change ("rose to 300", "rose to 450") disagree like any other pair.
  const update = (i: number, j: number) => (units[i] as FactUnit).tellsChange !== (units[j] as FactUnit).tellsChange;
  const conflictOf = (i: number, j: number, c: SlotConflict, score: number): Conflict => {
    const later = c.later === undefined ? undefined : c.later === 0 ? i : j;
    return {
      a: i,
      b: j,
      slot: c.kind,
      values: c.values,
      score,
      update: update(i, j) || later !== undefined,
      ...(later === undefined ? {} : { later }),
      ...(c.unsure ? { unsure: true } : {}),
    };
  };
  const retold = (i: number, j: number, c: SlotConflict) => conflicts.push(conflictOf(i, j, c, 1));
  for (const { i, j, match, evidence, features } of guardedPairs(units, retold)) {
    const p = probability(model, features);
    const a = units[i] as FactUnit;
    const b = units[j] as FactUnit;
    // Two quotes matched on their words are one claim however differently the rest of the sentence reads.
    const sameClaim = evidence.score >= SAME_CLAIM || (a.frame.quote !== null && b.frame.quote !== null);
    const conflict = slotConflict(a.frame, b.frame, match, [a.published, b.published]);
    // A disagreement is judged on the claims' own words, not on the model: the model counts a differing date or
    // figure against two claims being one (on ECB+ it marks another happening), which is what a conflict is made of.
    if (conflict && conflict !== 'different' && sameClaim) {
      conflicts.push(conflictOf(i, j, conflict, p));
      continue;
    }
    // A count of one counted thing told in other words ("12 people were injured", "the blast injured 18 people"):
    // read on the frame match alone, its counted noun and governing predicate standing for the overlap.
    const count = countConflict(a.frame, b.frame, match, [a.published, b.published]);
    if (count && count !== 'different') {
      conflicts.push(conflictOf(i, j, count, p));
      continue;
    }
    if (p < sameFact || toldApart(features, [a.frame, b.frame])) continue;
    // Claims that disagree on a slot without being clearly one claim are two claims (two check-ins at two
    // clinics): neither aligned nor set against each other.
    if (conflict) apart.push([i, j]);
    else pairs.push({ ...evidence, overlap: evidence.score, score: p, slots: match.slots });
  }
  // A measure of the happening ("a 6.1-magnitude quake") or a count of one group told in sentences the gate keeps
  // apart is read across the story without alignment (story-conflicts.ts).
  // (Appended one by one: spreading a large story's lists into push's arguments overflows the stack.)
  for (const c of storyConflicts(units, conflicts)) conflicts.push(c);
  // Each side of a conflict holds only claims that agree: one naming the other side's value is kept off this side.
  for (const pair of sidesApart(
    units.map((u) => u.text),
    pairs,
    conflicts,
  ))
    apart.push(pair);
  return { pairs, conflicts, apart };
}

/** Each unit's rank among its article's claims (0 = first) and each article's claim count. */
function positions(units: readonly FactUnit[]): { rank: number[]; count: Map<string, number> } {
  const count = new Map<string, number>();
  const rank = units.map((u) => {
    const n = count.get(u.articleId) ?? 0;
    // A side claim stands where its main claim (just before it) stands and adds no claim to its article.
    if (u.side) return Math.max(0, n - 1);
    count.set(u.articleId, n + 1);
    return n;
  });
  return { rank, count };
}

/** Numbers and dates decide conflicts, not alignment: they are left out of the overlap and the cosine. */
function counted(k: string): boolean {
  return !k.startsWith('n:') && !k.startsWith('d:');
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
 * figure decides conflict, not alignment. `smallerWeight` is the smaller of the two claims' `weight`s.
 */
function score(
  i: number,
  j: number,
  ka: Set<string>,
  kb: Set<string>,
  idf: ReadonlyMap<string, number>,
  smallerWeight: number,
): Omit<PairEvidence, 'slots' | 'overlap'> {
  let shared = 0;
  let total = 0;
  const sharedTerms: string[] = [];
  const sharedEntities: string[] = [];
  const sharedNumbers: string[] = [];
  // Every key of either claim once, a's first (the order the sums add in).
  const read = (k: string, both: boolean): void => {
    if (both && k.startsWith('n:')) sharedNumbers.push(k.slice(2));
    if (!counted(k)) return;
    const w = idf.get(k) ?? 0;
    total += w;
    if (!both) return;
    shared += w;
    if (k.startsWith('t:')) sharedTerms.push(k.slice(2));
    else sharedEntities.push(k.slice(2));
  };
  for (const k of ka) read(k, kb.has(k));
  for (const k of kb) if (!ka.has(k)) read(k, false);
  const smaller = smallerWeight || 1;
  return { a: i, b: j, score: Math.min(1, shared / Math.max(smaller, total * 0.5)), sharedTerms, sharedEntities, sharedNumbers };
}

function weight(keys: Set<string>, idf: ReadonlyMap<string, number>): number {
  let w = 0;
  for (const k of keys) if (counted(k)) w += idf.get(k) ?? 0;
  return w;
}
