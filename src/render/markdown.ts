import { FACTS_SHOWN, MATRIX_COLUMNS } from '../compare/rank.js';
import { sourceCountPhrase } from '../link/sources.js';
import type { Article } from '../model/article.js';
import type { CitationOut, StoryOut } from '../model/contract.js';
import type { Dossier } from '../model/story.js';
import { withoutControls } from '../model/terminal.js';
import { castList } from './cast.js';
import { articleName, CitationIndex } from './citations.js';
import { creditNote } from './credit-note.js';
import { counted } from './plural.js';
import { conflictPairs, type Fact, factsByStatus, firstAndRest, quotesBySpeaker, relatedReasons, sharedSlots, sourcesCount, UNATTRIBUTED } from './sections.js';

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
  const matched = (f: Fact): string => (f.matched?.length ? `  \n  _matched: ${md(f.matched.join('; '))}_` : '');
  const sources = (f: StoryOut['facts'][number]): string => (f.sources?.length ? ` — _${f.sources.map(md).join(', ')}_` : '');
  const out: string[] = [`# ${md(dossier.title)}`, ''];
  const range = dossier.dateRange
    ? ` ${dossier.dateRange.first === dossier.dateRange.last ? dossier.dateRange.first : `${dossier.dateRange.first} to ${dossier.dateRange.last}`}.`
    : '';
  out.push(`${counted(dossier.articleIds.length, 'article')} from ${md(sourceCountPhrase(dossier.sources))}.${range}`, '');

  out.push('## Summary', '');
  if (dossier.summary.length === 0) out.push('_No summary: no article has a sentence to cite._');
  for (const s of dossier.summary) out.push(`- ${md(s.text)}${cite(s.citations)}${s.independentSources ? ` _(${sourcesCount(s.independentSources)})_` : ''}`);
  out.push('');

  if (dossier.events.length > 0) {
    out.push('## Events', '');
    for (const e of dossier.events)
      out.push(`- **${e.date ?? 'date unknown'}**${e.precision ? ` (${e.precision})` : ''} — ${md(e.title)} (${counted(e.articleIds.length, 'article')})`);
    out.push('');
  }
  if (dossier.relatedStories?.length) {
    out.push('## Related stories', '');
    for (const r of dossier.relatedStories) out.push(`- ${md(r.title)} (\`${md(r.id)}\`) — ${md(relatedReasons(r))}`);
    out.push('');
  }
  if (dossier.timeline.length > 0) {
    out.push('## Timeline', '');
    for (const t of dossier.timeline) out.push(`- **${t.date}**${t.precision ? ` (${t.precision})` : ''} — ${md(t.text)}${cite(t.citations)}`);
    out.push('');
  }
  const cast = castList(dossier.entities);
  if (cast.length > 0) {
    out.push('## People, organisations and places', '');
    for (const e of cast) {
      const also = e.aliases.length > 0 ? `; also “${e.aliases.map(md).join('”, “')}”` : '';
      out.push(`- **${md(e.name)}** (${e.type}${e.roles.length ? `: ${e.roles.map(md).join('; ')}` : ''})${also}`);
    }
    out.push('');
  }
  // Always present: a reader must be able to tell "no conflict found" from "conflicts not looked for".
  const conflicts = conflictPairs(dossier.facts);
  out.push('## Conflicts', '');
  if (conflicts.length === 0) out.push('None found.', '');
  else {
    out.push('| what differs | one side | other side |', '|---|---|---|');
    for (const [a, b] of conflicts) {
      const side = (f: Fact) => `${md(f.text)}${cite(f.citations)} (${counted(f.independentSources, 'source')}: ${md((f.sources ?? []).join(', '))})`;
      out.push(`| ${md(sharedSlots(a, b).join('; '))} | ${side(a)} | ${side(b)} |`);
    }
    out.push('');
  }
  const { corroborated, single, developments } = factsByStatus(dossier.facts, dossier.entities);
  const appendix: string[] = [];
  if (corroborated.length > 0) {
    out.push('## Corroborated facts', '');
    for (const f of corroborated) out.push(`- **${counted(f.independentSources, 'source')}**: ${md(f.text)}${cite(f.citations)}${sources(f)}${matched(f)}`);
    out.push('');
  }
  if (developments.length > 0) {
    out.push('## Developments over time', '');
    for (const [before, after] of developments)
      out.push(`- earlier: ${md(before.text)}${cite(before.citations)}  \n  later: ${md(after.text)}${cite(after.citations)}`);
    out.push('');
  }
  if (single.length > 0) {
    const [shown, rest] = firstAndRest(single, FACTS_SHOWN);
    const line = (f: (typeof single)[number]): string => `- ${f.hedged ? '_(hedged)_ ' : ''}${md(f.text)}${cite(f.citations)}${sources(f)}`;
    out.push('## Single-source facts', '', ...shown.map(line));
    if (rest.length > 0) {
      out.push('', `_${rest.length} more single-source facts, less central to the story, are in the appendix._`);
      appendix.push('### Single-source facts (continued)', '', ...rest.map(line), '');
    }
    out.push('');
  }
  if (dossier.quotes.length > 0) {
    out.push('## Quotes by speaker', '');
    for (const [speaker, quotes] of quotesBySpeaker(dossier.quotes)) {
      out.push(`### ${md(speaker ?? UNATTRIBUTED)}`, '');
      for (const q of quotes) {
        out.push(`- ${q.kind === 'direct' ? `“${md(q.text)}”` : `_(reported)_ ${md(q.text)}`}${cite(q.citations)}`);
        // Reported speech is the writer's wording: quote marks around its variants would claim words nobody quoted.
        for (const v of q.variants ?? []) out.push(`  - variant: ${q.kind === 'direct' ? `“${md(v.text)}”` : md(v.text)}${cite(v.citations)}`);
        if (q.otherSpeakers?.length) out.push(`  - ⚠ also attributed to: ${q.otherSpeakers.map(md).join(', ')}`);
      }
      out.push('');
    }
  }
  if (dossier.coverage && dossier.coverage.facts.length > 0) {
    const c = dossier.coverage;
    const [shown, rest] = firstAndRest(c.facts, MATRIX_COLUMNS);
    out.push('## Coverage: which source reports which fact', '');
    out.push('_Columns: conflicting facts first, then facts by number of sources._', '', ...matrix(dossier, shown));
    if (rest.length > 0) {
      out.push('', `_${rest.length} more shared facts are in the appendix._`);
      appendix.push('### Coverage (continued)', '', ...matrix(dossier, rest), '');
    }
    out.push('');
    const gaps = c.omissions.filter((o) => o.facts.length > 0);
    if (gaps.length > 0) {
      out.push('**Omissions** (facts two or more other sources report):', '');
      for (const o of gaps) out.push(`- ${md(o.source)}: ${o.facts.map((f) => `F${f + 1}`).join(', ')}`);
      out.push('');
    }
    const words = (ws: ReadonlyArray<{ word: string; count: number; citations?: CitationOut[] }> = []): string =>
      ws.map((w) => `${md(w.word)} (${w.count})${cite(w.citations ?? [])}`).join(', ');
    const row = (name: string, f: FramingRow): string =>
      `| ${md(name)} | ${f.sentences} | ${pct(f.hedgedShare)} | ${pct(f.attributedShare)} | ${pct(f.opinionShare)} | ${pct(f.firstPersonShare ?? 0)} | ${f.imperatives ?? 0} | ${words(f.loadedWords)} | ${words(f.promotionalWords)} |`;
    const header = '| {name} | sentences | hedged | attributed | opinion form | first person | imperatives | loaded words | promotional words |';
    out.push(
      '**Framing signals** (signals, not verdicts; read in each outlet’s own words, quotes excluded):',
      '',
      header.replace('{name}', 'source'),
      '|---|--:|--:|--:|--:|--:|--:|---|---|',
      ...c.framing.map((f) => row(f.source, f)),
    );
    if (c.articles && c.articles.length > 1) {
      out.push('', '**Framing signals per article**:', '', header.replace('{name}', 'article'), '|---|--:|--:|--:|--:|--:|--:|---|---|');
      for (const f of c.articles) out.push(row(articleName(articles, f.articleId), f));
    }
    out.push('');
  }

  out.push('## Sources and provenance', '');
  for (const s of dossier.sources) {
    const titles = s.articleIds.map((id) => {
      const a = articles.get(id);
      const copy = a?.provenance.duplicateOf ? ` (copy of ${md(articles.get(a.provenance.duplicateOf)?.title ?? a.provenance.duplicateOf)})` : '';
      const note = a ? creditNote(a) : null;
      const credit = note ? ` (${md(note)})` : '';
      const rewrites = (s.rewrites ?? []).filter((r) => r.articleId === id);
      const rewrite = rewrites.map((r) => ` (rewrite of ${md(articles.get(r.of)?.title ?? r.of)}: ${md(r.reason)})`).join('');
      return `${md(a?.title ?? id)}${copy}${credit}${rewrite}`;
    });
    out.push(`- **${md(s.name)}**: ${titles.join('; ')}`);
  }
  out.push('');

  if (appendix.length > 0) out.push('## Appendix', '', ...appendix);

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

/** A source × fact table for the given fact indexes, with the facts' words under it. */
function matrix(dossier: Dossier, facts: readonly number[]): string[] {
  const c = dossier.coverage;
  if (!c) return [];
  const column = new Map(c.facts.map((f, k) => [f, k]));
  return [
    `| source | ${facts.map((f) => `F${f + 1}`).join(' | ')} |`,
    `|---|${facts.map(() => ':-:').join('|')}|`,
    ...c.sources.map((s, i) => `| ${md(s)} | ${facts.map((f) => (c.cells[i]?.[column.get(f) ?? -1] ? '✓' : '·')).join(' | ')} |`),
    '',
    facts.map((f) => `F${f + 1}: ${md(dossier.facts[f]?.text ?? '')}`).join('  \n'),
  ];
}

/**
 * Escapes Markdown and HTML syntax in article-derived text, folds line breaks, and drops control characters (a
 * Markdown file is often read with `cat`, where an escape sequence would act on the terminal).
 */
export function md(text: string): string {
  return withoutControls(text)
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`);
}

type FramingRow = NonNullable<Dossier['coverage']>['framing'][number];

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
