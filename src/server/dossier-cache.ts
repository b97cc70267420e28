import { type Article, buildDossier, type Dossier, type Store, TriangulateError } from '../index.js';

/** Dossiers kept, and the most articles they may hold together: building one costs up to seconds for a big story. */
const MAX_DOSSIERS = 32;
const MAX_ARTICLES = 4_000;

interface Entry {
  /** The stored story as JSON: article ids are content hashes, so the same story JSON means the same inputs. */
  key: string;
  dossier: Dossier;
  articles: Map<string, Article>;
}

/**
 * Built dossiers, least recently used dropped first. A dossier is a pure function of its story and that story's
 * articles (whose ids are content hashes), so an entry stays valid while the stored story is unchanged; any
 * re-linking that touches the story changes its JSON and the entry is rebuilt.
 */
export class DossierCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly store: Store) {}

  /** The story's dossier and the articles it cites; E_NOT_FOUND when there is no such story. */
  async get(storyId: string): Promise<{ dossier: Dossier; articles: Map<string, Article> }> {
    const story = await this.store.getStory(storyId);
    if (!story) throw new TriangulateError('E_NOT_FOUND', `no story "${storyId}" in the store`);
    const key = JSON.stringify(story);
    const hit = this.entries.get(storyId);
    if (hit && hit.key === key) {
      this.entries.delete(storyId);
      this.entries.set(storyId, hit);
      return hit;
    }
    const list = await this.store.getArticles(story.articleIds);
    const entry: Entry = { key, dossier: buildDossier(story, list), articles: new Map(list.map((a) => [a.id, a])) };
    this.entries.set(storyId, entry);
    this.evict();
    return entry;
  }

  private evict(): void {
    let held = 0;
    for (const e of this.entries.values()) held += e.articles.size;
    for (const [id, e] of this.entries) {
      if (this.entries.size <= MAX_DOSSIERS && held <= MAX_ARTICLES) break;
      this.entries.delete(id);
      held -= e.articles.size;
    }
  }
}
