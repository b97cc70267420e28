import { medianReference, ownReference, reanchorTimes } from '../annotate/times/index.js';
import { LINKER_DEFAULTS, Linker, type LinkerEntry, type LinkerState } from '../link/index.js';
import { type Dating, LINK_INPUT_VERSION } from '../link/intake.js';
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
const keptLinkers = new WeakMap<Store, { version: string; linker: Linker; datings: Map<string, Dating> }>();

/**
 * Most stored datings kept between passes (`Kept.datings`): re-anchoring reads the dating of every member of each
 * story a new undated article joins, and reading those of a story of thousands again at every pass made a pass grow
 * with the story; a dating is a date and a word, so 100,000 of them are a few megabytes.
 */
const DATINGS_KEPT = 100_000;

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
      // Stored datings never change (an input is made once per article and version), so they outlive the linker.
      const datings = kept?.datings ?? new Map<string, Dating>();
      if (datings.size > DATINGS_KEPT) datings.clear();
      const ids = await tx.articleIds();
      const present = new Set(ids);
      const gone = (saved ? [...saved.keys()] : linker.ids()).filter((id) => !present.has(id));
      for (const id of gone) linker.remove(id);
      // New articles are filed from the inputs their workers stored (src/link/intake.ts), else read; only ids are
      // kept: holding every new article (text and layers, ≈13 KB each on the benchmark's short ones) until the pass
      // ended made a first pass over 100,000 articles need over a gigabyte.
      const freshIds = new Set<string>();
      // New articles whose times may move with their story's date: not those dated by their own evidence (`Dating`).
      const movable = new Set<string>();
      const fresh = ids.filter((id) => !linker.has(id));
      for (let i = 0; i < fresh.length; i += LOAD_CHUNK) {
        const chunk = fresh.slice(i, i + LOAD_CHUNK);
        const fixed = await fixedTimes(tx, chunk, datings);
        for (const item of await intake(tx, chunk)) {
          if ('text' in item) linker.add(item);
          else linker.addEntry(item);
          freshIds.add(item.id);
          if (!fixed.has(item.id)) movable.add(item.id);
        }
      }
      if (freshIds.size > 0) linker.canonicalize();
      const updated = new Map<string, Article>();
      if (movable.size > 0) {
        // Only the stories with such an article, and of them only their events: building whole stories (titles,
        // sources, rewrites) for it was a sixth of a first pass over 12,000 articles.
        for (const article of await reanchored(tx, linker.storyEvents(linker.storyKeysOf(movable)), movable, datings)) {
          updated.set(article.id, article);
          linker.remove(article.id);
          linker.add(article);
        }
      }
      // Whatever order and batches the articles came in, the stories are those of the whole set clustered at once.
      if (updated.size > 0 || gone.length > 0) linker.canonicalize();
      const duplicates = linker.duplicates();
      const touched = new Set(freshIds);
      for (const [copy, original] of duplicates) if (freshIds.has(copy) || freshIds.has(original)) touched.add(copy);
      const unread = [...touched].filter((id) => !updated.has(id));
      for (const id of touched) {
        const article = updated.get(id);
        const duplicateOf = duplicates.get(id) ?? null;
        if (article && article.provenance.duplicateOf !== duplicateOf) updated.set(id, { ...article, provenance: { ...article.provenance, duplicateOf } });
      }
      // The others are not read: only their marks, and only the changed marks are written (`markDuplicates`). Reading
      // every new article again was a third reading of each, and reading and writing back every copy a first pass
      // marks (over half the synthetic corpus) a tenth of the pass.
      const marked: Array<readonly [string, string | null]> = [];
      for (let i = 0; i < unread.length; i += LOAD_CHUNK) {
        const chunk = unread.slice(i, i + LOAD_CHUNK);
        const stored = await tx.duplicateMarks(chunk);
        for (const id of chunk) {
          const duplicateOf = duplicates.get(id) ?? null;
          if (stored.has(id) && stored.get(id) !== duplicateOf) marked.push([id, duplicateOf]);
        }
      }
      await tx.updateArticles([...updated.values()]);
      await tx.markDuplicates(marked);
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
      return { total: current.size, changed: stories, linker, written, datings };
    })
    .then(({ total, changed, linker, written, datings }) => {
      keptLinkers.set(store, { version: written, linker, datings });
      return { total, changed };
    });
}

function restoredState(saved: ReadonlyMap<string, string>): LinkerState {
  const entries = [...saved.values()].map((json) => JSON.parse(json) as LinkerEntry);
  return { version: 1, options: LINKER_DEFAULTS, entries };
}

/**
 * What the linker files for these articles, in their order: the entry a worker stored beside the article when it is
 * of the current version (`LinkInput`), else the article itself, read from the store.
 */
async function intake(store: Store, ids: readonly string[]): Promise<Array<LinkerEntry | Article>> {
  const entries = new Map<string, LinkerEntry>();
  for (const [id, input] of await store.linkInputs(ids, 'entry')) {
    if (input.version === LINK_INPUT_VERSION) entries.set(id, JSON.parse(input.value) as LinkerEntry);
  }
  const missing = ids.filter((id) => !entries.has(id));
  const articles = new Map((missing.length > 0 ? await store.getArticles(missing) : []).map((a) => [a.id, a] as const));
  return ids.flatMap((id) => entries.get(id) ?? articles.get(id) ?? []);
}

/**
 * Those of these articles whose stored dating says their times are fixed (`Dating.fixed`). The datings read are kept
 * in `kept`, where re-anchoring finds them (the new articles are members of the stories it re-anchors).
 */
async function fixedTimes(store: Store, ids: readonly string[], kept: Map<string, Dating>): Promise<Set<string>> {
  const fixed = new Set<string>();
  for (const [id, input] of await store.linkInputs(ids, 'dating')) {
    if (input.version !== LINK_INPUT_VERSION) continue;
    const dating = JSON.parse(input.value) as Dating;
    kept.set(id, dating);
    if (dating.fixed) fixed.add(id);
  }
  return fixed;
}

/** What re-anchoring reads of a story (`Linker.storyEvents`): its members and its events' members. */
type StoryMembers = Pick<Story, 'articleIds'> & { events: ReadonlyArray<{ articleIds: readonly string[] }> };

/**
 * The `movable` articles of these stories (new ones not dated by their own evidence) whose times change when resolved
 * against the date of their event (the story's date when the event has none): an undated article about a March
 * announcement is read in March, not at the story's median. The dates come from each member's stored dating
 * (`Dating`, read from its text when none is stored; stored ones kept in `kept` for later passes), and only movable
 * members are read in full; stories are handled about `LOAD_CHUNK` members at a time.
 */
async function reanchored(store: Store, stories: readonly StoryMembers[], movable: ReadonlySet<string>, kept: Map<string, Dating>): Promise<Article[]> {
  const out: Article[] = [];
  for (let start = 0; start < stories.length; ) {
    let end = start;
    for (let members = 0; end < stories.length && members < LOAD_CHUNK; end++) members += (stories[end] as StoryMembers).articleIds.length;
    out.push(...(await reanchoredIn(store, stories.slice(start, end), movable, kept)));
    start = end;
  }
  return out;
}

/** `reanchored` over one group of stories: their members' datings and the movable articles read at once. */
async function reanchoredIn(store: Store, stories: readonly StoryMembers[], movable: ReadonlySet<string>, kept: Map<string, Dating>): Promise<Article[]> {
  const { datings, read } = await datingsOf(
    kept,
    store,
    stories.flatMap((s) => s.articleIds),
  );
  const ownOf = (ids: readonly string[]) => ids.flatMap((id) => (datings.has(id) ? [(datings.get(id) as Dating).own] : []));
  const due: Array<{ id: string; date: string }> = [];
  for (const story of stories) {
    const storyDate = medianReference(ownOf(story.articleIds));
    for (const event of story.events) {
      const date = medianReference(ownOf(event.articleIds)) ?? storyDate;
      if (!date) continue;
      for (const id of event.articleIds) if (movable.has(id) && datings.has(id)) due.push({ id, date });
    }
  }
  const unread = [...new Set(due.map((d) => d.id))].filter((id) => !read.has(id));
  for (const article of await store.getArticles(unread)) read.set(article.id, article);
  const out: Article[] = [];
  for (const { id, date } of due) {
    const article = read.get(id) as Article;
    const next = reanchorTimes(article, date);
    if (JSON.stringify(next.layers.times) !== JSON.stringify(article.layers.times)) out.push(next);
  }
  return out;
}

/**
 * The dating of each stored article among `ids`: the one stored with it when of the current version (from `kept`,
 * where those read are added), else read from the article (`ownReference`), which is then kept in `read`.
 */
async function datingsOf(
  kept: Map<string, Dating>,
  store: Store,
  ids: readonly string[],
): Promise<{ datings: Map<string, Dating>; read: Map<string, Article> }> {
  const datings = new Map<string, Dating>();
  for (const id of ids) {
    const dating = kept.get(id);
    if (dating) datings.set(id, dating);
  }
  for (const [id, input] of await store.linkInputs(
    ids.filter((id) => !datings.has(id)),
    'dating',
  )) {
    if (input.version !== LINK_INPUT_VERSION) continue;
    const dating = JSON.parse(input.value) as Dating;
    datings.set(id, dating);
    kept.set(id, dating);
  }
  const read = new Map<string, Article>();
  for (const article of await store.getArticles(ids.filter((id) => !datings.has(id)))) {
    read.set(article.id, article);
    datings.set(article.id, { own: ownReference(article), fixed: false });
  }
  return { datings, read };
}
