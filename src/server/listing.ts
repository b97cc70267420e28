import type { Store, StorySummary } from '../index.js';
import type { StoryPage, StoryQuery } from './schemas.js';

/** Stories read per store call while filtering: large enough that a filtered page rarely needs a second call. */
const SCAN_BATCH = 500;

/**
 * One page of stories. Search and paging go to the store; filters the store cannot apply (language, independent
 * sources) are applied here while scanning the store's order, so `offset` counts matching stories and pages stay
 * stable. One extra item is read to tell whether a next page exists without counting everything.
 */
export async function storyPage(store: Store, query: StoryQuery): Promise<StoryPage> {
  const { limit, offset } = query;
  const search = query.q ? { query: query.q } : {};
  const filtered = query.language !== undefined || query.minSources !== undefined;
  let items: StorySummary[];
  if (!filtered) {
    items = await store.listStories({ ...search, limit: limit + 1, offset });
  } else {
    const keep = (s: StorySummary): boolean =>
      (query.language === undefined || s.languages.includes(query.language)) && (query.minSources === undefined || s.sourceCount >= query.minSources);
    const matches: StorySummary[] = [];
    for (let at = 0; matches.length < offset + limit + 1; at += SCAN_BATCH) {
      const batch = await store.listStories({ ...search, limit: SCAN_BATCH, offset: at });
      matches.push(...batch.filter(keep));
      if (batch.length < SCAN_BATCH) break;
    }
    items = matches.slice(offset);
  }
  const total = query.q || filtered ? null : await store.countStories();
  return page(items, limit, offset, total);
}

/** A page from `limit + 1` items read: the extra one only says that a next page exists. */
export function page<T>(
  items: T[],
  limit: number,
  offset: number,
  total: number | null,
): { items: T[]; limit: number; offset: number; next: number | null; total: number | null } {
  return { items: items.slice(0, limit), limit, offset, next: items.length > limit ? offset + limit : null, total };
}
