import { Section } from '../components/citations.js';
import { articleHref } from '../route.js';
import { articleLabel, useDossier } from './context.js';

/** A link to an article in the reader, labelled by outlet and title. */
export function ArticleLink({ id }: { id: string }) {
  const data = useDossier();
  const article = data.articles.get(id);
  return (
    <a href={articleHref(id)} class="article-link">
      <span class="outlet">{articleLabel(data, id)}</span> {article?.title ?? ''}
    </a>
  );
}

/**
 * Who copied whom: articles the linker found to copy another, articles that credit a wire or outlet, and sources
 * made of several articles (copies of one story count as one independent source).
 */
export function Provenance() {
  const data = useDossier();
  const articles = data.story.articleIds.flatMap((id) => data.articles.get(id) ?? []);
  const copies = articles.filter((a) => a.provenance.duplicateOf !== null);
  const credits = articles.filter((a) => a.provenance.syndicatedFrom !== null);
  const groups = data.story.sources.filter((s) => s.articleIds.length > 1);
  const count = copies.length + credits.length + groups.length;
  return (
    <Section
      id="provenance"
      title="Provenance: who copied whom"
      count={count}
      empty="Every article reads as independent reporting: no copies or credits found."
    >
      <ul class="provenance">
        {copies.map((a) => (
          <li key={`copy:${a.id}`}>
            <ArticleLink id={a.id} /> <span class="relation">copies</span> <ArticleLink id={a.provenance.duplicateOf ?? ''} />
          </li>
        ))}
        {credits.map((a) => (
          <li key={`credit:${a.id}`}>
            <ArticleLink id={a.id} /> <span class="relation">credits</span> <strong>{a.provenance.syndicatedFrom}</strong>
          </li>
        ))}
        {groups.map((s) => (
          <li key={`source:${s.name}`}>
            <strong>{s.name}</strong> <span class="relation">is one source across {s.articleIds.length} articles:</span>
            <ul>
              {s.articleIds.map((id) => (
                <li key={id}>
                  <ArticleLink id={id} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}
