import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../src/compare/dossier.js';
import { ingestItems } from '../src/engine/ingest.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { openStore } from '../src/store/index.js';
import { loadTemplates, syntheticDocument } from './generate.js';

/** Synthetic rewrites ingested per article wanted in the story. */
const WRITTEN_PER_KEPT = 1.8;

/** Dossier build and render times for one story of `size` articles (median and worst of `runs`). */
export interface DossierFigures {
  articles: number;
  facts: number;
  buildMedianMs: number;
  buildMaxMs: number;
  markdownMs: number;
  htmlMs: number;
}

/**
 * Builds a story of `size` articles the way a user would get one (synthetic articles through the whole pipeline,
 * linked), then times the dossier: the budget is under a second for 200 articles.
 */
export async function dossierAt(size = 200, runs = 5): Promise<DossierFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-dossier-'));
  const store = await openStore(dir);
  try {
    const templates = loadTemplates();
    // One synthetic story: rewrites from every template sharing the story's names and numbers. The linker leaves
    // some rewrites out of the main story (about two thirds join it), so more are ingested and the story is cut
    // to `size` articles.
    const written = Math.ceil(size * WRITTEN_PER_KEPT);
    await ingestItems(
      store,
      Array.from({ length: written }, (_, i) => syntheticDocument(templates, i, written)),
    );
    const top = (await store.listStories({ limit: 1 }))[0];
    const story = top ? await store.getStory(top.id) : null;
    if (!story) throw new Error('no story was linked');
    const articles = await store.getArticles(story.articleIds.slice(0, size));
    const cut = { ...story, articleIds: articles.map((a) => a.id) };
    const times: number[] = [];
    let dossier = buildDossier(cut, articles);
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      dossier = buildDossier(cut, articles);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const t1 = performance.now();
    renderMarkdown(dossier, byId);
    const t2 = performance.now();
    renderHtml(dossier, byId);
    const t3 = performance.now();
    return {
      articles: articles.length,
      facts: dossier.facts.length,
      buildMedianMs: times[Math.floor(times.length / 2)] as number,
      buildMaxMs: times[times.length - 1] as number,
      markdownMs: t2 - t1,
      htmlMs: t3 - t2,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
