import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { type Store, TriangulateError } from '../index.js';
import { storyFounder } from '../model/story.js';
import { DossierPool } from './dossier-pool.js';
import { ReadPool } from './read-pool.js';
import type { JsonAnswer } from './reads.js';
import { ArticleQuerySchema, DossierQuerySchema, type Health, ID_PATTERN, StoryQuerySchema } from './schemas.js';
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

/**
 * Health, listings, dossiers and articles: every read the UI and scripts make, answered by the read pool (SQL, JSON
 * and the ETag's hash off the event loop). GETs carry ETags (304 on a match).
 */
export function readRoutes(
  app: Hono,
  store: Store,
  writeRequiresToken: boolean,
  storeLocation?: string,
  changeFeedMs?: number,
): { close: () => Promise<void>; afterIngest: (articleIds: readonly string[]) => Promise<void> } {
  const reads = new ReadPool(store, storeLocation);
  const dossiers = new DossierPool(store, reads, storeLocation);
  void reads.warm();
  void dossiers.warm();
  dossiers.followChanges(changeFeedMs);
  app.get('/api/health', async (c) => {
    const counts = await reads.run({ op: 'counts' });
    const body: Health = { status: 'ok', version: VERSION, ...counts, writeRequiresToken };
    return c.json(body);
  });

  app.get('/api/stories', async (c) => sendJson(c, await reads.run({ op: 'stories', query: parseQuery(c, StoryQuerySchema) })));

  app.get('/api/stories/:id', htmlDossierPolicy(), async (c) => {
    const id = idParam(c, 'story');
    const { format } = parseQuery(c, DossierQuerySchema);
    const found = await dossiers.get(id, format).catch(async (error: unknown) => {
      // Linking renames a story when an article with a smaller id joins it (`storyIdOf`): an old link is sent on
      // to the story its founding article is in now instead of answering 404.
      const founder = error instanceof TriangulateError && error.code === 'E_NOT_FOUND' ? storyFounder(id) : null;
      const now = founder ? await reads.run({ op: 'storyOf', articleId: founder }) : null;
      if (now && now !== id) return { moved: now };
      throw error;
    });
    if ('moved' in found) return c.redirect(`/api/stories/${encodeURIComponent(found.moved)}${new URL(c.req.url).search}`, 308);
    const type = format === 'md' ? 'text/markdown; charset=utf-8' : format === 'html' ? 'text/html; charset=UTF-8' : 'application/json';
    return send(c, found.body, found.etag, type);
  });

  app.get('/api/articles', async (c) => sendJson(c, await reads.run({ op: 'articles', query: parseQuery(c, ArticleQuerySchema) })));

  app.get('/api/articles/:id', async (c) => {
    const id = idParam(c, 'article');
    const view = await reads.run({ op: 'article', articleId: id });
    if (!view) throw new TriangulateError('E_NOT_FOUND', `no article "${id}" in the store`);
    return sendJson(c, view);
  });
  return {
    close: async () => {
      await Promise.all([reads.close(), dossiers.close()]);
    },
    // The stories an ingest's articles are in now (linking may have merged or renamed others): their dossiers are
    // built ahead of the first reader (DossierPool.buildAhead). Resolves when they are built.
    afterIngest: async (articleIds) => {
      const stories = new Set<string>();
      for (const id of articleIds) {
        const story = await store.storyOf(id);
        if (story) stories.add(story);
      }
      await dossiers.buildAhead([...stories]);
    },
  };
}

/** A JSON answer read and tagged in the read pool. */
function sendJson(c: Context, answer: JsonAnswer): Response {
  return send(c, answer.body, answer.etag, 'application/json');
}

/** A body with its ETag, or 304 when the client's copy is current. */
function send(c: Context, body: string | Uint8Array, etag: string, type: string): Response {
  c.header('ETag', etag);
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.body(body as string | Uint8Array<ArrayBuffer>, 200, { 'Content-Type': type });
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
