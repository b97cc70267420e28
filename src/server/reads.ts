import { createHash } from 'node:crypto';
import { TriangulateError } from '../model/errors.js';
import { articleOut } from '../render/json.js';
import type { Store } from '../store/index.js';
import type { DossierFormat } from './dossier-render.js';
import { page, storyPage } from './listing.js';
import type { ArticleView, StoryQuery } from './schemas.js';

/**
 * One read the HTTP routes make, as a message (no field is named `id`: the thread's message carries its own): answered by a read thread over its own read-only connection
 * (read-pool.ts), or in the calling thread when there is no store location to give a thread.
 */
export type ReadJob =
  | { op: 'counts' }
  | { op: 'stories'; query: StoryQuery }
  | { op: 'articles'; query: { q?: string | undefined; limit: number; offset: number } }
  | { op: 'article'; articleId: string }
  | { op: 'storyOf'; articleId: string }
  | { op: 'dossier'; storyId: string; format: DossierFormat };

/** A JSON answer serialised and tagged where it was read, so the event loop only sends it. */
export interface JsonAnswer {
  body: string;
  etag: string;
}

/** What the dossier read found: no story, a dossier stored for the story's current version, or none yet. */
export type DossierRead = { kind: 'missing' } | { kind: 'stored'; body: Uint8Array; etag: string } | { kind: 'unbuilt'; version: string };

/** The answer to each kind of job. */
export interface ReadAnswers {
  counts: { articles: number; stories: number };
  stories: JsonAnswer;
  articles: JsonAnswer;
  article: JsonAnswer | null;
  storyOf: string | null;
  dossier: DossierRead;
}

/** A strong ETag of a body: its SHA-1. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * UTF-8 bytes in an ArrayBuffer of their own: a small `Buffer.from` shares Node's allocation pool, which cannot be
 * moved to another thread.
 */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function json(value: unknown): JsonAnswer {
  const body = JSON.stringify(value);
  return { body, etag: etagOf(body) };
}

/** Answers one read job from a store. */
export async function answerRead<J extends ReadJob>(store: Store, job: J): Promise<ReadAnswers[J['op']]> {
  return (await answer(store, job)) as ReadAnswers[J['op']];
}

async function answer(store: Store, job: ReadJob): Promise<ReadAnswers[ReadJob['op']]> {
  switch (job.op) {
    case 'counts':
      return { articles: await store.countArticles(), stories: await store.countStories() };
    case 'stories':
      return json(await storyPage(store, job.query));
    case 'articles': {
      const { q, limit, offset } = job.query;
      const items = await store.listArticles({ ...(q ? { query: q } : {}), limit: limit + 1, offset });
      return json(page(items, limit, offset, q ? null : await store.countArticles()));
    }
    case 'article':
      return articleView(store, job.articleId);
    case 'storyOf':
      return store.storyOf(job.articleId);
    case 'dossier': {
      const found = await store.storedDossier(job.storyId, job.format);
      if (!found) return { kind: 'missing' };
      if (!found.dossier) return { kind: 'unbuilt', version: found.version };
      return { kind: 'stored', body: utf8(found.dossier.body), etag: found.dossier.etag };
    }
    default:
      throw new TriangulateError('E_USAGE', `no read named "${(job as { op: unknown }).op}"`);
  }
}

async function articleView(store: Store, id: string): Promise<JsonAnswer | null> {
  const article = await store.getArticle(id);
  if (!article) return null;
  const view: ArticleView = {
    article: articleOut(article),
    storyId: await store.storyOf(id),
    layers: article.layers,
    repairs: article.repairs.map((r) => ({ from: r.from, to: r.to, reason: r.reason, start: r.place.start, end: r.place.end })),
    credit: article.provenance.credit ?? null,
  };
  return json(view);
}
