import { useState } from 'preact/hooks';
import type { StoryPage } from '../../../src/index.js';
import { formatDate } from '../../../src/render/date-range.js';
import { LoadState } from '../components/status.js';
import { useJson } from '../hooks.js';
import { storiesHref, storyHref } from '../route.js';

const PAGE_SIZE = 25;

/** The search a story list shows, as kept in the location hash (so back, forward and shared links keep it). */
interface Search {
  q: string;
  language: string;
  minSources: number;
  offset: number;
}

function searchOf(params: URLSearchParams): Search {
  const whole = (key: string): number => Math.max(0, Math.floor(Number(params.get(key) ?? 0)) || 0);
  const language = params.get('language') ?? '';
  return { q: params.get('q') ?? '', language: /^[a-z]{2,3}$/.test(language) ? language : '', minSources: whole('minSources'), offset: whole('offset') };
}

function apiUrl(s: Search): string {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(s.offset) });
  if (s.q) query.set('q', s.q);
  if (s.language) query.set('language', s.language);
  if (s.minSources > 0) query.set('minSources', String(s.minSources));
  return `/api/stories?${query}`;
}

/** Stories, largest first: title, dates, article and independent-source counts, languages; search and filters. */
export function StoriesPage({ params }: { params: URLSearchParams }) {
  const search = searchOf(params);
  const loaded = useJson<StoryPage>(apiUrl(search));
  const [draft, setDraft] = useState(search);
  const go = (s: Search): void => {
    window.location.hash = storiesHref({ q: s.q, language: s.language, minSources: s.minSources, offset: s.offset });
  };
  return (
    <div class="stories">
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...draft, offset: 0 });
        }}
      >
        <input type="search" name="q" placeholder="search titles and texts" value={draft.q} onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })} />
        <label>
          language{' '}
          <input
            name="language"
            size={3}
            maxLength={3}
            placeholder="any"
            value={draft.language}
            onInput={(e) => setDraft({ ...draft, language: e.currentTarget.value.trim().toLowerCase() })}
          />
        </label>
        <label>
          at least{' '}
          <input
            name="minSources"
            type="number"
            min={0}
            max={999}
            value={draft.minSources}
            onInput={(e) => setDraft({ ...draft, minSources: Number(e.currentTarget.value) || 0 })}
          />{' '}
          independent sources
        </label>
        <button type="submit">Search</button>
      </form>
      {loaded.state !== 'ok' ? (
        <LoadState state={loaded} />
      ) : loaded.data.items.length === 0 ? (
        <p class="empty">
          {search.q || search.language || search.minSources ? 'No story matches.' : 'No stories yet. '}
          <a href="#/ingest">Add articles</a>.
        </p>
      ) : (
        <>
          <table class="list story-list">
            <thead>
              <tr>
                <th>story</th>
                <th>dates</th>
                <th title="articles in the story">articles</th>
                <th title="independent sources: copies of one wire story count once">sources</th>
                <th>languages</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={storyHref(s.id)} class="story-link">
                      {s.title}
                    </a>
                  </td>
                  <td class="date">{s.firstDate === s.lastDate ? formatDate(s.firstDate) : `${formatDate(s.firstDate)} – ${formatDate(s.lastDate)}`}</td>
                  <td class="num">{s.articleCount}</td>
                  <td class="num">{s.sourceCount}</td>
                  <td>{s.languages.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav class="pager">
            {search.offset > 0 && <a href={storiesHref({ ...search, offset: Math.max(0, search.offset - PAGE_SIZE) })}>← previous</a>}
            <span>
              {search.offset + 1}–{search.offset + loaded.data.items.length}
              {loaded.data.total !== null ? ` of ${loaded.data.total}` : ''}
            </span>
            {loaded.data.next !== null && <a href={storiesHref({ ...search, offset: loaded.data.next })}>next →</a>}
          </nav>
        </>
      )}
    </div>
  );
}
