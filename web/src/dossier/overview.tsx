import { formatDate } from '../../../src/render/date-range.js';
import { ChipLegend, Citations, Section } from '../components/citations.js';
import { useDossier } from './context.js';
import { ArticleLink } from './provenance.js';

/** The extractive summary: each sentence with chips to the articles it was taken from. */
export function Summary() {
  const { story } = useDossier();
  return (
    <Section id="summary" title="Summary" count={story.summary.length} empty="No summary yet.">
      <ChipLegend />
      <ol class="summary">
        {story.summary.map((s, i) => (
          <li key={i}>
            {s.text} <Citations citations={s.citations} />
            {s.independentSources !== undefined && (
              <span class="sources-count">
                {s.independentSources} {s.independentSources === 1 ? 'source' : 'sources'}
              </span>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

/** Every article of the story, with its outlet, date, language and independent source. */
export function ArticleList() {
  const data = useDossier();
  return (
    <Section id="articles" title="Articles" count={data.story.articleIds.length} empty="No articles.">
      <table class="list">
        <thead>
          <tr>
            <th>article</th>
            <th>published</th>
            <th>language</th>
            <th>source</th>
          </tr>
        </thead>
        <tbody>
          {data.story.articleIds.map((id) => {
            const a = data.articles.get(id);
            return (
              <tr key={id}>
                <td>
                  <ArticleLink id={id} />
                </td>
                <td class="date">{formatDate(a?.published.date ?? null)}</td>
                <td>{a?.language ?? ''}</td>
                <td>{data.sourceOf.get(id) ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
