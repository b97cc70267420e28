import type { Article } from '../model/article.js';
import type { Dossier } from '../model/story.js';
import { esc } from './escape.js';
import { md } from './markdown.js';
import { counted } from './plural.js';

/** One story as the index of an analysis lists it. */
export interface StoryListing {
  id: string;
  title: string;
  /** Earliest and latest publication date of its articles (null when none is known). */
  firstDate: string | null;
  lastDate: string | null;
  articles: number;
  sources: number;
}

/** The listing of a dossier: its counts and the span of its articles' publication dates. */
export function storyListing(dossier: Dossier, articles: ReadonlyMap<string, Article>): StoryListing {
  const dates = dossier.articleIds.flatMap((id) => articles.get(id)?.published.date ?? []).sort();
  return {
    id: dossier.id,
    title: dossier.title,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
    articles: dossier.articleIds.length,
    sources: dossier.sources.length,
  };
}

/** "2025-09-01 – 2025-09-03", one date when they are the same, "date unknown" when there is none. */
export function listingDates(s: StoryListing): string {
  if (!s.firstDate) return 'date unknown';
  return s.lastDate && s.lastDate !== s.firstDate ? `${s.firstDate} – ${s.lastDate}` : s.firstDate;
}

/** The folder's front page in Markdown: each story with its dates and counts, linking to its `.md` dossier. */
export function storyIndexMarkdown(stories: readonly StoryListing[], articleCount: number): string {
  const out = ['# Stories', '', `${counted(stories.length, 'story', 'stories')} from ${counted(articleCount, 'article')}.`, ''];
  if (stories.length > 0) {
    out.push('| story | dates | articles | sources |', '|---|---|--:|--:|');
    for (const s of stories) out.push(`| [${md(s.title)}](${s.id}.md) | ${listingDates(s)} | ${s.articles} | ${s.sources} |`);
    out.push('');
  }
  return out.join('\n');
}

/** The same as a self-contained HTML page (no script; the dossiers' strict Content-Security-Policy). */
export function storyIndexHtml(stories: readonly StoryListing[], articleCount: number): string {
  const rows = stories.map(
    (s) =>
      `<tr><td><a href="${esc(s.id)}.html">${esc(s.title)}</a></td><td class="dates">${esc(listingDates(s))}</td><td class="n">${s.articles}</td><td class="n">${s.sources}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Stories</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
.n{text-align:right}.dates{white-space:nowrap;color:#555}.meta{color:#555}</style></head>
<body><h1>Stories</h1><p class="meta">${counted(stories.length, 'story', 'stories')} from ${counted(articleCount, 'article')}.</p>
${rows.length > 0 ? `<table><thead><tr><th>story</th><th>dates</th><th class="n">articles</th><th class="n">sources</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
</body></html>
`;
}
