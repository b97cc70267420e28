import { ENTITY_DEFAULTS, extractEntities } from '../../src/annotate/entities/index.js';
import type { EntityMention } from '../../src/model/annotations.js';
import { type Article, layer } from '../../src/model/article.js';
import { withLayers } from '../../src/pipeline/stage.js';
import { plainArticle } from '../plain-article.js';

/**
 * A cleaned article built from paragraphs (the first one a headline block when `headline` is set), with sentences
 * already split: the input the entities stage expects. For tests and evaluation only.
 */
export function articleFrom(paragraphs: readonly string[], language = 'en', options: { headline?: boolean } = {}): Article {
  const article = plainArticle(paragraphs.join('\n\n'), language);
  if (!options.headline) return article;
  const [first, ...rest] = layer(article, 'blocks');
  return first ? withLayers(article, { blocks: [{ ...first, kind: 'headline' }, ...rest] }) : article;
}

/** Entity mentions of an article built from paragraphs, as the shipped stage finds them (tagger and rules). */
export function mentionsOf(paragraphs: readonly string[], language = 'en'): EntityMention[] {
  return extractEntities(articleFrom(paragraphs, language));
}

/** Entity mentions found by the capitalisation rules alone (the stage without its tagger), for rule-module tests. */
export function ruleMentionsOf(paragraphs: readonly string[], language = 'en'): EntityMention[] {
  return extractEntities(articleFrom(paragraphs, language), { ...ENTITY_DEFAULTS, tagger: false });
}

/** Compact view of a mention for assertions: `text|type|canonical|via|role`. */
export function brief(m: EntityMention): string {
  return [m.text, m.type, m.canonical, m.via, m.role?.text ?? ''].join('|');
}
