import type { StoryOut } from '../model/contract.js';

type Fact = StoryOut['facts'][number];
type Entity = StoryOut['entities'][number];

/** Facts shown before "show more" (HTML, UI) or the Markdown appendix: what a reader takes in at one sitting. */
export const FACTS_SHOWN = 15;
/** Columns of the coverage matrix shown at first: the facts that matter most; the rest are one click away. */
export const MATRIX_COLUMNS = 12;

const STATUS_ORDER: Readonly<Record<Fact['status'], number>> = { conflicting: 0, corroborated: 1, 'single-source': 2 };

/**
 * Fact indexes in the order an editor checks them: conflicts first, then corroborated facts by their number of
 * independent sources, then single-source facts by centrality (how many articles name the story's people and
 * organisations the fact names), ties kept in the engine's order. Pure: the renderers and the web UI share it.
 */
export function rankFacts(facts: readonly Fact[], entities: readonly Entity[]): number[] {
  const weight = centralityOf(entities);
  const central = facts.map((f) => weight(f.text));
  return facts
    .map((_, i) => i)
    .sort((a, b) => {
      const fa = facts[a] as Fact;
      const fb = facts[b] as Fact;
      return (
        STATUS_ORDER[fa.status] - STATUS_ORDER[fb.status] ||
        fb.independentSources - fa.independentSources ||
        (fa.hedged ? 1 : 0) - (fb.hedged ? 1 : 0) ||
        (central[b] as number) - (central[a] as number) ||
        a - b
      );
    });
}

/**
 * A fact's centrality: the article counts of the story entities it names (by name or alias), places excluded (a
 * dateline city is named everywhere and says little about what the fact is about).
 */
function centralityOf(entities: readonly Entity[]): (text: string) => number {
  const named = entities
    .filter((e) => e.type !== 'place')
    .map((e) => ({ names: [e.name, ...e.aliases].filter((n) => n.length >= 3), weight: e.articleCount ?? 1 }));
  return (text) => named.reduce((sum, e) => (e.names.some((n) => text.includes(n)) ? sum + e.weight : sum), 0);
}
