import type { Article } from '../model/article.js';
import type { Story } from '../model/story.js';
import { Linker, type LinkerOptions } from './linker.js';

/** What linking a set of articles yields. */
export interface LinkResult {
  /** Stories, largest first, each with its independent sources and events. */
  stories: Story[];
  /** Article id → id of the canonical copy (earliest published) for every article that duplicates another. */
  duplicates: Map<string, string>;
}

/**
 * Batch linking: the articles filed, then the whole set clustered at once (`Linker.canonicalize`), so the result
 * is a function of the set. Use `Linker` directly to add articles as they arrive.
 */
export function linkArticles(articles: readonly Article[], options: Partial<LinkerOptions> = {}): LinkResult {
  const linker = new Linker(options);
  for (const article of [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) linker.add(article);
  linker.canonicalize();
  return { stories: linker.stories(), duplicates: linker.duplicates() };
}

/** Stories of a set of articles (see `linkArticles`). */
export function groupStories(articles: readonly Article[], options: Partial<LinkerOptions> = {}): Story[] {
  return linkArticles(articles, options).stories;
}
