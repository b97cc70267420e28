import { mergeEntities, type StoryEntity } from '../annotate/entities/index.js';
import { type Article, layer } from '../model/article.js';
import type { Dossier, Story } from '../model/story.js';
import { capForDossier } from './article-cap.js';
import { buildCoverage } from './coverage.js';
import { buildFacts } from './facts.js';
import { mergeQuotes } from './quotes.js';
import { summarize } from './summary.js';
import { buildTimeline } from './timeline.js';
import { factUnits } from './units.js';

/**
 * Who is who lists the story's cast, not every capitalised word once: an entity named in two or more articles, or
 * once with a role read next to it, or an organisation or group named twice. A shouted one-word name ("PUERTO" from a dateline) is left out unless it is a
 * short acronym ("AFP", "NATO").
 */
function isWorthListing(e: StoryEntity, mentions: number): boolean {
  if (/^\p{Lu}{6,}$/u.test(e.name)) return false;
  // A gang, cartel or agency named again in one article is a party to the story even if one outlet alone names it.
  const group = (e.type === 'org' || e.type === 'group') && mentions >= 2;
  return (e.articleCount ?? 1) >= 2 || e.roles.length > 0 || group;
}

/**
 * Builds a story's dossier from the stored story and its articles: facts aligned across independent sources with
 * their status, quotes merged across outlets, the story's people and organisations with roles, a dated timeline,
 * the coverage matrix with framing signals, and an extractive summary. Every statement carries citations; a
 * section with nothing to cite stays empty rather than invented. An article past MAX_ALIGNED_CHARS is aligned by its
 * opening only (article-cap.ts).
 */
export function buildDossier(story: Story, storyArticles: readonly Article[]): Dossier {
  const articles = storyArticles.map(capForDossier);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outlets: Record<string, string> = {};
  for (const a of articles) outlets[a.id] = a.outlet ?? a.provenance.syndicatedFrom ?? a.source.path;
  const sourceOf = new Map<string, string>();
  for (const s of story.sources) for (const id of s.articleIds) sourceOf.set(id, s.name);
  const eventOf = new Map<string, string>();
  for (const e of story.events) for (const id of e.articleIds) eventOf.set(id, e.id);
  const units = factUnits(articles, sourceOf, eventOf);
  const facts = buildFacts(units);
  const entities = mergeEntities(
    articles.map((a) => ({ articleId: a.id, mentions: layer(a, 'entities') })),
    isWorthListing,
  );
  return {
    id: story.id,
    title: story.title,
    articleIds: story.articleIds,
    sources: story.sources,
    events: story.events,
    ...(story.dateRange !== undefined ? { dateRange: story.dateRange } : {}),
    ...(story.relatedStories ? { relatedStories: story.relatedStories } : {}),
    entities,
    timeline: buildTimeline(facts, units),
    quotes: mergeQuotes(articles, entities),
    facts,
    summary: summarize(story, byId, facts, units),
    coverage: buildCoverage(facts, units, entities, articles, sourceOf),
    outlets,
  };
}
