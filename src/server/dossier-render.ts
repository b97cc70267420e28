import { createHash } from 'node:crypto';
import { type Article, analysisJson, buildDossier, type Dossier, renderHtml, renderMarkdown, type Store, TriangulateError } from '../index.js';

/** The forms a dossier is served in. */
export type DossierFormat = 'json' | 'md' | 'html';

/**
 * A rendered dossier: the body as UTF-8 bytes with its ETag (both made where it is rendered, so a large body is
 * neither encoded nor hashed on the server's event loop), and the stored story's JSON it was built from (the cache
 * key).
 */
export interface RenderedDossier {
  key: string;
  body: Uint8Array;
  etag: string;
}

/**
 * Builds and renders story dossiers from a store, keeping the last built dossier so the other formats of the same
 * story do not build it again. Runs in the dossier worker thread (dossier-worker.ts), or in the calling thread when
 * the server has no store location to give a worker (an in-process app over a Store object).
 */
export class DossierRenderer {
  private last: { key: string; dossier: Dossier; articles: Map<string, Article> } | null = null;

  constructor(private readonly store: Store) {}

  /** The story's dossier in one format; E_NOT_FOUND when there is no such story. */
  async render(storyId: string, format: DossierFormat): Promise<RenderedDossier> {
    const story = await this.store.getStory(storyId);
    if (!story) throw new TriangulateError('E_NOT_FOUND', `no story "${storyId}" in the store`);
    const key = JSON.stringify(story);
    if (this.last?.key !== key) {
      this.last = null; // the previous story's articles are let go before this one's are loaded
      const list = await this.store.getArticles(story.articleIds);
      this.last = { key, dossier: buildDossier(story, list), articles: new Map(list.map((a) => [a.id, a])) };
    }
    const { dossier, articles } = this.last;
    const text =
      format === 'md'
        ? renderMarkdown(dossier, articles)
        : format === 'html'
          ? renderHtml(dossier, articles)
          : JSON.stringify(analysisJson([...articles.values()], [dossier]));
    const body = Buffer.from(text);
    return { key, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
  }
}
