import type { StoryOut } from '../../../src/index.js';
import { Citations, Section, SourceBadges } from '../components/citations.js';
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

/** Facts grouped by status, each with its independent-source count, source badges and citations. */
export function Facts() {
  const data = useDossier();
  const facts = data.story.facts;
  return (
    <Section id="facts" title="Facts" count={facts.length} empty="No facts compared yet.">
      {STATUSES.map(({ status, title }) => {
        const indexed = facts.map((fact, index) => ({ fact, index })).filter((f) => f.fact.status === status);
        if (indexed.length === 0) return null;
        return (
          <div key={status} class={`fact-group ${status}`}>
            <h3>
              {title} <span class="count">{indexed.length}</span>
            </h3>
            <ol class="facts">
              {indexed.map(({ fact, index }) => (
                <li key={index} id={`fact-${index}`} class={`fact ${status}`}>
                  <span class="fact-id">{factLabel(index)}</span> {fact.text}
                  <div class="meta">
                    <span class="sources-count" title="independent sources: copies of one wire story count once">
                      {fact.independentSources} independent {fact.independentSources === 1 ? 'source' : 'sources'}
                    </span>
                    <SourceBadges names={factSources(data, fact)} />
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
          </div>
        );
      })}
    </Section>
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
                <SourceBadges names={factSources(data, fact)} />
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
  const covered = facts.map((fact) => new Set(fact.citations.map((c) => data.sourceOf.get(c.articleId))));
  return (
    <Section id="matrix" title="Coverage: source × fact" count={facts.length === 0 ? 0 : sources.length} empty="No facts to compare across sources yet.">
      <div class="matrix-scroll">
        <table class="matrix">
          <thead>
            <tr>
              <th scope="col">source</th>
              {facts.map((fact, k) => (
                <th key={k} scope="col" class={fact.status} title={fact.text}>
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
              const row = covered.map((set) => set.has(source.name));
              return (
                <tr key={source.name}>
                  <th scope="row" title={source.name}>
                    {source.name}
                  </th>
                  {row.map((yes, k) => (
                    <td key={k} class={yes ? 'yes' : 'no'} title={`${source.name} ${yes ? 'reports' : 'does not report'} ${factLabel(k)}`}>
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
    </Section>
  );
}
