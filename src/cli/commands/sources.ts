import { canonicalOutlet } from '../../clean/outlet-registry.js';
import type { Store } from '../../store/store.js';
import type { CliIo } from '../io.js';
import { table } from '../table.js';

/** Articles read from the store per page while counting (the listing is paged; the counts are not). */
const PAGE_SIZE = 1000;
const UNKNOWN = 'unknown outlet';

/** One outlet of a store: its canonical name, how many articles, and whether the source registry knows it. */
export interface OutletCount {
  outlet: string;
  articles: number;
  /** `registry`: listed in the source registry; `article`: named by the articles only; `unknown`: no outlet at all. */
  known: 'registry' | 'article' | 'unknown';
  /** The names the articles gave it, when they differ from the canonical one ("NYT"). */
  names: string[];
}

/** Counts a store's articles by canonical outlet (registry name, else the name the articles give). */
export async function outletCounts(store: Store): Promise<OutletCount[]> {
  const counts = new Map<string, OutletCount>();
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await store.listArticles({ limit: PAGE_SIZE, offset });
    for (const a of page) {
      const canonical = canonicalOutlet(a.outlet);
      const key = canonical?.key ?? '';
      const entry = counts.get(key) ?? {
        outlet: canonical?.name ?? UNKNOWN,
        articles: 0,
        known: canonical ? (canonical.known ? 'registry' : 'article') : 'unknown',
        names: [],
      };
      entry.articles++;
      if (a.outlet && a.outlet !== entry.outlet && !entry.names.includes(a.outlet)) entry.names.push(a.outlet);
      counts.set(key, entry);
    }
    if (page.length < PAGE_SIZE) break;
  }
  return [...counts.values()].sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
}

/** Lists a store's outlets with their article counts: a table on a terminal, JSON lines when piped or asked. */
export async function runSources(io: CliIo, store: Store, options: { json: boolean }): Promise<void> {
  const outlets = await outletCounts(store);
  if (options.json) {
    for (const o of outlets) io.stdout.write(`${JSON.stringify(o)}\n`);
    return;
  }
  if (outlets.length === 0) {
    io.stdout.write('no articles (ingest some first: triangulate ingest <paths…>)\n');
    return;
  }
  const known = { registry: 'registry', article: 'from articles', unknown: '-' } as const;
  io.stdout.write(
    table(
      ['outlet', 'articles', 'known', 'also named'],
      outlets.map((o) => [o.outlet, String(o.articles), known[o.known], o.names.join(', ')]),
    ),
  );
}
