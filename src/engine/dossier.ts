import { buildDossier } from '../compare/dossier.js';
import type { Article } from '../model/article.js';
import { TriangulateError } from '../model/errors.js';
import type { Dossier } from '../model/story.js';
import type { Store } from '../store/store.js';

/** A story's dossier with the articles it cites, loaded from the store. */
export async function loadDossier(store: Store, storyId: string): Promise<{ dossier: Dossier; articles: Map<string, Article> }> {
  const story = await store.getStory(storyId);
  if (!story) throw new TriangulateError('E_NOT_FOUND', `no story "${storyId}" in the store (see \`triangulate stories\`)`);
  const articles = await store.getArticles(story.articleIds);
  return { dossier: buildDossier(story, articles), articles: new Map(articles.map((a) => [a.id, a])) };
}
