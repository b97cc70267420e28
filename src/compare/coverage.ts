import type { StoryOut } from '../model/contract.js';
import type { Fact } from './facts.js';
import { rankFacts } from './rank.js';
import type { FactUnit } from './units.js';
import { LOADED_WORDS } from './vocabulary.js';

/** Which independent source reports which fact, what each leaves out, and how each frames the story. */
export interface Coverage {
  sources: string[];
  /** Indexes into the story's facts: those reported by two or more sources (the matrix's columns). */
  facts: number[];
  /** `cells[s][f]`: source `sources[s]` reports fact `facts[f]`. */
  cells: boolean[][];
  /** For each source, the facts two or more other sources report that it does not. */
  omissions: Array<{ source: string; facts: number[] }>;
  /** Framing signals per source (signals, not verdicts). */
  framing: Array<{
    source: string;
    sentences: number;
    hedgedShare: number;
    attributedShare: number;
    opinionShare: number;
    loadedWords: Array<{ word: string; count: number }>;
  }>;
}

/**
 * Builds the coverage matrix and framing signals from the story's facts and the units behind them. The matrix's
 * columns are the facts that matter (conflicting, or reported by two or more sources) in rank order: conflicts,
 * then by number of sources; renderers show the first ones and keep the rest one click away.
 */
export function buildCoverage(facts: readonly Fact[], units: readonly FactUnit[], entities: readonly StoryOut['entities'][number][] = []): Coverage {
  const sources = [...new Set(units.map((u) => u.source))].sort();
  const shared = rankFacts(facts, entities)
    .map((i) => ({ f: facts[i] as Fact, i }))
    .filter(({ f }) => f.independentSources >= 2 || f.status === 'conflicting');
  const cells = sources.map((s) => shared.map(({ f }) => (f.sources ?? []).includes(s)));
  const omissions = sources.map((source, s) => ({
    source,
    facts: shared.filter(({ f }, k) => !(cells[s] as boolean[])[k] && (f.sources ?? []).filter((x) => x !== source).length >= 2).map(({ i }) => i),
  }));
  const framing = sources.map((source) => {
    const own = units.filter((u) => u.source === source);
    const n = Math.max(1, own.length);
    const loaded = new Map<string, number>();
    for (const u of own) {
      for (const w of u.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []) if (LOADED_WORDS.has(w)) loaded.set(w, (loaded.get(w) ?? 0) + 1);
    }
    return {
      source,
      sentences: own.length,
      hedgedShare: own.filter((u) => u.hedged).length / n,
      attributedShare: own.filter((u) => u.attributed).length / n,
      opinionShare: own.filter((u) => u.opinion).length / n,
      loadedWords: [...loaded.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word, count]) => ({ word, count })),
    };
  });
  return { sources, facts: shared.map(({ i }) => i), cells, omissions, framing };
}
