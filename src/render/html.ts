import { FACTS_SHOWN, MATRIX_COLUMNS } from '../compare/rank.js';
import { sourceCountPhrase } from '../link/sources.js';
import type { Article } from '../model/article.js';
import type { CitationOut, StoryOut } from '../model/contract.js';
import type { Span } from '../model/span.js';
import type { Dossier, Rewrite } from '../model/story.js';
import { castList } from './cast.js';
import { articleName, byArticle, CitationIndex, shownPath } from './citations.js';
import { creditNote } from './credit-note.js';
import { esc } from './escape.js';
import { counted } from './plural.js';
import { conflictPairs, factsByStatus, firstAndRest, quotesBySpeaker, relatedReasons, sharedSlots, sourcesCount, UNATTRIBUTED } from './sections.js';
import { TIMELINE_STYLE, timelineSvg } from './timeline-svg.js';

export { esc } from './escape.js';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
a.cite{font-size:.75rem;vertical-align:super;text-decoration:none;background:#eef;border-radius:3px;padding:0 3px;margin-left:2px}
.meta{color:#555}.article{border-top:1px solid #eee;padding-top:1rem;white-space:pre-wrap}
.badge{font-size:.75rem;background:#eee;border-radius:3px;padding:0 4px;margin-right:3px}
mark{background:#fff3a8}mark:target{background:#ffb347;outline:2px solid #e67e00}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;vertical-align:top}
.conflict td{width:50%}.yes{background:#dff3df;text-align:center}.no{color:#bbb;text-align:center}
${TIMELINE_STYLE}`;

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
        const { n, outlet, quote } = index.entry(c);
        return `<a class="cite" href="#c${n}" title="${esc(`${outlet}: ${quote}`)}">${n}</a>`;
      })
      .join('');
  const badges = (f: StoryOut['facts'][number]): string => (f.sources ?? []).map((s) => `<span class="badge">${esc(s)}</span>`).join('');
  const list = (items: string[]): string => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  const idList = (items: Array<[id: string, html: string]>): string => `<ul>${items.map(([id, html]) => `<li id="${esc(id)}">${html}</li>`).join('')}</ul>`;
  const body: string[] = [];
  const range = dossier.dateRange
    ? ` · ${dossier.dateRange.first === dossier.dateRange.last ? dossier.dateRange.first : `${dossier.dateRange.first} to ${dossier.dateRange.last}`}`
    : '';
  body.push(
    `<h1>${esc(dossier.title)}</h1>`,
    `<p class="meta">${counted(dossier.articleIds.length, 'article')} from ${esc(sourceCountPhrase(dossier.sources))}${esc(range)}</p>`,
  );
  body.push(
    '<h2>Summary</h2>',
    '<p class="meta">Each number opens the cited words, highlighted, in the articles at the end; grey labels name the independent sources behind a statement (copies of one story count once).</p>',
  );
  body.push(
    dossier.summary.length === 0
      ? '<p><em>No summary: no article has a sentence to cite.</em></p>'
      : list(
          dossier.summary.map(
            (s) => `${esc(s.text)}${cite(s.citations)}${s.independentSources ? ` <span class="meta">(${sourcesCount(s.independentSources)})</span>` : ''}`,
          ),
        ),
  );
  if (dossier.events.length > 0 || dossier.timeline.length > 0) {
    // The picture's markers link to these list items (ids from the layout's item keys), where the text is whole.
    const itemId = (key: string): string => `timeline-${key}`;
    body.push('<h2 id="timeline">Timeline</h2>', timelineSvg(dossier, itemId));
    body.push(
      idList(
        dossier.events.map((e, i) => [
          itemId(`e${i}`),
          `<strong>${esc(e.date ?? 'date unknown')}</strong>${e.precision ? ` <span class="badge">${esc(e.precision)}</span>` : ''} — event: ${esc(e.title)} (${counted(e.articleIds.length, 'article')})`,
        ]),
      ),
    );
    body.push(
      idList(
        dossier.timeline.map((t, i) => [
          itemId(`t${i}`),
          `<strong>${esc(t.date)}</strong> <span class="badge">${esc(t.precision ?? '')}</span>${esc(t.text)}${cite(t.citations)}`,
        ]),
      ),
    );
  }
  if (dossier.relatedStories?.length) {
    body.push('<h2>Related stories</h2>');
    body.push(list(dossier.relatedStories.map((r) => `${esc(r.title)} <span class="badge">${esc(r.id)}</span> — ${esc(relatedReasons(r))}`)));
  }
  const cast = castList(dossier.entities);
  if (cast.length > 0) {
    body.push('<h2>People, organisations and places</h2>');
    body.push(
      list(
        cast.map(
          (e) =>
            `<strong>${esc(e.name)}</strong> (${esc(e.type)}${e.roles.length ? `: ${esc(e.roles.join('; '))}` : ''})${e.aliases.length ? ` — also ${esc(e.aliases.join(', '))}` : ''}`,
        ),
      ),
    );
  }
  // Always present: a reader must be able to tell "no conflict found" from "conflicts not looked for".
  const conflicts = conflictPairs(dossier.facts);
  body.push('<h2>Conflicts</h2>');
  if (conflicts.length === 0) body.push('<p>None found.</p>');
  else {
    body.push('<table class="conflict"><tr><th>what differs</th><th>one side</th><th>other side</th></tr>');
    for (const [a, b] of conflicts)
      body.push(
        `<tr><td>${esc(sharedSlots(a, b).join('; '))}</td><td>${esc(a.text)}${cite(a.citations)}<br>${badges(a)}</td><td>${esc(b.text)}${cite(b.citations)}<br>${badges(b)}</td></tr>`,
      );
    body.push('</table>');
  }
  const { corroborated, single, developments } = factsByStatus(dossier.facts, dossier.entities);
  if (corroborated.length > 0)
    body.push(
      '<h2>Corroborated facts</h2>',
      list(
        corroborated.map(
          (f) =>
            `<strong>${f.independentSources} sources</strong> ${badges(f)} ${esc(f.text)}${cite(f.citations)}${f.matched?.length ? `<br><small>matched: ${esc(f.matched.join('; '))}</small>` : ''}`,
        ),
      ),
    );
  if (developments.length > 0)
    body.push(
      '<h2>Developments over time</h2>',
      list(developments.map(([a, b]) => `earlier: ${esc(a.text)}${cite(a.citations)}<br>later: ${esc(b.text)}${cite(b.citations)}`)),
    );
  if (single.length > 0) {
    const [shown, rest] = firstAndRest(single, FACTS_SHOWN);
    const item = (f: (typeof single)[number]): string => `${f.hedged ? '<em>(hedged)</em> ' : ''}${badges(f)} ${esc(f.text)}${cite(f.citations)}`;
    body.push('<h2>Single-source facts</h2>', list(shown.map(item)));
    if (rest.length > 0) body.push(`<details><summary>${rest.length} more single-source facts</summary>${list(rest.map(item))}</details>`);
  }
  if (dossier.quotes.length > 0) {
    body.push('<h2>Quotes by speaker</h2>');
    for (const [speaker, quotes] of quotesBySpeaker(dossier.quotes)) {
      body.push(`<h3>${esc(speaker ?? UNATTRIBUTED)}</h3>`);
      body.push(
        list(
          quotes.map(
            (q) =>
              `${q.kind === 'direct' ? `“${esc(q.text)}”` : `<em>(reported)</em> ${esc(q.text)}`}${cite(q.citations)}${(q.variants ?? []).map((v) => `<br>variant: ${q.kind === 'direct' ? `“${esc(v.text)}”` : esc(v.text)}${cite(v.citations)}`).join('')}${q.otherSpeakers?.length ? `<br>⚠ also attributed to ${esc(q.otherSpeakers.join(', '))}` : ''}`,
          ),
        ),
      );
    }
  }
  if (dossier.coverage && dossier.coverage.facts.length > 0) {
    const c = dossier.coverage;
    const [shown, rest] = firstAndRest(c.facts, MATRIX_COLUMNS);
    body.push('<h2>Coverage: which source reports which fact</h2><p class="meta">Columns: conflicting facts first, then facts by number of sources.</p>');
    body.push(matrix(dossier, shown));
    if (rest.length > 0) body.push(`<details><summary>${rest.length} more shared facts</summary>${matrix(dossier, rest)}</details>`);
    const words = (ws: ReadonlyArray<{ word: string; count: number; citations?: CitationOut[] }> = []): string =>
      ws.map((w) => `${esc(w.word)} (${w.count})${cite(w.citations ?? [])}`).join(', ');
    const row = (name: string, f: NonNullable<Dossier['coverage']>['framing'][number]): string =>
      `<tr><td>${esc(name)}</td><td>${f.sentences}</td><td>${pct(f.hedgedShare)}</td><td>${pct(f.attributedShare)}</td><td>${pct(f.opinionShare)}</td><td>${pct(f.firstPersonShare ?? 0)}</td><td>${f.imperatives ?? 0}</td><td>${words(f.loadedWords)}</td><td>${words(f.promotionalWords)}</td></tr>`;
    const header = (name: string): string =>
      `<table><tr><th>${name}</th><th>sentences</th><th>hedged</th><th>attributed</th><th>opinion form</th><th>first person</th><th>imperatives</th><th>loaded words</th><th>promotional words</th></tr>`;
    body.push('<h3>Framing signals (signals, not verdicts; each outlet’s own words, quotes excluded)</h3>', header('source'));
    for (const f of c.framing) body.push(row(f.source, f));
    body.push('</table>');
    if (c.articles && c.articles.length > 1) {
      body.push(`<details><summary>Framing signals per article</summary>${header('article')}`);
      for (const f of c.articles) body.push(row(articleName(articles, f.articleId), f));
      body.push('</table></details>');
    }
  }
  body.push('<h2>Sources and provenance</h2>');
  body.push(list(dossier.sources.map((s) => `<strong>${esc(s.name)}</strong>: ${s.articleIds.map((id) => provenance(id, articles, s.rewrites)).join('; ')}`)));

  const cited = byArticle(index.all());
  body.push('<h2>Articles</h2>');
  for (const id of dossier.articleIds) {
    const a = articles.get(id);
    if (!a) continue;
    body.push(
      `<section id="a-${esc(id)}"><h3>${esc(a.title ?? shownPath(a.source.path))}</h3><p class="meta">${esc(a.outlet ?? 'unknown outlet')} · ${esc(a.published.date ?? 'date unknown')} · <code>${esc(id)}</code></p><div class="article">${markSpans(a.text, cited.get(id) ?? [])}</div></section>`,
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

/** A source × fact table for the given fact indexes, with the facts' words under it. */
function matrix(dossier: Dossier, facts: readonly number[]): string {
  const c = dossier.coverage;
  if (!c) return '';
  const column = new Map(c.facts.map((f, k) => [f, k]));
  const head = facts.map((f) => `<th title="${esc(dossier.facts[f]?.text ?? '')}">F${f + 1}</th>`).join('');
  const rows = c.sources.map(
    (s, i) =>
      `<tr><th>${esc(s)}</th>${facts.map((f) => (c.cells[i]?.[column.get(f) ?? -1] ? '<td class="yes">✓</td>' : '<td class="no">·</td>')).join('')}</tr>`,
  );
  const words = facts.map((f) => `<li>F${f + 1}: ${esc(dossier.facts[f]?.text ?? '')}</li>`).join('');
  return `<table><tr><th>source</th>${head}</tr>${rows.join('')}</table><ul>${words}</ul>`;
}

function provenance(id: string, articles: ReadonlyMap<string, Article>, rewrites: readonly Rewrite[] = []): string {
  const a = articles.get(id);
  if (!a) return esc(id);
  const copy = a.provenance.duplicateOf ? ` <em>(copy of ${esc(articles.get(a.provenance.duplicateOf)?.title ?? a.provenance.duplicateOf)})</em>` : '';
  const note = creditNote(a);
  const credit = note ? ` <em>(${esc(note)})</em>` : '';
  const rewrite = rewrites
    .filter((r) => r.articleId === id)
    .map((r) => ` <em>(rewrite of <a href="#a-${esc(r.of)}">${esc(articles.get(r.of)?.title ?? r.of)}</a>: ${esc(r.reason)})</em>`)
    .join('');
  return `<a href="#a-${esc(id)}">${esc(a.title ?? id)}</a>${copy}${credit}${rewrite}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
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
