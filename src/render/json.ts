import type { Article } from '../model/article.js';
import type { Analysis, ArticleOut, StoryOut } from '../model/contract.js';
import type { Dossier } from '../model/story.js';

/** The contract's view of an article: the stored article minus internal layers and offset maps. */
export function articleOut(a: Article): ArticleOut {
  return {
    id: a.id,
    path: a.source.path,
    outlet: a.outlet,
    title: a.title,
    authors: a.authors,
    kind: a.kind ?? null,
    url: a.url,
    published: { date: a.published.date, basis: a.published.basis },
    language: a.language,
    text: a.text,
    provenance: { syndicatedFrom: a.provenance.syndicatedFrom, duplicateOf: a.provenance.duplicateOf },
    removed: a.removed.map((r) => ({ text: r.text, reason: r.reason })),
    repairs: a.repairs.map((r) => ({ from: r.from, to: r.to, reason: r.reason })),
    embeds: a.embeds.map((e) => ({ kind: e.kind, text: e.text, author: e.author, date: e.date })),
    messages: a.messages.map((m) => ({ ruleId: m.ruleId, reason: m.reason, severity: m.severity })),
  };
}

/** The contract's view of a dossier (renderer-only fields dropped). */
export function storyOut(d: Dossier): StoryOut {
  const { outlets: _outlets, ...story } = d;
  return story;
}

/** The whole analysis in contract v1 form. */
export function analysisJson(articles: readonly Article[], dossiers: readonly Dossier[]): Analysis {
  return { version: 1, articles: articles.map(articleOut), stories: dossiers.map(storyOut) };
}
