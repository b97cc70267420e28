import type { FrameMatch } from '../frames.js';
import type { FactUnit } from '../units.js';

/**
 * What the pair model reads about two claims: how their frames meet (predicate class, participants in the same
 * roles), what they share (words, names, places, figures, dates, quoted words), and where they stand in their
 * articles. Every value is a small number in a known range; names are stored with the weights (model.ts).
 */
export const FEATURES = [
  'overlap',
  'cosine',
  'frame',
  'frameShared',
  'samePredicate',
  'relatedPredicate',
  'sameMain',
  'sharedEntities',
  'sharedPersons',
  'sharedPlaces',
  'sharedTerms',
  'sharedNumbers',
  'datesAgree',
  'datesDiffer',
  'quotesBoth',
  'quoteOverlap',
  'lead',
  'positionGap',
  'lengthRatio',
] as const;

/** What alignment already computed for the pair, so features cost no second pass. */
export interface PairContext {
  a: FactUnit;
  b: FactUnit;
  /** IDF-weighted overlap of words and names against the smaller claim (align.ts). */
  overlap: number;
  /** IDF cosine of the two claims' keys. */
  cosine: number;
  match: FrameMatch | null;
  /** Rank of each claim in its article (0 = first claim) and the article's claim count. */
  rank: [number, number];
  count: [number, number];
}

/** Claims this early in an article tell its main happening: the lead of two reports of one event often aligns. */
const LEAD_CLAIMS = 3;

export function pairFeatures(p: PairContext): number[] {
  const { a, b } = p;
  const fa = a.frame;
  const fb = b.frame;
  const persons = (u: FactUnit) => new Set(u.frame.args.filter((x) => x.doer).map((x) => x.key));
  const pa = persons(a);
  const datesA = new Set(a.dates);
  const bothDated = a.dates.length > 0 && b.dates.length > 0;
  const dateMet = b.dates.some((d) => datesA.has(d) || a.dates.some((x) => x.startsWith(d) || d.startsWith(x)));
  const numbers = new Set(a.quantities.map((q) => q.value));
  const quotes = fa.quote !== null && fb.quote !== null;
  const relative = (k: 0 | 1) => p.rank[k] / Math.max(1, p.count[k] - 1);
  const words = (u: FactUnit) => u.terms.size || 1;
  const features: Record<(typeof FEATURES)[number], number> = {
    overlap: p.overlap,
    cosine: p.cosine,
    frame: p.match ? 1 : 0,
    frameShared: Math.min(3, p.match?.shared ?? 0),
    samePredicate: [...fa.predicates].some((c) => fb.predicates.has(c)) ? 1 : 0,
    // Matched through the learned table (related-predicates.ts): two classes of one happening, not one class.
    relatedPredicate: p.match && p.match.a.cls !== p.match.b.cls ? 1 : 0,
    sameMain: fa.main !== null && fa.main === fb.main ? 1 : 0,
    sharedEntities: Math.log1p(count(a.entities, b.entities)),
    sharedPersons: Math.min(2, count(pa, persons(b))),
    sharedPlaces: Math.min(2, count(fa.places, fb.places)),
    sharedTerms: Math.log1p(count(a.terms, b.terms)),
    sharedNumbers: b.quantities.some((q) => numbers.has(q.value)) ? 1 : 0,
    datesAgree: bothDated && dateMet ? 1 : 0,
    datesDiffer: bothDated && !dateMet ? 1 : 0,
    quotesBoth: quotes ? 1 : 0,
    quoteOverlap: quotes ? overlapShare(fa.quote?.words ?? new Set(), fb.quote?.words ?? new Set()) : 0,
    lead: p.rank[0] < LEAD_CLAIMS && p.rank[1] < LEAD_CLAIMS ? 1 : 0,
    positionGap: Math.abs(relative(0) - relative(1)),
    lengthRatio: Math.min(words(a), words(b)) / Math.max(words(a), words(b)),
  };
  return FEATURES.map((f) => features[f]);
}

function count<T>(x: ReadonlySet<T>, y: ReadonlySet<T>): number {
  let n = 0;
  for (const v of x) if (y.has(v)) n++;
  return n;
}

function overlapShare(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  const small = Math.min(x.size, y.size);
  return small === 0 ? 0 : count(x, y) / small;
}
