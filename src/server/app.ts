import { Hono } from 'hono';
import { TriangulateError } from '../index.js';
import { renderApiReference } from '../render/api-reference.js';
import { describeError, errorResponse, HttpError } from './errors.js';
import { API_REFERENCE_PATH, openApiDocument } from './openapi.js';
import { type AppOptions, DEFAULT_SERVER_LIMITS } from './options.js';
import { readRoutes } from './read-routes.js';
import { DOSSIER_HTML_CSP, hostGuard, securityHeaders, writeGuard } from './security.js';
import { DEFAULT_WEB_ROOT, StaticFiles } from './static.js';
import { writeRoutes } from './write-routes.js';

/** What ends each app's worker threads (dossier building, annotation): `closeApp`. */
const closers = new WeakMap<Hono, () => Promise<void>>();

/** Ends the worker threads an app started; a server calls it when it closes. */
export async function closeApp(app: Hono): Promise<void> {
  await closers.get(app)?.();
}

/** The dossiers being built ahead after each app's latest ingest (DossierPool.buildAhead). */
const ingested = new WeakMap<Hono, Promise<void>>();

/** Resolves when the dossiers of the stories the app's latest ingest changed are built and stored. */
export async function dossiersBuiltAhead(app: Hono): Promise<void> {
  await ingested.get(app);
}

/** RFC 6750's bearer token characters, and a length no one guesses (`openssl rand -hex 16` gives 32). */
const TOKEN_SHAPE = /^[A-Za-z0-9._~+/-]{16,512}=*$/;

/**
 * The HTTP app: JSON API under /api, the OpenAPI document, and the built web UI. A plain `Hono` so tests drive it
 * in-process with `app.request()`; `startServer` (listen.ts) puts it on a socket. CORS stays closed: no route sends
 * Access-Control-Allow-* headers, so other origins can neither read answers nor pre-flight writes.
 */
export function createApp(options: AppOptions): Hono {
  if (options.token !== undefined && !TOKEN_SHAPE.test(options.token))
    throw new TriangulateError('E_USAGE', 'a token must be at least 16 characters of A-Z a-z 0-9 . _ ~ + / - (the Bearer token syntax)');
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const web = new StaticFiles(options.webRoot ?? DEFAULT_WEB_ROOT);
  const app = new Hono();

  app.onError((error, c) => errorResponse(error, c, log));
  app.notFound((c) => errorResponse(new HttpError(404, 'E_NOT_FOUND', `no route for ${c.req.method} ${c.req.path.slice(0, 200)}`), c, log));
  app.use(securityHeaders());
  if (options.loopbackOnly || options.token !== undefined) app.use(hostGuard(options.hostNames ?? []));
  app.use(writeGuard(options.token));

  const reads = readRoutes(app, options.store, options.token !== undefined, options.storeLocation, options.changeFeedMs);
  const closeWrites = writeRoutes(app, options, limits, (report) => {
    const built = reads.afterIngest(report.articleIds);
    built.catch((error: unknown) => log(`building dossiers ahead failed: ${describeError(error).message}`));
    ingested.set(
      app,
      built.catch(() => undefined),
    );
  });
  closers.set(app, async () => {
    await Promise.all([reads.close(), closeWrites()]);
  });
  const openApi = openApiDocument(limits);
  app.get('/openapi.json', (c) => c.json(openApi));
  // The same document as a page to read (generated once); no script, so the dossier page's strict policy fits it.
  const reference = renderApiReference(openApi, { json: '/openapi.json', ui: '/' });
  app.get(API_REFERENCE_PATH, (c) => {
    c.header('Content-Security-Policy', DOSSIER_HTML_CSP);
    return c.html(reference);
  });

  app.get('*', (c) => {
    const file = web.serve(c, c.req.path);
    if (file) return file;
    if (c.req.path === '/' && !web.built) return c.text('The web UI is not built: run `npm run build` (the API is at /api, documented at /openapi.json).', 503);
    throw new HttpError(404, 'E_NOT_FOUND', `no file ${c.req.path.slice(0, 200)}`);
  });
  return app;
}
