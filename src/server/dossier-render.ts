import { type Article, analysisJson, buildDossier, type Dossier, renderHtml, renderMarkdown, type Store, TriangulateError } from '../index.js';
import { etagOf, utf8 } from './reads.js';

/** The forms a dossier is served in. */
export type DossierFormat = 'json' | 'md' | 'html';

/** A rendered dossier: the body as UTF-8 bytes with its ETag (both made where it is rendered, off the event loop). */
export interface RenderedDossier {
  body: Uint8Array;
  etag: string;
}

/** One build: the story, the format, and the story version the server read (`Store.storedDossier`). */
export interface DossierJob {
  storyId: string;
  format: DossierFormat;
  version: string;
}

/**
 * How a rendered dossier is written to the store: `save` runs it. The worker thread defers it until its answer is
 * sent (the write may wait for another process's write lock); in the calling thread it is simply awaited.
 */
export type Keep = (save: () => Promise<void>) => Promise<void> | void;

/**
 * Builds and renders story dossiers from a store and keeps each in the store for the story version it was built
 * from; keeps the last built dossier so the other formats of the same story do not build it again. Runs in the
 * dossier worker thread (dossier-worker.ts), or in the calling thread when the server has no store location to give
 * a worker (an in-process app over a Store object).
 */
export class DossierRenderer {
  private last: { version: string; dossier: Dossier; articles: Map<string, Article> } | null = null;

  constructor(
    private readonly store: Store,
    private readonly keep: Keep = (save) => save(),
  ) {}

  /**
   * The story's dossier in one format; E_NOT_FOUND when there is no such story. The version must have been read
   * before the story is (the server reads it first): if the story changes in between, the dossier is kept under the
   * older version, which no longer matches, so it is rebuilt rather than served stale.
   */
  async render(job: DossierJob): Promise<RenderedDossier> {
    const { storyId, format, version } = job;
    if (this.last?.version !== version) {
      this.last = null; // the previous story's articles are let go before this one's are loaded
      const story = await this.store.getStory(storyId);
      if (!story) throw new TriangulateError('E_NOT_FOUND', `no story "${storyId}" in the store`);
      const list = await this.store.getArticles(story.articleIds);
      this.last = { version, dossier: buildDossier(story, list), articles: new Map(list.map((a) => [a.id, a])) };
    }
    const { dossier, articles } = this.last;
    const text =
      format === 'md'
        ? renderMarkdown(dossier, articles)
        : format === 'html'
          ? renderHtml(dossier, articles)
          : JSON.stringify(analysisJson([...articles.values()], [dossier]));
    const etag = etagOf(text);
    // Not kept is only slower: the next request builds it again.
    await this.keep(() => this.store.saveDossier(storyId, format, { version, etag, body: text }).catch(() => undefined));
    return { body: utf8(text), etag };
  }
}
