import { useState } from 'preact/hooks';
import { FACTS_SHOWN, MATRIX_COLUMNS, rankFacts } from '../../../src/compare/rank.js';
import type { StoryOut } from '../../../src/index.js';
import { ChipLegend, Citations, Section } from '../components/citations.js';
import { type DossierData, sourcesOf, useDossier } from './context.js';

type Fact = StoryOut['facts'][number];
type Status = Fact['status'];

/** Statuses in the order an editor checks them: disagreements first. */
const STATUSES: ReadonlyArray<{ status: Status; title: string }> = [
  { status: 'conflicting', title: 'Conflicting' },
  { status: 'corroborated', title: 'Corroborated' },
  { status: 'single-source', title: 'Single source' },
];

/** The label a fact goes by everywhere on the page (lists, conflicts, matrix). */
export function factLabel(index: number): string {
  return `F${index + 1}`;
}

/** Names of the independent sources behind a fact: the engine's list when it gave one, else read from citations. */
export function factSources(data: DossierData, fact: Fact): string[] {
  return fact.sources ?? sourcesOf(data, fact.citations);
}

/** Scrolls to a fact's entry in the lists (matrix headers and conflict links use it). */
export function showFact(index: number): void {
  document.getElementById(`fact-${index}`)?.scrollIntoView({ block: 'center' });
}

/** Facts grouped by status and ranked (see rankFacts), each with its independent-source count and citations. */
export function Facts() {
  const data = useDossier();
  const facts = data.story.facts;
  const ranked = rankFacts(facts, data.story.entities);
  return (
    <Section id="facts" title="Facts" count={facts.length} empty="No facts compared yet.">
      <ChipLegend />
      {STATUSES.map(({ status, title }) => {
        const indexed = ranked.map((index) => ({ fact: facts[index] as Fact, index })).filter((f) => f.fact.status === status);
        if (indexed.length === 0) return null;
        return <FactGroup key={status} status={status} title={title} indexed={indexed} />;
      })}
    </Section>
  );
}

/** One status group: the first FACTS_SHOWN facts, the rest one click away. */
function FactGroup({ status, title, indexed }: { status: Status; title: string; indexed: ReadonlyArray<{ fact: Fact; index: number }> }) {
  const data = useDossier();
  const [all, setAll] = useState(false);
  const shown = all ? indexed : indexed.slice(0, FACTS_SHOWN);
  return (
    <div class={`fact-group ${status}`}>
      <h3>
        {title} <span class="count">{indexed.length}</span>
      </h3>
      <ol class="facts">
        {shown.map(({ fact, index }) => (
          <li key={index} id={`fact-${index}`} class={`fact ${status}`}>
            <span class="fact-id">{factLabel(index)}</span> {fact.text}
            <div class="meta">
              <span class="sources-count" title={`independent sources (copies of one story count once): ${factSources(data, fact).join(', ')}`}>
                {fact.independentSources} independent {fact.independentSources === 1 ? 'source' : 'sources'}
              </span>
              {fact.hedged && <span class="hedged">hedged</span>}
              <Citations citations={fact.citations} />
              {fact.conflictsWith.length > 0 && (
                <span class="conflict-links">
                  conflicts with{' '}
                  {fact.conflictsWith.map((j) => (
                    <button key={j} type="button" class="link" onClick={() => showFact(j)}>
                      {factLabel(j)}
                    </button>
                  ))}
                </span>
              )}
            </div>
          </li>
        ))}
      </ol>
      {indexed.length > shown.length && (
        <button type="button" class="link more" onClick={() => setAll(true)}>
          Show {indexed.length - shown.length} more
        </button>
      )}
    </div>
  );
}

/** Each pair of conflicting facts once, side by side: what each side says, who says it, and where. */
export function Conflicts() {
  const data = useDossier();
  const facts = data.story.facts;
  const pairs: Array<[number, number]> = [];
  facts.forEach((fact, i) => {
    for (const j of fact.conflictsWith) if (i < j && facts[j]) pairs.push([i, j]);
  });
  return (
    <Section id="conflicts" title="Conflicts" count={pairs.length} empty="No conflicting facts.">
      {pairs.map(([i, j]) => (
        <div key={`${i}-${j}`} class="conflict">
          {[i, j].map((k) => {
            const fact = facts[k] as Fact;
            return (
              <div key={k} class="side">
                <span class="fact-id">{factLabel(k)}</span>
                <p>{fact.text}</p>
                <span class="sources-count">{factSources(data, fact).length} independent sources</span>
                <Citations citations={fact.citations} />
              </div>
            );
          })}
        </div>
      ))}
    </Section>
  );
}

/**
 * The source × fact coverage matrix: a row per independent source, a column per fact, a dot where the source's
 * articles carry the fact (read from the fact's citations). Empty cells are what a source leaves out.
 */
export function CoverageMatrix() {
  const data = useDossier();
  const { sources, facts } = data.story;
  const [all, setAll] = useState(false);
  // The facts that matter: conflicts, then facts reported by two or more sources, in rank order.
  const columns = rankFacts(facts, data.story.entities).filter((k) => facts[k]?.status === 'conflicting' || (facts[k]?.independentSources ?? 0) >= 2);
  const shown = all ? columns : columns.slice(0, MATRIX_COLUMNS);
  const covered = new Map(columns.map((k) => [k, new Set((facts[k] as Fact).citations.map((c) => data.sourceOf.get(c.articleId)))]));
  return (
    <Section id="matrix" title="Coverage: source × fact" count={columns.length === 0 ? 0 : sources.length} empty="No facts to compare across sources yet.">
      <div class="matrix-scroll">
        <table class="matrix">
          <thead>
            <tr>
              <th scope="col">source</th>
              {shown.map((k) => (
                <th key={k} scope="col" class={facts[k]?.status} title={facts[k]?.text}>
                  <button type="button" class="link" onClick={() => showFact(k)}>
                    {factLabel(k)}
                  </button>
                </th>
              ))}
              <th scope="col">facts</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => {
              const row = shown.map((k) => covered.get(k)?.has(source.name) ?? false);
              return (
                <tr key={source.name}>
                  <th scope="row" title={source.name}>
                    {source.name}
                  </th>
                  {row.map((yes, i) => (
                    <td
                      key={shown[i]}
                      class={yes ? 'yes' : 'no'}
                      title={`${source.name} ${yes ? 'reports' : 'does not report'} ${factLabel(shown[i] as number)}`}
                    >
                      {yes ? '●' : ''}
                    </td>
                  ))}
                  <td class="total">{row.filter(Boolean).length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {columns.length > shown.length && (
        <button type="button" class="link more" onClick={() => setAll(true)}>
          Show {columns.length - shown.length} more facts
        </button>
      )}
    </Section>
  );
}
