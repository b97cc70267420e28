import type { StoryOut } from '../../../src/index.js';
import { Section } from '../components/citations.js';
import { articleHref } from '../route.js';
import { articleLabel, useDossier } from './context.js';

type Signals = NonNullable<StoryOut['coverage']>['framing'][number];
type Word = Signals['loadedWords'][number];

/**
 * Framing signals per outlet (and per article on request): how much of its own prose hedges, attributes, or takes
 * an opinion form, and the loaded and promotional words it uses, each word opening where it was written. Signals for
 * a reader to weigh, never a verdict.
 */
export function Framing() {
  const data = useDossier();
  const coverage = data.story.coverage;
  const rows = coverage?.framing ?? [];
  return (
    <Section id="framing" title="Framing signals" count={rows.length} empty="No framing signals yet.">
      <p class="legend">Signals, not verdicts: read in each outlet’s own sentences (quoted words excluded). Each word opens where it was written.</p>
      <SignalTable rows={rows.map((r) => ({ key: r.source, name: r.source, signals: r }))} />
      {(coverage?.articles?.length ?? 0) > 1 && (
        <details>
          <summary>Per article</summary>
          <SignalTable
            rows={(coverage?.articles ?? []).map((r) => ({
              key: r.articleId,
              name: `${articleLabel(data, r.articleId)}: ${data.articles.get(r.articleId)?.title ?? ''}`,
              signals: r,
            }))}
          />
        </details>
      )}
    </Section>
  );
}

function SignalTable({ rows }: { rows: ReadonlyArray<{ key: string; name: string; signals: Signals }> }) {
  return (
    <table class="list framing">
      <thead>
        <tr>
          <th>source</th>
          <th>sentences</th>
          <th>hedged</th>
          <th>attributed</th>
          <th>opinion form</th>
          <th>first person</th>
          <th>imperatives</th>
          <th>loaded words</th>
          <th>promotional words</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, name, signals: s }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td>{s.sentences}</td>
            <td>{pct(s.hedgedShare)}</td>
            <td>{pct(s.attributedShare)}</td>
            <td>{pct(s.opinionShare)}</td>
            <td>{pct(s.firstPersonShare ?? 0)}</td>
            <td>{s.imperatives ?? 0}</td>
            <td>
              <Words words={s.loadedWords} />
            </td>
            <td>
              <Words words={s.promotionalWords ?? []} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Words({ words }: { words: readonly Word[] }) {
  return (
    <span class="words">
      {words.map((w) => {
        const first = w.citations?.[0];
        const label = `${w.word} (${w.count})`;
        return first ? (
          <a key={w.word} class="chip" href={articleHref(first.articleId, first)} title={`first use of “${w.word}”`}>
            {label}
          </a>
        ) : (
          <span key={w.word}>{label}</span>
        );
      })}
    </span>
  );
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
