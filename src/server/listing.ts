import { type Store, type StoryCursor, type StorySummary, TriangulateError } from '../index.js';
import { STORY_CURSOR, type StoryPage, type StoryQuery } from './schemas.js';

/** Stories read per store call while filtering: large enough that a filtered page rarely needs a second call. */
const SCAN_BATCH = 500;

/**
 * One page of stories. Search and paging go to the store; filters the store cannot apply (language, independent
 * sources) are applied here while scanning the store's order, so `offset` counts matching stories and pages stay
 * stable. One extra item is read to tell whether a next page exists without counting everything. A page read
 * `after` a cursor starts at that story's place in the list's index (no offset to walk) and does not shift when
 * stories are added ahead of it.
 */
export async function storyPage(store: Store, query: StoryQuery): Promise<StoryPage> {
  const { limit, offset } = query;
  const after = query.after === undefined ? undefined : cursorFrom(query.after);
  if (after && (query.q || offset > 0)) throw new TriangulateError('E_USAGE', '"after" resumes the story list: it takes no "q" and no "offset"');
  const search = query.q ? { query: query.q } : {};
  const filtered = query.language !== undefined || query.minSources !== undefined;
  let items: StorySummary[];
  if (!filtered) {
    items = await store.listStories({ ...search, limit: limit + 1, ...(after ? { after } : { offset }) });
  } else {
    const keep = (s: StorySummary): boolean =>
      (query.language === undefined || s.languages.includes(query.language)) && (query.minSources === undefined || s.sourceCount >= query.minSources);
    const matches: StorySummary[] = [];
    const wanted = (after ? 0 : offset) + limit + 1;
    // A search is scanned by offset (its order is by match); the list by cursor, each batch one index seek.
    let cursor = after;
    for (let at = 0; matches.length < wanted; at += SCAN_BATCH) {
      const batch = await store.listStories(
        query.q ? { ...search, limit: SCAN_BATCH, offset: at } : { limit: SCAN_BATCH, ...(cursor ? { after: cursor } : {}) },
      );
      matches.push(...batch.filter(keep));
      const last = batch.at(-1);
      if (batch.length < SCAN_BATCH || !last) break;
      cursor = cursorOf(last);
    }
    items = after ? matches : matches.slice(offset);
  }
  const total = query.q || filtered ? null : await store.countStories();
  const listed = page(items, limit, offset, total);
  const last = listed.items.at(-1);
  const nextCursor = listed.next !== null && !query.q && last ? cursorText(cursorOf(last)) : null;
  return { ...listed, next: after ? null : listed.next, nextCursor };
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

function cursorOf(story: StorySummary): StoryCursor {
  return { articleCount: story.articleCount, id: story.id };
}

/** A cursor as the API shows it: `<article count>.<story id>` (STORY_CURSOR). */
function cursorText(cursor: StoryCursor): string {
  return `${cursor.articleCount}.${cursor.id}`;
}

function cursorFrom(text: string): StoryCursor {
  const parts = STORY_CURSOR.exec(text);
  if (!parts) throw new TriangulateError('E_USAGE', `not a story cursor: "${text.slice(0, 80)}"`);
  return { articleCount: Number(parts[1]), id: parts[2] as string };
}
