import { rankFacts } from '../compare/rank.js';
import type { StoryOut } from '../model/contract.js';

export type Fact = StoryOut['facts'][number] & { developsFrom?: number[] };
type Quote = StoryOut['quotes'][number];

/** Each conflicting pair once, the side with more independent sources first. */
export function conflictPairs(facts: readonly Fact[]): Array<[Fact, Fact]> {
  const out: Array<[Fact, Fact]> = [];
  facts.forEach((f, i) => {
    for (const j of f.conflictsWith) {
      const other = facts[j];
      if (!other || j < i) continue;
      out.push(f.independentSources >= other.independentSources ? [f, other] : [other, f]);
    }
  });
  return out;
}

/** What two conflicting facts disagree on ("number: about 300 ≠ more than 450"), from either side's record. */
export function sharedSlots(a: Fact, b: Fact): string[] {
  const slots = [...(a.conflictSlots ?? []), ...(b.conflictSlots ?? [])];
  return [...new Set(slots)].slice(0, 3);
}

/**
 * Facts grouped for display, each group in rank order (corroborated by number of sources, single-source by
 * centrality; see rankFacts), and developments (earlier → later).
 */
export function factsByStatus(
  facts: readonly Fact[],
  entities: StoryOut['entities'] = [],
): { corroborated: Fact[]; single: Fact[]; developments: Array<[Fact, Fact]> } {
  const developments: Array<[Fact, Fact]> = [];
  for (const f of facts) for (const i of f.developsFrom ?? []) if (facts[i]) developments.push([facts[i] as Fact, f]);
  const ranked = rankFacts(facts, entities).map((i) => facts[i] as Fact);
  return {
    corroborated: ranked.filter((f) => f.status === 'corroborated'),
    single: ranked.filter((f) => f.status === 'single-source'),
    developments,
  };
}

/** Splits a list into the part shown at once and the rest (shown on request, or in an appendix). */
export function firstAndRest<T>(items: readonly T[], shown: number): [T[], T[]] {
  return [items.slice(0, shown), items.slice(shown)];
}

/** "1 source", "3 sources". */
export function sourcesCount(n: number): string {
  return `${n} ${n === 1 ? 'source' : 'sources'}`;
}

/** The heading of quotes and reported speech whose speaker the text does not make clear. */
export const UNATTRIBUTED = 'Unattributed';

/** Quotes grouped by speaker, named speakers first (most quotes first), unknown speakers last. */
export function quotesBySpeaker(quotes: readonly Quote[]): Array<[string | null, Quote[]]> {
  const groups = new Map<string | null, Quote[]>();
  for (const q of quotes) groups.set(q.speaker, [...(groups.get(q.speaker) ?? []), q]);
  return [...groups.entries()].sort((a, b) => (a[0] === null ? 1 : b[0] === null ? -1 : b[1].length - a[1].length || a[0].localeCompare(b[0])));
}

/** Why a story is related, as a reader reads it: "shared actors: Kallweit, Solvik; same place: Velholm". */
export function relatedReasons(r: NonNullable<StoryOut['relatedStories']>[number]): string {
  const label = { actors: 'shared actors', place: 'same place', topic: 'same kind of happening' } as const;
  return r.reasons.map((x) => (x.values.length > 0 ? `${label[x.kind]}: ${x.values.join(', ')}` : label[x.kind])).join('; ');
}
