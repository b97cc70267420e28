import { readsAlone } from './clauses.js';
import { type FactUnit, VALUE_CHANGE } from './units.js';

/**
 * Content words two claims must share, beside a predicate class and an argument, for a later claim that tells an
 * update to be a development of an earlier one. Two is the least that is more than one shared name or word; set
 * by reading the seeds (an agreement told in one article and its scaled-back form in a later one share two) and
 * kept conservative because a development the reader is shown links two facts as one story line.
 */
const DEVELOPMENT_TERMS = 2;
/**
 * Words with which a claim tells the state that replaces an earlier one: "now says", "has been scaled back", "no
 * longer", "instead of 800"; "rose to 12" is VALUE_CHANGE. ("previously", "originally" tell the earlier state: such a claim is
 * no update; "instead of stopping" tells an act not done, no replaced state.)
 */
const UPDATE =
  /\bnow (?:says?|said|plans?|expects?|stands?|is|are|at|will)\b|\bscaled back\b|\bno longer\b|\binstead of\b(?!\s+\p{L}+ing\b)|\bahora (?:dice|afirma|es|son)\b|\bya no\b/iu;
/** A claim telling the state that replaces an earlier one, in words (UPDATE) or as a value changed (VALUE_CHANGE). */
const tellsUpdate = (text: string): boolean => UPDATE.test(text) || VALUE_CHANGE.test(text);

/** Most claims telling an update that are compared with every other claim: bounds the work on a huge story. */
const MAX_UPDATES = 200;

/** An earlier fact, the later fact that updates it, and the claim (unit) that tells the update. */
export interface Development {
  from: number;
  to: number;
  update: number;
}

/**
 * Links from earlier facts to later facts that update them: a claim that itself tells a change ("now says",
 * "scaled back", "rose to") in an article no earlier than the other's, about the same happening (a predicate class
 * and an argument in common, and DEVELOPMENT_TERMS content words), develops the other claim's fact. A development
 * is dated by its articles and is never a conflict: the story moved on.
 */
export function developmentLinks(units: readonly FactUnit[], factOf: ReadonlyMap<number, number>): Development[] {
  const links: Development[] = [];
  // Each claim's own tests are read once, not once per update compared with it (up to MAX_UPDATES times).
  const updating = units.map((u) => tellsUpdate(u.text));
  const alone = new Map<number, boolean>();
  const readsAloneAt = (i: number): boolean => {
    let known = alone.get(i);
    if (known === undefined) alone.set(i, (known = readsAlone((units[i] as FactUnit).text)));
    return known;
  };
  const updates = units.flatMap((_, i) => (updating[i] ? [i] : [])).slice(0, MAX_UPDATES);
  for (const j of updates) {
    const later = units[j] as FactUnit;
    const to = factOf.get(j);
    if (to === undefined || !readsAloneAt(j)) continue;
    const old = oldValues(later);
    let best: { from: number; shared: number } | null = null;
    for (const [i, earlier] of units.entries()) {
      const from = factOf.get(i);
      if (from === undefined || from === to || updating[i] || earlier.source === later.source || !notLater(earlier, later)) continue;
      // A clause split off after its subject leaves unsaid what it is about: too little to anchor a development on.
      if (!readsAloneAt(i) || !sameHappening(earlier, later)) continue;
      // "Down from 20 gigawatt-hours": the earlier claim is the one that gave the replaced value.
      if (old.size > 0 && !earlier.quantities.some((q) => old.has(q.value))) continue;
      const shared = [...earlier.terms].filter((t) => later.terms.has(t)).length;
      if (shared >= DEVELOPMENT_TERMS && (!best || shared > best.shared)) best = { from, shared };
    }
    if (best && !links.some((l) => l.from === best.from && l.to === to)) links.push({ from: best.from, to, update: j });
  }
  return links;
}

/**
 * The earlier claim's article is dated no later than the later one's. One side may be undated (the later claim tells
 * its own change), but not both: with no date at all the order of the two tellings is unknown, and a development is
 * shown dated.
 */
function notLater(earlier: FactUnit, later: FactUnit): boolean {
  if (earlier.published === null || later.published === null) return earlier.published !== later.published;
  return earlier.published <= later.published;
}

/** Values a claim names as replaced ("down from 20", "up from 1,200"). */
function oldValues(u: FactUnit): Set<number> {
  const out = new Set<number>();
  for (const q of u.quantities) {
    const at = q.start - u.start;
    if (/\bfrom(?:\s+the)?\s*$/iu.test(u.text.slice(Math.max(0, at - 10), at))) out.add(q.value);
  }
  return out;
}

/** A predicate class in common and an argument (not only a place) in common. */
function sameHappening(a: FactUnit, b: FactUnit): boolean {
  if (![...a.frame.predicates].some((p) => p !== 'state' && b.frame.predicates.has(p))) return false;
  const keys = new Set(b.frame.args.map((x) => x.key));
  return a.frame.args.some((x) => keys.has(x.key) && !a.frame.places.has(x.key));
}
