import type { Context, Hono, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import type { z } from 'zod';
import { articleOut, type Store, TriangulateError } from '../index.js';
import { storyFounder } from '../model/story.js';
import { DossierPool } from './dossier-pool.js';
import { page, storyPage } from './listing.js';
import { ArticleQuerySchema, type ArticleView, DossierQuerySchema, type Health, ID_PATTERN, StoryQuerySchema } from './schemas.js';
import { DOSSIER_HTML_CSP } from './security.js';

/** Parses query parameters with a schema; a bad value is a 400 naming the parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new TriangulateError('E_USAGE', `bad query parameter ${issue ? `"${issue.path.join('.')}": ${issue.message}` : ''}`.trim());
}

/** A path id checked against the id shape, so nothing else ever reaches the store. */
function idParam(c: Context, kind: 'story' | 'article'): string {
  const id = c.req.param('id') ?? '';
  if (!ID_PATTERN.test(id)) throw new TriangulateError('E_USAGE', `not a ${kind} id: "${id.slice(0, 80)}"`);
  return id;
}

/**
 * Gives the HTML dossier its own policy, on the 200 and on a 304 alike: a browser copies a 304's headers onto its
 * cached copy, so a 304 carrying the UI's policy would leave the cached page with a policy that blocks its styles.
 */
function htmlDossierPolicy(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.query('format') === 'html') c.res.headers.set('Content-Security-Policy', DOSSIER_HTML_CSP);
  };
}

/** Health, listings, dossiers and articles: every read the UI and scripts make. GETs carry ETags (304 on a match). */
export function readRoutes(app: Hono, store: Store, writeRequiresToken: boolean, storeLocation?: string): () => Promise<void> {
  const dossiers = new DossierPool(store, storeLocation);
  app.get('/api/health', async (c) => {
    const body: Health = { status: 'ok', version: VERSION, articles: await store.countArticles(), stories: await store.countStories(), writeRequiresToken };
    return c.json(body);
  });

  app.get('/api/stories', etag(), async (c) => c.json(await storyPage(store, parseQuery(c, StoryQuerySchema))));

  // No etag() here: the dossier's ETag comes with it from the worker, so a 28 MB body is not hashed on this thread.
  app.get('/api/stories/:id', htmlDossierPolicy(), async (c) => {
    const id = idParam(c, 'story');
    const { format } = parseQuery(c, DossierQuerySchema);
    const found = await dossiers.get(id, format).catch(async (error: unknown) => {
      // Linking renames a story when an article with a smaller id joins it (`storyIdOf`): an old link is sent on
      // to the story its founding article is in now instead of answering 404.
      const founder = error instanceof TriangulateError && error.code === 'E_NOT_FOUND' ? storyFounder(id) : null;
      const now = founder ? await store.storyOf(founder) : null;
      if (now && now !== id) return { moved: now };
      throw error;
    });
    if ('moved' in found) return c.redirect(`/api/stories/${encodeURIComponent(found.moved)}${new URL(c.req.url).search}`, 308);
    c.header('ETag', found.etag);
    if (matches(c.req.header('if-none-match'), found.etag)) return c.body(null, 304);
    const type = format === 'md' ? 'text/markdown; charset=utf-8' : format === 'html' ? 'text/html; charset=UTF-8' : 'application/json';
    return c.body(found.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': type });
  });

  app.get('/api/articles', etag(), async (c) => {
    const { q, limit, offset } = parseQuery(c, ArticleQuerySchema);
    const items = await store.listArticles({ ...(q ? { query: q } : {}), limit: limit + 1, offset });
    return c.json(page(items, limit, offset, q ? null : await store.countArticles()));
  });

  app.get('/api/articles/:id', etag(), async (c) => {
    const id = idParam(c, 'article');
    const article = await store.getArticle(id);
    if (!article) throw new TriangulateError('E_NOT_FOUND', `no article "${id}" in the store`);
    const view: ArticleView = {
      article: articleOut(article),
      storyId: await store.storyOf(id),
      layers: article.layers,
      repairs: article.repairs.map((r) => ({ from: r.from, to: r.to, reason: r.reason, start: r.place.start, end: r.place.end })),
      credit: article.provenance.credit ?? null,
    };
    return c.json(view);
  });
  return () => dossiers.close();
}

/** Whether an If-None-Match header names this ETag (a list, weak tags and `*` as RFC 9110 allows). */
function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const candidate = t.trim();
    return candidate === '*' || candidate === tag || candidate === `W/${tag}`;
  });
}

/** The package version, reported by /api/health. */
export const VERSION = '0.1.0';
