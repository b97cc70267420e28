import { type ClaimFrame, type ClaimQuantity, roleOf } from './claims.js';

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
  let best: { cls: string; actors: string[]; themes: string[] } | null = null;
  // Roles are read relative to the predicate the claims share: in "the attorney confirmed that Lohan checked
  // into rehab", Lohan is the doer of the check-in, not the theme of the confirming.
  for (const pa of a.occurrences) {
    for (const pb of b.occurrences) {
      if (pa.cls !== pb.cls) continue;
      const actors: string[] = [];
      const themes: string[] = [];
      for (const x of b.args) {
        const role = roleOf(x, pb);
        const same = a.args.find((y) => roleOf(y, pa) === role && sameArgument(x.key, y.key));
        if (same) (role === 'actor' ? actors : themes).push(same.key);
      }
      const size = new Set([...actors, ...themes]).size;
      if (!best || size > new Set([...best.actors, ...best.themes]).size) best = { cls: pa.cls, actors: [...new Set(actors)], themes: [...new Set(themes)] };
    }
  }
  if (!best) return null;
  // One shared argument is enough for the main happening of either claim; a side predicate needs two.
  const needed = best.cls === a.main || best.cls === b.main ? 1 : 2;
  if (best.actors.length + best.themes.length < needed) return null;
  const slots = [`predicate: ${best.cls}`];
  if (best.actors.length > 0) slots.push(`actor: ${best.actors.slice(0, 4).join(', ')}`);
  if (best.themes.length > 0) slots.push(`theme: ${best.themes.slice(0, 4).join(', ')}`);
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

/** Words too common in names to identify one ("Betty Ford Center" and "Ford Clinic" meet on "ford", not "center"). */
const GENERIC_NAME_WORDS = new Set(
  'center centre clinic city state states county university college hospital house department ministry company group party national united new north south east west street road'.split(
    ' ',
  ),
);

/** One argument told two ways: the same key, or two names sharing a distinctive word of four letters or more. */
export function sameArgument(x: string, y: string): boolean {
  if (x === y) return true;
  if (!x.includes(' ') && !y.includes(' ')) return false;
  const words = new Set(x.split(' ').filter((w) => w.length >= 4 && !GENERIC_NAME_WORDS.has(w)));
  return y.split(' ').some((w) => words.has(w));
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
