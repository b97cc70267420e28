import type { StoryOut } from '../model/contract.js';

type Fact = StoryOut['facts'][number] & { developsFrom?: number[] };
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

/** Facts grouped for display: corroborated, single-source, and developments (earlier → later). */
export function factsByStatus(facts: readonly Fact[]): { corroborated: Fact[]; single: Fact[]; developments: Array<[Fact, Fact]> } {
  const developments: Array<[Fact, Fact]> = [];
  for (const f of facts) for (const i of f.developsFrom ?? []) if (facts[i]) developments.push([facts[i] as Fact, f]);
  return {
    corroborated: facts.filter((f) => f.status === 'corroborated'),
    single: facts.filter((f) => f.status === 'single-source'),
    developments,
  };
}

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
