import { loadDossier } from '../../engine/dossier.js';
import { sourceCountPhrase } from '../../link/sources.js';
import { counted } from '../../render/plural.js';
import type { Store } from '../../store/store.js';
import type { CliIo } from '../io.js';
import { table } from '../table.js';

/** Lists stories: a table on a terminal, JSON lines when piped or asked. */
export async function runStories(io: CliIo, store: Store, options: { json: boolean; query?: string; limit: number; offset: number }): Promise<void> {
  const stories = await store.listStories({ limit: options.limit, offset: options.offset, ...(options.query ? { query: options.query } : {}) });
  if (options.json) {
    for (const s of stories) io.stdout.write(`${JSON.stringify(s)}\n`);
    return;
  }
  if (stories.length === 0) {
    io.stdout.write('no stories (ingest some articles first: triangulate ingest <paths…>)\n');
    return;
  }
  io.stdout.write(
    table(
      ['story', 'articles', 'sources', 'dates', 'lang', 'title'],
      stories.map((s) => [s.id, String(s.articleCount), String(s.sourceCount), dateRange(s.firstDate, s.lastDate), s.languages.join(','), s.title]),
    ),
  );
}

/** Prints one story: sources, events and articles. */
export async function runShow(io: CliIo, store: Store, storyId: string, json: boolean): Promise<void> {
  const { dossier, articles } = await loadDossier(store, storyId);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ id: dossier.id, title: dossier.title, sources: dossier.sources, events: dossier.events, articleIds: dossier.articleIds })}\n`,
    );
    return;
  }
  const lines = [
    `${dossier.title}`,
    `${dossier.id} · ${counted(dossier.articleIds.length, 'article')} · ${sourceCountPhrase(dossier.sources)}`,
    '',
    'sources:',
  ];
  for (const s of dossier.sources) lines.push(`  ${s.name} (${s.articleIds.length})`);
  lines.push('', 'events:');
  for (const e of dossier.events) lines.push(`  ${e.date ?? 'date unknown'}  ${e.title} (${counted(e.articleIds.length, 'article')})`);
  lines.push('', 'articles:');
  for (const id of dossier.articleIds) {
    const a = articles.get(id);
    if (a) lines.push(`  ${id}  ${a.published.date ?? '    -     '}  ${a.outlet ?? '?'}  ${a.title ?? a.source.path}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}

function dateRange(first: string | null, last: string | null): string {
  if (!first) return '-';
  return first === last || !last ? first : `${first}…${last}`;
}
