import type { Article } from '../model/article.js';
import type { Dossier, Story } from '../model/story.js';
import { leadSummary } from './summary.js';

/**
 * Builds a story's dossier from the stored story and its articles. Sections the engine cannot fill yet stay empty
 * lists (never invented content); every statement that is filled carries citations.
 */
export function buildDossier(story: Story, articles: readonly Article[]): Dossier {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outlets: Record<string, string> = {};
  for (const a of articles) outlets[a.id] = a.outlet ?? a.provenance.syndicatedFrom ?? a.source.path;
  return {
    id: story.id,
    title: story.title,
    articleIds: story.articleIds,
    sources: story.sources,
    events: story.events,
    entities: [],
    timeline: [],
    quotes: [],
    facts: [],
    summary: leadSummary(story, byId),
    outlets,
  };
}
