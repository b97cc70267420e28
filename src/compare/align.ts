import type { Quantity } from '../model/annotations.js';
import type { FactUnit } from './units.js';

/** Why two units were aligned or set against each other: kept so every decision can be explained. */
export interface PairEvidence {
  a: number;
  b: number;
  score: number;
  sharedTerms: string[];
  sharedEntities: string[];
  sharedNumbers: string[];
}

/** Two units telling the same slot with different values ("1,200 jobs" vs "1,500 jobs"). */
export interface Conflict {
  a: number;
  b: number;
  slot: string;
  values: [string, string];
  score: number;
}

/**
 * Counted nouns that count the same thing in news about jobs and people: "1,200 jobs" and "1,500 workers" fill
 * one slot. English and Spanish, as data.
 */
const COUNTED_CLASS: ReadonlyMap<string, string> = new Map(
  ['people', 'persons', 'workers', 'jobs', 'employees', 'staff', 'positions', 'personas', 'trabajadores', 'empleos', 'puestos', 'empleados'].map((w) => [
    w,
    'people',
  ]),
);

/** Calibrated on samples/gold/facts.json (story 1 dev half: the announcement event): see eval/sets/facts.ts. */
export const SAME_FACT = 0.42;
/**
 * Context similarity (numbers masked) above which two units talk about the same slot. Tuned on the even half of
 * samples/gold/facts.json: at 0.3 demand-vs-settlement ("14% rise" demanded, "9% rise" agreed) read as conflicts
 * (context 0.46); at 0.5 none of the even half's non-conflicts did.
 */
export const SAME_SLOT = 0.5;
/** Relative difference under which two numbers are the same value written differently (rounding). */
const VALUE_TOLERANCE = 0.02;
/** Keys held by more units than this share are too common to retrieve candidates with. */
const MAX_POSTING_SHARE = 0.2;

/**
 * Scores candidate pairs of units from different articles. Candidates come from an inverted index over terms,
 * entities and numbers (never all pairs), skipping keys that most units share. The score mixes IDF-weighted term
 * overlap, shared entities and shared numbers, so a Spanish sentence can align with an English one through names
 * and figures alone. Pairs whose numbers disagree on a shared slot are returned as conflicts instead.
 */
export function alignUnits(units: readonly FactUnit[]): { pairs: PairEvidence[]; conflicts: Conflict[] } {
  const keysOf = units.map(unitKeys);
  const postings = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) postings.set(k, [...(postings.get(k) ?? []), i]);
  });
  const idf = new Map<string, number>();
  for (const [k, list] of postings) idf.set(k, Math.log(1 + units.length / list.length));
  const limit = Math.max(2, Math.ceil(units.length * MAX_POSTING_SHARE));
  const slots = units.map((u) => u.quantities.map((q) => slotOf(q, u.text, u.start)));
  const pairs: PairEvidence[] = [];
  const conflicts: Conflict[] = [];
  for (let i = 0; i < units.length; i++) {
    // Candidates sharing the most IDF weight first, at most MAX_CANDIDATES: the cost per unit stays bounded.
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
      if (a.articleId === b.articleId) continue;
      const evidence = score(i, j, keysOf[i] as Set<string>, keysOf[j] as Set<string>, idf);
      const clause = bestClause(a, b, idf);
      if (clause.score > evidence.score) {
        evidence.score = clause.score;
        evidence.sharedTerms = clause.shared;
      }
      // Two sentences giving the same two figures ("900 workers", "14%") tell the same fact in other words.
      if (evidence.sharedNumbers.length >= SAME_FIGURES) evidence.score = Math.max(evidence.score, SAME_FACT);
      const conflict = numberConflict(a, b, slots[i] as Slots, slots[j] as Slots);
      if (conflict && (evidence.contextScore >= SAME_SLOT || ((a.disputes || b.disputes) && a.eventId === b.eventId)))
        conflicts.push({ a: i, b: j, ...conflict, score: evidence.contextScore });
      else if (evidence.score >= SAME_FACT && !conflict) pairs.push(evidence);
    }
  }
  return { pairs, conflicts };
}

/** The slot of each quantity of a unit (null: the number counts nothing nameable). */
type Slots = Array<{ key: string; scope: string } | null>;

/** Most candidate units scored per unit: the best-sharing ones; a story of near-copies stays linear. */
const MAX_CANDIDATES = 48;

/** Distinct figures two units must share to count as one fact however differently they are worded. */
const SAME_FIGURES = 2;

/** Fewest keys two clauses must share to align their sentences on that clause alone. */
const MIN_CLAUSE_SHARED = 3;

/**
 * The best IDF-weighted Dice overlap between a clause of one unit and a clause of the other: "Trump threatened a
 * 30% tariff" inside two long sentences that otherwise say different things. Clause keys use the unit-level IDF of
 * the same term (numbers: of the number key).
 */
function bestClause(a: FactUnit, b: FactUnit, idf: ReadonlyMap<string, number>): { score: number; shared: string[] } {
  let best = { score: 0, shared: [] as string[] };
  const w = (k: string): number => idf.get(k.startsWith('c:') ? `n:${k.slice(2)}` : k) ?? idf.get(k.replace(/^c:/, 'n:')) ?? 1;
  for (const ca of a.clauses) {
    let wa = 0;
    for (const k of ca) wa += w(k);
    for (const cb of b.clauses) {
      let wb = 0;
      let shared = 0;
      const keys: string[] = [];
      for (const k of cb) {
        wb += w(k);
        if (ca.has(k)) {
          shared += w(k);
          keys.push(k.slice(2));
        }
      }
      if (keys.length < MIN_CLAUSE_SHARED) continue;
      const dice = (2 * shared) / (wa + wb);
      if (dice > best.score) best = { score: dice, shared: keys };
    }
  }
  return best;
}

function unitKeys(u: FactUnit): Set<string> {
  const keys = new Set<string>();
  for (const t of u.terms) keys.add(`t:${t}`);
  for (const e of u.entities) keys.add(`e:${e}`);
  for (const q of u.quantities) keys.add(`n:${numberKey(q.value)}`);
  for (const d of u.dates) keys.add(`d:${d}`);
  return keys;
}

function score(i: number, j: number, ka: Set<string>, kb: Set<string>, idf: ReadonlyMap<string, number>): PairEvidence & { contextScore: number } {
  let shared = 0;
  let total = 0;
  let sharedContext = 0;
  let totalContext = 0;
  const sharedTerms: string[] = [];
  const sharedEntities: string[] = [];
  const sharedNumbers: string[] = [];
  for (const k of new Set([...ka, ...kb])) {
    const w = idf.get(k) ?? 0;
    const both = ka.has(k) && kb.has(k);
    total += w;
    if (both) shared += w;
    if (!k.startsWith('n:')) {
      totalContext += w;
      if (both) sharedContext += w;
    }
    if (!both) continue;
    if (k.startsWith('t:')) sharedTerms.push(k.slice(2));
    else if (k.startsWith('e:')) sharedEntities.push(k.slice(2));
    else sharedNumbers.push(k.slice(2));
  }
  // Dice-like overlap against the smaller unit, so a short restatement can match a long original sentence.
  const smaller = Math.min(weight(ka, idf), weight(kb, idf)) || 1;
  const overlap = Math.min(1, shared / Math.max(smaller, total * 0.5));
  const contextScore = totalContext === 0 ? 0 : sharedContext / Math.max(1, Math.min(weightNoNumbers(ka, idf), weightNoNumbers(kb, idf)), totalContext * 0.5);
  return { a: i, b: j, score: overlap, contextScore: Math.min(1, contextScore), sharedTerms, sharedEntities, sharedNumbers };
}

function weight(keys: Set<string>, idf: ReadonlyMap<string, number>): number {
  let w = 0;
  for (const k of keys) w += idf.get(k) ?? 0;
  return w;
}

function weightNoNumbers(keys: Set<string>, idf: ReadonlyMap<string, number>): number {
  let w = 0;
  for (const k of keys) if (!k.startsWith('n:')) w += idf.get(k) ?? 0;
  return w;
}

/**
 * A shared slot (same counted noun or unit, same scope words) with values that differ beyond rounding, or null.
 * A sentence that says its figure disagrees with another may leave the scope unsaid.
 */
function numberConflict(a: FactUnit, b: FactUnit, slotsA: Slots, slotsB: Slots): { slot: string; values: [string, string] } | null {
  if (a.tellsChange || b.tellsChange) return null;
  let found: { slot: string; values: [string, string] } | null = null;
  for (const [ia, qa] of a.quantities.entries()) {
    const sa = slotsA[ia];
    if (!sa) continue;
    for (const [ib, qb] of b.quantities.entries()) {
      const sb = slotsB[ib];
      if (!sb || sb.key !== sa.key) continue;
      // A disputing sentence may leave "full"/"total" unsaid, never a narrower scope like "first phase".
      const scoped =
        sa.scope === sb.scope || ((a.disputes || b.disputes) && a.eventId === b.eventId && [sa.scope, sb.scope].every((x) => x === '' || WHOLE.test(x)));
      if (!scoped) continue;
      if (sameValue(qa, qb)) return null;
      if (!qa.valueMax && !qb.valueMax) found ??= { slot: `${sa.key}${sa.scope ? ` (${sa.scope})` : ''}`, values: [qa.text, qb.text] };
    }
  }
  return found;
}

/** Words that put a number in a narrower or wider scope: "first phase" and "full production" are other slots. */
const SCOPE =
  /\b(first|initial|second|final|full|total|annual|yearly|daily|per year|a year|a day|phase|primera|inicial|segunda|completa|anual|al año|al día|fase)\b/giu;

/** Scopes that mean the whole thing, which a sentence disputing a figure may leave unsaid. */
const WHOLE = /^(full|total|completa)$/u;
/** How far from the number (in characters) scope words count: "first phase of 8 GWh", not the next clause. */
const SCOPE_WINDOW = 60;

function slotOf(q: Quantity, sentence: string, offset: number): { key: string; scope: string } | null {
  const noun = q.counted ? (q.counted.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(/\s+/).pop() ?? '') : '';
  const counted = COUNTED_CLASS.get(noun) ?? noun.slice(0, 5);
  if (!counted && !q.unit) return null;
  const near = sentence.slice(Math.max(0, q.start - offset - SCOPE_WINDOW), Math.min(sentence.length, q.end - offset + SCOPE_WINDOW)).toLowerCase();
  const scope = [...new Set(near.match(SCOPE) ?? [])].sort().join('+');
  return { key: `${q.unit ?? ''}|${counted}`, scope };
}

function sameValue(a: Quantity, b: Quantity): boolean {
  const hi = Math.max(Math.abs(a.value), Math.abs(b.value));
  return hi === 0 || Math.abs(a.value - b.value) / hi <= VALUE_TOLERANCE;
}

function numberKey(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
