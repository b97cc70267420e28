import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleView } from '../../../src/index.js';
import { formatDate } from '../../../src/render/date-range.js';
import { LAYERS, type LayerKey, layerMarks } from '../article-marks.js';
import { LoadState } from '../components/status.js';
import { useJson } from '../hooks.js';
import { articleHref, storyHref } from '../route.js';
import { safeHttpUrl } from '../safe-url.js';
import { type Mark, segment } from '../segments.js';

type Span = { start: number; end: number };

/**
 * The article reader: the clean text with annotation layers highlighted. Opened from a citation, the cited span is
 * wrapped in one `<mark class="cited">`, scrolled to the middle of the screen and focused. Every piece of article
 * data is rendered as text.
 */
export function ArticlePage({ id, span }: { id: string; span: Span | null }) {
  const loaded = useJson<ArticleView>(`/api/articles/${encodeURIComponent(id)}`);
  if (loaded.state !== 'ok') return <LoadState state={loaded} />;
  return <Reader view={loaded.data} span={span} />;
}

function Reader({ view, span }: { view: ArticleView; span: Span | null }) {
  const { article } = view;
  const [shown, setShown] = useState<ReadonlySet<LayerKey>>(() => new Set(LAYERS.filter((l) => l.on).map((l) => l.key)));
  const byLayer = useMemo(() => new Map(LAYERS.map((l) => [l.key, layerMarks(view, l.key)])), [view]);
  const marks = useMemo(() => LAYERS.flatMap((l) => (shown.has(l.key) ? (byLayer.get(l.key) ?? []) : [])), [byLayer, shown]);
  const cited = span && span.end <= article.text.length ? span : null;
  const url = safeHttpUrl(article.url);
  const toggle = (key: LayerKey): void => {
    const next = new Set(shown);
    if (!next.delete(key)) next.add(key);
    setShown(next);
  };
  return (
    <div class="reader">
      <aside class="reader-side">
        <h1>{article.title ?? '(untitled)'}</h1>
        <dl class="meta">
          <dt>outlet</dt>
          <dd>{article.outlet ?? 'unknown'}</dd>
          {article.authors.length > 0 && (
            <>
              <dt>by</dt>
              <dd>{article.authors.join(', ')}</dd>
            </>
          )}
          <dt>published</dt>
          <dd>
            {formatDate(article.published.date)} <span class="basis">({article.published.basis})</span>
          </dd>
          <dt>language</dt>
          <dd>{article.language}</dd>
          <dt>input</dt>
          <dd class="path">{article.path}</dd>
          {article.url && (
            <>
              <dt>URL</dt>
              <dd class="path">
                {url ? (
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                    {article.url}
                  </a>
                ) : (
                  article.url
                )}
              </dd>
            </>
          )}
          {article.provenance.syndicatedFrom && (
            <>
              <dt>credits</dt>
              <dd>{article.provenance.syndicatedFrom}</dd>
            </>
          )}
          {article.provenance.duplicateOf && (
            <>
              <dt>copy of</dt>
              <dd>
                <a href={articleHref(article.provenance.duplicateOf)}>another article</a>
              </dd>
            </>
          )}
        </dl>
        {view.storyId && (
          <p>
            <a href={storyHref(view.storyId)}>← the story's dossier</a>
          </p>
        )}
        <fieldset class="layers">
          <legend>highlight</legend>
          {LAYERS.map((l) => (
            <label key={l.key} class={`toggle layer-${l.key}`}>
              <input type="checkbox" checked={shown.has(l.key)} onChange={() => toggle(l.key)} /> {l.title}{' '}
              <span class="count">{byLayer.get(l.key)?.length ?? 0}</span>
            </label>
          ))}
        </fieldset>
        <Extras view={view} />
      </aside>
      <div class="reader-text" lang={article.language === 'und' ? undefined : article.language}>
        {span && !cited && <p class="error">The cited span is outside this article's text.</p>}
        <ArticleText text={article.text} marks={marks} cited={cited} />
      </div>
    </div>
  );
}

/** The text, cut into runs per highlight; the cited span (if any) wrapped in one element that is scrolled to. */
function ArticleText({ text, marks, cited }: { text: string; marks: readonly Mark[]; cited: Span | null }) {
  const ref = useRef<HTMLElement>(null);
  const start = cited?.start;
  const end = cited?.end;
  // Scroll when the cited span changes, not when a layer toggle re-renders the text.
  useEffect(() => {
    if (start === undefined || !ref.current) return;
    ref.current.scrollIntoView({ block: 'center' });
    ref.current.focus({ preventScroll: true });
  }, [start, end]);
  if (!cited) return <p class="text">{runs(text, 0, text.length, marks)}</p>;
  return (
    <p class="text">
      {runs(text, 0, cited.start, marks)}
      <mark ref={ref} id="cited" class="cited" tabIndex={-1}>
        {runs(text, cited.start, cited.end, marks)}
      </mark>
      {runs(text, cited.end, text.length, marks)}
    </p>
  );
}

function runs(text: string, from: number, to: number, marks: readonly Mark[]) {
  return segment(from, to, marks).map((s) =>
    s.marks.length === 0 ? (
      text.slice(s.start, s.end)
    ) : (
      <span key={s.start} class={s.marks.map((m) => m.kind).join(' ')} title={s.marks.map((m) => m.label).join('\n')}>
        {text.slice(s.start, s.end)}
      </span>
    ),
  );
}

/** What cleaning took out or changed, and what it noticed: shown on request. */
function Extras({ view }: { view: ArticleView }) {
  const { article } = view;
  return (
    <>
      <details class="removed">
        <summary>removed from the page ({article.removed.length})</summary>
        <ul>
          {article.removed.map((r, i) => (
            <li key={i}>
              <span class="reason">{r.reason}</span> <span class="removed-text">{r.text}</span>
            </li>
          ))}
        </ul>
      </details>
      <details class="repairs">
        <summary>repairs ({view.repairs.length})</summary>
        <ul>
          {view.repairs.map((r) => (
            <li key={r.start}>
              “{r.from}” → “{r.to}” <span class="reason">{r.reason}</span>
            </li>
          ))}
        </ul>
      </details>
      {article.embeds.length > 0 && (
        <details class="embeds">
          <summary>embedded posts and captions ({article.embeds.length})</summary>
          <ul>
            {article.embeds.map((e, i) => (
              <li key={i}>
                <span class="reason">{e.kind}</span> {e.author ? `${e.author}: ` : ''}
                {e.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {(article.messages ?? []).length > 0 && (
        <details class="messages">
          <summary>notes from cleaning and annotation ({(article.messages ?? []).length})</summary>
          <ul>
            {(article.messages ?? []).map((m, i) => (
              <li key={i} class={m.severity}>
                <span class="reason">{m.ruleId}</span> {m.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
