import type { Quantity } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import { type ArticleStage, withLayers } from '../../pipeline/stage.js';
import { scanQuantities } from './scan.js';

/** Options of the quantities stage. */
export type QuantitiesOptions = Record<string, never>;

/**
 * Numbers with what they count, their unit and qualifier ("more than 1,500 workers", "a 30% tariff", "$30 million
 * a day", "1.200 estibadores"), sentence by sentence so a counted noun never runs into the next sentence. The
 * article's language decides how "1.200" reads. Dates, years, times and durations are left to the times stage.
 */
export function quantities(_options: QuantitiesOptions = {}): ArticleStage {
  return {
    name: 'quantities',
    requires: ['sentences'],
    produces: ['quantities'],
    run(article: Article) {
      const out: Quantity[] = [];
      for (const sentence of layer(article, 'sentences')) out.push(...scanQuantities(article.text, sentence, article.language));
      return withLayers(article, { quantities: out });
    },
  };
}
