import { sentences } from '../src/annotate/sentences.js';
import type { Block } from '../src/model/annotations.js';
import type { Article } from '../src/model/article.js';
import { contentId } from '../src/model/ids.js';
import { identityMap } from '../src/model/offset-map.js';
import { runStage } from '../src/pipeline/runner.js';

/**
 * An Article over a plain text whose offsets must stay those of the text (gold annotations point into it): each
 * non-empty line is a paragraph block; the sentences stage runs on it. For tests and evaluators, not cleaning.
 */
export function plainArticle(text: string, language = 'en', name = 'plain.txt'): Article {
  const blocks: Block[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const start = m.index ?? 0;
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed.length > 0) blocks.push({ start: start + lead, end: start + lead + trimmed.length, kind: 'paragraph' });
  }
  const article: Article = {
    id: contentId('plain', text),
    source: { kind: 'text', path: name },
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
