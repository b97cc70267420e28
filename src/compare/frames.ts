import type { ClaimFrame, ClaimQuantity } from './claims.js';

/** The slots two claims share: why they were aligned, shown in the dossier beside the fact. */
export type MatchedSlots = string[];

/** A slot two aligned claims fill with incompatible values. */
export interface SlotConflict {
  kind: 'number' | 'date' | 'place' | 'actor' | 'negation' | 'speaker';
  values: [string, string];
}

/** Share of a quote's words two quotes must have in common to be the same words (variants, not paraphrase). */
const SAME_QUOTE = 0.5;

/**
 * The slots two claims share when they tell the same happening: a compatible predicate AND at least one core
 * argument in the same role (actor with actor, theme with theme). A shared name or title with no shared predicate
 * never aligns; neither does a shared predicate with nothing else in common. A claim quoting someone aligns with
 * another quote only when the speaker and the words match.
 */
export function matchFrames(a: ClaimFrame, b: ClaimFrame): MatchedSlots | null {
  if (a.quote && b.quote && (a.quote.speaker !== b.quote.speaker || overlap(a.quote.words, b.quote.words) < SAME_QUOTE)) return null;
  const predicates = shared(a.predicates, b.predicates);
  if (predicates.length === 0) return null;
  const actors = shared(a.actors, b.actors);
  const themes = shared(a.themes, b.themes);
  // One shared argument is enough only for the same main happening; a side predicate needs two.
  const needed = a.main !== null && a.main === b.main ? 1 : 2;
  if (actors.length + themes.length < needed) return null;
  const slots = [`predicate: ${predicates.join(', ')}`];
  if (actors.length > 0) slots.push(`actor: ${actors.slice(0, 4).join(', ')}`);
  if (themes.length > 0) slots.push(`theme: ${themes.slice(0, 4).join(', ')}`);
  return slots;
}

/**
 * The first slot two claims about one happening fill with incompatible values, or null. Numbers conflict when
 * the ranges their qualifiers allow do not meet ("about 300" and "more than 450"; not "about 300" and "300");
 * dates when they differ at the precision both give; places, doers and speakers when neither side names any of the
 * other's; negation when one denies what the other asserts. Callers decide first that the claims align.
 */
export function slotConflict(a: ClaimFrame, b: ClaimFrame): SlotConflict | null {
  // Only one happening told twice can disagree: the same main predicate with the same doer or the same theme.
  if (a.main === null || a.main !== b.main) return null;
  const actors = shared(a.actors, b.actors).length;
  const themes = shared(a.themes, b.themes).length;
  if (actors + themes < 2) return null;
  if (a.quote?.speaker && b.quote?.speaker && a.quote.speaker !== b.quote.speaker && overlap(a.quote.words, b.quote.words) >= SAME_QUOTE)
    return { kind: 'speaker', values: [a.quote.speaker, b.quote.speaker] };
  const number = numberConflict(a.quantities, b.quantities);
  if (number) return { kind: 'number', values: number };
  const date = dateConflict(a.dates, b.dates);
  if (date) return { kind: 'date', values: date };
  if (a.negated !== b.negated) return { kind: 'negation', values: [a.negated ? 'denied' : 'asserted', b.negated ? 'denied' : 'asserted'] };
  if (disjointNames(a.places, b.places)) return { kind: 'place', values: [first(a.places), first(b.places)] };
  if (disjointNames(a.doers, b.doers) && themes >= 2) return { kind: 'actor', values: [first(a.doers), first(b.doers)] };
  return null;
}

/** Quantities of one kind whose allowed ranges never meet (and no other pair of that kind agrees). */
function numberConflict(as: readonly ClaimQuantity[], bs: readonly ClaimQuantity[]): [string, string] | null {
  let found: [string, string] | null = null;
  for (const qa of as) {
    for (const qb of bs) {
      if (qa.kind !== qb.kind) continue;
      if (qa.low <= qb.high && qb.low <= qa.high) return null;
      found ??= [qa.text, qb.text];
    }
  }
  return found;
}

/** Dates that differ at the precision both give ("2024-03-05" vs "2024-03-12"; "2024-03" meets "2024-03-05"). */
function dateConflict(as: readonly string[], bs: readonly string[]): [string, string] | null {
  let found: [string, string] | null = null;
  for (const da of as) {
    for (const db of bs) {
      const n = Math.min(da.length, db.length);
      if (da.slice(0, n) === db.slice(0, n)) return null;
      found ??= [da, db];
    }
  }
  return found;
}

/** Both sides name some, and no name of one side is, contains or is contained in a name of the other. */
function disjointNames(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) for (const y of b) if (x.includes(y) || y.includes(x)) return false;
  return true;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((x) => b.has(x));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = Math.min(a.size, b.size);
  return small === 0 ? 0 : shared(a, b).length / small;
}

function first(set: ReadonlySet<string>): string {
  return set.values().next().value ?? '';
}
