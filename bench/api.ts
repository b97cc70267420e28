import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type StoryPage } from '../src/index.js';
import { startServer } from '../src/server/index.js';
import { fillSyntheticStore } from './generate.js';

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
  /** Stories (of the largest 200) too big to build a dossier for within the run. */
  skippedDossiers: number;
}

/** Requests per route: enough for a p99 that is not just the maximum of a handful. */
const REQUESTS = 200;
/** Distinct stories whose dossier is built cold (largest first): each costs seconds or more on a big story. */
const COLD_DOSSIERS = 30;
/** Cold builds stop after this long (at least one runs): a story of a hundred articles takes seconds to a minute. */
const COLD_BUDGET_MS = 90_000;
/**
 * Largest story whose dossier is built cold in the bench: at 1,000 synthetic articles stories of ~100 articles took
 * 4–41 s each, and build time grows faster than the story (facts are aligned across its sentences).
 */
const MAX_COLD_ARTICLES = 200;

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
export async function apiAt(size: number, onRoute?: (latency: Latency) => void): Promise<ApiFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-api-'));
  const store = await openStore(dir);
  try {
    const t0 = performance.now();
    await fillSyntheticStore(store, size);
    const buildSeconds = (performance.now() - t0) / 1000;
    const server = await startServer({ store, port: 0, log: () => undefined });
    try {
      const stories = await store.countStories();
      const first = (await (await fetch(`${server.url}/api/stories?limit=200`)).json()) as StoryPage;
      const articleIds = (await store.articleIds()).filter((_, i) => i % Math.max(1, Math.floor(size / REQUESTS)) === 0);
      const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
      const deep = Math.max(0, stories - 50);
      const repeat = (f: (i: number) => string): string[] => Array.from({ length: REQUESTS }, (_, i) => f(i));
      const routes: Latency[] = [];
      const measure = async (route: string, paths: readonly string[], budgetMs?: number): Promise<void> => {
        const latency = await time(server.url, route, paths, budgetMs);
        routes.push(latency);
        onRoute?.(latency);
      };
      await measure(
        'GET /api/stories (first 50)',
        repeat(() => '/api/stories?limit=50'),
      );
      await measure(
        `GET /api/stories (last page, offset ${deep})`,
        repeat(() => `/api/stories?limit=50&offset=${deep}`),
      );
      await measure(
        'GET /api/stories?q= (search)',
        repeat((i) => `/api/stories?q=${['plant', 'port', 'minister', 'strike'][i % 4]}`),
      );
      await measure(
        'GET /api/articles/:id (with layers)',
        repeat((i) => `/api/articles/${pick(articleIds, i)}`),
      );
      // Built on a story's first request, then served from the dossier cache until the story changes. Building blocks
      // the event loop, so stories above MAX_COLD_ARTICLES are left out rather than stalling the run for many minutes.
      const cold = first.items.filter((s) => s.articleCount <= MAX_COLD_ARTICLES).slice(0, COLD_DOSSIERS);
      const sizes = cold.map((s) => s.articleCount);
      if (cold.length > 0) {
        const label = `${Math.min(...sizes)}–${Math.max(...sizes)} articles`;
        await measure(
          `GET /api/stories/:id (dossier, first request; ${label})`,
          cold.map((s) => `/api/stories/${s.id}`),
          COLD_BUDGET_MS,
        );
        const built = cold.slice(0, routes.at(-1)?.requests ?? 0);
        await measure(
          `GET /api/stories/:id (dossier, cached; ${label})`,
          repeat((i) => `/api/stories/${pick(built, i).id}`),
        );
      }
      const skipped = first.items.length - cold.length;
      return { size, stories, buildSeconds, routes, skippedDossiers: skipped };
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
