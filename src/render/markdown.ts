import type { Article } from '../model/article.js';
import type { CitationOut } from '../model/contract.js';
import type { Dossier } from '../model/story.js';
import { CitationIndex } from './citations.js';

/** Most characters of a cited span shown in the notes before it is shortened. */
const MAX_QUOTE = 240;

/**
 * Renders a dossier as Markdown for notes: every statement is followed by numbered citations, and the notes at the
 * end give, for each number, the outlet, the article, the character offsets and the exact words cited. Article text
 * is escaped so it cannot inject Markdown structure or HTML.
 */
export function renderMarkdown(dossier: Dossier, articles: ReadonlyMap<string, Article>): string {
  const index = new CitationIndex(articles);
  const cite = (cs: readonly CitationOut[]): string => (cs.length === 0 ? '' : ` ${cs.map((c) => `[${index.number(c)}]`).join('')}`);
  const out: string[] = [`# ${md(dossier.title)}`, ''];
  out.push(`${dossier.articleIds.length} articles from ${dossier.sources.length} independent sources.`, '');

  out.push('## Summary', '');
  if (dossier.summary.length === 0) out.push('_No summary: no article has a lead sentence to cite._');
  for (const s of dossier.summary) out.push(`- ${md(s.text)}${cite(s.citations)}`);
  out.push('');

  if (dossier.events.length > 0) {
    out.push('## Events', '');
    for (const e of dossier.events) out.push(`- **${e.date ?? 'date unknown'}** — ${md(e.title)} (${e.articleIds.length} articles)`);
    out.push('');
  }
  if (dossier.timeline.length > 0) {
    out.push('## Timeline', '');
    for (const t of dossier.timeline) out.push(`- **${t.date}**${t.precision ? ` (${t.precision})` : ''} — ${md(t.text)}${cite(t.citations)}`);
    out.push('');
  }
  if (dossier.entities.length > 0) {
    out.push('## People and organisations', '');
    for (const e of dossier.entities) out.push(`- **${md(e.name)}** (${e.type})${e.roles.length ? ` — ${e.roles.map(md).join('; ')}` : ''}`);
    out.push('');
  }
  if (dossier.quotes.length > 0) {
    out.push('## Quotes', '');
    for (const q of dossier.quotes) out.push(`- **${md(q.speaker ?? 'unknown speaker')}** (${q.kind}): “${md(q.text)}”${cite(q.citations)}`);
    out.push('');
  }
  if (dossier.facts.length > 0) {
    out.push('## Facts', '');
    for (const f of dossier.facts)
      out.push(`- _${f.status}, ${f.independentSources} source${f.independentSources === 1 ? '' : 's'}_: ${md(f.text)}${cite(f.citations)}`);
    out.push('');
  }

  out.push('## Sources', '');
  for (const s of dossier.sources) {
    const titles = s.articleIds.map((id) => articles.get(id)?.title ?? id).map(md);
    out.push(`- **${md(s.name)}**: ${titles.join('; ')}`);
  }
  out.push('');

  const notes = index.all();
  if (notes.length > 0) {
    out.push('## Citations', '');
    for (const c of notes) {
      const quote = c.quote.length > MAX_QUOTE ? `${c.quote.slice(0, MAX_QUOTE)}…` : c.quote;
      out.push(`${c.n}. ${md(c.outlet)}, “${md(c.title)}” (article \`${c.articleId}\`, chars ${c.start}–${c.end}): “${md(quote)}”`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Escapes Markdown and HTML syntax in article-derived text, and folds line breaks. */
export function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`);
}
