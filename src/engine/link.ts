import { linkArticles } from '../link/stories.js';
import type { Story } from '../model/story.js';
import type { Store } from '../store/store.js';

/**
 * Re-links every stored article into stories under the store's exclusive lock, so two ingest runs never interleave
 * a read of the stories with a write. Stories whose id survives keep it; vanished ones are removed.
 */
export async function relink(store: Store): Promise<Story[]> {
  return store.exclusive(async (tx) => {
    const ids = await tx.articleIds();
    const articles = await tx.getArticles(ids);
    // Duplicates (`provenance.duplicateOf`) are not written back yet: the store needs an update path for that.
    const { stories } = linkArticles(articles);
    const keep = new Set(stories.map((s) => s.id));
    await tx.saveStories(
      stories,
      (await tx.storyIds()).filter((id) => !keep.has(id)),
    );
    return stories;
  });
}
