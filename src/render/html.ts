import type { Article } from '../model/article.js';
import type { CitationOut } from '../model/contract.js';
import type { Span } from '../model/span.js';
import type { Dossier } from '../model/story.js';
import { CitationIndex } from './citations.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
a.cite{font-size:.75rem;vertical-align:super;text-decoration:none;background:#eef;border-radius:3px;padding:0 3px;margin-left:2px}
.meta{color:#555}.article{border-top:1px solid #eee;padding-top:1rem;white-space:pre-wrap}
mark{background:#fff3a8}mark:target{background:#ffb347;outline:2px solid #e67e00}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px}`;

/**
 * Renders a dossier as one self-contained HTML file to send to a colleague: no script, no external resource, and a
 * Content-Security-Policy that forbids both, so hostile article text cannot run even if escaping had a gap. Each
 * citation chip jumps to the cited words, highlighted, in the article appendix.
 */
export function renderHtml(dossier: Dossier, articles: ReadonlyMap<string, Article>): string {
  const index = new CitationIndex(articles);
  const cite = (cs: readonly CitationOut[]): string =>
    cs
      .map((c) => {
        const n = index.number(c);
        return `<a class="cite" href="#c${n}" title="${esc(articles.get(c.articleId)?.text.slice(c.start, c.end) ?? '')}">${n}</a>`;
      })
      .join('');
  const body: string[] = [];
  body.push(`<h1>${esc(dossier.title)}</h1>`, `<p class="meta">${dossier.articleIds.length} articles from ${dossier.sources.length} independent sources</p>`);
  body.push('<h2>Summary</h2>');
  body.push(
    dossier.summary.length === 0
      ? '<p><em>No summary: no article has a lead sentence to cite.</em></p>'
      : `<ul>${dossier.summary.map((s) => `<li>${esc(s.text)}${cite(s.citations)}</li>`).join('')}</ul>`,
  );
  if (dossier.events.length > 0)
    body.push(
      '<h2>Events</h2>',
      `<ul>${dossier.events.map((e) => `<li><strong>${esc(e.date ?? 'date unknown')}</strong> — ${esc(e.title)} (${e.articleIds.length} articles)</li>`).join('')}</ul>`,
    );
  if (dossier.timeline.length > 0)
    body.push(
      '<h2>Timeline</h2>',
      `<ul>${dossier.timeline.map((t) => `<li><strong>${esc(t.date)}</strong> ${esc(t.text)}${cite(t.citations)}</li>`).join('')}</ul>`,
    );
  if (dossier.entities.length > 0)
    body.push(
      '<h2>People and organisations</h2>',
      `<ul>${dossier.entities.map((e) => `<li><strong>${esc(e.name)}</strong> (${esc(e.type)})${e.roles.length ? ` — ${esc(e.roles.join('; '))}` : ''}</li>`).join('')}</ul>`,
    );
  if (dossier.quotes.length > 0)
    body.push(
      '<h2>Quotes</h2>',
      `<ul>${dossier.quotes.map((q) => `<li><strong>${esc(q.speaker ?? 'unknown speaker')}</strong>: “${esc(q.text)}”${cite(q.citations)}</li>`).join('')}</ul>`,
    );
  if (dossier.facts.length > 0)
    body.push(
      '<h2>Facts</h2>',
      `<ul>${dossier.facts.map((f) => `<li><em>${esc(f.status)}, ${f.independentSources} sources</em>: ${esc(f.text)}${cite(f.citations)}</li>`).join('')}</ul>`,
    );
  body.push(
    '<h2>Sources</h2>',
    `<ul>${dossier.sources.map((s) => `<li><strong>${esc(s.name)}</strong>: ${s.articleIds.map((id) => `<a href="#a-${esc(id)}">${esc(articles.get(id)?.title ?? id)}</a>`).join('; ')}</li>`).join('')}</ul>`,
  );

  const cited = new Map<string, Array<Span & { n: number }>>();
  for (const c of index.all()) cited.set(c.articleId, [...(cited.get(c.articleId) ?? []), c]);
  body.push('<h2>Articles</h2>');
  for (const id of dossier.articleIds) {
    const a = articles.get(id);
    if (!a) continue;
    body.push(
      `<section id="a-${esc(id)}"><h3>${esc(a.title ?? a.source.path)}</h3><p class="meta">${esc(a.outlet ?? 'unknown outlet')} · ${esc(a.published.date ?? 'date unknown')} · <code>${esc(id)}</code></p><div class="article">${markSpans(a.text, cited.get(id) ?? [])}</div></section>`,
    );
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(dossier.title)}</title><style>${STYLE}</style></head>
<body>${body.join('\n')}</body></html>
`;
}

/** Article text with cited spans wrapped in `<mark id="cN">`; overlapping citations keep the earlier mark. */
function markSpans(text: string, spans: ReadonlyArray<Span & { n: number }>): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let cursor = 0;
  const anchors: string[] = [];
  for (const s of sorted) {
    if (s.start < cursor) {
      anchors.push(`<span id="c${s.n}"></span>`);
      continue;
    }
    out.push(esc(text.slice(cursor, s.start)), `<mark id="c${s.n}">`, esc(text.slice(s.start, s.end)), '</mark>');
    cursor = s.end;
  }
  out.push(esc(text.slice(cursor)));
  return anchors.join('') + out.join('');
}
