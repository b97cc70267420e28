import { type ClaimFrame, type PredicateAt, roleOf } from './claims.js';

/** How two claims were matched: the predicate occurrences they share and the arguments in the same roles. */
export interface FrameMatch {
  /** Human-readable slots ("predicate: arrest", "actor: police", "theme: smith"): shown in the dossier. */
  slots: string[];
  a: PredicateAt;
  b: PredicateAt;
  /** Shared arguments in the same role. */
  shared: number;
}

/** Share of a quote's words two quotes must have in common to be the same words (variants, not paraphrase). */
export const SAME_QUOTE = 0.5;

/**
 * How two claims tell the same happening: a compatible predicate AND at least one core argument in the same role
 * (actor with actor, theme with theme), read relative to that predicate; null when they do not. A shared name
 * or title with no shared predicate never aligns; neither does a shared predicate with nothing else in common. A
 * claim quoting someone aligns with another quote only when the words match (a different speaker then conflicts).
 */
export function matchFrames(a: ClaimFrame, b: ClaimFrame): FrameMatch | null {
  if (quotesDiffer(a, b)) return null;
  let best: (FrameMatch & { actors: string[]; themes: string[]; aligned: boolean }) | null = null;
  // Keys are surnames and stems ("secret", "presid"); the dossier shows the names and words they were read from.
  const shown = new Map<string, string>();
  for (const [i, pa] of a.occurrences.entries()) {
    for (const [k, pb] of b.occurrences.entries()) {
      if (pa.cls !== pb.cls) continue;
      const actors: string[] = [];
      const themes: string[] = [];
      for (const x of b.args) {
        const role = roleOf(x, pb);
        const same = a.args.find((y) => roleOf(y, pa) === role && sameArgument(x.key, y.key));
        if (!same) continue;
        (role === 'actor' ? actors : themes).push(same.key);
        if (!shown.has(same.key)) shown.set(same.key, same.shown);
      }
      const shared = new Set([...actors, ...themes]).size;
      // Ties go to the occurrences in the same place in both claims (the second "enter" with the second).
      const aligned = i === k;
      if (!best || shared > best.shared || (shared === best.shared && aligned && !best.aligned))
        best = { slots: [], a: pa, b: pb, shared, aligned, actors: [...new Set(actors)], themes: [...new Set(themes)] };
    }
  }
  if (!best) return null;
  // One shared argument is enough for the main happening of either claim (a side predicate needs two),
  // and only when that argument is a name the entity layer found (a person, an organisation; a place alone is
  // refused below): "plans ... security" and "plans ... security" share a word, not a participant. Persons only
  // kept out more right ECB+ pairs than wrong ones (guarded pairs reach 0.267 -> 0.297 of gold sentence pairs).
  const names = new Set(a.args.filter((x) => x.named).map((x) => x.key));
  const named = [...best.actors, ...best.themes].some((k) => names.has(k));
  const needed = (best.a.cls === a.main || best.b.cls === b.main) && named ? 1 : 2;
  // Places alone do not make one claim: "threatened … Mexico … the United States" fits a tariff and a cartel.
  const places = [...best.actors, ...best.themes].filter((k) => a.places.has(k)).length;
  if (best.shared < needed || best.shared === places) return null;
  const slots = [`predicate: ${best.a.cls}`];
  const words = (keys: string[]): string => [...new Set(keys.slice(0, 4).map((k) => shown.get(k) ?? k))].join(', ');
  if (best.actors.length > 0) slots.push(`actor: ${words(best.actors)}`);
  if (best.themes.length > 0) slots.push(`theme: ${words(best.themes)}`);
  return { slots, a: best.a, b: best.b, shared: best.shared };
}

/** Two quotes whose words do not match: variants of one quote share most words, a paraphrase does not. */
function quotesDiffer(a: ClaimFrame, b: ClaimFrame): boolean {
  return a.quote !== null && b.quote !== null && overlap(a.quote.words, b.quote.words) < SAME_QUOTE;
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

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = Math.min(a.size, b.size);
  return small === 0 ? 0 : shared(a, b) / small;
}

export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
