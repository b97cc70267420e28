import { reanchorTimes, storyReferenceDate } from '../annotate/times/index.js';
import { LINKER_DEFAULTS, Linker, type LinkerEntry, type LinkerState } from '../link/index.js';
import type { Article } from '../model/article.js';
import type { Story } from '../model/story.js';
import type { Store } from '../store/store.js';

/** Articles loaded from the store per query while filing new ones into the linker. */
const LOAD_CHUNK = 500;

/**
 * The linker of this process's last relink per store, with the link version its save produced. While the stored
 * version is the same, no other process has linked since, and the linker is reused instead of being restored from
 * every saved entry (restoring 10,000 entries took most of a one-article ingest).
 */
const keptLinkers = new WeakMap<Store, { version: string; linker: Linker }>();

/**
 * Links stored articles into stories under the store's exclusive lock, so two ingest runs never interleave a read of
 * the stories with a write. Incremental: the linker is restored from its saved per-article entries and only new
 * articles are filed, so a small ingest into a large store costs little. Then, per story that gained articles:
 * articles with no date of their own have their relative times re-resolved against their event's date ("met
 * Wednesday" pinned by the others) and are filed again, and copies get `provenance.duplicateOf`.
 * Returns the number of stories in the store and the stories this run rebuilt.
 */
export async function relink(store: Store): Promise<{ total: number; changed: Story[] }> {
  return store
    .exclusive(async (tx) => {
      const version = await tx.linkVersion();
      const kept = keptLinkers.get(store);
      // Taken out while this run mutates it, put back only after the save commits: a failed run must not leave a
      // linker ahead of the store.
      keptLinkers.delete(store);
      const reuse = kept !== undefined && version !== null && kept.version === version;
      const saved = reuse ? null : await tx.linkEntries();
      const linker = kept && reuse ? kept.linker : Linker.restore(restoredState(saved as Map<string, string>));
      const ids = await tx.articleIds();
      const present = new Set(ids);
      const gone = (saved ? [...saved.keys()] : linker.ids()).filter((id) => !present.has(id));
      for (const id of gone) linker.remove(id);
      // Only ids are kept: holding every new article (text and layers, ≈13 KB each on the benchmark's short ones)
      // until the pass ended made a first pass over 100,000 articles need over a gigabyte; they are read again per
      // story below.
      const freshIds = new Set<string>();
      const fresh = ids.filter((id) => !linker.has(id));
      for (let i = 0; i < fresh.length; i += LOAD_CHUNK) {
        for (const article of await tx.getArticles(fresh.slice(i, i + LOAD_CHUNK))) {
          linker.add(article);
          freshIds.add(article.id);
        }
      }
      if (freshIds.size > 0) linker.canonicalize();
      const updated = new Map<string, Article>();
      if (freshIds.size > 0) {
        for (const story of linker.stories(undefined, linker.storyKeysOf(freshIds))) {
          for (const article of await reanchored(tx, story, freshIds)) {
            updated.set(article.id, article);
            linker.remove(article.id);
            linker.add(article);
          }
        }
      }
      // Whatever order and batches the articles came in, the stories are those of the whole set clustered at once.
      if (updated.size > 0 || gone.length > 0) linker.canonicalize();
      const duplicates = linker.duplicates();
      const touched = new Set(freshIds);
      for (const [copy, original] of duplicates) if (freshIds.has(copy) || freshIds.has(original)) touched.add(copy);
      const unread = [...touched].filter((id) => !updated.has(id));
      const marks = async (articles: readonly Article[]) => {
        for (const article of articles) {
          const duplicateOf = duplicates.get(article.id) ?? null;
          if (article.provenance.duplicateOf !== duplicateOf) updated.set(article.id, { ...article, provenance: { ...article.provenance, duplicateOf } });
        }
      };
      await marks([...touched].flatMap((id) => updated.get(id) ?? []));
      for (let i = 0; i < unread.length; i += LOAD_CHUNK) await marks(await tx.getArticles(unread.slice(i, i + LOAD_CHUNK)));
      await tx.updateArticles([...updated.values()]);
      // Only what changed is rebuilt and written: rewriting every story and linker entry made one new article cost
      // seconds on a store of 10,000 (the API's ingest path links after every upload).
      const changes = linker.takeChanges();
      const current = linker.storyIds();
      const stories = linker.stories(undefined, changes.storyKeys);
      await tx.saveStories(
        stories,
        (await tx.storyIds()).filter((id) => !current.has(id)),
      );
      const written = await tx.saveLinkEntries(
        changes.entries.map((e) => [e.id, JSON.stringify(e)] as const).filter(([id, json]) => saved?.get(id) !== json),
        gone,
      );
      return { total: current.size, changed: stories, linker, written };
    })
    .then(({ total, changed, linker, written }) => {
      keptLinkers.set(store, { version: written, linker });
      return { total, changed };
    });
}

function restoredState(saved: ReadonlyMap<string, string>): LinkerState {
  const entries = [...saved.values()].map((json) => JSON.parse(json) as LinkerEntry);
  return { version: 1, options: LINKER_DEFAULTS, entries };
}

/**
 * The story's new articles whose times change when resolved against the date of their event (the story's date when
 * the event has none): an undated article about a March announcement is read in March, not at the story's median.
 */
async function reanchored(store: Store, story: Story, fresh: ReadonlySet<string>): Promise<Article[]> {
  const byId = new Map((await store.getArticles(story.articleIds)).map((a) => [a.id, a] as const));
  const storyDate = storyReferenceDate([...byId.values()]);
  const out: Article[] = [];
  for (const event of story.events) {
    const date = storyReferenceDate(event.articleIds.flatMap((id) => byId.get(id) ?? [])) ?? storyDate;
    if (!date) continue;
    for (const id of event.articleIds) {
      const article = fresh.has(id) ? byId.get(id) : undefined;
      if (!article) continue;
      const next = reanchorTimes(article, date);
      if (JSON.stringify(next.layers.times) !== JSON.stringify(article.layers.times)) out.push(next);
    }
  }
  return out;
}
