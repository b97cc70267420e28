import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestItems, openStore, relink, type StoryPage } from '../src/index.js';
import { startServer } from '../src/server/index.js';
import { loadTemplates, syntheticDocument } from './generate.js';

/** Latency percentiles of one kind of request, in milliseconds. */
export interface Latency {
  route: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
}

/** API figures at one store size: how long the store took to build, then per-route latencies. */
export interface ApiFigures {
  size: number;
  stories: number;
  buildSeconds: number;
  routes: Latency[];
}

/** Requests per route: enough for a p99 that is not just the maximum of a handful. */
const REQUESTS = 200;
/** Distinct stories whose dossier is built cold (largest first): each costs seconds or more on a big story. */
const COLD_DOSSIERS = 30;
/** Cold builds stop after this long (at least one runs): a story of hundreds of articles can take most of a minute. */
const COLD_BUDGET_MS = 90_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** Times GETs of the given paths, one after another over one keep-alive connection (a single user's view). */
async function time(base: string, route: string, paths: readonly string[], budgetMs = Number.POSITIVE_INFINITY): Promise<Latency> {
  const ms: number[] = [];
  const started = performance.now();
  for (const path of paths) {
    if (ms.length > 0 && performance.now() - started > budgetMs) break;
    const t = performance.now();
    const response = await fetch(`${base}${path}`);
    await response.arrayBuffer();
    ms.push(performance.now() - t);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  }
  ms.sort((a, b) => a - b);
  return { route, requests: ms.length, p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), max: ms[ms.length - 1] ?? Number.NaN };
}

/**
 * Builds a store of `size` synthetic articles (full pipeline, then one linking pass), serves it on loopback, and
 * measures the routes the UI leans on: the story list (first page, a deep page, a search), a dossier (built on each
 * request from the stored articles), and one article with its layers.
 */
export async function apiAt(size: number): Promise<ApiFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-api-'));
  const store = await openStore(dir);
  try {
    const templates = loadTemplates();
    const t0 = performance.now();
    await ingestItems(
      store,
      (function* () {
        for (let i = 0; i < size; i++) yield syntheticDocument(templates, i);
      })(),
      { link: false },
    );
    await relink(store);
    const buildSeconds = (performance.now() - t0) / 1000;
    const server = await startServer({ store, port: 0, log: () => undefined });
    try {
      const stories = await store.countStories();
      const first = (await (await fetch(`${server.url}/api/stories?limit=200`)).json()) as StoryPage;
      const ids = first.items.map((s) => s.id);
      const articleIds = (await store.articleIds()).filter((_, i) => i % Math.max(1, Math.floor(size / REQUESTS)) === 0);
      const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
      const deep = Math.max(0, stories - 50);
      const repeat = (f: (i: number) => string): string[] => Array.from({ length: REQUESTS }, (_, i) => f(i));
      const routes = [
        await time(
          server.url,
          'GET /api/stories (first 50)',
          repeat(() => '/api/stories?limit=50'),
        ),
        await time(
          server.url,
          `GET /api/stories (last page, offset ${deep})`,
          repeat(() => `/api/stories?limit=50&offset=${deep}`),
        ),
        await time(
          server.url,
          'GET /api/stories?q= (search)',
          repeat((i) => `/api/stories?q=${['plant', 'port', 'minister', 'strike'][i % 4]}`),
        ),
        // Built on a story's first request, then served from the dossier cache until the story changes.
        await time(
          server.url,
          'GET /api/stories/:id (dossier, first request)',
          ids.slice(0, COLD_DOSSIERS).map((id) => `/api/stories/${id}`),
          COLD_BUDGET_MS,
        ),
        await time(
          server.url,
          'GET /api/stories/:id (dossier, cached)',
          repeat((i) => `/api/stories/${pick(ids.slice(0, COLD_DOSSIERS), i)}`),
        ),
        await time(
          server.url,
          'GET /api/articles/:id (with layers)',
          repeat((i) => `/api/articles/${pick(articleIds, i)}`),
        ),
      ];
      return { size, stories, buildSeconds, routes };
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
