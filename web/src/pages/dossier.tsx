import type { Analysis } from '../../../src/index.js';
import { formatDate } from '../../../src/render/date-range.js';
import { counted } from '../../../src/render/plural.js';
import { relatedReasons } from '../../../src/render/sections.js';
import { LoadState } from '../components/status.js';
import { DossierContext, dossierData } from '../dossier/context.js';
import { Conflicts, CoverageMatrix, Facts } from '../dossier/facts.js';
import { Framing } from '../dossier/framing.js';
import { ArticleList, Summary } from '../dossier/overview.js';
import { People } from '../dossier/people.js';
import { Provenance } from '../dossier/provenance.js';
import { Quotes } from '../dossier/quotes.js';
import { Timeline } from '../dossier/timeline.js';
import { useJson } from '../hooks.js';
import { storyHref } from '../route.js';

/** The sections in page order, for the in-page navigation. */
const SECTIONS: ReadonlyArray<[string, string]> = [
  ['summary', 'Summary'],
  ['timeline', 'Timeline'],
  ['people', 'People'],
  ['quotes', 'Quotes'],
  ['facts', 'Facts'],
  ['conflicts', 'Conflicts'],
  ['matrix', 'Coverage'],
  ['framing', 'Framing'],
  ['provenance', 'Provenance'],
  ['articles', 'Articles'],
];

/** A story's dossier: every section of the contract, each statement with chips to the exact cited words. */
export function DossierPage({ id }: { id: string }) {
  const loaded = useJson<Analysis>(`/api/stories/${encodeURIComponent(id)}`);
  if (loaded.state !== 'ok') return <LoadState state={loaded} />;
  const data = dossierData(loaded.data);
  if (!data) return <p class="error">The server sent no story.</p>;
  const { story } = data;
  // The story's own range (its events' dates) first: undated articles still date the events they report.
  const dates = story.dateRange
    ? [story.dateRange.first, story.dateRange.last]
    : [...data.articles.values()]
        .map((a) => a.published.date)
        .filter((d): d is string => d !== null)
        .sort();
  const languages = [...new Set([...data.articles.values()].map((a) => a.language))];
  const api = `/api/stories/${encodeURIComponent(story.id)}`;
  return (
    <DossierContext.Provider value={data}>
      <article class="dossier">
        <header>
          <h1>{story.title}</h1>
          <p class="stats">
            <span>{counted(story.articleIds.length, 'article')}</span>
            <span>{counted(story.sources.length, 'independent source')}</span>
            <span>{dates.length > 0 ? `${formatDate(dates[0] ?? null)} – ${formatDate(dates[dates.length - 1] ?? null)}` : 'undated'}</span>
            <span>{languages.join(', ')}</span>
          </p>
          {story.relatedStories && story.relatedStories.length > 0 && (
            <p class="related">
              related stories:{' '}
              {story.relatedStories.map((r) => (
                <a key={r.id} class="chip" href={storyHref(r.id)} title={relatedReasons(r)}>
                  {r.title}
                </a>
              ))}
            </p>
          )}
          <nav class="sections" aria-label="sections">
            {SECTIONS.map(([key, title]) => (
              <button key={key} type="button" class="link" onClick={() => document.getElementById(key)?.scrollIntoView({ block: 'start' })}>
                {title}
              </button>
            ))}
            <span class="exports">
              export: <a href={`${api}?format=md`}>Markdown</a> <a href={`${api}?format=html`}>HTML</a> <a href={api}>JSON</a>
            </span>
          </nav>
        </header>
        <Summary />
        <Timeline />
        <People />
        <Quotes />
        <Facts />
        <Conflicts />
        <CoverageMatrix />
        <Framing />
        <Provenance />
        <ArticleList />
      </article>
    </DossierContext.Provider>
  );
}
