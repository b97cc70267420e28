import type { Sentence } from '../model/annotations.js';
import { type Article, layer } from '../model/article.js';
import { type ArticleStage, withLayers } from '../pipeline/stage.js';
import { analyzeSpan } from './nlp.js';

/**
 * Splits each block into sentences. Blocks are split separately so a headline or list item without a final
 * period never runs into the next one; a dateline stays inside its paragraph's first sentence.
 */
export function sentences(): ArticleStage {
  return {
    name: 'sentences',
    requires: ['blocks'],
    produces: ['sentences'],
    run(article: Article) {
      const out: Sentence[] = [];
      layer(article, 'blocks').forEach((block, blockIndex) => {
        if (block.kind === 'dateline') return;
        for (const s of analyzeSpan(article.text, block.start, block.end).sentences) {
          out.push({ start: block.start + s.start, end: block.start + s.end, blockIndex });
        }
      });
      return withLayers(article, { sentences: out });
    },
  };
}
