import { mergeEntities, type StoryEntity } from '../annotate/entities/index.js';
import { type Article, layer } from '../model/article.js';
import type { Dossier, Story } from '../model/story.js';
import { buildCoverage } from './coverage.js';
import { buildFacts } from './facts.js';
import { mergeQuotes } from './quotes.js';
import { summarize } from './summary.js';
import { buildTimeline } from './timeline.js';
import { factUnits } from './units.js';

/**
 * Who is who lists the story's cast, not every capitalised word once: an entity named in two or more articles, or
 * once with a role read next to it. A shouted one-word name ("PUERTO" from a dateline) is left out unless it is a
 * short acronym ("AFP", "NATO").
 */
function isWorthListing(e: StoryEntity): boolean {
  if (/^\p{Lu}{6,}$/u.test(e.name)) return false;
  return (e.articleCount ?? 1) >= 2 || e.roles.length > 0;
}

/**
 * Builds a story's dossier from the stored story and its articles: facts aligned across independent sources with
 * their status, quotes merged across outlets, the story's people and organisations with roles, a dated timeline,
 * the coverage matrix with framing signals, and an extractive summary. Every statement carries citations; a
 * section with nothing to cite stays empty rather than invented.
 */
export function buildDossier(story: Story, articles: readonly Article[]): Dossier {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outlets: Record<string, string> = {};
  for (const a of articles) outlets[a.id] = a.outlet ?? a.provenance.syndicatedFrom ?? a.source.path;
  const sourceOf = new Map<string, string>();
  for (const s of story.sources) for (const id of s.articleIds) sourceOf.set(id, s.name);
  const eventOf = new Map<string, string>();
  for (const e of story.events) for (const id of e.articleIds) eventOf.set(id, e.id);
  const units = factUnits(articles, sourceOf, eventOf);
  const facts = buildFacts(units);
  const entities = mergeEntities(articles.map((a) => ({ articleId: a.id, mentions: layer(a, 'entities') }))).filter(isWorthListing);
  return {
    id: story.id,
    title: story.title,
    articleIds: story.articleIds,
    sources: story.sources,
    events: story.events,
    entities,
    timeline: buildTimeline(facts, units),
    quotes: mergeQuotes(articles, entities),
    facts,
    summary: summarize(story, byId, facts, units),
    coverage: buildCoverage(facts, units, entities, articles, sourceOf),
    outlets,
  };
}
