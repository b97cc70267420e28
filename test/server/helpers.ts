import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createPipeline, openStore, type Store } from '../../src/index.js';
import { createApp } from '../../src/server/index.js';
import type { AppOptions } from '../../src/server/options.js';
import { tempDir } from '../helpers.js';

/**
 * Short fictional articles on unrelated subjects (written for these tests), so that each forms its own story. Each
 * names a different town, which the search tests look for.
 */
const ARTICLES = [
  "Marlow Cove reopens its lighthouse museum\n\nVolunteers in Marlow Cove repainted the lantern room, polished the brass lens fittings and rebuilt the spiral staircase before the spring season. The keeper's cottage now shows storm logs, foghorn recordings and a model of the wrecked schooner Gannet.",
  "Quenby bakers win regional bread prize\n\nA sourdough loaf from a family bakery in Quenby took first place at the county fair, beating rye, spelt and brioche entries. The judges praised its crackling crust and open crumb; the bakers credit a starter kept alive since their grandmother's kitchen.",
  'Astwick rail signal fault delays commuters\n\nMorning trains through Astwick ran forty minutes late after a signalling cable failed near the viaduct. Engineers replaced a burnt relay cabinet by noon, and the operator promised refunds for season-ticket holders stranded on cold platforms.',
  'Dunholt orchestra announces winter programme\n\nThe Dunholt chamber orchestra will perform cello concertos, a baroque suite and a new choral commission in December. Its conductor said rehearsals with the youth choir begin next month in the restored corn exchange.',
  'Pellering farmers report record pear harvest\n\nGrowers around Pellering picked twice the usual tonnage of pears thanks to a mild, wet summer. Cider presses are running through the night, and cooperatives are renting refrigerated lorries to move fruit before it bruises.',
  'Oxmere swimmers cross frozen lake for charity\n\nThirty swimmers braved icy water at Oxmere to raise money for the mountain rescue team. Wrapped in towels and woollen hats afterwards, they drank cocoa by bonfires while paramedics checked for hypothermia.',
  'Tarrow Vale library extends opening hours\n\nThe Tarrow Vale library will open on Sunday afternoons after readers signed a petition. Staff plan storytelling for toddlers, a seed swap, and evening workshops on tracing family history through parish registers.',
  'Windle chess club hosts junior tournament\n\nSixty young players from Windle schools competed in a rapid chess tournament at the town hall. An eleven-year-old won every game with aggressive openings, sacrificing knights early to trap opposing kings.',
];

/** A fictional article, distinct per index (up to eight), so each forms its own story. */
export function fictionalArticle(i: number): { name: string; text: string } {
  return { name: `town-${i}.txt`, text: `${ARTICLES[i % ARTICLES.length]} (item ${i})\n` };
}

/** A multipart body with the given files. */
export function uploadForm(files: ReadonlyArray<{ name: string; text: string }>, texts: readonly string[] = []): FormData {
  const form = new FormData();
  for (const f of files) form.append('file', new File([f.text], f.name, { type: 'text/plain' }));
  for (const t of texts) form.append('text', t);
  return form;
}

/** A fresh store and an app over it. Ingest runs no annotation stages, so tests exercise HTTP, not the NLP. */
export async function testApp(options: Partial<AppOptions> = {}): Promise<{ app: Hono; store: Store }> {
  const store = await openStore(tempDir('tri-api-'));
  const web = tempDir('tri-web-');
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(web, 'assets', 'app-1234.js'), 'export {};');
  const app = createApp({ store, pipeline: createPipeline([]), webRoot: web, log: () => undefined, ...options });
  return { app, store };
}

/**
 * Makes each article its own story, by hand: these tests are about HTTP, so they must not depend on how the linker
 * groups a few short texts.
 */
export async function oneStoryPerArticle(store: Store): Promise<void> {
  const articles = await store.getArticles(await store.articleIds());
  const stories = articles.map((a) => ({
    id: `s-${a.id}`,
    title: a.title ?? a.id,
    articleIds: [a.id],
    sources: [{ name: a.outlet ?? a.source.path, articleIds: [a.id] }],
    events: [],
  }));
  const keep = new Set(stories.map((s) => s.id));
  await store.saveStories(
    stories,
    (await store.storyIds()).filter((id) => !keep.has(id)),
  );
}

/** Uploads files through the API. */
export async function upload(app: Hono, files: ReadonlyArray<{ name: string; text: string }>, headers: Record<string, string> = {}): Promise<Response> {
  return app.request('/api/ingest', { method: 'POST', body: uploadForm(files), headers });
}
