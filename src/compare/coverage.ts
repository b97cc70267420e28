import type { Article } from '../model/article.js';
import type { StoryOut } from '../model/contract.js';
import type { Fact } from './facts.js';
import { type FramingSignals, framingOf } from './framing.js';
import { rankFacts } from './rank.js';
import type { FactUnit } from './units.js';

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
  framing: Array<{ source: string } & FramingSignals>;
  /** Framing signals per article. */
  articles: Array<{ articleId: string; source: string } & FramingSignals>;
}

/**
 * Builds the coverage matrix and framing signals from the story's facts and the units behind them. The matrix's
 * columns are the facts that matter (conflicting, or reported by two or more sources) in rank order: conflicts,
 * then by number of sources; renderers show the first ones and keep the rest one click away.
 */
export function buildCoverage(
  facts: readonly Fact[],
  units: readonly FactUnit[],
  entities: readonly StoryOut['entities'][number][] = [],
  articles: readonly Article[] = [],
  sourceOf: ReadonlyMap<string, string> = new Map(),
): Coverage {
  const sources = [...new Set(units.map((u) => u.source))].sort();
  const shared = rankFacts(facts, entities)
    .map((i) => ({ f: facts[i] as Fact, i }))
    .filter(({ f }) => f.independentSources >= 2 || f.status === 'conflicting');
  const cells = sources.map((s) => shared.map(({ f }) => (f.sources ?? []).includes(s)));
  const omissions = sources.map((source, s) => ({
    source,
    facts: shared.filter(({ f }, k) => !(cells[s] as boolean[])[k] && (f.sources ?? []).filter((x) => x !== source).length >= 2).map(({ i }) => i),
  }));
  const bySource = new Map<string, Article[]>();
  for (const a of articles) {
    const source = sourceOf.get(a.id) ?? a.id;
    bySource.set(source, [...(bySource.get(source) ?? []), a]);
  }
  const framing = sources.map((source) => ({ source, ...framingOf(bySource.get(source) ?? []) }));
  const perArticle = articles.map((a) => ({ articleId: a.id, source: sourceOf.get(a.id) ?? a.id, ...framingOf([a]) }));
  return { sources, facts: shared.map(({ i }) => i), cells, omissions, framing, articles: perArticle };
}
