import { extractEntities } from '../../src/annotate/entities/index.js';
import { sentences } from '../../src/annotate/sentences.js';
import type { Block, EntityMention } from '../../src/model/annotations.js';
import type { Article } from '../../src/model/article.js';
import { identityMap } from '../../src/model/offset-map.js';
import { runStage } from '../../src/pipeline/runner.js';

/**
 * A cleaned article built from paragraphs (first one a headline when `headline` is set), with sentences already
 * split: the input the entities stage expects. For tests and evaluation only.
 */
export function articleFrom(paragraphs: readonly string[], language = 'en', options: { headline?: boolean } = {}): Article {
  const blocks: Block[] = [];
  let text = '';
  paragraphs.forEach((p, i) => {
    if (i > 0) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + p.length, kind: options.headline && i === 0 ? 'headline' : 'paragraph' });
    text += p;
  });
  const article: Article = {
    id: 'test',
    source: { kind: 'text', path: 'test.txt' },
    aliases: [],
    text,
    offsetMap: identityMap(text.length),
    title: null,
    outlet: null,
    authors: [],
    published: { date: null, basis: 'unknown' },
    url: null,
    language,
    provenance: { syndicatedFrom: null, duplicateOf: null },
    removed: [],
    repairs: [],
    embeds: [],
    layers: { blocks },
    messages: [],
  };
  return runStage(sentences(), article);
}

/** Entity mentions of an article built from paragraphs, for rule tests. */
export function mentionsOf(paragraphs: readonly string[], language = 'en'): EntityMention[] {
  return extractEntities(articleFrom(paragraphs, language));
}

/** Compact view of a mention for assertions: `text|type|canonical|via|role`. */
export function brief(m: EntityMention): string {
  return [m.text, m.type, m.canonical, m.via, m.role?.text ?? ''].join('|');
}
